package no.dialog.landing;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.aws.secrets.SecretKeys;
import no.dialog.aws.secrets.SecretValues;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.JourneyCatalog;
import no.dialog.core.landing.AnswerChecker;
import no.dialog.core.landing.AnswerEffects;
import no.dialog.core.landing.LandingEvents;
import no.dialog.core.landing.LandingKeys;
import no.dialog.core.landing.LandingPages;
import no.dialog.core.landing.LinkCheck;
import no.dialog.core.landing.LinkStore;
import no.dialog.core.landing.LinkTokens;
import no.dialog.core.payment.Payments;
import no.dialog.core.payment.vipps.VippsLandingPayments;
import no.dialog.core.payment.vipps.VippsPaymentStore;
import no.dialog.core.payment.vipps.VippsSettings;
import no.dialog.providers.vipps.VippsClientSettings;
import no.dialog.providers.vipps.VippsHttpApi;
import no.dialog.core.landing.Postcodes;
import no.dialog.core.landing.SealedNumbers;
import no.dialog.core.landing.SecretSealer;
import no.dialog.core.crypto.RegisterPublicKey;
import no.dialog.core.crypto.TenantSealer;
import java.util.Optional;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.tenant.TenantDirectory;

/**
 * Wires the landing function from its environment: besides the tables and queues, {@code LANDING_KEY_SECRET_ARN}
 * (links and CSRF, in Secrets Manager, formats in {@link SecretKeys}), {@code DATA_KEY_ID} and {@code TENANT_KEYS_TABLE}
 * (national identity numbers sealed with the organisation's own data key), {@code LANDING_ENCRYPTION_KEY_SECRET_ARN}
 * with {@code LANDING_ENCRYPTION_KEY_VERSION} (the former deployment-wide key, read only), {@code PUBLIC_BASE_URL} (https: cookies are
 * {@code Secure}), {@code LANDING_RATE_PER_IP} and {@code LANDING_RATE_PER_LINK} (requests per minute in
 * one instance; defaults 300 and 60), {@code LANDING_PAYMENT_ORIGINS} (where a form with a payment
 * question may lead: the payment provider's pages; default Vipps MobilePay's).
 */
@Factory
public class LandingFactory {

    @Singleton
    @Secondary
    Payments payments() {
        // Without Vipps (no VIPPS_BASE_URL or PAYMENTS_TABLE) the page records the wish and says giving is not available.
        return Payments.NOT_AVAILABLE;
    }

    /** Gifts and monthly amounts through Vipps, for tenants with a Vipps set-up (others: not available). */
    @Singleton
    @Requires(property = "vipps.base.url")
    @Requires(property = "payments.table")
    Payments vippsPayments(VippsSettings settings, @Value("${vipps.base.url}") String baseUrl,
            @Value("${dialog.version:0.1.0}") String version, VippsPaymentStore store, Clock clock) {
        return new VippsLandingPayments(settings, new VippsHttpApi(VippsClientSettings.of(baseUrl, version), clock), store,
                clock);
    }

    /**
     * The former deployment-wide key ({@code LANDING_ENCRYPTION_KEY_SECRET_ARN}), kept only to read numbers sealed
     * before the tenant data keys (docs/adr/0028-tenant-data-keys.md, "Migration"); nothing is sealed with it now.
     */
    @Singleton
    @Requires(property = "landing.encryption.key.secret.arn", pattern = ".+")
    SecretSealer formerSealer(SecretValues secrets, @Value("${landing.encryption.key.secret.arn}") String arn,
            @Value("${landing.encryption.key.version:1}") int version) {
        return new SecretSealer(secrets.derived(arn, SecretKeys::aes256), version);
    }

    /** Numbers sealed with the tenant's data key ({@code DATA_KEY_ID}, {@code TENANT_KEYS_TABLE}); old ones still read. */
    @Singleton
    SealedNumbers sealedNumbers(TenantSealer sealer, Optional<SecretSealer> former) {
        return new SealedNumbers(sealer, former);
    }

    /**
     * The public key the organisation registered for its register ({@link RegisterPublicKey#SETTING}), if any. The
     * settings API checks it on the way in; one that no longer reads counts as none (the number is then withheld),
     * so an answer is never lost over it.
     */
    @Singleton
    AnswerEffects.RegisterKeys registerKeys(TenantDirectory tenants) {
        return tenant -> tenants.find(tenant).flatMap(t -> t.setting(RegisterPublicKey.SETTING)).flatMap(pem -> {
            try {
                return Optional.of(RegisterPublicKey.parse(pem));
            } catch (IllegalArgumentException e) {
                org.slf4j.LoggerFactory.getLogger(LandingFactory.class)
                        .warn("tenant {}: the stored register.publicKey does not read ({})", tenant, e.getMessage());
                return Optional.empty();
            }
        });
    }

    @Singleton
    LandingPages landingPages(LandingKeys keys, LinkStore links, TenantDirectory tenants, JourneyCatalog catalog,
            ContactStore contacts, ResponsePublisher responses, LandingEvents events, Payments payments,
            SealedNumbers numbers, AnswerEffects.RegisterKeys registerKeys, Clock clock) {
        return new LandingPages(new LinkCheck(new LinkTokens(keys), links), links, tenants, catalog, contacts,
                new AnswerChecker(Postcodes.bundled()), new AnswerEffects(numbers, registerKeys), responses, events,
                payments, clock);
    }

    @Singleton
    LandingRequests landingRequests(LandingPages pages, LandingKeys keys, Clock clock,
            @Value("${public.base.url:}") String baseUrl, @Value("${landing.rate.per.ip:300}") int perIp,
            @Value("${landing.rate.per.link:60}") int perLink,
            @Value("${landing.payment.origins:https://*.vipps.no https://*.mobilepay.dk}") String paymentOrigins) {
        return new LandingRequests(pages, new LinkTokens(keys), new CsrfTokens(keys), new PageRenderer(paymentOrigins),
                new RateLimiter(perIp, clock), new RateLimiter(perLink, clock), baseUrl.startsWith("https:"), baseUrl);
    }
}
