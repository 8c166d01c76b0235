package no.dialog.aws.privacy;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.dialog.aws.secrets.SecretKeys;
import no.dialog.aws.secrets.SecretValues;
import no.dialog.core.privacy.HmacPseudonyms;
import no.dialog.core.privacy.Pseudonyms;

/**
 * The {@link Pseudonyms} an erasure gives a person's payments, keyed by {@code PSEUDONYM_KEY_SECRET_ARN} (a key
 * of at least 32 bytes in Secrets Manager, format in {@link SecretKeys}). The key is never rotated: a new key
 * would make other pseudonyms, and the organisation could no longer find the payments of a contact id it knows
 * (docs/privacy.md, "Payments after an erasure").
 */
@Factory
public class PseudonymsFactory {

    @Singleton
    @Requires(property = "pseudonym.key.secret.arn", pattern = ".+")
    Pseudonyms pseudonyms(SecretValues secrets, @Value("${pseudonym.key.secret.arn}") String arn) {
        return new HmacPseudonyms(secrets.derived(arn, value -> SecretKeys.bytes(value, 32)));
    }
}
