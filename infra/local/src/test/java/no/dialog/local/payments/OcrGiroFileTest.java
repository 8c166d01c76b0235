package no.dialog.local.payments;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.aws.payment.DynamoDbPaymentLedger;
import no.dialog.aws.payment.DynamoDbUnmatchedPayments;
import no.dialog.aws.run.DynamoDbTenantNumbers;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * An OCR giro file through the local stack: put into the imports bucket at {@code ocr/<tenant>/} through
 * S3Proxy → the bucket's notification (template.yaml's prefix and suffix rule) → the OCR imports queue → the
 * real ocr-import function → the ledger in the PaymentsTable, the unmatched payments, and the report in the
 * exports bucket. The contacts' notification does not fire for it.
 */
class OcrGiroFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantId TENANT = TenantId.of("giro");
    private static Path template;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }


    private static String exports() {
        return stack.resources().ref("ExportsBucket").orElseThrow();
    }

    private static JsonNode report(String key) {
        try {
            return JSON.readTree(stack.emulators().s3().getObjectAsBytes(b -> b.bucket(exports()).key(key)).asUtf8String());
        } catch (NoSuchKeyException e) {
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Contacts c-1 and c-2 and the two steps, numbered as the fixture's KIDs expect (events/ocr/README.md). */
    private static void tenantWithNumbers() {
        var dynamoDb = stack.emulators().dynamoDb();
        new DynamoDbTenantDirectory(dynamoDb, stack.resources().requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(TENANT, "Giroforeningen", stack.clock().instant(),
                        Map.of("ocr.invoiceAccounts", "15030067890")));
        DynamoDbTenantNumbers numbers = new DynamoDbTenantNumbers(dynamoDb,
                stack.resources().requireTableName("RunFilesTable"));
        assertThat(numbers.contactNumber(TENANT, "c-1")).isEqualTo(1);
        assertThat(numbers.contactNumber(TENANT, "c-2")).isEqualTo(2);
        assertThat(numbers.stepNumber(TENANT, "autumn-appeal", 1, "letter")).isEqualTo(1);
        assertThat(numbers.stepNumber(TENANT, "membership-2027", 2, "invoice-letter")).isEqualTo(2);
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb,
                stack.resources().requireTableName("ContactsTable"), stack.clock(), 2);
        ContactJson json = new ContactJson(stack.clock());
        for (String id : List.of("c-1", "c-2")) {
            contacts.upsert(TENANT, json.read("{\"id\":\"" + id + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                    + "\"firstName\":\"Kari\"}").contact());
        }
        contacts.close();
    }

    @Test
    void anOcrFilePutIntoTheImportsBucketEndsInTheLedgerWithAReport() throws Exception {
        tenantWithNumbers();
        Path file = template.getParent().resolve("events/ocr/giro-mod10.ocr");

        stack.emulators().s3().putObject(b -> b.bucket(stack.importsBucket()).key("ocr/giro/giro-mod10.ocr"),
                RequestBody.fromFile(file));

        eventually(() -> report("reports/giro/ocr/giro-mod10.ocr.json") != null, "the OCR report");
        JsonNode report = report("reports/giro/ocr/giro-mod10.ocr.json");
        assertThat(report.get("status").asText()).isEqualTo("IMPORTED");
        assertThat(report.get("registered").asInt()).isEqualTo(3);
        assertThat(report.get("unmatched").asInt()).isEqualTo(4);

        var dynamoDb = stack.emulators().dynamoDb();
        String payments = stack.resources().requireTableName("PaymentsTable");
        DynamoDbPaymentLedger ledger = new DynamoDbPaymentLedger(dynamoDb, payments);
        RegisteredPayment gift = ledger.find(TENANT, PaymentIds.of(PaymentSource.OCR_GIRO, "1000081:0000001:0000001"))
                .orElseThrow().payment();
        assertThat(gift.contactId()).isEqualTo("c-1");
        assertThat(gift.kind()).isEqualTo(PaymentKind.GIFT);
        assertThat(ledger.find(TENANT, PaymentIds.of(PaymentSource.OCR_GIRO, "1000081:0000002:0000001"))
                .orElseThrow().payment().kind()).isEqualTo(PaymentKind.INVOICE);
        assertThat(ledger.forContact(TENANT, "c-2")).hasSize(2);
        assertThat(new DynamoDbUnmatchedPayments(dynamoDb, payments).open(TENANT, 10)).hasSize(4);
        eventually(() -> stack.bus().recentEvents(null).stream()
                .filter(event -> "dialog.payments".equals(event.source())).count() == 3, "three payment events on the bus");

        String importsDlq = stack.resources().requireQueueUrl("ImportsDLQ");
        assertThat(stack.emulators().sqs().receiveMessage(b -> b.queueUrl(importsDlq).waitTimeSeconds(1)).messages())
                .as("the contacts' notification did not fire for the OCR file").isEmpty();
    }
}
