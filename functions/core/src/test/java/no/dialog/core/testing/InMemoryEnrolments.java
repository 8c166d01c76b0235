package no.dialog.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.EnrolmentRef;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.enrolment.JourneyEntries;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.enrolment.SendAllowance;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;

/**
 * The enrolment ports in memory, with the same conditional semantics as the DynamoDB adapters
 * (create only if absent, commit only on the expected revision), for fast tests of the runners.
 */
public final class InMemoryEnrolments implements EnrolmentStore, JourneyEntries, SendAllowance {

    private record Row(Enrolment enrolment, List<SendRequest> pending) {}

    private final Map<String, Row> enrolments = new ConcurrentHashMap<>();
    private final Map<ResultKey, Long> results = new ConcurrentHashMap<>();
    private final Map<String, Long> entries = new ConcurrentHashMap<>();
    private final java.util.Set<String> markers = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Instant>> sends = new ConcurrentHashMap<>();

    private static String key(TenantId tenant, String enrolmentId) {
        return tenant.value() + "/" + enrolmentId;
    }

    @Override
    public Optional<EnrolmentStore.Stored> load(TenantId tenant, EnrolmentRef ref) {
        Row stored = enrolments.get(key(tenant, ref.enrolmentId()));
        return stored == null || !stored.enrolment().contactId().equals(ref.contactId())
                ? Optional.empty() : Optional.of(new EnrolmentStore.Stored(stored.enrolment(), stored.pending()));
    }

    @Override
    public List<Enrolment> ofContact(TenantId tenant, String contactId) {
        return enrolments.values().stream().map(Row::enrolment)
                .filter(e -> e.tenant().equals(tenant) && e.contactId().equals(contactId))
                .sorted(Comparator.comparing(Enrolment::enrolmentId)).toList();
    }

    @Override
    public Optional<Enrolment> latest(TenantId tenant, String contactId, String journeyId) {
        return ofContact(tenant, contactId).stream().filter(e -> e.journeyId().equals(journeyId))
                .max(Comparator.comparingInt(e -> EnrolmentIds.entryOf(e.enrolmentId())));
    }

    @Override
    public synchronized boolean create(Enrolment enrolment, List<ResultKey> counts) {
        if (enrolments.putIfAbsent(key(enrolment.tenant(), enrolment.enrolmentId()), new Row(enrolment, List.of())) != null) {
            return false;
        }
        counts.forEach(k -> results.merge(k.counterKey(), k.by(), Long::sum));
        return true;
    }

    @Override
    public synchronized boolean commit(Enrolment previous, Enrolment next, List<SendRequest> pendingSends,
                                       List<ResultKey> counts) {
        String key = key(previous.tenant(), previous.enrolmentId());
        Row stored = enrolments.get(key);
        if (stored == null || stored.enrolment().revision() != previous.revision()) {
            return false;
        }
        enrolments.put(key, new Row(next, List.copyOf(pendingSends)));
        counts.forEach(k -> results.merge(k.counterKey(), k.by(), Long::sum));
        return true;
    }

    @Override
    public synchronized void clearPending(Enrolment enrolment) {
        String key = key(enrolment.tenant(), enrolment.enrolmentId());
        Row stored = enrolments.get(key);
        if (stored != null && stored.enrolment().revision() == enrolment.revision()) {
            enrolments.put(key, new Row(stored.enrolment(), List.of()));
        }
    }

    @Override
    public void forEachDue(int shard, Instant now, Consumer<List<DueEnrolment>> page) {
        List<DueEnrolment> due = new ArrayList<>();
        for (Row stored : enrolments.values()) {
            Enrolment e = stored.enrolment();
            if (e.state() != EnrolmentState.DONE && e.dueAt() != null && !e.dueAt().isAfter(now)
                    && Math.floorMod(e.enrolmentId().hashCode(), dueShards()) == shard) {
                due.add(new DueEnrolment(e.tenant(), new EnrolmentRef(e.contactId(), e.enrolmentId()), e.dueAt()));
            }
        }
        if (!due.isEmpty()) {
            page.accept(due);
        }
    }

    @Override
    public int dueShards() {
        return 4;
    }

    @Override
    public List<ResultCount> results(TenantId tenant, String journeyId) {
        List<ResultCount> found = new ArrayList<>();
        results.forEach((k, n) -> {
            if (k.journeyId().equals(journeyId)) {
                found.add(new ResultCount(k, n));
            }
        });
        return found;
    }

    /** Sum of one counter over every step and variant of the journey. */
    public long total(String journeyId, no.dialog.core.journey.ResultCounter counter) {
        return results.entrySet().stream().filter(e -> e.getKey().journeyId().equals(journeyId)
                && e.getKey().counter() == counter).mapToLong(Map.Entry::getValue).sum();
    }


    @Override
    public synchronized boolean takePlace(TenantId tenant, String journeyId, Long cap) {
        String key = tenant.value() + "/" + journeyId;
        long taken = entries.getOrDefault(key, 0L);
        if (cap != null && taken >= cap) {
            return false;
        }
        entries.put(key, taken + 1);
        return true;
    }

    @Override
    public synchronized void returnPlace(TenantId tenant, String journeyId) {
        entries.merge(tenant.value() + "/" + journeyId, -1L, Long::sum);
    }

    @Override
    public boolean seen(TenantId tenant, String journeyId, String key) {
        return markers.contains(tenant.value() + "/" + journeyId + "/seen/" + key);
    }

    @Override
    public void markSeen(TenantId tenant, String journeyId, String key) {
        markers.add(tenant.value() + "/" + journeyId + "/seen/" + key);
    }

    @Override
    public boolean startRun(TenantId tenant, String journeyId, String runId) {
        return markers.add(tenant.value() + "/" + journeyId + "/run/" + runId);
    }

    @Override
    public synchronized boolean reserve(TenantId tenant, String contactId, SendChannel channel, String idempotencyKey,
                                        FrequencyCap cap, Instant now) {
        Map<String, Instant> recent = sends.computeIfAbsent(tenant.value() + "/" + contactId + "/" + channel,
                k -> new HashMap<>());
        if (recent.containsKey(idempotencyKey)) {
            return true;
        }
        if (!cap.allows(new ArrayList<>(recent.values()), now)) {
            return false;
        }
        recent.put(idempotencyKey, now);
        return true;
    }
}
