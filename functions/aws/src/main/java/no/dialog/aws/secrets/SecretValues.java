package no.dialog.aws.secrets;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import no.dialog.aws.snapstart.RestoreHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * The current values of the secrets a function was given the ARNs of ({@code *_SECRET_ARN}), read from Secrets
 * Manager and kept for a time to live: a value is fetched at init (the factories ask for it when they build their
 * beans, so a missing secret or permission fails the init, not the first request), then read again when it is
 * older than the TTL, so a new value ({@code put-secret-value}) reaches every running instance within the TTL.
 *
 * <p><b>SnapStart.</b> Values fetched during the init are in the snapshot; after a restore they are all dropped
 * ({@link RestoreHook}) and read again on first use, so a restored instance never serves a value older than its
 * restore. <b>Failures.</b> When a refresh fails (Secrets Manager unreachable, throttled) the value already held
 * is kept and the read is tried again after {@link #RETRY_AFTER_FAILURE}; without a value held the failure is
 * thrown. Values are never logged.
 */
public final class SecretValues implements RestoreHook {

    private static final Logger LOG = LoggerFactory.getLogger(SecretValues.class);
    /** How long a value kept after a failed refresh is served before the next try. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final SecretsManagerClient client;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /**
     * @param ttl      how long a value is served before it is read again
     * @param nanoTime a monotonic clock ({@code System::nanoTime}); not the wall clock, which jumps after a restore
     */
    public SecretValues(SecretsManagerClient client, Duration ttl, LongSupplier nanoTime) {
        this.client = Objects.requireNonNull(client, "client");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the secrets' TTL must be positive, was " + ttl);
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The secret's current value ({@code SecretString}), from the cache while it is younger than the TTL. */
    public String get(String arn) {
        Objects.requireNonNull(arn, "arn");
        long now = nanoTime.getAsLong();
        Held current = held.get(arn);
        if (current != null && now - current.until < 0) {
            return current.value;
        }
        return held.compute(arn, (key, previous) -> {
            // Another thread may have refreshed it meanwhile.
            if (previous != null && previous != current && nanoTime.getAsLong() - previous.until < 0) {
                return previous;
            }
            try {
                String value = client.getSecretValue(b -> b.secretId(key)).secretString();
                if (value == null) {
                    throw new IllegalStateException("secret " + name(key) + " has no string value");
                }
                return new Held(value, nanoTime.getAsLong() + ttlNanos);
            } catch (SecretsManagerException | software.amazon.awssdk.core.exception.SdkClientException e) {
                if (previous == null) {
                    throw new IllegalStateException("could not read secret " + name(key) + ": "
                            + e.getClass().getSimpleName(), e);
                }
                LOG.warn("secret-refresh-failed secret={} error={}: the value held is kept", name(key),
                        e.getClass().getSimpleName());
                return new Held(previous.value, nanoTime.getAsLong() + RETRY_AFTER_FAILURE.toNanos());
            }
        }).value;
    }

    /** A view of one secret that reads {@link #get} on every call: what beans keep instead of the value itself. */
    public Supplier<String> supplier(String arn) {
        get(arn);
        return () -> get(arn);
    }

    /**
     * A view of one secret turned into what its user needs (key bytes, a password), made again only when the value
     * changes: the supplier hands out the same object until then, which is what core's key holders expect. The
     * value is read and converted once now, so a missing or malformed secret fails the function's init.
     */
    public <T> Supplier<T> derived(String arn, Function<String, T> convert) {
        AtomicReference<Converted<T>> last = new AtomicReference<>();
        Supplier<T> supplier = () -> {
            String value = get(arn);
            Converted<T> known = last.get();
            if (known == null || !known.source().equals(value)) {
                known = new Converted<>(value, convert.apply(value));
                last.set(known);
            }
            return known.result();
        };
        supplier.get();
        return supplier;
    }

    private record Converted<T>(String source, T result) {
    }

    /** Drops every value held, so each is read again on first use after a SnapStart restore. */
    @Override
    public void afterRestore() {
        held.clear();
    }

    /** The secret's name (the ARN's last part without the random suffix), for messages; never the value. */
    static String name(String arn) {
        int secret = arn.indexOf(":secret:");
        return secret < 0 ? arn : arn.substring(secret + ":secret:".length());
    }

    private record Held(String value, long until) {
    }
}
