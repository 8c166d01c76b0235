package no.dialog.core.segment.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.SettableClock;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class SnapshotSegmentMatchesTest {

    private static final TenantId DEMO = TenantId.of("demo");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final Map<TenantId, SegmentSnapshot> stored = new HashMap<>();
    private int stores;
    private final SegmentSnapshotStore store = new SegmentSnapshotStore() {
        @Override
        public void store(TenantId tenant, SegmentSnapshot snapshot) {
            stores++;
            stored.put(tenant, snapshot);
        }

        @Override
        public Optional<SegmentSnapshot> load(TenantId tenant) {
            return Optional.ofNullable(stored.get(tenant));
        }
    };

    private void student(String id) {
        contacts.upsert(DEMO, new ContactJson(clock).read("{\"id\":\"" + id + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                + "\"memberships\":[{\"type\":\"student\",\"status\":\"active\"}]}").contact());
    }

    private static Criterion students() throws Exception {
        return SegmentDefinitions.parse(new ObjectMapper().readTree(
                "{\"field\":\"membership.type\",\"op\":\"equals\",\"value\":\"student\"}")).criterion();
    }

    @Test
    void aFreshSnapshotIsUsedAndAStaleOneIsRebuiltFromTheStore() throws Exception {
        SnapshotSegmentMatches matches = new SnapshotSegmentMatches(store, contacts, clock, Duration.ofMinutes(10));
        student("S-1");
        List<String> seen = new ArrayList<>();

        assertThat(matches.forEachMatch(DEMO, students(), seen::add)).isEqualTo(1);
        student("S-2");
        clock.advance(Duration.ofMinutes(5));
        assertThat(matches.forEachMatch(DEMO, students(), seen::add)).isEqualTo(1);
        assertThat(stores).isEqualTo(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(matches.forEachMatch(DEMO, students(), seen::add)).isEqualTo(2);
        assertThat(stores).isEqualTo(2);
        assertThat(seen.subList(0, 2)).containsExactly("S-1", "S-1");
        assertThat(seen.subList(2, 4)).containsExactlyInAnyOrder("S-1", "S-2");
    }
}
