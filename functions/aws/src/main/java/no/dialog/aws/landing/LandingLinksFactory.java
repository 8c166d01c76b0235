package no.dialog.aws.landing;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import no.dialog.core.landing.LandingKeys;
import no.dialog.core.landing.LinkStore;
import no.dialog.core.landing.LinkTokens;
import no.dialog.core.landing.MintedLinks;
import no.dialog.core.landing.PersonalLinks;

/**
 * Link signing and minting from the function's environment, shared by the senders (which mint) and the
 * landing function (which checks): {@code LANDING_SECRET} (base64, at least 32 bytes),
 * {@code LANDING_KEY_VERSION} (default 1), {@code LANDING_OLDEST_KEY_VERSION} (default 1),
 * {@code LANDING_LINKS_TABLE} and {@code PUBLIC_BASE_URL}. Without a secret, table or base URL no links
 * are minted ({@link PersonalLinks#NONE}): messages carry the placeholder, as before landing pages.
 */
@Factory
public class LandingLinksFactory {

    @Singleton
    @Requires(property = "landing.secret", pattern = ".+")
    LandingKeys landingKeys(@Value("${landing.secret}") String secret,
            @Value("${landing.key.version:1}") int version, @Value("${landing.oldest.key.version:1}") int oldest) {
        return new LandingKeys(Base64.getDecoder().decode(secret.trim()), version, oldest);
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
