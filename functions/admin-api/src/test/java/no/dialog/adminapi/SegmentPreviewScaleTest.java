package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A preview over a demo-sized tenant (5,000 contacts) through the real handler and DynamoDB Local:
 * checks the counts and prints how long each preview took. Opt-in, as it stores 5,000 contacts first:
 * {@code mvn -B -ntp -o -pl functions/admin-api -am test -Dtest=SegmentPreviewScaleTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dpreview.scale=true}. No timing is asserted.
 */
@EnabledIfSystemProperty(named = "preview.scale", matches = "true")
class SegmentPreviewScaleTest {

    private static final int CONTACTS = 5_000;
    private static final int RUNS = 7;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ApplicationContext context;
    private static AdminApiFunction function;
    /** The same tables, with previews that read the table every time (no kept contacts). */
    private static AdminApiFunction uncached;

    @BeforeAll
    static void start() {
        Emulators emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        context = AdminApiEnvironment.start(env, emulators, CLOCK);
        function = new ContractCheckedFunction(context);
        Map<String, Object> noCache = new HashMap<>(env);
        noCache.put("PREVIEWS_CACHE_SECONDS", "0");
        uncached = new ContractCheckedFunction(AdminApiEnvironment.start(noCache, emulators, CLOCK));
        ContactJson json = new ContactJson(CLOCK);
        List<Contact> all = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            all.add(json.read(record(i)).contact());
        }
        long started = System.nanoTime();
        context.getBean(ContactStore.class).upsertAll(TenantId.of("scale"), all);
        System.out.printf("stored %d contacts in %d ms%n", CONTACTS, (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        function.close();
        uncached.close();
    }

    /** Demo-like records: every 4th a student (half of them past the exam), every 5th a donor. */
    private static String record(int i) {
        String membership = i % 4 == 0
                ? "{\"type\":\"student\",\"status\":\"active\",\"start\":\"2022-08-15\",\"chapter\":\"Oslo\",\"examDate\":\""
                        + (i % 8 == 0 ? "2026-06-15" : "2027-06-15") + "\"}"
                : "{\"type\":\"ordinary\",\"status\":\"active\",\"start\":\"2019-01-01\",\"paidUntil\":\"2026-12-31\",\"chapter\":\"Bergen\"}";
        String donor = i % 5 == 0
                ? ",\"donor\":{\"regularDonor\":" + (i % 10 == 0) + ",\"lastGiftDate\":\"2026-10-01\",\"lastGiftAmountOre\":50000}"
                : "";
        return ("{\"id\":\"S-%05d\",\"updatedAt\":\"2026-11-20T10:00:00Z\",\"firstName\":\"Fornavn%d\",\"lastName\":\"Etternavn\","
                + "\"birthDate\":\"1990-05-17\",\"phone\":\"+47912%05d\",\"email\":\"person%d@example.org\","
                + "\"address\":{\"street\":\"Storgata 1\",\"postcode\":\"0155\",\"city\":\"Oslo\"},"
                + "\"memberships\":[%s]%s,\"consents\":{\"sms\":{\"granted\":true,\"source\":\"form\",\"at\":\"2021-08-15T12:00:00Z\"}}}")
                .formatted(i, i, i, i, membership, donor);
    }

    private static long timedCount(AdminApiFunction target, String criteria, List<Long> millis) throws Exception {
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = target.handleRequest(as(request("POST", "/admin/v1/segments/preview",
                "{\"criteria\":" + criteria + "}"), "scale", "[viewer]"), null);
        millis.add((System.nanoTime() - started) / 1_000_000);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return MAPPER.readTree(response.getBody()).get("count").asLong();
    }

    @Test
    void previewsOfADemoSizedTenantCountRightAndPrintTheirTimes() throws Exception {
        String students = "{\"all\":[{\"field\":\"membership.type\",\"op\":\"equals\",\"value\":\"student\"},"
                + "{\"field\":\"membership.examDate\",\"op\":\"before\",\"value\":\"today\"}]}";
        String donors = "{\"any\":[{\"field\":\"donor.lastGiftDate\",\"op\":\"withinLast\",\"value\":{\"amount\":90,\"unit\":\"days\"}},"
                + "{\"field\":\"donor.regular\",\"op\":\"equals\",\"value\":true}]}";
        for (AdminApiFunction target : List.of(uncached, function)) {
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                assertThat(timedCount(target, students, millis)).isEqualTo(CONTACTS / 8);
                assertThat(timedCount(target, donors, millis)).isEqualTo(CONTACTS / 5);
            }
            List<Long> sorted = new ArrayList<>(millis);
            sorted.sort(null);
            System.out.printf("preview of %d contacts through the handler, %s: first %d ms, median %d ms, min %d ms,"
                    + " max %d ms (%s)%n", CONTACTS, target == uncached ? "reading the table every time" : "contacts kept 60 s",
                    millis.get(0), sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), millis);
        }
    }
}
