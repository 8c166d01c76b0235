package no.dialog.local.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import no.dialog.local.template.CloudFormationTemplate;
import no.dialog.local.template.FunctionSpec;
import no.dialog.local.template.FunctionSpecs;
import no.dialog.local.template.IntrinsicResolver;
import no.dialog.local.template.StackSpec;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Provisions the project's template.yaml into the in-process emulators. */
class LocalProvisionerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Emulators emulators;
    private static CloudFormationTemplate template;
    private static IntrinsicResolver resolver;
    private static LocalResources first;
    private static LocalResources second;

    @BeforeAll
    static void provisionTheRealTemplateTwice() {
        QuietLogging.warningsOnly();
        emulators = SharedEmulators.get();
        template = CloudFormationTemplate.load(TemplateFiles.findFromWorkingDirectory());
        resolver = IntrinsicResolver.builder(template).parameter("Stage", "local").build();
        StackSpec stack = StackSpec.read(template, resolver);
        LocalProvisioner provisioner = new LocalProvisioner(emulators.dynamoDb(), emulators.sqs(), emulators.s3());
        first = provisioner.provision(stack);
        second = provisioner.provision(stack);
    }

    @Test
    void secondRunChangesNothing() {
        assertThat(second.actions()).as("second run: %s", second.actions())
                .allMatch(action -> action.outcome() == ProvisioningAction.Outcome.UNCHANGED);
        assertThat(second.changedAnything()).isFalse();
        assertThat(second.requireQueueUrl("ImportsQueue")).isEqualTo(first.requireQueueUrl("ImportsQueue"));
        List<String> tables = emulators.dynamoDb().listTables().tableNames();
        assertThat(tables.stream().filter("dialog-contacts-local"::equals)).hasSize(1);
    }

    @Test
    void contactsTableHasItsIndexAndTtl() {
        TableDescription table = emulators.dynamoDb().describeTable(r -> r.tableName("dialog-contacts-local")).table();
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("byTenantShard", "byPhone", "byChange");
        assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(emulators.dynamoDb().describeTimeToLive(r -> r.tableName("dialog-contacts-local"))
                .timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void importsQueueRedrivesToTheImportsDeadLetterQueue() throws Exception {
        String url = first.requireQueueUrl("ImportsQueue");
        var attributes = emulators.sqs().getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        JsonNode redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
        String deadLetterArn = first.getAtt("ImportsDLQ", "Arn").orElseThrow();
        assertThat(redrive.path("deadLetterTargetArn").asText()).isEqualTo(deadLetterArn);
        assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
        assertThat(deadLetterArn).isEqualTo("arn:aws:sqs:eu-north-1:000000000000:dialog-imports-dlq-local");
        assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("1800");
    }

    @Test
    void bucketsExist() {
        assertThat(emulators.s3().listBuckets().buckets()).extracting(b -> b.name())
                .contains("dialog-imports-local-000000000000", "dialog-exports-local-000000000000");
        assertThat(first.bucketByName("dialog-imports-local-000000000000").orElseThrow().logicalId())
                .isEqualTo("ImportsBucket");
    }

    @Test
    void resourcesAnswerRefAndGetAtt() {
        assertThat(first.ref("ContactsTable")).contains("dialog-contacts-local");
        assertThat(first.getAtt("ContactsTable", "Arn"))
                .contains("arn:aws:dynamodb:eu-north-1:000000000000:table/dialog-contacts-local");
        assertThat(first.ref("ImportsQueue")).contains(first.requireQueueUrl("ImportsQueue"));
        assertThat(first.getAtt("ImportsQueue", "QueueUrl")).contains(first.requireQueueUrl("ImportsQueue"));
        assertThat(first.getAtt("ImportsQueue", "QueueName")).contains("dialog-imports-local");
        assertThat(first.ref("ImportsBucket")).contains("dialog-imports-local-000000000000");
        assertThat(first.getAtt("ImportsBucket", "Arn")).contains("arn:aws:s3:::dialog-imports-local-000000000000");
        assertThat(first.ref("DialogBus")).contains("dialog-local");
        assertThat(first.getAtt("DialogBus", "Arn")).contains("arn:aws:events:eu-north-1:000000000000:event-bus/dialog-local");
        assertThat(first.getAtt("ContactEventsRule", "Arn")).isPresent();
        assertThat(first.ref("SyncFunction")).contains("dialog-sync-local");
        assertThat(first.getAtt("SyncFunction", "Arn"))
                .contains("arn:aws:lambda:eu-north-1:000000000000:function:dialog-sync-local");
        assertThat(first.ref("DialogHttpApi")).contains("local");
        assertThat(first.queueLogicalIdByArn("arn:aws:sqs:eu-north-1:000000000000:dialog-contact-events-local"))
                .contains("ContactEventsQueue");
        assertThat(first.queueLogicalIdByUrl(first.requireQueueUrl("ImportsDLQ"))).contains("ImportsDLQ");
    }

    @Test
    void functionEnvironmentsResolveAfterProvisioning() {
        FunctionSpec sync = FunctionSpecs.read(template, resolver.withPhysicalIds(first), "SyncFunction");
        assertThat(sync.environment())
                .containsEntry("IMPORTS_QUEUE_URL", first.requireQueueUrl("ImportsQueue"))
                .containsEntry("CONTACT_EVENTS_DLQ_URL", first.requireQueueUrl("ContactEventsDLQ"))
                .containsEntry("CONTACTS_TABLE", "dialog-contacts-local")
                .containsEntry("DIALOG_STAGE", "local");
        assertThat(sync.environment().get("IMPORTS_QUEUE_URL")).startsWith(emulators.sqsEndpoint().toString());
    }

    @Test
    void changesInTheTemplateAreAppliedToKeptResources() {
        StackSpec before = inlineStack("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: provisioner-evolving
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: provisioner-evolving, VisibilityTimeout: 60}
                """);
        StackSpec after = inlineStack("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: provisioner-evolving
                      AttributeDefinitions:
                        - {AttributeName: pk, AttributeType: S}
                        - {AttributeName: owner, AttributeType: S}
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      GlobalSecondaryIndexes:
                        - IndexName: byOwner
                          KeySchema: [{AttributeName: owner, KeyType: HASH}]
                          Projection: {ProjectionType: ALL}
                      TimeToLiveSpecification: {AttributeName: expiresAt, Enabled: true}
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: provisioner-evolving, VisibilityTimeout: 90, DelaySeconds: 2}
                """);
        LocalProvisioner provisioner = new LocalProvisioner(emulators.dynamoDb(), emulators.sqs(), emulators.s3());
        provisioner.provision(before);

        LocalResources updated = provisioner.provision(after);

        assertThat(updated.actions()).extracting(ProvisioningAction::toString).containsExactly(
                "UPDATED Table (provisioner-evolving): created index byOwner",
                "UPDATED Table (provisioner-evolving): enabled TTL on expiresAt",
                "UPDATED Queue (provisioner-evolving): set [VisibilityTimeout, DelaySeconds]");
        assertThat(emulators.dynamoDb().describeTable(r -> r.tableName("provisioner-evolving")).table()
                .globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("byOwner");
        assertThat(emulators.sqs().getQueueAttributes(r -> r.queueUrl(updated.requireQueueUrl("Queue"))
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes())
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "90");
        assertThat(provisioner.provision(after).changedAnything()).isFalse();
    }

    @Test
    void aKeptTableWithAnotherKeyIsReportedNotDamaged() {
        LocalProvisioner provisioner = new LocalProvisioner(emulators.dynamoDb(), emulators.sqs(), emulators.s3());
        provisioner.provision(inlineStack("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: provisioner-rekeyed
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                """));
        StackSpec rekeyed = inlineStack("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: provisioner-rekeyed
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                """);
        assertThatThrownBy(() -> provisioner.provision(rekeyed))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("Table provisioner-rekeyed (Table) already exists with key [pk HASH],"
                        + " but template.yaml declares [id HASH]");
    }

    private static StackSpec inlineStack(String yaml) {
        CloudFormationTemplate inline = CloudFormationTemplate.parse(yaml);
        return StackSpec.read(inline, IntrinsicResolver.builder(inline).build());
    }
}
