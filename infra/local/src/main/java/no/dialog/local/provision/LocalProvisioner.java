package no.dialog.local.provision;

import java.util.LinkedHashMap;
import java.util.Map;
import no.dialog.local.template.BucketSpec;
import no.dialog.local.template.StackSpec;
import no.dialog.local.template.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates the template's tables, queues and buckets in the emulators, the way CloudFormation would create
 * them in AWS.
 *
 * <p>It is idempotent: the local stack keeps DynamoDB and S3 data between runs, so a second run finds
 * everything in place, changes nothing and duplicates nothing (it only adds what the template has gained,
 * such as a new index). Event buses, rules, functions and routes need nothing created: the local stack
 * emulates them from the {@link StackSpec} and the returned {@link LocalResources}.
 */
public final class LocalProvisioner {

    private final TableProvisioner tables;
    private final QueueProvisioner queues;
    private final BucketProvisioner buckets;

    public LocalProvisioner(DynamoDbClient dynamoDb, SqsClient sqs, S3Client s3) {
        this.tables = new TableProvisioner(dynamoDb);
        this.queues = new QueueProvisioner(sqs);
        this.buckets = new BucketProvisioner(s3);
    }

    /**
     * Provisions everything in {@code stack} and returns what exists now.
     *
     * @throws ProvisioningException if something kept from an earlier run contradicts the template
     */
    public LocalResources provision(StackSpec stack) {
        ProvisioningLog log = new ProvisioningLog();
        Map<String, String> streamArns = new LinkedHashMap<>();
        for (TableSpec table : stack.tables()) {
            TableDescription description = tables.provision(table, log);
            if (description.latestStreamArn() != null) {
                streamArns.put(table.logicalId(), description.latestStreamArn());
            }
        }
        Map<String, ProvisionedQueue> provisionedQueues = queues.provision(stack.queues(), log);
        for (BucketSpec bucket : stack.buckets()) {
            buckets.provision(bucket, log);
        }
        return new LocalResources(stack, provisionedQueues, streamArns, log.actions());
    }
}
