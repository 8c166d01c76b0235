package no.dialog.aws.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.dynamodb.DynamoDbFrequencyCaps;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.aws.dynamodb.StoredJourneyCatalog;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The restore-safe checks of SnapStart, run by hand: what priming does before a checkpoint (warms the SDK clients,
 * JSON and templates, and sends nothing), and what a restore resets (caches kept by time, randomness).
 */
class SnapStartHooksTest {

    /** Counts the connections made to it: priming must make none. */
    private ServerSocket awsStandIn;
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;
    private ApplicationContext context;

    @BeforeEach
    void start() throws IOException {
        awsStandIn = new ServerSocket(0);
        awsStandIn.setSoTimeout(200);
        acceptor = Thread.ofVirtual().start(() -> {
            while (!awsStandIn.isClosed()) {
                try {
                    awsStandIn.accept().close();
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // look again
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        awsStandIn.close();
        acceptor.join();
    }

    private ApplicationContext functionWithAwsAt(String endpoint, Map<String, String> environment) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>(FunctionContexts.endpoints("eu-north-1", "test",
                "test", java.net.URI.create(endpoint), java.net.URI.create(endpoint), java.net.URI.create(endpoint),
                java.net.URI.create(endpoint)));
        Map<String, String> withStage = new java.util.LinkedHashMap<>(environment);
        // Secrets Manager is on this module's classpath, so Vipps settings from it are a bean here: they need a stage.
        withStage.putIfAbsent("DIALOG_STAGE", "test");
        context = FunctionContexts.start(withStage, settings, java.time.Clock.fixed(
                Instant.parse("2026-12-01T09:00:00Z"), OsloTime.ZONE));
        return context;
    }

    @Test
    void primingWarmsTheClientsJsonAndTemplatesWithoutSendingAnything() {
        String standIn = "http://127.0.0.1:" + awsStandIn.getLocalPort();
        ApplicationContext function = functionWithAwsAt(standIn, Map.of("TENANTS_TABLE", "tenants",
                "DEFINITIONS_TABLE", "definitions"));
        SnapStartHooks hooks = function.getBean(SnapStartHooks.class);

        assertThat(hooks.primers()).extracting(primer -> primer.getClass().getSimpleName())
                .contains("DynamoDbPrimer", "SqsPrimer", "JsonPrimer", "TemplatePrimer");
        hooks.beforeCheckpoint(null);

        SdkCallPriming priming = function.getBean(SdkCallPriming.class);
        assertThat(priming.dryRun(function.getBean(DynamoDbClient.class),
                dynamoDb -> dynamoDb.getItem(b -> b.tableName("tenants").key(Map.of("tenant", AttributeValue.fromS("x"))))))
                .as("a primed call goes as far as sending, and stops there").isTrue();
        assertThat(connections.get()).as("connections to AWS while priming").isZero();
    }

    @Test
    void outsidePrimingTheClientsSendAsUsual() {
        String standIn = "http://127.0.0.1:" + awsStandIn.getLocalPort();
        DynamoDbClient dynamoDb = functionWithAwsAt(standIn, Map.of()).getBean(DynamoDbClient.class);
        try {
            dynamoDb.getItem(b -> b.tableName("tenants").key(Map.of("tenant", AttributeValue.fromS("x"))));
        } catch (RuntimeException expected) {
            // the stand-in closes every connection: the call fails, after connecting
        }
        assertThat(connections.get()).isPositive();
    }

    @Test
    void aRestoreForgetsWhatWasKeptByTime() {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        String tenants = TestTables.withHashKey(dynamoDb, "tenants", "tenant");
        putTenant(dynamoDb, tenants, "Before");
        var emulator = SharedEmulators.get();
        ApplicationContext function = functionWithAwsAt(emulator.dynamoDbEndpoint().toString(),
                Map.of("TENANTS_TABLE", tenants, "DEFINITIONS_TABLE", "definitions", "DIALOG_STAGE", "test"));
        DynamoDbTenantDirectory directory = function.getBean(DynamoDbTenantDirectory.class);
        SnapStartHooks hooks = function.getBean(SnapStartHooks.class);
        assertThat(hooks.restoreHooks()).extracting(hook -> hook.getClass().getSimpleName()).contains(
                DynamoDbTenantDirectory.class.getSimpleName(), DynamoDbFrequencyCaps.class.getSimpleName(),
                StoredJourneyCatalog.class.getSimpleName());

        assertThat(directory.find(TenantId.of("union")).orElseThrow().name()).isEqualTo("Before");
        putTenant(dynamoDb, tenants, "After");
        assertThat(directory.find(TenantId.of("union")).orElseThrow().name()).as("remembered").isEqualTo("Before");

        hooks.afterRestore(null);

        assertThat(directory.find(TenantId.of("union")).orElseThrow().name()).as("read again after a restore")
                .isEqualTo("After");
    }

    @Test
    void aRestoreMixesFreshEntropyIntoEverySecureRandomHandedOut() {
        RecordingRandom random = RestoreSafeRandom.register(new RecordingRandom());
        ApplicationContext function = functionWithAwsAt("http://127.0.0.1:" + awsStandIn.getLocalPort(), Map.of());

        function.getBean(SnapStartHooks.class).afterRestore(null);

        assertThat(random.seeds).hasSize(1);
        assertThat(random.seeds.get(0)).hasSize(32).isNotEqualTo(new byte[32]);
    }

    private static void putTenant(DynamoDbClient dynamoDb, String table, String name) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("tenant", AttributeValue.fromS("union"),
                "name", AttributeValue.fromS(name), "createdAt", AttributeValue.fromS("2026-01-01T00:00:00Z"))));
    }

    /** A SecureRandom that remembers the seeds mixed into it. */
    static final class RecordingRandom extends SecureRandom {
        final List<byte[]> seeds = new ArrayList<>();

        @Override
        public synchronized void setSeed(byte[] seed) {
            if (seeds != null) { // SecureRandom's constructor seeds before this field exists
                seeds.add(seed.clone());
            }
            super.setSeed(seed);
        }
    }
}
