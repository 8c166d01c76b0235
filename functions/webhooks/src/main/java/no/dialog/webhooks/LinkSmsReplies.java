package no.dialog.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.compliance.OptOutWords;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.journey.Signal;
import no.dialog.core.optout.OptOut;
import no.dialog.core.optout.OptOuts;
import no.dialog.core.optout.ReplyAnswers;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/link-sms-mo/{tenant}}: an SMS a person sent to the organisation's short number or
 * keyword (LINK "MO", mobile originated), as LINK's Common platform posts it:
 * {@code {"destination","subNumber","source","content":{"type","userData","encoding"},"operator","timestamp",
 * "messageId","operatorTimestamp","operatorMessageId","route":{...,"keyword"},...}}.
 *
 * <p>An MO names no message of ours, only the number it came from ({@code source}), so the people are
 * found by number ({@link ContactStore#findByPhone}); a shared family phone gives several. For each:
 * <ul>
 *   <li>an opt-out ({@link OptOutWords}: {@code STOPP ...}) withdraws the SMS consent at once (source
 *       {@code sms-reply}, reason {@code opt-out}; {@code ConsentChanged} to the register) and publishes
 *       {@code unsubscribed};</li>
 *   <li>anything else publishes {@code replied} with {@code text} (≤ 200 characters) and, for a clear yes/no,
 *       {@code answer}.</li>
 * </ul>
 * The signals carry no journey or enrolment (the MO does not say which message it answers), so they reach
 * every active enrolment of the person and count for waits and goals that do not ask for the same journey.
 * No {@code answered} is published: there is no question id to give it.
 *
 * <p>On a shared short number LINK routes by keyword and the text starts with it ({@code "DEMO STOPP"});
 * that first word is dropped before the text is read, unless the keyword is itself an opt-out word.
 *
 * <p>The number and the text are never logged; an unknown number is answered 200 and logged with LINK's
 * message id only. Signal ids ({@code link-sms-mo:<messageId>:<contactId>[:unsubscribed]}) make repeats
 * harmless.
 */
@Singleton
class LinkSmsReplies {

    static final String SOURCE = "sms-reply";
    private static final Logger LOG = LoggerFactory.getLogger(LinkSmsReplies.class);

    private final ContactStore contacts;
    private final ResponsePublisher responses;
    private final OptOuts optOuts;

    LinkSmsReplies(ContactStore contacts, ResponsePublisher responses, OptOuts optOuts) {
        this.contacts = contacts;
        this.responses = responses;
        this.optOuts = optOuts;
    }

    WebhookReply handle(TenantId tenant, WebhookRequest request) {
        Mo mo = Mo.read(Payloads.json(request));
        Optional<String> number = PhoneNumbers.toE164(mo.source());
        List<String> people = number.map(n -> contacts.findByPhone(tenant, n)).orElse(List.of());
        if (people.isEmpty()) {
            LOG.info("SMS from a number with no contact (LINK message {})", mo.messageId());
            return WebhookReply.json(200, WebhookReply.object().put("published", 0).put("unknown", 1));
        }
        String text = mo.personsText();
        boolean optOut = OptOutWords.isOptOut(text);
        List<Signal> signals = new ArrayList<>();
        for (String contactId : people) {
            String signalId = "link-sms-mo:" + mo.messageId() + ":" + contactId;
            if (optOut) {
                optOuts.record(tenant, new OptOut(contactId, Channel.SMS, SOURCE, OptOut.OPT_OUT, mo.at(), signalId));
                signals.add(new Signal(signalId + ":unsubscribed", "unsubscribed", contactId, mo.at(),
                        Map.of("channel", "sms"), null, null));
            } else {
                signals.add(new Signal(signalId, "replied", contactId, mo.at(), replied(text), null, null));
            }
        }
        responses.publish(tenant, signals);
        LOG.info("SMS {} for {} contact(s) (LINK message {})", optOut ? "opt-out" : "reply", people.size(), mo.messageId());
        return WebhookReply.json(200, WebhookReply.object().put("published", signals.size()).put("unknown", 0));
    }

    private static Map<String, String> replied(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("channel", "sms");
        attributes.put("text", text.length() > LinkChatReplies.MAX_TEXT ? text.substring(0, LinkChatReplies.MAX_TEXT) : text);
        ReplyAnswers.of(text).ifPresent(answer -> attributes.put("answer", answer));
        return attributes;
    }

    /** The fields of an MO that Dialog reads; the rest (operator, route details) is LINK's debugging aid. */
    record Mo(String messageId, String source, String userData, String keyword, Instant at) {

        static Mo read(JsonNode root) {
            if (!root.isObject()) {
                throw new BadRequest("the body must be one MO message object");
            }
            String messageId = Payloads.text(root, "messageId", "").strip();
            String source = Payloads.text(root, "source", "");
            JsonNode content = root.get("content");
            if (content == null || !content.isObject()) {
                throw new BadRequest("content is missing or not an object");
            }
            JsonNode userData = content.get("userData");
            // An MMS without text has no userData: it is still a reply, with empty text.
            if (userData != null && !userData.isNull() && !userData.isTextual()) {
                throw new BadRequest("content.userData is not text");
            }
            Instant at = Payloads.instant(Payloads.text(root, "timestamp", ""), "timestamp");
            JsonNode route = root.get("route");
            String keyword = route != null && route.isObject() ? Payloads.optionalText(route, "keyword") : null;
            return new Mo(messageId, source, userData == null || userData.isNull() ? "" : userData.asText().strip(),
                    keyword, at);
        }

        /** The text without the routing keyword LINK matched, when that keyword is the first word. */
        String personsText() {
            if (keyword == null || keyword.isBlank() || OptOutWords.isOptOut(keyword)) {
                return userData;
            }
            String[] words = userData.split("\\s+", 2);
            if (words[0].toUpperCase(Locale.ROOT).equals(keyword.strip().toUpperCase(Locale.ROOT))) {
                return words.length > 1 ? words[1].strip() : "";
            }
            return userData;
        }
    }
}
