package no.dialog.aws.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.aws.dynamodb.IndexedReads;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.privacy.export.PersonExport;
import no.dialog.core.privacy.export.RunStagings;
import no.dialog.core.run.CsvRows;
import no.dialog.core.run.LetterDrop;
import no.dialog.core.run.Run;
import no.dialog.core.run.RunStore;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The run lines staged for a person ({@link DynamoDbRunStore}'s {@code item#<idempotency key>} items). The table
 * has no index by person, but an item's key starts with {@code <tenant>:<enrolmentId>:}: so for each journey the
 * person entered, its runs (the {@code journeyRuns} index) are read, and in each run the items of the person's
 * enrolments by that key prefix, in the item partition it picks ({@link DynamoDbRunStore#itemPk}). A query per run and enrolment; a journey has a run per step and day at most.
 * A letter run's files are the drop's manifest; the person's own letter PDF is the one the manifest's row with
 * their item's key names, read from the exports bucket where this function has it.
 */
@Singleton
@Requires(property = "run.files.table")
public class DynamoDbRunStagings implements RunStagings {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RunStore runs;
    private final S3Client s3;
    private final String exportsBucket;

    @Inject
    public DynamoDbRunStagings(DynamoDbClient dynamoDb, @Value("${run.files.table}") String table, RunStore runs,
            @Nullable S3Client s3, @Nullable @Value("${exports.bucket:}") String exportsBucket) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.runs = runs;
        this.s3 = s3;
        this.exportsBucket = exportsBucket == null || exportsBucket.isBlank() ? null : exportsBucket;
    }

    public DynamoDbRunStagings(DynamoDbClient dynamoDb, String table, RunStore runs) {
        this(dynamoDb, table, runs, null, null);
    }

    @Override
    public List<PersonExport.StagedRunItem> ofEnrolments(TenantId tenant, List<Enrolment> enrolments) {
        Map<String, List<Enrolment>> byJourney = new LinkedHashMap<>();
        enrolments.forEach(e -> byJourney.computeIfAbsent(e.journeyId(), j -> new ArrayList<>()).add(e));
        List<PersonExport.StagedRunItem> staged = new ArrayList<>();
        byJourney.forEach((journeyId, entries) -> {
            for (Run run : runs.runsOfJourney(tenant, journeyId)) {
                for (Enrolment entry : entries) {
                    staged.addAll(itemsOf(run, tenant.value() + ":" + entry.enrolmentId() + ":"));
                }
            }
        });
        return staged;
    }

    /** The letter PDFs a drop's manifest names for this item (none when the bucket is not read here). */
    private List<PersonExport.FileRef> ownLetters(List<PersonExport.FileRef> files, String itemKey) {
        if (s3 == null || exportsBucket == null) {
            return List.of();
        }
        List<PersonExport.FileRef> letters = new ArrayList<>();
        for (PersonExport.FileRef file : files) {
            if (!file.key().endsWith("/" + LetterDrop.MANIFEST)) {
                continue;
            }
            byte[] manifest;
            try {
                manifest = s3.getObjectAsBytes(b -> b.bucket(exportsBucket).key(file.key())).asByteArray();
            } catch (NoSuchKeyException gone) {
                continue;
            }
            for (Map<String, String> row : CsvRows.without(manifest, "key", Set.of(itemKey)).removed()) {
                LetterDrop.letterKey(file.key(), row).ifPresent(letter ->
                        letters.add(new PersonExport.FileRef(row.get("file"), letter)));
            }
        }
        return letters;
    }

    private List<PersonExport.StagedRunItem> itemsOf(Run run, String keyPrefix) {
        List<PersonExport.FileRef> files = run.files().stream()
                .map(file -> new PersonExport.FileRef(file.name(), file.key())).toList();
        return IndexedReads.queryAll(dynamoDb, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS(DynamoDbRunStore.itemPk(run.ref(), keyPrefix)),
                        ":prefix", AttributeValue.fromS("item#" + keyPrefix))).build()).stream().map(item -> {
            Map<String, String> fields = new HashMap<>();
            item.get("fields").m().forEach((name, value) -> fields.put(name, value.s()));
            List<PersonExport.FileRef> theirs = new ArrayList<>(files);
            theirs.addAll(ownLetters(files, item.get("key").s()));
            return new PersonExport.StagedRunItem(run.ref().runId(), run.ref().channel().jsonName(),
                    item.get("journeyId").s(), Integer.parseInt(item.get("version").n()), item.get("stepId").s(),
                    LocalDate.parse(item.get("day").s()), item.get("key").s(),
                    Instant.ofEpochMilli(Long.parseLong(item.get("stagedAt").n())), run.status().name(), List.copyOf(theirs), fields);
        }).toList();
    }
}
