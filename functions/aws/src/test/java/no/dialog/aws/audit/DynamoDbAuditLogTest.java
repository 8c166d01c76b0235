package no.dialog.aws.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.audit.AuditEntry;
import no.dialog.core.audit.AuditLog;
import no.dialog.core.audit.AuditQuery;
import no.dialog.core.audit.AuditRecord;
import no.dialog.core.audit.AuditRetention;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The audit log against DynamoDB Local, in a table shaped as template.yaml's AuditTable. */
class DynamoDbAuditLogTest {

    private static final TenantId REDCROSS = TenantId.of("redcross");
    private static final TenantId UNION = TenantId.of("union");
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final String JOURNEY = "/admin/v1/journeys/{id}";
    private static final String SEGMENT = "/admin/v1/segments/{id}";

    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void emulators() {
        dynamoDb = SharedEmulators.get().dynamoDb();
    }

    private static DynamoDbAuditLog freshLog() {
        return new DynamoDbAuditLog(dynamoDb, TestTables.audit(dynamoDb));
    }

    private static AuditEntry entry(TenantId tenant, Instant at, String subject, String route, String objectId, int status) {
        return new AuditEntry(at, tenant, subject, List.of("editor", "viewer"), "write", "PUT", route, objectId, 3L,
                4L, status, "req-" + objectId);
    }

    private static List<AuditRecord> readAll(AuditLog log, TenantId tenant, AuditQuery query, int limit) {
        List<AuditRecord> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(limit);
        while (request != null) {
            Page<AuditRecord> page = log.list(tenant, query, request);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            seen.addAll(page.items());
            request = page.next().orElse(null);
        }
        return seen;
    }

    @Test
    void anEntryIsKeptWithEveryFieldAndExpiresAfterTheRetention() {
        String table = TestTables.audit(dynamoDb);
        DynamoDbAuditLog log = new DynamoDbAuditLog(dynamoDb, table);
        AuditEntry entry = entry(REDCROSS, T0, "kari", JOURNEY, "julegave", 200);

        String id = log.append(entry);

        List<AuditRecord> listed = log.list(REDCROSS, AuditQuery.ALL, PageRequest.first(10)).items();
        assertThat(listed).containsExactly(new AuditRecord(id, entry));
        Map<String, AttributeValue> item = dynamoDb.scan(b -> b.tableName(table)).items().getFirst();
        assertThat(item.get("pk").s()).isEqualTo("redcross");
        assertThat(item.get("sk").s()).isEqualTo("2026-11-23T12:00:00.000Z#" + id);
        assertThat(item.get("outcome").s()).isEqualTo("SUCCEEDED");
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(T0.plus(AuditRetention.PERIOD).getEpochSecond());
    }

    @Test
    void entriesOfTheSameMillisecondNeverOverwriteEachOther() {
        DynamoDbAuditLog log = freshLog();
        for (int i = 0; i < 20; i++) {
            log.append(entry(REDCROSS, T0, "kari", JOURNEY, "j-" + i, 200));
        }
        assertThat(readAll(log, REDCROSS, AuditQuery.ALL, 200)).hasSize(20)
                .extracting(AuditRecord::id).doesNotHaveDuplicates();
    }

    @Test
    void anOrganisationSeesOnlyItsOwnEntriesNewestFirstPageByPage() {
        DynamoDbAuditLog log = freshLog();
        for (int minute = 0; minute < 7; minute++) {
            log.append(entry(REDCROSS, T0.plusSeconds(60L * minute), "kari", JOURNEY, "j-" + minute, 200));
        }
        log.append(entry(UNION, T0.plusSeconds(90), "ola", JOURNEY, "theirs", 200));
        log.append(new AuditEntry(T0.plusSeconds(90), null, "operator", List.of("platform-admin"), "platform", "POST",
                "/platform/v1/tenants", null, null, null, 400, null));

        assertThat(readAll(log, REDCROSS, AuditQuery.ALL, 3)).extracting(r -> r.entry().objectId())
                .containsExactly("j-6", "j-5", "j-4", "j-3", "j-2", "j-1", "j-0");
        assertThat(readAll(log, UNION, AuditQuery.ALL, 3)).extracting(r -> r.entry().objectId())
                .containsExactly("theirs");
        // A full last page says it is the last.
        assertThat(log.list(REDCROSS, AuditQuery.ALL, PageRequest.first(7)).next()).isEmpty();
        // The platform partition is not an organisation: no tenant id can name it.
        assertThatThrownBy(() -> TenantId.of(DynamoDbAuditLog.PLATFORM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFiltersCombineAndPageThroughWhatTheyDrop() {
        DynamoDbAuditLog log = freshLog();
        for (int minute = 0; minute < 30; minute++) {
            String subject = minute % 3 == 0 ? "kari" : "ola";
            String route = minute % 2 == 0 ? JOURNEY : SEGMENT;
            log.append(entry(REDCROSS, T0.plusSeconds(60L * minute), subject, route, "o-" + (minute % 5),
                    minute == 29 ? 403 : 200));
        }
        Instant from = T0.plusSeconds(60 * 6);
        Instant to = T0.plusSeconds(60 * 24);

        List<AuditRecord> spanned = readAll(log, REDCROSS, new AuditQuery(from, to, null, null, null), 4);
        assertThat(spanned).hasSize(18);
        assertThat(spanned.getFirst().entry().at()).isEqualTo(T0.plusSeconds(60 * 23));
        assertThat(spanned.getLast().entry().at()).as("from is inclusive").isEqualTo(from);

        assertThat(readAll(log, REDCROSS, new AuditQuery(null, null, "kari", JOURNEY, null), 2))
                .extracting(r -> r.entry().at()).containsExactly(T0.plusSeconds(60 * 24), T0.plusSeconds(60 * 18),
                        T0.plusSeconds(60 * 12), T0.plusSeconds(60 * 6), T0);
        assertThat(readAll(log, REDCROSS, new AuditQuery(from, null, null, null, "o-4"), 2))
                .extracting(r -> r.entry().objectId()).hasSize(5).containsOnly("o-4");
        assertThat(readAll(log, REDCROSS, new AuditQuery(null, to, "nobody", null, null), 2)).isEmpty();
        assertThat(readAll(log, REDCROSS, new AuditQuery(T0.plusSeconds(60 * 29), null, null, null, null), 2))
                .extracting(r -> r.entry().status()).containsExactly(403);
    }

    @Test
    void aCursorTheLogDidNotGiveIsRefused() {
        DynamoDbAuditLog log = freshLog();
        log.append(entry(REDCROSS, T0, "kari", JOURNEY, "j", 200));
        assertThatThrownBy(() -> log.list(REDCROSS, AuditQuery.ALL, new PageRequest(5, "redcross#segment#x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryTheTableDoesNotTakeIsReportedAsUnavailable() {
        DynamoDbAuditLog log = new DynamoDbAuditLog(dynamoDb, "no-such-audit-table");
        assertThatThrownBy(() -> log.append(entry(REDCROSS, T0, "kari", JOURNEY, "j", 200)))
                .isInstanceOf(AuditLog.Unavailable.class);
    }
}
