package no.dialog.local.template;

import java.util.List;

/** Reads an {@code AWS::DynamoDB::Table} into a {@link TableSpec}. */
final class TableSpecReader {

    private TableSpecReader() {
    }

    static TableSpec read(TemplateResource resource, String tableName, IntrinsicResolver resolver) {
        PropertyReader properties = PropertyReader.of(resource, resolver);
        List<TableSpec.AttributeDefinition> attributes = properties.objects("AttributeDefinitions").stream()
                .map(a -> new TableSpec.AttributeDefinition(a.requiredString("AttributeName"),
                        a.requiredString("AttributeType")))
                .toList();
        List<TableSpec.KeyElement> keySchema = keySchema(properties);
        if (keySchema.isEmpty()) {
            throw new TemplateException(properties.path("KeySchema") + " is required");
        }
        String stream = properties.object("StreamSpecification")
                .flatMap(s -> s.string("StreamViewType")).orElse(null);
        String ttl = properties.object("TimeToLiveSpecification")
                .filter(t -> t.bool("Enabled", false))
                .map(t -> t.requiredString("AttributeName"))
                .orElse(null);
        return new TableSpec(resource.logicalId(), tableName, attributes, keySchema,
                indexes(properties, "GlobalSecondaryIndexes"), indexes(properties, "LocalSecondaryIndexes"),
                stream, ttl);
    }

    private static List<TableSpec.IndexSpec> indexes(PropertyReader properties, String key) {
        return properties.objects(key).stream()
                .map(index -> {
                    PropertyReader projection = index.object("Projection").orElseThrow(
                            () -> new TemplateException(index.path("Projection") + " is required"));
                    return new TableSpec.IndexSpec(
                            index.requiredString("IndexName"),
                            keySchema(index),
                            projection.string("ProjectionType").orElse("ALL"),
                            projection.strings("NonKeyAttributes"));
                })
                .toList();
    }

    private static List<TableSpec.KeyElement> keySchema(PropertyReader owner) {
        return owner.objects("KeySchema").stream()
                .map(k -> new TableSpec.KeyElement(k.requiredString("AttributeName"), k.requiredString("KeyType")))
                .toList();
    }
}
