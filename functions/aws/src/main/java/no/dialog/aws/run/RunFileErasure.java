package no.dialog.aws.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.aws.dynamodb.BatchDeletes;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.run.CallListMaker;
import no.dialog.core.run.CsvRows;
import no.dialog.core.run.LetterDrop;
import no.dialog.core.run.RunStatus;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Takes the person out of every run they were staged in: the run files in the exports bucket and the staged
 * items in the run-files table. The person's items are found through the keys-only index {@code byContact}
 * ({@code contactKey = <tenant>#<contactId>}, {@link DynamoDbRunStore}); each item's idempotency key is the key
 * of the person's row in the run's files ({@code key} in a letter manifest and a print file, {@code reference}
 * in a call list). For each closed run:
 * <ul>
 *   <li>a letter drop: the person's own letter PDF (named in the manifest's {@code file} column) is deleted,
 *       then the manifest is written again without their row;</li>
 *   <li>a print run: {@code print.csv} is written again without their row, and the merged PDF, which holds
 *       every letter of the run in one document, is deleted (Dialog cannot cut one person's pages out of it;
 *       the print file stays, from which the printer can merge again);</li>
 *   <li>a call list: written again without their row.</li>
 * </ul>
 * Every other byte of a rewritten file stays as it was ({@link CsvRows}). Then the staged items go. An open run
 * has no files yet: its items go, and the closer writes the files without the person. A run being written
 * (closing) is not touched: the step fails, and the erasure's redelivery finds it closed. Files and items go
 * last, in that order, so a crash halfway is finished by the next run of the step; a second erasure finds
 * nothing and counts 0. Items staged before the index existed carry no {@code contactKey} and are not found:
 * they expire after 90 days, their files after the exports bucket's lifecycle.
 *
 * <p>The count is the staged items deleted plus the files rewritten or deleted.
 */
@Singleton
@Order(70)
@Requires(classes = S3Client.class)
@Requires(property = "run.files.table")
@Requires(property = "exports.bucket")
public class RunFileErasure implements PersonalData {

    private static final String ITEM_PREFIX = "item#";
    private static final String CSV_TYPE = "text/csv; charset=utf-8";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final S3Client s3;
    private final String bucket;

    public RunFileErasure(DynamoDbClient dynamoDb, @Value("${run.files.table}") String table, S3Client s3,
                          @Value("${exports.bucket}") String bucket) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String store() {
        return "run-files";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        Map<String, Set<String>> keysByRun = new LinkedHashMap<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).indexName(DynamoDbRunStore.BY_CONTACT_INDEX)
                        .keyConditionExpression("contactKey = :contact")
                        .expressionAttributeValues(Map.of(":contact",
                                AttributeValue.fromS(DynamoDbRunStore.contactKey(tenant, contactId)))))
                .items().forEach(item -> keysByRun.computeIfAbsent(DynamoDbRunStore.runPkOfItems(item.get("pk").s()),
                        pk -> new LinkedHashSet<>()).add(item.get("sk").s().substring(ITEM_PREFIX.length())));
        long erased = 0;
        for (Map.Entry<String, Set<String>> run : keysByRun.entrySet()) {
            erased += eraseFromRun(run.getKey(), run.getValue());
        }
        return erased;
    }

    private long eraseFromRun(String pk, Set<String> itemKeys) {
        Map<String, AttributeValue> run = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("run")))).item();
        long erased = 0;
        if (run != null && !run.isEmpty()) {
            String status = run.get("status").s();
            if (RunStatus.CLOSING.name().equals(status)) {
                // Its files are being written from the items now; after the close they are rewritten.
                throw new IllegalStateException("run " + run.get("runId").s() + " is being written: erase again after it");
            }
            if (run.containsKey("files")) {
                for (AttributeValue file : run.get("files").l()) {
                    erased += eraseFromFile(file.m().get("key").s(), itemKeys);
                }
            }
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String itemKey : itemKeys) {
            keys.add(Map.of("pk", AttributeValue.fromS(DynamoDbRunStore.itemPk(pk, itemKey)),
                    "sk", AttributeValue.fromS(ITEM_PREFIX + itemKey)));
        }
        BatchDeletes.delete(dynamoDb, table, keys);
        return erased + keys.size();
    }

    private long eraseFromFile(String key, Set<String> itemKeys) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (name.endsWith(".pdf")) {
            return delete(key) ? 1 : 0;
        }
        if (!name.endsWith(".csv")) {
            return 0;
        }
        byte[] csv = read(key);
        if (csv == null) {
            return 0;
        }
        CsvRows.Without without = CsvRows.without(csv, CallListMaker.FILE_NAME.equals(name) ? "reference" : "key",
                itemKeys);
        if (!without.changed()) {
            return 0;
        }
        long erased = 0;
        for (Map<String, String> row : without.removed()) {
            // A letter manifest names each person's own PDF, in the same folder.
            String letter = LetterDrop.letterKey(key, row).orElse(null);
            if (letter != null) {
                erased += delete(letter) ? 1 : 0;
            }
        }
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(CSV_TYPE), RequestBody.fromBytes(without.content()));
        return erased + 1;
    }

    private byte[] read(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return bytes.asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    /** Deletes the object; true when it was there (so a second erasure counts 0). */
    private boolean delete(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
        s3.deleteObject(b -> b.bucket(bucket).key(key));
        return true;
    }
}
