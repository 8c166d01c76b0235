package no.dialog.runfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.EventFiles;
import no.dialog.aws.testing.SenderEnvironment;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.enrolment.EnrolmentIds;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.enrolment.ResultKey;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.results.ResultsCsv;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The weekly-summary function's real handler on the environment the template gives it (tenants, definitions and
 * enrolments tables, exports bucket), against DynamoDB Local and S3Proxy, with the payload in events/.
 */
class WeeklySummaryHandlerTest {

    private static final Instant MONDAY_SIX_OSLO = Instant.parse("2026-12-14T05:00:00Z");
    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId UNION = TenantId.of("union");
    private static Emulators emulators;
    private static ApplicationContext context;
    private static String bucket;

    @BeforeAll
    static void start() {
        emulators = SharedEmulators.get();
        bucket = "exports-" + System.nanoTime();
        emulators.s3().createBucket(b -> b.bucket(bucket));
        Map<String, Object> env = new java.util.HashMap<>();
        env.put("TENANTS_TABLE", TestTables.withHashKey(emulators.dynamoDb(), "tenants", "tenant"));
        env.put("DEFINITIONS_TABLE", TestTables.definitions(emulators.dynamoDb()));
        env.put("ENROLMENTS_TABLE", TestTables.enrolments(emulators.dynamoDb()));
        env.put("EXPORTS_BUCKET", bucket);
        context = SenderEnvironment.startWithFiles(env, emulators, Clock.fixed(MONDAY_SIX_OSLO, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static Map<String, Object> scheduledEvent() throws IOException {
        return new ObjectMapper().readValue(EventFiles.path("weekly-summary", "scheduled-event.json").toFile(), Map.class);
    }

    private static void enrol(TenantId tenant, String journeyId, String contactId, List<ResultKey> counts) {
        Instant at = Instant.parse("2026-12-08T10:00:00Z");
        context.getBean(EnrolmentStore.class).create(new Enrolment(tenant, EnrolmentIds.of(tenant, journeyId, 1, contactId),
                journeyId, 1, contactId, EnrolmentState.ACTIVE, "ask", at, at, null, null, Map.of("ask", "A"),
                Map.of("ask", 1), List.of(), null, 0), counts);
    }

    private static List<String> keys(String prefix) {
        return emulators.s3().listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private static byte[] object(String key) {
        return emulators.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    @Test
    void writesTheLastWeeksCsvAndPdfOfEachActiveJourneyIntoItsTenantsPrefix() throws IOException {
        TenantDirectory tenants = context.getBean(TenantDirectory.class);
        tenants.createIfAbsent(new Tenant(DEMO, "Demo Organisation", MONDAY_SIX_OSLO));
        tenants.createIfAbsent(new Tenant(UNION, "Union", MONDAY_SIX_OSLO));
        JourneyStore journeys = context.getBean(JourneyStore.class);
        var definition = new ObjectMapper().createObjectNode().put("name", "Ask");
        journeys.create(DEMO, "ask", "Spør om studiet", definition, MONDAY_SIX_OSLO);
        journeys.changeStatus(DEMO, "ask", 1, JourneyStatus.ACTIVE, MONDAY_SIX_OSLO);
        journeys.create(DEMO, "draft", "Not started", definition, MONDAY_SIX_OSLO);
        journeys.create(UNION, "ask", "Union's", definition, MONDAY_SIX_OSLO);
        journeys.changeStatus(UNION, "ask", 1, JourneyStatus.ACTIVE, MONDAY_SIX_OSLO);
        enrol(DEMO, "ask", "K-1", List.of(new ResultKey("ask", 1, null, null, ResultCounter.ENROLLED),
                new ResultKey("ask", 1, "ask", "A", ResultCounter.QUEUED)));
        enrol(DEMO, "ask", "K-2", List.of(new ResultKey("ask", 1, null, null, ResultCounter.ENROLLED),
                new ResultKey("ask", 1, "ask", "A", ResultCounter.QUEUED)));
        enrol(UNION, "ask", "K-9", List.of(new ResultKey("ask", 1, null, null, ResultCounter.ENROLLED)));

        Map<String, Object> result = new WeeklySummaryHandler(context).handleRequest(scheduledEvent(), null);

        assertThat(result).containsEntry("week", "2026-W50").containsEntry("written", 2);
        assertThat(keys("results/")).containsExactly("results/demo/ask/2026-W50.csv", "results/demo/ask/2026-W50.pdf",
                "results/union/ask/2026-W50.csv", "results/union/ask/2026-W50.pdf");
        String csv = new String(object("results/demo/ask/2026-W50.csv"), StandardCharsets.UTF_8);
        String[] lines = csv.substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", ResultsCsv.HEADER));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("total,1,,,,,2,2,"));
        try (PDDocument pdf = Loader.loadPDF(object("results/demo/ask/2026-W50.pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Weekly results: Spør om studiet", "week 2026-W50 (7.12.2026–13.12.2026)",
                    "Version 1");
        }
        String union = new String(object("results/union/ask/2026-W50.csv"), StandardCharsets.UTF_8);
        assertThat(union.substring(1).split("\r\n")).anySatisfy(line -> assertThat(line).startsWith("total,1,,,,,1,0,"));

        // Again for the same week: the same names, written again, nothing else.
        new WeeklySummaryHandler(context).handleRequest(scheduledEvent(), null);
        assertThat(keys("results/")).hasSize(4);
    }
}
