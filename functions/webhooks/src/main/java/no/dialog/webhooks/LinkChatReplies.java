package no.dialog.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Channel;
import no.dialog.core.journey.Signal;
import no.dialog.core.optout.OptOut;
import no.dialog.core.compliance.OptOutWords;
import no.dialog.core.optout.OptOuts;
import no.dialog.core.optout.ReplyAnswers;
import no.dialog.core.segment.ContactHistory;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/link-chat/{tenant}}: a person's reply in a LINK Conversations chat,
 * {@code {"conversationId","messageId","inReplyTo","from","text","receivedAt"}}, where {@code inReplyTo} is
 * the idempotency key of the message it answers. It becomes:
 * <ul>
 *   <li>an opt-out ({@code STOPP ...}): the chat consent is withdrawn at once and {@code unsubscribed} is
 *       published;</li>
 *   <li>otherwise {@code replied} with {@code text} (trimmed to 200 characters), {@code step} (the step that
 *       sent the message) and, for a clear yes/no, {@code answer}; and a clear yes/no is also published as
 *       {@code answered} with {@code question} = that step's id and {@code value} = yes/no, so goals, waits,
 *       branches and the segment field {@code journey.answered} work for questions asked by chat as they do
 *       for landing pages (ADR 0011).</li>
 * </ul>
 * {@code from} (a phone number) is read for validation only and never stored or logged.
 */
@Singleton
class LinkChatReplies {

    static final int MAX_TEXT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(LinkChatReplies.class);

    private final SentMessages sent;
    private final ResponsePublisher responses;
    private final OptOuts optOuts;

    LinkChatReplies(SentMessages sent, ResponsePublisher responses, OptOuts optOuts) {
        this.sent = sent;
        this.responses = responses;
        this.optOuts = optOuts;
    }

    WebhookReply handle(TenantId tenant, WebhookRequest request) {
        JsonNode root = Payloads.json(request);
        if (!root.isObject()) {
            throw new BadRequest("the body must be one reply object");
        }
        Payloads.text(root, "conversationId", "");
        String messageId = Payloads.text(root, "messageId", "");
        String inReplyTo = Payloads.text(root, "inReplyTo", "");
        Payloads.text(root, "from", "");
        JsonNode textNode = root.get("text");
        if (textNode == null || !textNode.isTextual()) {
            throw new BadRequest("text is missing");
        }
        String text = textNode.asText().strip();
        Instant at = Payloads.instant(Payloads.text(root, "receivedAt", ""), "receivedAt");

        Optional<SentMessages.Sent> message = sent.find(tenant, inReplyTo);
        if (message.isEmpty()) {
            LOG.info("chat reply to an unknown message (LINK message {})", messageId);
            return WebhookReply.json(200, WebhookReply.object().put("published", 0).put("unknown", 1));
        }
        SentMessages.Sent m = message.get();
        List<Signal> signals = new ArrayList<>();
        if (OptOutWords.isOptOut(text)) {
            optOuts.record(tenant, new OptOut(m.contactId(), Channel.CHAT, "chat-reply", OptOut.OPT_OUT, at,
                    "link-chat:" + messageId));
            signals.add(new Signal("link-chat:" + messageId + ":unsubscribed", "unsubscribed", m.contactId(), at,
                    Map.of("channel", "chat"), m.journeyId(), m.enrolmentId()));
        } else {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("channel", "chat");
            attributes.put("step", m.key().stepId());
            attributes.put("text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
            Optional<String> answer = ReplyAnswers.of(text);
            answer.ifPresent(a -> attributes.put("answer", a));
            signals.add(new Signal("link-chat:" + messageId, "replied", m.contactId(), at, attributes,
                    m.journeyId(), m.enrolmentId()));
            answer.ifPresent(a -> signals.add(new Signal("link-chat:" + messageId + ":answered", ContactHistory.ANSWERED,
                    m.contactId(), at, Map.of(ContactHistory.QUESTION, m.key().stepId(), ContactHistory.VALUE, a),
                    m.journeyId(), m.enrolmentId())));
        }
        responses.publish(tenant, signals);
        return WebhookReply.json(200, WebhookReply.object().put("published", signals.size()).put("unknown", 0));
    }
}
