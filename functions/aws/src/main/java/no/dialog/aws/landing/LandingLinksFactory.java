package no.dialog.aws.landing;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import no.dialog.aws.secrets.SecretKeys;
import no.dialog.aws.secrets.SecretValues;
import no.dialog.core.landing.LandingKeys;
import no.dialog.core.landing.LinkStore;
import no.dialog.core.landing.LinkTokens;
import no.dialog.core.landing.MintedLinks;
import no.dialog.core.landing.PersonalLinks;

/**
 * Link signing and minting from the function's environment, shared by the senders (which mint) and the
 * landing function (which checks): {@code LANDING_KEY_SECRET_ARN} (the link key in Secrets Manager, at least 32
 * bytes, read through {@link SecretValues}; format in {@link SecretKeys}),
 * {@code LANDING_KEY_VERSION} (default 1), {@code LANDING_OLDEST_KEY_VERSION} (default 1),
 * {@code LANDING_LINKS_TABLE} and {@code PUBLIC_BASE_URL}. Without a key, table or base URL no links
 * are minted ({@link PersonalLinks#NONE}): messages carry the placeholder, as before landing pages.
 */
@Factory
public class LandingLinksFactory {

    @Singleton
    @Requires(property = "landing.key.secret.arn", pattern = ".+")
    LandingKeys landingKeys(SecretValues secrets, @Value("${landing.key.secret.arn}") String arn,
            @Value("${landing.key.version:1}") int version, @Value("${landing.oldest.key.version:1}") int oldest) {
        return new LandingKeys(secrets.derived(arn, value -> SecretKeys.bytes(value, 32)), version, oldest);
    }

    @Singleton
    PersonalLinks personalLinks(Optional<LandingKeys> keys, Optional<LinkStore> store,
            @Value("${public.base.url:}") String baseUrl, Clock clock) {
        if (keys.isEmpty() || store.isEmpty() || baseUrl.isBlank()) {
            return PersonalLinks.NONE;
        }
        return new MintedLinks(new LinkTokens(keys.get()), store.get(), baseUrl, clock);
    }
}
