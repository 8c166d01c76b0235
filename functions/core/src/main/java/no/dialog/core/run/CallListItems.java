package no.dialog.core.run;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.send.OutgoingMessage;
import no.dialog.core.template.MergeFields;
import no.dialog.core.template.MessageContext;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.time.OsloTime;

/**
 * A call list's run item: who to call (name, phone), the rendered call script, the merge fields the script
 * uses (so the caller sees them as columns too), and the callback reference the call centre returns with
 * the outcome (the send's idempotency key: opaque, and it names the enrolment and step).
 */
public final class CallListItems implements RunItemFields {

    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String PHONE = "phone";
    public static final String SCRIPT = "script";
    /** Prefix of the script's merge fields in an item ({@code field.lastGiftAmount}). */
    public static final String FIELD_PREFIX = "field.";

    private final TemplateRenderer renderer;
    private final Clock clock;

    public CallListItems(TemplateRenderer renderer, Clock clock) {
        this.renderer = Objects.requireNonNull(renderer);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Map<String, String> fields(OutgoingMessage message) {
        Map<String, String> fields = new HashMap<>();
        fields.put(FIRST_NAME, PersonFields.nullToEmpty(message.contact().firstName()).strip());
        fields.put(LAST_NAME, PersonFields.nullToEmpty(message.contact().lastName()).strip());
        fields.put(PHONE, PersonFields.nullToEmpty(message.contact().phone()));
        fields.put(SCRIPT, message.rendered().text());
        MergeFields merge = MergeFields.of(message.contact(),
                new MessageContext(message.tenant().name(), null, null, null, OsloTime.today(clock)));
        for (String name : renderer.fieldsUsed(message.template())) {
            if (MergeFields.NAMES.contains(name) && !name.equals(MergeFields.ATTRIBUTES)) {
                Object value = merge.get(name);
                fields.put(FIELD_PREFIX + name, value == null ? "" : value.toString());
            }
        }
        return fields;
    }
}
