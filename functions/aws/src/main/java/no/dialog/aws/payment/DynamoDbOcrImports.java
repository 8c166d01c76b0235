package no.dialog.aws.payment;

import static no.dialog.aws.payment.PaymentItems.n;
import static no.dialog.aws.payment.PaymentItems.s;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.payment.ocr.OcrImportReport;
import no.dialog.core.payment.ocr.OcrImports;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link OcrImports} in the PaymentsTable ({@code PAYMENTS_TABLE}): two items per file, one under each name
 * the port recognises a file by, written together (a transaction) so that they never disagree:
 * <pre>
 *   pk = &lt;tenant&gt;#ocr-import#sha256#&lt;hex&gt;          sk = ocr-import
 *   pk = &lt;tenant&gt;#ocr-import#transmission#&lt;number&gt;  sk = ocr-import
 *   sha256, transmissionNumber, fileName, begunAt; once finished also finishedAt, status and the report's
 *   counts (registered, alreadyRegistered, unmatched, skipped, totalAmountOre, registeredAmountOre)
 * </pre>
 * A file is a repeat when either item has {@code finishedAt}. {@code begin} writes both items only where
 * neither is finished (a condition on each), so an import that finishes between the read and the write is
 * still seen. The report's transaction lines are not stored (a big file would outgrow an item; the report
 * object has them). Kept (no expiry): a transmission number must stay known for as long as Nets could
 * deliver the file again.
 */
@Singleton
@Requires(property = "payments.table")
public class DynamoDbOcrImports implements OcrImports {

    static final String SK = "ocr-import";
    static final String FINISHED_AT = "finishedAt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbOcrImports(DynamoDbClient dynamoDb, @Value("${payments.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean begin(TenantId tenant, ImportedFile file, Instant at) {
        if (isFinished(hashPk(tenant, file)) || isFinished(transmissionPk(tenant, file))) {
            return false;
        }
        Map<String, AttributeValue> fields = fields(file);
        fields.put("begunAt", s(at.toString()));
        try {
            write(tenant, file, fields, "attribute_not_exists(" + FINISHED_AT + ")");
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void finish(TenantId tenant, ImportedFile file, OcrImportReport report, Instant at) {
        Map<String, AttributeValue> fields = fields(file);
        fields.put(FINISHED_AT, s(at.toString()));
        fields.put("status", s(report.status().name()));
        fields.put("registered", n(report.registered()));
        fields.put("alreadyRegistered", n(report.alreadyRegistered()));
        fields.put("unmatched", n(report.unmatched()));
        fields.put("skipped", n(report.skipped()));
        fields.put("totalAmountOre", n(report.totalAmountOre()));
        fields.put("registeredAmountOre", n(report.registeredAmountOre()));
        write(tenant, file, fields, null);
    }

    private boolean isFinished(String pk) {
        return PaymentItems.get(dynamoDb, table, pk, SK).map(item -> item.containsKey(FINISHED_AT)).orElse(false);
    }

    private void write(TenantId tenant, ImportedFile file, Map<String, AttributeValue> fields, String condition) {
        List<TransactWriteItem> puts = List.of(hashPk(tenant, file), transmissionPk(tenant, file)).stream()
                .map(pk -> {
                    Map<String, AttributeValue> item = new HashMap<>(fields);
                    item.putAll(PaymentItems.key(pk, SK));
                    Put.Builder put = Put.builder().tableName(table).item(item);
                    if (condition != null) {
                        put.conditionExpression(condition);
                    }
                    return TransactWriteItem.builder().put(put.build()).build();
                }).toList();
        dynamoDb.transactWriteItems(b -> b.transactItems(puts));
    }

    private static Map<String, AttributeValue> fields(ImportedFile file) {
        Map<String, AttributeValue> fields = new HashMap<>();
        fields.put("sha256", s(file.sha256()));
        fields.put("transmissionNumber", s(file.transmissionNumber()));
        if (file.fileName() != null) {
            fields.put("fileName", s(file.fileName()));
        }
        return fields;
    }

    static String hashPk(TenantId tenant, ImportedFile file) {
        return tenant.value() + "#ocr-import#sha256#" + file.sha256();
    }

    static String transmissionPk(TenantId tenant, ImportedFile file) {
        return tenant.value() + "#ocr-import#transmission#" + file.transmissionNumber();
    }
}
