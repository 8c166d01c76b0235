package no.dialog.adminapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.RenderedMessage;
import no.dialog.core.template.TemplateDefinitions;

/** The JSON the template routes answer with (see docs/openapi.yaml). */
final class TemplateViews {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TemplateViews() {}

    static ObjectNode templates(List<MessageTemplate> templates) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode list = node.putArray("templates");
        templates.forEach(t -> list.add(TemplateDefinitions.toJson(t)));
        return node;
    }

    /**
     * What a message would look like: {@code text} always; {@code subject} and {@code html} for e-mail;
     * {@code smsParts} for SMS and chat (what the organisation pays for).
     */
    static ObjectNode preview(MessageTemplate template, RenderedMessage shown) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("templateId", template.id())
                .put("channel", shown.channel().jsonName());
        if (shown.html() != null) {
            node.put("subject", shown.subject());
        }
        node.put("text", shown.text());
        if (shown.html() != null) {
            node.put("html", shown.html());
        }
        if (shown.smsParts() != null) {
            node.putObject("smsParts")
                    .put("encoding", shown.smsParts().encoding().name())
                    .put("units", shown.smsParts().units())
                    .put("parts", shown.smsParts().parts());
        }
        return node;
    }
}
