package no.dialog.aws.run;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.dialog.aws.dynamodb.IndexedReads;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.privacy.export.PersonExport;
import no.dialog.core.privacy.export.RunStagings;
import no.dialog.core.run.Run;
import no.dialog.core.run.RunStore;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The run lines staged for a person ({@link DynamoDbRunStore}'s {@code item#<idempotency key>} items). The table
 * has no index by person, but an item's key starts with {@code <tenant>:<enrolmentId>:}: so for each journey the
 * person entered, its runs (the {@code journeyRuns} index) are read, and in each run the items of the person's
 * enrolments by that key prefix. A query per run and enrolment; a journey has a run per step and day at most.
 */
@Singleton
@Requires(property = "run.files.table")
public class DynamoDbRunStagings implements RunStagings {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RunStore runs;

    public DynamoDbRunStagings(DynamoDbClient dynamoDb, @Value("${run.files.table}") String table, RunStore runs) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.runs = runs;
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

    private List<PersonExport.StagedRunItem> itemsOf(Run run, String keyPrefix) {
        List<PersonExport.FileRef> files = run.files().stream()
                .map(file -> new PersonExport.FileRef(file.name(), file.key())).toList();
        return IndexedReads.queryAll(dynamoDb, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbRunStore.pk(run.ref())),
                        ":prefix", AttributeValue.fromS("item#" + keyPrefix))).build()).stream().map(item -> {
            Map<String, String> fields = new HashMap<>();
            item.get("fields").m().forEach((name, value) -> fields.put(name, value.s()));
            return new PersonExport.StagedRunItem(run.ref().runId(), run.ref().channel().jsonName(),
                    item.get("journeyId").s(), Integer.parseInt(item.get("version").n()), item.get("stepId").s(),
                    LocalDate.parse(item.get("day").s()), item.get("key").s(),
                    Instant.ofEpochMilli(Long.parseLong(item.get("stagedAt").n())), run.status().name(), files, fields);
        }).toList();
    }
}
