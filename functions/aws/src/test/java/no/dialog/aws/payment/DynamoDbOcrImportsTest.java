package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.payment.ocr.OcrImportReport;
import no.dialog.core.payment.ocr.OcrImports.ImportedFile;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The OCR import log against DynamoDB Local, one PaymentsTable, a tenant per test. */
class DynamoDbOcrImportsTest {

    private static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");
    private static final ImportedFile FILE = new ImportedFile("a".repeat(64), "1000081", "giro-mod10.ocr");

    private static String table;
    private TenantId tenant;
    private DynamoDbOcrImports imports;

    @BeforeAll
    static void createTable() {
        table = TestTables.payments(SharedEmulators.get().dynamoDb());
    }

    @BeforeEach
    void tenantOfItsOwn(TestInfo test) {
        imports = new DynamoDbOcrImports(SharedEmulators.get().dynamoDb(), table);
        tenant = TenantId.of("t" + Integer.toHexString(test.getDisplayName().hashCode()));
    }

    private static OcrImportReport imported() {
        return new OcrImportReport("giro-mod10.ocr", OcrImportReport.Status.IMPORTED, "1000081", List.of(), 3, 0, 4, 1,
                230_000, 135_000, List.of(new OcrImportReport.Item(3, "1000081:0000001:0000001",
                OcrImportReport.Outcome.REGISTERED, null)));
    }

    private static Map<String, AttributeValue> item(String pk) {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        return dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(PaymentItems.key(pk, DynamoDbOcrImports.SK))).item();
    }

    @Test
    void aFileBegunButNotFinishedMayBeginAgain() {
        assertThat(imports.begin(tenant, FILE, AT)).isTrue();
        assertThat(imports.begin(tenant, FILE, AT.plusSeconds(60))).as("cut off: the next delivery finishes it").isTrue();
        assertThat(item(DynamoDbOcrImports.hashPk(tenant, FILE))).containsKey("begunAt")
                .doesNotContainKey(DynamoDbOcrImports.FINISHED_AT);
    }

    @Test
    void aFinishedFileIsKnownByItsContentAndByItsTransmissionNumber() {
        assertThat(imports.begin(tenant, FILE, AT)).isTrue();
        imports.finish(tenant, FILE, imported(), AT.plusSeconds(5));

        assertThat(imports.begin(tenant, FILE, AT.plusSeconds(10))).as("same content").isFalse();
        assertThat(imports.begin(tenant, new ImportedFile("b".repeat(64), "1000081", "again.ocr"), AT))
                .as("other bytes, same transmission").isFalse();
        assertThat(imports.begin(tenant, new ImportedFile("a".repeat(64), "1000099", "odd.ocr"), AT))
                .as("same bytes under another number cannot be, but the hash alone is enough").isFalse();
        assertThat(imports.begin(tenant, new ImportedFile("c".repeat(64), "1000082", "next.ocr"), AT))
                .as("another file").isTrue();
        assertThat(imports.begin(TenantId.of("other"), FILE, AT)).as("another tenant").isTrue();
    }

    @Test
    void theFinishedItemsHoldTheCountsNotTheLines() {
        imports.begin(tenant, FILE, AT);
        imports.finish(tenant, FILE, imported(), AT.plusSeconds(5));

        for (String pk : List.of(DynamoDbOcrImports.hashPk(tenant, FILE), DynamoDbOcrImports.transmissionPk(tenant, FILE))) {
            Map<String, AttributeValue> item = item(pk);
            assertThat(pk).startsWith(tenant.value() + "#");
            assertThat(item.get("status").s()).isEqualTo("IMPORTED");
            assertThat(item.get("fileName").s()).isEqualTo("giro-mod10.ocr");
            assertThat(item.get("registered").n()).isEqualTo("3");
            assertThat(item.get("unmatched").n()).isEqualTo("4");
            assertThat(item.get("registeredAmountOre").n()).isEqualTo("135000");
            assertThat(item.get(DynamoDbOcrImports.FINISHED_AT).s()).isEqualTo("2026-11-30T08:00:05Z");
            assertThat(item).doesNotContainKeys("items", "expiresAt");
        }
    }

    @Test
    void aBeginThatLosesTheRaceToAFinishSaysRepeat() {
        // Another worker finishes the same transmission (other bytes) between this begin's read and its write.
        ImportedFile other = new ImportedFile("d".repeat(64), "1000081", "other.ocr");
        DynamoDbClient real = SharedEmulators.get().dynamoDb();
        DynamoDbOcrImports otherWorker = new DynamoDbOcrImports(real, table);
        DynamoDbClient racing = (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems")) {
                        otherWorker.begin(tenant, other, AT);
                        otherWorker.finish(tenant, other, imported(), AT);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        assertThat(new DynamoDbOcrImports(racing, table).begin(tenant, FILE, AT)).isFalse();
        assertThat(item(DynamoDbOcrImports.hashPk(tenant, FILE))).as("nothing written for the repeat").isEmpty();
    }
}
