package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendState;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbSendLedgerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, OsloTime.ZONE);

    private static DynamoDbClient dynamoDb;
    private static String table;
    private static DynamoDbSendLedger ledger;

    @BeforeAll
    static void createTable() {
        dynamoDb = SharedEmulators.get().dynamoDb();
        table = TestTables.withHashKey(dynamoDb, "send-ledger", "pk");
        ledger = new DynamoDbSendLedger(dynamoDb, table, CLOCK);
    }

    private static LedgerEntry entry(String key) {
        return ledger.find(key).orElseThrow();
    }

    @Test
    void anIntentIsRecordedOnceAndThenSentWithTheProvidersIdAndParts() {
        String key = "demo:E-1:ask:1";

        assertThat(ledger.recordIntent(key, DEMO, SendChannel.SMS, "K-1", NOW)).isTrue();
        assertThat(ledger.recordIntent(key, DEMO, SendChannel.SMS, "K-1", NOW)).as("the second attempt").isFalse();
        ledger.markSent(key, "Dcshuhod0PMAAAFQ", 2);

        LedgerEntry sent = entry(key);
        assertThat(sent).isEqualTo(new LedgerEntry(key, "demo", "sms", SendState.SENT, "Dcshuhod0PMAAAFQ", 2, null, 1,
                NOW, NOW, "K-1"));
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(key)))).item();
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .as("TTL in epoch seconds, 90 days on").isEqualTo(NOW.plus(no.dialog.core.privacy.RetentionKind.SEND_LEDGER.byDefault()).getEpochSecond());
        assertThat(ledger.find("demo:E-404:ask:1")).isEmpty();
    }

    @Test
    void anEntryExpiresAfterTheRetentionItsOrganisationChose() {
        // One organisation chose 30 days in its settings, within the platform's bounds; others keep the default.
        no.dialog.core.tenant.TenantDirectory tenants = new no.dialog.core.tenant.TenantDirectory() {
            @Override
            public java.util.Optional<no.dialog.core.tenant.Tenant> find(TenantId id) {
                return java.util.Optional.of(new no.dialog.core.tenant.Tenant(id, id.value(), NOW,
                        id.value().equals("short") ? Map.of("retention.sendLedgerDays", "30") : Map.of()));
            }

            @Override
            public boolean createIfAbsent(no.dialog.core.tenant.Tenant tenant) {
                return false;
            }

            @Override
            public java.util.List<TenantId> all() {
                return java.util.List.of();
            }
        };
        DynamoDbSendLedger chosen = new DynamoDbSendLedger(dynamoDb, table, CLOCK,
                new no.dialog.core.privacy.SettingsRetentionPeriods(tenants));

        chosen.recordIntent("short:E-9:ask:1", TenantId.of("short"), SendChannel.SMS, "K-9", NOW);
        chosen.recordIntent("long:E-9:ask:1", TenantId.of("long"), SendChannel.SMS, "K-9", NOW);

        assertThat(expiresAt("short:E-9:ask:1")).isEqualTo(NOW.plus(java.time.Duration.ofDays(30)).getEpochSecond());
        assertThat(expiresAt("long:E-9:ask:1")).isEqualTo(NOW.plus(java.time.Duration.ofDays(90)).getEpochSecond());
    }

    private static long expiresAt(String key) {
        return Long.parseLong(dynamoDb.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(key))))
                .item().get("expiresAt").n());
    }

    @Test
    void onlyARetryableEntryCanBeReclaimedAndOnlyOnce() {
        String key = "demo:E-2:ask:1";
        ledger.recordIntent(key, DEMO, SendChannel.SMS, "K-1", NOW);
        assertThat(ledger.reclaim(key, NOW)).as("INTENDED is not reclaimable").isFalse();

        ledger.markRetryable(key, "LINK answered HTTP 503");
        assertThat(entry(key).state()).isEqualTo(SendState.RETRYABLE);
        assertThat(entry(key).reason()).isEqualTo("LINK answered HTTP 503");

        assertThat(ledger.reclaim(key, NOW.plusSeconds(30))).isTrue();
        assertThat(ledger.reclaim(key, NOW.plusSeconds(30))).isFalse();
        assertThat(entry(key).state()).isEqualTo(SendState.INTENDED);
        assertThat(entry(key).attempts()).isEqualTo(2);
        assertThat(entry(key).updatedAt()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void anIntendedEntryBecomesUnconfirmedButASettledOneDoesNot() {
        String open = "demo:E-3:ask:1";
        String sent = "demo:E-4:ask:1";
        ledger.recordIntent(open, DEMO, SendChannel.SMS, "K-1", NOW);
        ledger.recordIntent(sent, DEMO, SendChannel.SMS, "K-1", NOW);
        ledger.markSent(sent, "m-4", 1);

        assertThat(ledger.markUnconfirmed(open, "no outcome recorded")).isTrue();
        assertThat(ledger.markUnconfirmed(sent, "no outcome recorded")).isFalse();

        assertThat(entry(open).state()).isEqualTo(SendState.UNCONFIRMED);
        assertThat(entry(sent).state()).isEqualTo(SendState.SENT);
        ledger.markSent(open, "m-3", 1);
        assertThat(entry(open).state()).as("a late receipt still counts").isEqualTo(SendState.SENT);
        assertThat(entry(open).reason()).isNull();
    }

    @Test
    void aFailedEntryStaysFailedAndMarksOnMissingKeysChangeNothing() {
        String key = "demo:E-5:ask:1";
        ledger.recordIntent(key, DEMO, SendChannel.SMS, "K-1", NOW);
        ledger.markFailed(key, "LINK refused the message: resultCode 106000");
        ledger.markSent(key, "m-5", 1);
        ledger.markRetryable(key, "503");

        assertThat(entry(key).state()).isEqualTo(SendState.FAILED);
        assertThat(entry(key).reason()).contains("106000");

        ledger.markSent("demo:E-missing:ask:1", "m", 1);
        ledger.markFailed("demo:E-missing:ask:1", "x");
        assertThat(ledger.find("demo:E-missing:ask:1")).isEmpty();
    }

    @Test
    void notSendableIsWrittenOnlyWhereNoEntryExists() {
        String fresh = "demo:E-6:ask:1";
        String sent = "demo:E-7:ask:1";
        ledger.recordIntent(sent, DEMO, SendChannel.SMS, "K-1", NOW);
        ledger.markSent(sent, "m-7", 1);

        ledger.markNotSendable(fresh, "contact has no mobile number");
        ledger.markNotSendable(sent, "contact not found");

        assertThat(entry(fresh).state()).isEqualTo(SendState.NOT_SENDABLE);
        assertThat(entry(fresh).tenant()).isEqualTo("demo");
        assertThat(entry(fresh).reason()).isEqualTo("contact has no mobile number");
        assertThat(entry(sent).state()).isEqualTo(SendState.SENT);
        assertThat(ledger.recordIntent(fresh, DEMO, SendChannel.SMS, "K-1", NOW)).isFalse();
    }

    @Test
    void ofManyConcurrentAttemptsExactlyOneTakesTheKey() throws Exception {
        String key = "demo:E-8:ask:1";
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return ledger.recordIntent(key, DEMO, SendChannel.SMS, "K-1", NOW);
            }));
        }
        start.countDown();
        int taken = 0;
        for (Future<Boolean> result : results) {
            taken += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(taken).isEqualTo(1);
    }
}
