package no.dialog.local.provision;

import java.util.LinkedHashMap;
import java.util.Map;
import no.dialog.local.template.BucketSpec;
import no.dialog.local.template.StackSpec;
import no.dialog.local.template.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates the template's tables, queues, buckets, secrets and KMS keys in the emulators, the way CloudFormation would create
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
    private final SecretProvisioner secrets;
    private final KmsKeyProvisioner kmsKeys;

    /** Without a Secrets Manager endpoint: the template's secrets are not created (their ARNs are planned ones). */
    public LocalProvisioner(DynamoDbClient dynamoDb, SqsClient sqs, S3Client s3) {
        this.tables = new TableProvisioner(dynamoDb);
        this.queues = new QueueProvisioner(sqs);
        this.buckets = new BucketProvisioner(s3);
        this.secrets = null;
        this.kmsKeys = null;
    }

    /**
     * @param devSecrets development values of secrets that sandboxes must know, by logical id (see
     *                   {@link SecretProvisioner}); the other secrets get generated values
     */
    public LocalProvisioner(DynamoDbClient dynamoDb, SqsClient sqs, S3Client s3, SecretsManagerClient secretsManager,
            Map<String, String> devSecrets) {
        this(dynamoDb, sqs, s3, secretsManager, devSecrets, null, null);
    }

    /**
     * As above, with a KMS endpoint: the template's KMS keys are created there (or found again by their stack and
     * logical id tags), so {@code Ref} of a key is its id in that endpoint.
     */
    public LocalProvisioner(DynamoDbClient dynamoDb, SqsClient sqs, S3Client s3, SecretsManagerClient secretsManager,
            Map<String, String> devSecrets, KmsClient kms, String stackName) {
        this.tables = new TableProvisioner(dynamoDb);
        this.queues = new QueueProvisioner(sqs);
        this.buckets = new BucketProvisioner(s3);
        this.secrets = new SecretProvisioner(secretsManager, devSecrets);
        this.kmsKeys = kms == null ? null : new KmsKeyProvisioner(kms, stackName);
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
        Map<String, String> secretArns = secrets == null ? Map.of() : secrets.provision(stack.secrets(), log);
        Map<String, KeyMetadata> keys = kmsKeys == null ? Map.of() : kmsKeys.provision(stack.kmsKeys(), log);
        return new LocalResources(stack, provisionedQueues, streamArns, secretArns, keys, log.actions());
    }
}
