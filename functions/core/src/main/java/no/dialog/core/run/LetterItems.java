package no.dialog.core.run;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.payment.KidLayout;
import no.dialog.core.payment.KidMethod;
import no.dialog.core.payment.TenantNumbers;
import no.dialog.core.send.OutgoingMessage;
import no.dialog.core.template.MergeFields;
import no.dialog.core.template.MessageContext;
import no.dialog.core.template.RenderedMessage;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateRenderingException;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.time.OsloTime;

/**
 * A letter's run item: the recipient's name and address, the rendered text, and — when the letter template
 * uses the merge field {@code kid} — a giro: the KID ({@link KidLayout}, from the tenant's numbers for the
 * contact and the step) is filled into the text, which is rendered again with it.
 *
 * <p>Tenant settings read here:
 * <ul>
 *   <li>{@code letter.giroAccount}: the 11-digit account a giro pays into; required when a template asks
 *       for a giro;</li>
 *   <li>{@value KidMethod#SETTING}: {@code MOD10} (default) or {@code MOD11}, as agreed with the bank.</li>
 * </ul>
 */
public final class LetterItems implements RunItemFields {

    public static final String TEXT = "text";
    public static final String KID = "kid";
    public static final String GIRO_ACCOUNT = "giroAccount";
    public static final String GIRO_ACCOUNT_SETTING = "letter.giroAccount";

    private static final Pattern ACCOUNT = Pattern.compile("\\d{11}");

    private final TemplateRenderer renderer;
    private final TenantNumbers numbers;
    private final Clock clock;

    public LetterItems(TemplateRenderer renderer, TenantNumbers numbers, Clock clock) {
        this.renderer = Objects.requireNonNull(renderer);
        this.numbers = Objects.requireNonNull(numbers);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Map<String, String> fields(OutgoingMessage message) {
        Map<String, String> fields = new HashMap<>();
        PersonFields.putNameAndAddress(message.contact(), fields);
        String text = message.rendered().text();
        if (renderer.fieldsUsed(message.template()).contains(MergeFields.KID)) {
            Tenant tenant = message.tenant();
            String account = tenant.setting(GIRO_ACCOUNT_SETTING).map(String::strip).orElseThrow(() ->
                    new PermanentFailure("letter template '" + message.template().id() + "' uses kid, but the tenant"
                            + " has no " + GIRO_ACCOUNT_SETTING + " setting"));
            if (!ACCOUNT.matcher(account).matches()) {
                throw new PermanentFailure("the tenant's " + GIRO_ACCOUNT_SETTING + " must be 11 digits");
            }
            String kid = kid(message, KidMethod.of(tenant));
            text = renderWithKid(message, kid);
            fields.put(KID, kid);
            fields.put(GIRO_ACCOUNT, account);
        }
        fields.put(TEXT, text);
        return fields;
    }

    private String kid(OutgoingMessage message, KidMethod method) {
        var request = message.request();
        long contact = numbers.contactNumber(message.tenant().id(), request.contactId());
        long step = numbers.stepNumber(message.tenant().id(), request.journeyId(), request.version(), request.stepId());
        try {
            return KidLayout.kid(contact, step, method);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("no KID: " + e.getMessage());
        }
    }

    // Rendered as OnceSender does, with the KID now known (the sender renders before any channel decides).
    private String renderWithKid(OutgoingMessage message, String kid) {
        MessageContext context = new MessageContext(message.tenant().name(), null, null, null, OsloTime.today(clock));
        try {
            RenderedMessage rendered = renderer.render(message.template(),
                    MergeFields.of(message.contact(), context).with(MergeFields.KID, kid));
            return rendered.text();
        } catch (TemplateRenderingException e) {
            throw new PermanentFailure(e.getMessage());
        }
    }
}
