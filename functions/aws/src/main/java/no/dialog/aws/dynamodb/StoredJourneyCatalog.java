package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.aws.snapstart.RestoreHook;
import no.dialog.core.enrolment.JourneyCatalog;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.journey.JourneyVersion;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.tenant.TenantId;

/**
 * {@link JourneyCatalog} over the {@link JourneyStore}. Versions that have run are immutable, so they are
 * parsed once per function instance and kept; heads (the status, and each version's declared experiment
 * winner) are kept for a few seconds only, so a pause or a winner takes effect within {@link #HEAD_TTL}
 * everywhere without a read per enrolment.
 */
@Singleton
@Requires(beans = JourneyStore.class)
public class StoredJourneyCatalog implements JourneyCatalog, RestoreHook {

    static final Duration HEAD_TTL = Duration.ofSeconds(5);

    private record CachedHeads(List<JourneyHead> heads, Instant readAt) {}

    private final JourneyStore journeys;
    private final Clock clock;
    private final Map<String, JourneyVersion> versions = new ConcurrentHashMap<>();
    private final Map<TenantId, CachedHeads> heads = new ConcurrentHashMap<>();

    public StoredJourneyCatalog(JourneyStore journeys, Clock clock) {
        this.journeys = journeys;
        this.clock = clock;
    }

    @Override
    public Optional<JourneyVersion> version(TenantId tenant, String journeyId, int version) {
        String key = tenant.value() + "/" + journeyId + "/" + version;
        JourneyVersion cached = versions.get(key);
        if (cached != null) {
            return Optional.of(withWinner(tenant, cached));
        }
        Optional<JourneyVersion> read = journeys.version(tenant, journeyId, version).map(json -> {
            JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(json);
            if (!parsed.ok()) {
                throw new PermanentFailure("stored journey version is not valid: " + parsed.problems().get(0));
            }
            return new JourneyVersion(tenant, journeyId, version, parsed.definition());
        });
        read.ifPresent(v -> versions.put(key, v));
        return read.map(v -> withWinner(tenant, v));
    }

    /** The version with its declared winner from the (briefly cached) head, which is where winners live. */
    private JourneyVersion withWinner(TenantId tenant, JourneyVersion version) {
        if (version.definition().experiment() == null) {
            return version;
        }
        String winner = heads(tenant).stream().filter(h -> h.journeyId().equals(version.journeyId())).findFirst()
                .map(h -> h.winner(version.version())).orElse(null);
        return version.withWinner(winner);
    }

    @Override
    public Optional<JourneyStatus> status(TenantId tenant, String journeyId) {
        return heads(tenant).stream().filter(h -> h.journeyId().equals(journeyId)).findFirst().map(JourneyHead::status);
    }

    @Override
    public List<JourneyVersion> active(TenantId tenant) {
        List<JourneyVersion> active = new ArrayList<>();
        for (JourneyHead head : heads(tenant)) {
            if (head.status() == JourneyStatus.ACTIVE && head.activeVersion() > 0) {
                version(tenant, head.journeyId(), head.activeVersion()).ifPresent(active::add);
            }
        }
        return active;
    }

    private List<JourneyHead> heads(TenantId tenant) {
        Instant now = clock.instant();
        CachedHeads cached = heads.get(tenant);
        // The local clock can be moved backwards in tests; a read "from the future" is stale too.
        if (cached == null || cached.readAt().plus(HEAD_TTL).isBefore(now) || cached.readAt().isAfter(now)) {
            cached = new CachedHeads(journeys.list(tenant), now);
            heads.put(tenant, cached);
        }
        return cached.heads();
    }

    /** Heads are kept by the clock's time, which jumps between a snapshot and a restore: read them again. */
    @Override
    public void afterRestore() {
        heads.clear();
    }
}
