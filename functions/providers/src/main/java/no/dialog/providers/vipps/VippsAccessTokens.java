package no.dialog.providers.vipps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.core.payment.vipps.VippsCredentials;

/**
 * Vipps access tokens, one per API client (client id + merchant serial number), kept until shortly before they
 * expire. A token lives 1 hour in Vipps' test environment and 24 hours in production, so fetching one per call
 * would cost a round trip per call for nothing.
 *
 * <p>When many threads ask for the same client's token at once, one fetches and the others wait for its answer
 * (a lock per client; other clients are not held up). {@link #forget} drops a token Vipps refused (401), unless a
 * newer one has already replaced it.
 *
 * <p>Thread-safe.
 */
public final class VippsAccessTokens {

    /** Refresh this long before the token expires, so a call never starts with a token about to lapse. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

    /** A token and when Vipps says it expires. */
    public record AccessToken(String value, Instant expiresAt) {
        public AccessToken {
            Objects.requireNonNull(value, "access token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }

    /** Asks Vipps for a new token ({@code POST /accesstoken/get}). */
    @FunctionalInterface
    public interface Fetcher {
        AccessToken fetch(VippsCredentials credentials);
    }

    private record Client(String clientId, String merchantSerialNumber) {
        static Client of(VippsCredentials credentials) {
            return new Client(credentials.clientId(), credentials.merchantSerialNumber());
        }
    }

    private static final class Slot {
        private AccessToken token;
        private Instant refreshAt;
    }

    private final Fetcher fetcher;
    private final Clock clock;
    private final Map<Client, Slot> slots = new ConcurrentHashMap<>();

    public VippsAccessTokens(Fetcher fetcher, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A valid token for these credentials: the cached one, or a new one from Vipps. */
    public String token(VippsCredentials credentials) {
        Slot slot = slots.computeIfAbsent(Client.of(credentials), client -> new Slot());
        synchronized (slot) {
            if (slot.token == null || !clock.instant().isBefore(slot.refreshAt)) {
                Instant asked = clock.instant();
                AccessToken fresh = fetcher.fetch(credentials);
                slot.token = fresh;
                slot.refreshAt = refreshAt(asked, fresh.expiresAt());
            }
            return slot.token.value();
        }
    }

    /** Drops {@code refused} (Vipps answered 401 to it); a newer token fetched meanwhile stays. */
    public void forget(VippsCredentials credentials, String refused) {
        Slot slot = slots.get(Client.of(credentials));
        if (slot == null) {
            return;
        }
        synchronized (slot) {
            if (slot.token != null && slot.token.value().equals(refused)) {
                slot.token = null;
                slot.refreshAt = null;
            }
        }
    }

    /** The margin, but never more than half the token's life (a short-lived token is still worth keeping). */
    private static Instant refreshAt(Instant asked, Instant expiresAt) {
        Duration life = Duration.between(asked, expiresAt);
        if (life.isNegative() || life.isZero()) {
            return asked;
        }
        Duration margin = life.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? life.dividedBy(2) : REFRESH_MARGIN;
        return expiresAt.minus(margin);
    }
}
