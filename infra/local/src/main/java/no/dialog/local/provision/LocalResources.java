package no.dialog.local.provision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.local.template.Arns;
import no.dialog.local.template.BucketSpec;
import no.dialog.local.template.NamedResource;
import no.dialog.local.template.NamedResourceIds;
import no.dialog.local.template.PhysicalIds;
import no.dialog.local.template.QueueSpec;
import no.dialog.local.template.StackSpec;
import no.dialog.local.template.TableSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * The local stack's resources once they exist: what {@code Ref} and {@code Fn::GetAtt} mean for each
 * logical id, and the lookups the local stack needs to wire events (which queue has this ARN, which bucket
 * has this name).
 *
 * <ul>
 *   <li>table: {@code Ref} → name; {@code Arn} → {@code arn:aws:dynamodb:eu-north-1:000000000000:table/<name>};
 *       {@code StreamArn} when it has a stream</li>
 *   <li>queue: {@code Ref} and {@code QueueUrl} → the emulator's URL; {@code Arn}; {@code QueueName}</li>
 *   <li>bucket: {@code Ref} → name; {@code Arn} → {@code arn:aws:s3:::<name>}</li>
 *   <li>event bus: {@code Ref} → name; {@code Arn}. Rule: {@code Arn}. Function: {@code Ref} → name; {@code Arn}</li>
 *   <li>HTTP API: {@code Ref} → {@code local}</li>
 *   <li>secret: {@code Ref} → its ARN in the local Secrets Manager endpoint</li>
 *   <li>KMS key: {@code Ref} and {@code KeyId} → its id in the local KMS endpoint; {@code Arn}</li>
 * </ul>
 * Use it to resolve function environments: {@code resolver.withPhysicalIds(localResources)}.
 */
public final class LocalResources implements PhysicalIds {

    private final StackSpec stack;
    private final Map<String, ProvisionedQueue> queues;
    private final Map<String, NamedResource> named = new LinkedHashMap<>();
    private final NamedResourceIds ids;
    private final List<ProvisioningAction> actions;

    LocalResources(StackSpec stack, Map<String, ProvisionedQueue> queues, Map<String, String> streamArns,
                   Map<String, String> secretArns, Map<String, KeyMetadata> kmsKeys, List<ProvisioningAction> actions) {
        this.stack = stack;
        this.queues = Map.copyOf(queues);
        this.actions = List.copyOf(actions);
        for (NamedResource resource : stack.namedResources()) {
            ProvisionedQueue queue = queues.get(resource.logicalId());
            String secretArn = secretArns.get(resource.logicalId());
            // A queue's ARN is the one the emulator reports, so it matches RedrivePolicy and event-source ARNs; a
            // secret's has the random suffix Secrets Manager added.
            String arn = queue != null ? queue.arn() : secretArn != null ? secretArn : resource.arn();
            KeyMetadata key = kmsKeys.get(resource.logicalId());
            // A KMS key's id is the one the endpoint made.
            named.put(resource.logicalId(), key != null
                    ? new NamedResource(resource.logicalId(), resource.type(), key.keyId(), key.arn())
                    : new NamedResource(resource.logicalId(), resource.type(), resource.physicalName(), arn));
        }
        Map<String, String> queueUrls = new LinkedHashMap<>();
        queues.forEach((id, queue) -> queueUrls.put(id, queue.url()));
        this.ids = new NamedResourceIds(id -> Optional.ofNullable(named.get(id)), queueUrls, streamArns);
    }

    @Override
    public Optional<String> ref(String logicalId) {
        return ids.ref(logicalId);
    }

    @Override
    public Optional<String> getAtt(String logicalId, String attribute) {
        return ids.getAtt(logicalId, attribute);
    }

    /** What was read from the template and provisioned. */
    public StackSpec stack() {
        return stack;
    }

    /** What this provisioning run did to each resource. */
    public List<ProvisioningAction> actions() {
        return actions;
    }

    /** Whether this run created or changed anything (false when everything was there already). */
    public boolean changedAnything() {
        return actions.stream().anyMatch(a -> a.outcome() != ProvisioningAction.Outcome.UNCHANGED);
    }

    public Optional<NamedResource> named(String logicalId) {
        return Optional.ofNullable(named.get(logicalId));
    }

    public Optional<ProvisionedQueue> queue(String logicalId) {
        return Optional.ofNullable(queues.get(logicalId));
    }

    public Optional<String> queueUrl(String logicalId) {
        return queue(logicalId).map(ProvisionedQueue::url);
    }

    /** The queue's URL, or a clear error if the stack has no such queue. */
    public String requireQueueUrl(String logicalId) {
        return queueUrl(logicalId).orElseThrow(() -> new IllegalArgumentException(
                logicalId + " is not a queue of this stack (queues: " + queues.keySet() + ")"));
    }

    /**
     * The logical id of the queue with this ARN. Both the emulator's ARN and the one built from the name
     * with the local account and region are accepted.
     */
    public Optional<String> queueLogicalIdByArn(String arn) {
        return queues.values().stream()
                .filter(queue -> queue.arn().equals(arn) || Arns.queue(queue.name()).equals(arn))
                .map(ProvisionedQueue::logicalId)
                .findFirst();
    }

    /** The logical id of the queue with this URL. */
    public Optional<String> queueLogicalIdByUrl(String url) {
        return queues.values().stream().filter(queue -> queue.url().equals(url))
                .map(ProvisionedQueue::logicalId).findFirst();
    }

    public Optional<QueueSpec> queueSpec(String logicalId) {
        return stack.queue(logicalId);
    }

    public Optional<TableSpec> table(String logicalId) {
        return stack.table(logicalId);
    }

    /** The table's name, or a clear error if the stack has no such table. */
    public String requireTableName(String logicalId) {
        return table(logicalId).map(TableSpec::tableName).orElseThrow(() -> new IllegalArgumentException(
                logicalId + " is not a table of this stack"));
    }

    /** The bucket with this name, e.g. to find the notifications for an object created in it. */
    public Optional<BucketSpec> bucketByName(String bucketName) {
        return stack.buckets().stream().filter(bucket -> bucket.bucketName().equals(bucketName)).findFirst();
    }
}
