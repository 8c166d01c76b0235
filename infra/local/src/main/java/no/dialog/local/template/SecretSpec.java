package no.dialog.local.template;

import java.util.Optional;

/**
 * An {@code AWS::SecretsManager::Secret}: its name and how its first value is made, either given
 * ({@code SecretString}) or generated ({@code GenerateSecretString}).
 *
 * @param logicalId    the resource's logical id
 * @param name         the secret's name
 * @param secretString the value given in the template, if any
 * @param generate     how to generate the value, if the template asks for that
 */
public record SecretSpec(String logicalId, String name, Optional<String> secretString, Optional<Generate> generate) {

    /**
     * {@code GenerateSecretString}, as far as Dialog uses it: a random string of {@code length} characters from the
     * letters and digits (and punctuation unless excluded), less the excluded characters, placed in
     * {@code template} under {@code key} when a template is given.
     */
    public record Generate(int length, boolean excludePunctuation, String excludeCharacters,
                           Optional<String> template, Optional<String> key) {
    }

    static SecretSpec read(TemplateResource resource, String name, IntrinsicResolver resolver) {
        PropertyReader properties = PropertyReader.of(resource, resolver);
        Optional<Generate> generate = properties.object("GenerateSecretString").map(g -> new Generate(
                g.integer("PasswordLength", 32), g.bool("ExcludePunctuation", false),
                g.string("ExcludeCharacters").orElse(""), g.string("SecretStringTemplate"),
                g.string("GenerateStringKey")));
        return new SecretSpec(resource.logicalId(), name, properties.string("SecretString"), generate);
    }
}
