package no.dialog.core.send.email;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.core.contact.EmailAddresses;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.send.ChannelDelivery;
import no.dialog.core.send.DeliveryReceipt;
import no.dialog.core.send.OutgoingMessage;
import no.dialog.core.template.MergeFields;
import no.dialog.core.template.RenderedMessage;
import no.dialog.core.tenant.Tenant;

/**
 * E-mail through an {@link EmailGateway} (SES or SMTP).
 *
 * <p>The sender comes from the tenant's settings:
 * <ul>
 *   <li>{@value #FROM}: the sender address (required; at SES it must be a verified identity);</li>
 *   <li>{@value #FROM_NAME}: the display name, default the organisation's name;</li>
 *   <li>{@value #REPLY_TO}: where replies go, default the sender address.</li>
 * </ul>
 * Subject, HTML and text are the rendered template. Every message gets the person's unsubscribe link
 * ({@link UnsubscribeLinks}) as {@code List-Unsubscribe} with {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click} (RFC 8058, which Gmail and Yahoo require of bulk senders), in place of the
 * template's {@code unsubscribeLink}, and as a footer in each part that does not show it already. The
 * idempotency key and the tenant travel as SES tags ({@link EmailTags}) so that SES events find the send.
 */
public final class EmailDelivery implements ChannelDelivery<EmailMessage> {

    /** Tenant setting: the sender address. */
    public static final String FROM = "email.from";
    /** Tenant setting: the sender's display name. */
    public static final String FROM_NAME = "email.fromName";
    /** Tenant setting: the reply-to address. */
    public static final String REPLY_TO = "email.replyTo";

    static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private static final Pattern BODY_END = Pattern.compile("(?i)</body\\s*>");

    private final EmailGateway gateway;
    private final UnsubscribeLinks unsubscribeLinks;
    private final String configurationSet;

    /** @param configurationSet the SES configuration set for events, or null/blank for none (SMTP) */
    public EmailDelivery(EmailGateway gateway, UnsubscribeLinks unsubscribeLinks, String configurationSet) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.unsubscribeLinks = Objects.requireNonNull(unsubscribeLinks, "unsubscribeLinks");
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    @Override
    public SendChannel channel() {
        return SendChannel.EMAIL;
    }

    @Override
    public EmailMessage prepare(OutgoingMessage message) {
        Tenant tenant = message.tenant();
        String from = address(tenant.setting(FROM).orElseThrow(() -> new PermanentFailure(
                "the tenant has no e-mail sender: set the tenant setting " + FROM)), FROM);
        String replyTo = tenant.setting(REPLY_TO).map(value -> address(value, REPLY_TO)).orElse(null);
        String fromName = tenant.setting(FROM_NAME).orElse(tenant.name());
        if (fromName != null && (fromName.indexOf('\n') >= 0 || fromName.indexOf('\r') >= 0)) {
            throw new PermanentFailure("the tenant setting " + FROM_NAME + " must be one line");
        }
        String to = EmailAddresses.normalise(message.contact().email()).orElseThrow(() ->
                new PermanentFailure("the contact's e-mail address is not valid"));

        RenderedMessage rendered = message.rendered();
        String templateId = message.template().id();
        if (rendered.subject() == null || rendered.subject().isBlank()) {
            throw new PermanentFailure("template '" + templateId + "' rendered no subject");
        }
        if (rendered.html() == null || rendered.html().isBlank()) {
            throw new PermanentFailure("template '" + templateId + "' rendered no HTML");
        }
        String link = unsubscribeLinks.forContact(tenant.id(), message.contact().id());
        boolean english = "en".equals(message.template().language());
        String html = withLink(rendered.html(), link, true, english);
        String text = withLink(rendered.text(), link, false, english);

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LIST_UNSUBSCRIBE, "<" + link + ">");
        headers.put(LIST_UNSUBSCRIBE_POST, ONE_CLICK);
        Map<String, String> tags = EmailTags.of(tenant.id().value(), message.idempotencyKey());
        if (tags.get(EmailTags.KEY).length() > EmailTags.MAX_LENGTH) {
            throw new PermanentFailure("the idempotency key is too long for an SES tag (at most 192 characters)");
        }
        try {
            return new EmailMessage(from, fromName, to, replyTo, rendered.subject(), html, text, headers,
                    configurationSet, tags);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure(e.getMessage());
        }
    }

    @Override
    public DeliveryReceipt deliver(EmailMessage message) {
        return new DeliveryReceipt(gateway.send(message), 1);
    }

    private static String address(String value, String setting) {
        return EmailAddresses.normalise(value).orElseThrow(() ->
                new PermanentFailure("the tenant setting " + setting + " is not a valid e-mail address"));
    }

    /** The part with the template's placeholder replaced, or a footer added where the part shows no link. */
    static String withLink(String part, String link, boolean html, boolean english) {
        if (part.contains(MergeFields.UNSUBSCRIBE_PLACEHOLDER)) {
            return part.replace(MergeFields.UNSUBSCRIBE_PLACEHOLDER, link);
        }
        if (!html) {
            return part + "\n\n" + (english ? "Unsubscribe: " : "Meld deg av: ") + link;
        }
        String footer = "<p style=\"font-size:12px;color:#666666\">" + (english
                ? "Don't want these e-mails? <a href=\"" + link + "\">Unsubscribe</a>."
                : "Vil du ikke ha flere e-poster fra oss? <a href=\"" + link + "\">Meld deg av her</a>.") + "</p>";
        Matcher end = BODY_END.matcher(part);
        Optional<Integer> at = Optional.empty();
        while (end.find()) {
            at = Optional.of(end.start());
        }
        return at.map(i -> part.substring(0, i) + footer + part.substring(i)).orElse(part + footer);
    }
}
