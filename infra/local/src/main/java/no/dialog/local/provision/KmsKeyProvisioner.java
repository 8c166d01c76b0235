package no.dialog.local.provision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.dialog.local.template.KmsKeySpec;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Creates the template's KMS keys in the local KMS endpoint, as CloudFormation would: a symmetric key with the
 * template's description, tagged with the stack name and logical id as CloudFormation tags what it creates, and its
 * aliases. A key that exists (found by those tags) is kept: a persistent local stack keeps its keys, so what was
 * encrypted under them before a restart still opens.
 */
public final class KmsKeyProvisioner {

    static final String STACK_TAG = "aws:cloudformation:stack-name";
    static final String LOGICAL_ID_TAG = "aws:cloudformation:logical-id";

    private final KmsClient kms;
    private final String stackName;

    public KmsKeyProvisioner(KmsClient kms, String stackName) {
        this.kms = kms;
        this.stackName = stackName;
    }

    /** @return each key's metadata (id and ARN) by logical id */
    Map<String, KeyMetadata> provision(List<KmsKeySpec> specs, ProvisioningLog log) {
        Map<String, KeyMetadata> keys = new LinkedHashMap<>();
        for (KmsKeySpec spec : specs) {
            KeyMetadata key = existing(spec);
            if (key == null) {
                key = kms.createKey(b -> b.description(spec.description()).tags(
                        Tag.builder().tagKey(STACK_TAG).tagValue(stackName).build(),
                        Tag.builder().tagKey(LOGICAL_ID_TAG).tagValue(spec.logicalId()).build())).keyMetadata();
                log.created(spec.logicalId(), key.keyId(), "KMS key");
            } else {
                log.unchanged(spec.logicalId(), key.keyId(), "KMS key exists");
            }
            for (String alias : spec.aliases()) {
                try {
                    kms.describeKey(b -> b.keyId(alias));
                } catch (NotFoundException e) {
                    String target = key.keyId();
                    kms.createAlias(b -> b.aliasName(alias).targetKeyId(target));
                    log.created(spec.logicalId(), alias, "KMS alias");
                }
            }
            keys.put(spec.logicalId(), key);
        }
        return keys;
    }

    private KeyMetadata existing(KmsKeySpec spec) {
        for (KeyListEntry entry : kms.listKeysPaginator(b -> b.limit(100)).keys()) {
            List<Tag> tags = kms.listResourceTags(b -> b.keyId(entry.keyId())).tags();
            boolean stack = tags.stream().anyMatch(t -> t.tagKey().equals(STACK_TAG) && t.tagValue().equals(stackName));
            boolean logical = tags.stream().anyMatch(t -> t.tagKey().equals(LOGICAL_ID_TAG)
                    && t.tagValue().equals(spec.logicalId()));
            if (stack && logical) {
                return kms.describeKey(b -> b.keyId(entry.keyId())).keyMetadata();
            }
        }
        return null;
    }
}
