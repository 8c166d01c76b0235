package no.dialog.local.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.dialog.local.template.SecretSpec;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Creates the template's secrets in the local Secrets Manager endpoint, as CloudFormation would: with the
 * template's {@code SecretString}, or a value generated as {@code GenerateSecretString} asks. A secret that exists
 * is kept (a persistent local stack keeps its generated keys, so links sent before a restart still open).
 *
 * <p>Development values: where a sandbox must know a secret (the webhook key the LINK sandbox signs with, the
 * passwords the provider sandboxes check) the local stack passes the value by logical id; such a secret is set
 * to it, and set back to it if it was changed.
 */
public final class SecretProvisioner {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final Map<String, String> devValues;
    private final SecureRandom random = new SecureRandom();

    /** @param devValues development values by logical id, for the secrets that sandboxes must know */
    public SecretProvisioner(SecretsManagerClient secrets, Map<String, String> devValues) {
        this.secrets = secrets;
        this.devValues = Map.copyOf(devValues);
    }

    /** Provisions the secrets, logging what it did; @return each secret's ARN by logical id */
    public Map<String, String> provision(List<SecretSpec> specs) {
        return provision(specs, new ProvisioningLog());
    }

    /** @return each secret's ARN by logical id */
    Map<String, String> provision(List<SecretSpec> specs, ProvisioningLog log) {
        Map<String, String> arns = new LinkedHashMap<>();
        for (SecretSpec spec : specs) {
            arns.put(spec.logicalId(), provision(spec, log));
        }
        return arns;
    }

    private String provision(SecretSpec spec, ProvisioningLog log) {
        String devValue = devValues.get(spec.logicalId());
        String current;
        String arn;
        try {
            var value = secrets.getSecretValue(b -> b.secretId(spec.name()));
            current = value.secretString();
            arn = value.arn();
        } catch (ResourceNotFoundException e) {
            String value = devValue != null ? devValue : firstValue(spec);
            arn = secrets.createSecret(b -> b.name(spec.name()).secretString(value)).arn();
            log.created(spec.logicalId(), spec.name(), devValue != null ? "secret (development value)" : "secret");
            return arn;
        }
        if (devValue != null && !devValue.equals(current)) {
            secrets.putSecretValue(b -> b.secretId(spec.name()).secretString(devValue));
            log.updated(spec.logicalId(), spec.name(), "secret set back to its development value");
        } else {
            log.unchanged(spec.logicalId(), spec.name(), "secret exists");
        }
        return arn;
    }

    private String firstValue(SecretSpec spec) {
        if (spec.secretString().isPresent()) {
            return spec.secretString().get();
        }
        SecretSpec.Generate generate = spec.generate().orElseThrow(() -> new ProvisioningException(
                spec.logicalId() + " has neither SecretString nor GenerateSecretString"));
        String password = password(generate);
        if (generate.template().isEmpty()) {
            return password;
        }
        try {
            ObjectNode template = (ObjectNode) JSON.readTree(generate.template().get());
            template.put(generate.key().orElseThrow(() -> new ProvisioningException(spec.logicalId()
                    + ": SecretStringTemplate needs GenerateStringKey")), password);
            return JSON.writeValueAsString(template);
        } catch (IOException | ClassCastException e) {
            throw new ProvisioningException(spec.logicalId() + ": SecretStringTemplate is not a JSON object");
        }
    }

    private String password(SecretSpec.Generate generate) {
        StringBuilder alphabet = new StringBuilder(LETTERS).append(DIGITS);
        if (!generate.excludePunctuation()) {
            alphabet.append(PUNCTUATION);
        }
        String allowed = alphabet.chars().filter(c -> generate.excludeCharacters().indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        StringBuilder password = new StringBuilder(generate.length());
        for (int i = 0; i < generate.length(); i++) {
            password.append(allowed.charAt(random.nextInt(allowed.length())));
        }
        return password.toString();
    }
}
