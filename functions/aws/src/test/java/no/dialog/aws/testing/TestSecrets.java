package no.dialog.aws.testing;

import java.util.UUID;
import no.dialog.emulators.Emulators;

/**
 * Secrets in the shared emulators' Secrets Manager endpoint, for function tests: what the template's secrets are in
 * AWS, so a function reads them through the {@code *_SECRET_ARN} its environment names, as deployed.
 */
public final class TestSecrets {

    private TestSecrets() {
    }

    /** A new secret (its name made unique, tests share the emulators) holding {@code value}; returns its ARN. */
    public static String create(Emulators emulators, String name, String value) {
        return emulators.secretsManager().createSecret(b -> b.name("test/" + name + "-" + UUID.randomUUID())
                .secretString(value)).arn();
    }

    /** A new key secret in the format of Dialog's generated keys: {@code {"format":"text","key":...}}. */
    public static String textKey(Emulators emulators, String name, String key) {
        return create(emulators, name, "{\"format\":\"text\",\"key\":\"" + key + "\"}");
    }

    /** A new key secret holding base64 key bytes: {@code {"format":"base64","key":...}}. */
    public static String base64Key(Emulators emulators, String name, String base64) {
        return create(emulators, name, "{\"format\":\"base64\",\"key\":\"" + base64 + "\"}");
    }
}
