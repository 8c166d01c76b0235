package no.dialog.core.landing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.page.Texts;
import no.dialog.core.tenant.Tenant;

/**
 * {@link PersonalLinks} that mints a real link per send: the link id comes from the send's idempotency
 * key, the binding is stored if it is not there yet, and the token is signed over the stored binding,
 * so a redelivered send request renders exactly the same link.
 *
 * <p>Tenant setting {@code landing.validDays}: how many days a link works after the send was requested
 * (default 30, 1-365).
 */
public final class MintedLinks implements PersonalLinks {

    public static final int DEFAULT_VALID_DAYS = 30;
    /** Tenant setting: how many days a personal link is valid, 1 to {@value #MAX_VALID_DAYS}. */
    public static final String VALID_DAYS_SETTING = "landing.validDays";
    public static final int MAX_VALID_DAYS = 365;

    private final LinkTokens tokens;
    private final LinkStore store;
    private final String baseUrl;
    private final Clock clock;

    /** @param publicBaseUrl where {@code /p/<token>} is served ({@code PUBLIC_BASE_URL}), without a trailing slash */
    public MintedLinks(LinkTokens tokens, LinkStore store, String publicBaseUrl, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.store = Objects.requireNonNull(store, "store");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        this.baseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String mint(Tenant tenant, SendRequest request, String language) {
        if (request.journeyId() == null || request.stepId() == null) {
            return null;
        }
        Instant from = request.requestedAt() != null ? request.requestedAt() : clock.instant();
        LinkBinding binding = new LinkBinding(tenant.id(), request.journeyId(), request.version(), request.stepId(),
                request.enrolmentId(), request.contactId(), Texts.language(language, "nb"),
                from.plus(Duration.ofDays(validDays(tenant))));
        String linkId = tokens.linkId(tenant.id(), request.idempotencyKey());
        StoredLink link = new StoredLink(linkId, tokens.currentVersion(), binding, Set.of(), null);
        if (!store.create(link)) {
            // Minted before (a redelivery): sign what is stored, so the text is the same as the first time.
            link = store.find(linkId).orElseThrow(
                    () -> new IllegalStateException("the link store refused a link it does not have"));
            if (!link.binding().tenant().equals(tenant.id())) {
                throw new PermanentFailure("link id clash across tenants");
            }
        }
        return baseUrl + "/p/" + tokens.token(link.keyVersion(), linkId, link.binding());
    }

    private static int validDays(Tenant tenant) {
        return tenant.setting(VALID_DAYS_SETTING).map(value -> {
            try {
                int days = Integer.parseInt(value.trim());
                return days >= 1 && days <= MAX_VALID_DAYS ? days : DEFAULT_VALID_DAYS;
            } catch (NumberFormatException e) {
                return DEFAULT_VALID_DAYS;
            }
        }).orElse(DEFAULT_VALID_DAYS);
    }
}
