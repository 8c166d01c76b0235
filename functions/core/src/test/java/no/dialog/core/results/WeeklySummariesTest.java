package no.dialog.core.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.enrolment.EnrolmentStore.ResultCount;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class WeeklySummariesTest {

    private static final Instant MONDAY_SIX_OSLO = Instant.parse("2026-12-14T05:00:00Z");
    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");

    private final Map<TenantId, List<JourneyHead>> journeys = new LinkedHashMap<>();
    private final Map<String, byte[]> written = new LinkedHashMap<>();
    private final List<String> rendered = new ArrayList<>();

    private final SummaryFiles files = new SummaryFiles() {
        @Override
        public void put(TenantId tenant, String journeyId, ResultsWeek week, Format format, byte[] content) {
            written.put(SummaryFiles.key(tenant, journeyId, week, format), content);
        }

        @Override
        public List<StoredSummary> list(TenantId tenant, String journeyId) {
            return List.of();
        }
    };

    private final SummaryDocument pdf = (name, week, results) -> {
        rendered.add(name + " " + week + " " + results.get("journeyId").asText());
        return ("PDF " + name).getBytes(StandardCharsets.UTF_8);
    };

    /** Results as JourneyResults makes them: one enrolment counted per journey, for the tenant asked. */
    private final JourneyResultsSource results = (tenant, journeyId) -> {
        if (journeyId.equals("broken")) {
            throw new IllegalStateException("the store did not answer");
        }
        return JourneyResults.of(journeyId, List.of(new ResultCount(
                new ResultKey(journeyId, 1, null, null, ResultCounter.ENROLLED), tenant.equals(DEMO) ? 7 : 3)));
    };

    private WeeklySummaries summaries() {
        TenantDirectory tenants = new TenantDirectory() {
            @Override
            public Optional<Tenant> find(TenantId id) {
                return Optional.empty();
            }

            @Override
            public boolean createIfAbsent(Tenant tenant) {
                return false;
            }

            @Override
            public List<TenantId> all() {
                return List.copyOf(journeys.keySet());
            }
        };
        JourneyStore store = new ListOnlyJourneyStore(journeys);
        return new WeeklySummaries(tenants, store, results, pdf, files, Clock.fixed(MONDAY_SIX_OSLO, ZoneOffset.UTC));
    }

    private static JourneyHead journey(String id, JourneyStatus status) {
        return new JourneyHead(id, "Journey " + id, status, 1, status == JourneyStatus.DRAFT ? 0 : 1,
                Instant.parse("2026-12-01T00:00:00Z"), 1);
    }

    @Test
    void writesACsvAndAPdfForEveryActiveJourneyOfEveryTenantUnderItsOwnPrefix() {
        journeys.put(DEMO, List.of(journey("welcome", JourneyStatus.ACTIVE), journey("draft", JourneyStatus.DRAFT),
                journey("old", JourneyStatus.ENDED), journey("paused", JourneyStatus.PAUSED)));
        journeys.put(OTHER, List.of(journey("welcome", JourneyStatus.ACTIVE)));

        WeeklySummaries.Report report = summaries().writeLastWeek();

        assertThat(report).isEqualTo(new WeeklySummaries.Report(new ResultsWeek(2026, 50), 2, 0));
        assertThat(written.keySet()).containsExactly("results/demo/welcome/2026-W50.csv",
                "results/demo/welcome/2026-W50.pdf", "results/other/welcome/2026-W50.csv",
                "results/other/welcome/2026-W50.pdf");
        // Each tenant's file holds its own numbers: 7 enrolled for demo, 3 for the other.
        assertThat(csvCell(written.get("results/demo/welcome/2026-W50.csv"), "enrolled")).isEqualTo("7");
        assertThat(csvCell(written.get("results/other/welcome/2026-W50.csv"), "enrolled")).isEqualTo("3");
        assertThat(rendered).containsExactly("Journey welcome 2026-W50 welcome", "Journey welcome 2026-W50 welcome");
    }

    @Test
    void oneJourneyThatFailsDoesNotStopTheOthers() {
        journeys.put(DEMO, List.of(journey("broken", JourneyStatus.ACTIVE), journey("welcome", JourneyStatus.ACTIVE)));

        WeeklySummaries.Report report = summaries().writeLastWeek();

        assertThat(report.written()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(written.keySet()).containsExactly("results/demo/welcome/2026-W50.csv",
                "results/demo/welcome/2026-W50.pdf");
    }

    /** The first step row's value in the column. */
    private static String csvCell(byte[] csv, String column) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        List<String> header = List.of(lines[0].split(",", -1));
        return lines[1].split(",", -1)[header.indexOf(column)];
    }

    /** A journey store that only lists. */
    private record ListOnlyJourneyStore(Map<TenantId, List<JourneyHead>> journeys) implements JourneyStore {
        @Override
        public Optional<JourneyHead> head(TenantId tenant, String journeyId) {
            return list(tenant).stream().filter(j -> j.journeyId().equals(journeyId)).findFirst();
        }

        @Override
        public List<JourneyHead> list(TenantId tenant) {
            return journeys.getOrDefault(tenant, List.of());
        }

        @Override
        public Optional<JsonNode> version(TenantId tenant, String journeyId, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JourneyHead create(TenantId tenant, String journeyId, String name, JsonNode definition, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JourneyHead update(TenantId tenant, String journeyId, long expectedRevision, String name,
                JsonNode definition, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JourneyHead changeStatus(TenantId tenant, String journeyId, long expectedRevision, JourneyStatus to,
                Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JourneyHead declareWinner(TenantId tenant, String journeyId, int version, String arm, String reason,
                Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<no.dialog.core.journey.JourneyEvent> history(TenantId tenant, String journeyId) {
            throw new UnsupportedOperationException();
        }
    }
}
