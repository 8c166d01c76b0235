package no.dialog.core.run;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.send.OutgoingMessage;
import no.dialog.core.template.MergeFields;
import no.dialog.core.template.MessageContext;
import no.dialog.core.time.OsloTime;

/**
 * A print file's run item: every merge field (the organisation's own fields as {@code attributes.<key>}),
 * the name and address, and the rendered text, so the printer can merge its own layout from the CSV or
 * print the PDF as it is.
 */
public final class PrintItems implements RunItemFields {

    public static final String TEXT = "text";
    public static final String ATTRIBUTE_PREFIX = "attributes.";

    private final Clock clock;

    public PrintItems(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Map<String, String> fields(OutgoingMessage message) {
        Map<String, String> fields = new HashMap<>();
        MergeFields merge = MergeFields.of(message.contact(),
                new MessageContext(message.tenant().name(), null, null, null, OsloTime.today(clock)));
        for (String name : MergeFields.NAMES) {
            if (!name.equals(MergeFields.ATTRIBUTES) && !name.equals(MergeFields.KID)) {
                Object value = merge.get(name);
                fields.put(name, value == null ? "" : value.toString());
            }
        }
        message.contact().attributes().forEach((key, value) ->
                fields.put(ATTRIBUTE_PREFIX + key, value == null ? "" : value.toString()));
        PersonFields.putNameAndAddress(message.contact(), fields);
        fields.put(TEXT, message.rendered().text());
        return fields;
    }
}
