package no.dialog.local.template;

import java.util.List;
import java.util.Optional;

/**
 * A DynamoDB table as the template declares it; what the provisioner creates.
 *
 * @param logicalId              the key under {@code Resources}
 * @param tableName              the resolved {@code TableName}
 * @param attributeDefinitions   the key attributes and their types
 * @param keySchema              the table's key: hash, then optional range
 * @param globalSecondaryIndexes the GSIs
 * @param localSecondaryIndexes  the LSIs
 * @param streamViewType         {@code StreamSpecification.StreamViewType}, or {@code null} for no stream
 * @param ttlAttribute           the TTL attribute when TTL is enabled, else {@code null}
 */
public record TableSpec(
        String logicalId,
        String tableName,
        List<AttributeDefinition> attributeDefinitions,
        List<KeyElement> keySchema,
        List<IndexSpec> globalSecondaryIndexes,
        List<IndexSpec> localSecondaryIndexes,
        String streamViewType,
        String ttlAttribute) {

    /** One attribute used in a key: name and type ({@code S}, {@code N} or {@code B}). */
    public record AttributeDefinition(String attributeName, String attributeType) {
    }

    /** One part of a key: attribute name and {@code HASH} or {@code RANGE}. */
    public record KeyElement(String attributeName, String keyType) {
    }

    /**
     * A secondary index.
     *
     * @param indexName        its name
     * @param keySchema        its key
     * @param projectionType   {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}
     * @param nonKeyAttributes the attributes projected with {@code INCLUDE}
     */
    public record IndexSpec(String indexName, List<KeyElement> keySchema, String projectionType,
                            List<String> nonKeyAttributes) {
    }

    public Optional<IndexSpec> globalSecondaryIndex(String indexName) {
        return globalSecondaryIndexes.stream().filter(index -> index.indexName().equals(indexName)).findFirst();
    }

    public Optional<String> ttl() {
        return Optional.ofNullable(ttlAttribute);
    }
}
