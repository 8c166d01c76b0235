package no.dialog.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in template.yaml: no IAM action or resource has a {@code *} that a comment does not justify,
 * and no function takes a whole-table policy template.
 */
class IamWildcardsTest {

    @Test
    void everyWildcardInTheTemplatesPoliciesIsJustified() throws Exception {
        String text = Files.readString(TemplateFiles.findFromWorkingDirectory());
        assertThat(IamWildcards.unjustified(text)).isEmpty();
    }

    /** SAM's DynamoDBCrudPolicy and DynamoDBReadPolicy grant Scan, DeleteItem and every index: each function names its own. */
    @Test
    void noFunctionTakesAWholeTablePolicyTemplate() throws Exception {
        String text = Files.readString(TemplateFiles.findFromWorkingDirectory());
        assertThat(text).doesNotContain("DynamoDBCrudPolicy").doesNotContain("DynamoDBReadPolicy");
    }

    @Test
    void findsAWildcardActionOrResourceWithoutAReason() {
        String text = """
                Resources:
                  Fn:
                    Properties:
                      Policies:
                        - Statement:
                            - Sid: Open
                              Effect: Allow
                              Action: dynamodb:*
                              Resource: "*"
                            - Sid: ListedResources
                              Effect: Allow
                              Action: [s3:GetObject]
                              Resource:
                                - !Sub "arn:aws:s3:::bucket/reports/*"
                                - !Sub "arn:aws:s3:::bucket/ocr/*"  # OCR files arrive under any name
                            - Sid: Keys  # one secret per tenant, named by prefix
                              Effect: Allow
                              Action: [secretsmanager:GetSecretValue]
                              Resource: !Sub "arn:aws:secretsmanager:r:a:secret:dialog/x/*"
                            - Effect: Allow
                              Action: [sqs:SendMessage]
                              Resource: !Sub "arn:aws:sqs:r:a:queue-*"
                            # A comment with * in it is no policy.
                            - Sid: Exact
                              Effect: Allow
                              Action: [sqs:SendMessage]
                              Resource: !GetAtt Queue.Arn
                """;

        assertThat(IamWildcards.unjustified(text)).containsExactly(
                "line 8: Action: dynamodb:*",
                "line 9: Resource: \"*\"",
                "line 14: - !Sub \"arn:aws:s3:::bucket/reports/*\"",
                "line 22: Resource: !Sub \"arn:aws:sqs:r:a:queue-*\"");
    }
}
