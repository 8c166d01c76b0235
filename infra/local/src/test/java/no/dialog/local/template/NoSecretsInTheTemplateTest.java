package no.dialog.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * No secret in a stack parameter or a function's environment (issue 13, ADR 0022): the project's template passes,
 * and each rule is shown to catch what it is for in a template that breaks it.
 */
class NoSecretsInTheTemplateTest {

    private final SecretExposure project = new SecretExposure(RealTemplate.TEMPLATE);

    @Test
    void noParameterIsNoEcho() {
        assertThat(project.noEchoParameters()).as("NoEcho parameters").isEmpty();
    }

    @Test
    void noFunctionEnvironmentCarriesASecret() {
        assertThat(project.environmentProblems()).as("secrets in environment variables").isEmpty();
    }

    @Test
    void aNoEchoParameterIsFoundAndSoIsEveryVariableThatTakesIt() {
        SecretExposure broken = new SecretExposure(CloudFormationTemplate.parse("""
                Parameters:
                  ApiToken: { Type: String, NoEcho: true }
                  Region: { Type: String }
                Globals:
                  Function:
                    Environment:
                      Variables:
                        UPSTREAM: !Sub "https://user:${ApiToken}@example.org"
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          CONFIG: !Ref ApiToken
                          REGION: !Ref Region
                """));

        assertThat(broken.noEchoParameters()).singleElement().asString().startsWith("Parameters.ApiToken is NoEcho");
        assertThat(broken.environmentProblems()).containsExactly(
                "Globals.Function.Environment.Variables.UPSTREAM: takes the NoEcho parameter ApiToken",
                "Resources.Fn.Properties.Environment.Variables.CONFIG: takes the NoEcho parameter ApiToken");
    }

    @Test
    void aResolvedSecretAndASecretByNameAreFoundAndArnsAndKeyVersionsAreNot() {
        SecretExposure broken = new SecretExposure(CloudFormationTemplate.parse("""
                Parameters:
                  KeyVersion: { Type: Number, Default: 1 }
                Resources:
                  Key:
                    Type: AWS::SecretsManager::Secret
                    Properties:
                      GenerateSecretString: { PasswordLength: 64 }
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          DB_URL: "{{resolve:secretsmanager:db:SecretString:url}}"
                          SMTP_PASSWORD: plain-text
                          API_KEY: !Ref KeyVersion
                          LINK_TOKEN: "{{resolve:ssm:/tokens/link}}"
                          KEY_SECRET_ARN: !Ref Key
                          OTHER_SECRET_ARN: !GetAtt Key.Id
                          LITERAL_SECRET_ARN: arn:aws:secretsmanager:eu-north-1:1:secret:x
                          SIGNING_KEY_VERSION: !Ref KeyVersion
                          KEYBOARD_LAYOUT: nb
                """));

        assertThat(broken.environmentProblems()).containsExactly(
                "Resources.Fn.Properties.Environment.Variables.DB_URL: resolves a secret into the environment ({{resolve:...}})",
                "Resources.Fn.Properties.Environment.Variables.SMTP_PASSWORD: its name says it holds a secret, and its value is not a secret's ARN",
                "Resources.Fn.Properties.Environment.Variables.API_KEY: its name says it holds a secret, and its value is not a secret's ARN",
                "Resources.Fn.Properties.Environment.Variables.LINK_TOKEN: its name says it holds a secret, and its value is not a secret's ARN");
    }

    @Test
    void aKmsKeysIdOrArnIsNotASecretButAPlainValueNamedKeyIs() {
        SecretExposure template = new SecretExposure(CloudFormationTemplate.parse("""
                Resources:
                  DataKey:
                    Type: AWS::KMS::Key
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          DATA_KEY_ID: !Ref DataKey
                          DATA_KEY_ARN: !GetAtt DataKey.Arn
                          OTHER_KEY_ID: 1234abcd-12ab-34cd-56ef-1234567890ab
                """));

        assertThat(template.environmentProblems()).containsExactly(
                "Resources.Fn.Properties.Environment.Variables.OTHER_KEY_ID: its name says it holds a secret, and its value is not a secret's ARN");
    }
}
