package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import static no.dialog.aws.dynamodb.DefinitionKeys.SK;
import static no.dialog.aws.dynamodb.DefinitionKeys.TEMPLATE;
import static no.dialog.aws.dynamodb.DefinitionKeys.key;
import static no.dialog.aws.dynamodb.DefinitionKeys.s;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Message templates in the definitions table: {@code pk = <tenant>#template}, {@code sk = <template id>},
 * with {@code channel} (its JSON name), {@code language}, {@code subject} and {@code body}. Absent
 * optional fields are left out of the item rather than stored empty.
 */
@Singleton
@Requires(property = "definitions.table")
public class DynamoDbTemplateStore implements TemplateStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbTemplateStore(DynamoDbClient dynamoDb, @Value("${definitions.table}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<MessageTemplate> find(TenantId tenant, String templateId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(tenant, TEMPLATE, templateId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(template(item));
    }

    @Override
    public List<MessageTemplate> list(TenantId tenant) {
        return DefinitionKeys.queryAll(dynamoDb, table, tenant, TEMPLATE, DynamoDbTemplateStore::template);
    }

    @Override
    public Page<MessageTemplate> page(TenantId tenant, PageRequest request) {
        return DefinitionKeys.queryPage(dynamoDb, table, tenant, TEMPLATE, DynamoDbTemplateStore::template, request);
    }

    @Override
    public void save(TenantId tenant, MessageTemplate template) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, TEMPLATE, template.id()));
        item.put("tenant", s(tenant.value()));
        item.put("channel", s(template.channel().jsonName()));
        item.put("body", s(template.body()));
        if (template.language() != null) {
            item.put("language", s(template.language()));
        }
        if (template.subject() != null) {
            item.put("subject", s(template.subject()));
        }
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean delete(TenantId tenant, String templateId) {
        var response = dynamoDb.deleteItem(b -> b.tableName(table).key(key(tenant, TEMPLATE, templateId))
                .returnValues(ReturnValue.ALL_OLD));
        return response.hasAttributes() && !response.attributes().isEmpty();
    }

    private static MessageTemplate template(Map<String, AttributeValue> item) {
        String channel = item.get("channel").s();
        return new MessageTemplate(item.get(SK).s(),
                SendChannel.fromJsonName(channel).orElseThrow(() -> new IllegalStateException(
                        "template " + item.get(SK).s() + " has an unknown channel " + channel)),
                text(item, "language"), text(item, "subject"), item.get("body").s());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
