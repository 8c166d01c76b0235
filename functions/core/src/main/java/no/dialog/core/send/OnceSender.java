package no.dialog.core.send;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.SendQueues;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
import no.dialog.core.journey.Step;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.landing.PersonalLinks;
import no.dialog.core.template.MergeFields;
import no.dialog.core.template.MessageContext;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.RenderedMessage;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateRenderingException;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * Sends one message per {@link SendRequest} on one channel, lawfully and at most once per idempotency
 * key, however often SQS delivers the request (ADR 0005). Every channel's sender is this class with that
 * channel's {@link ChannelDelivery}.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>The tenant must exist, and the key must be the tenant's; else the request goes to the DLQ.</li>
 *   <li>If the {@link SendLedger} already has the key in a settled state, nothing more is done. If it is
 *       {@link SendState#INTENDED}, an earlier attempt took the key and left no outcome: it may have
 *       crashed after the provider accepted the message, or it may still be running. Either way it is
 *       <em>not</em> sent again; it is marked {@link SendState#UNCONFIRMED} and the provider's report
 *       (which carries the key) settles it later.</li>
 *   <li>No contact: {@link SendState#NOT_SENDABLE}.</li>
 *   <li>The {@link SendRules}: unreachable on the channel → the step's fallback channel if it has one
 *       (a new request with the key plus {@code :<channel>}, on that channel's queue), else not sendable;
 *       refused (consent, opt-out, reservation) → recorded as not sendable with the reason; not now
 *       (quiet hours, calling window) → {@link SendOutcome#DEFERRED} with the time, nothing recorded.</li>
 *   <li>A missing, wrong-channel or unrenderable template, or a message the delivery cannot build, is a
 *       {@link PermanentFailure}: the request goes to the DLQ with the reason and nothing is written to
 *       the ledger, so redriving it after the fix sends it.</li>
 *   <li>The intent is recorded <em>before</em> the provider is called ({@link SendLedger#recordIntent},
 *       conditional): only the attempt that creates the entry calls.</li>
 *   <li>Accepted: {@link SendState#SENT}. Refused ({@link ProviderRejected}): {@link SendState#FAILED},
 *       no retry. Unavailable and surely nothing accepted: {@link SendState#RETRYABLE}, and the exception
 *       goes on so SQS delivers the request again. Unavailable but possibly accepted (no answer in time):
 *       {@link SendState#UNCONFIRMED}, never resent.</li>
 *   <li>Failed, not sendable and refused sends are published as a {@code failed} response (with a
 *       {@code reason} attribute: {@code provider}, {@code unreachable} or {@code refused}), so a journey
 *       can wait for or branch on it.</li>
 * </ol>
 *
 * <pre>{@code
 * OnceSender<SmsMessage> sender = new OnceSender<>(tenants, contacts, templates, new TemplateRenderer(),
 *         ledger, rules, new SmsDelivery(link, null), queues, responses, clock);
 * SendResult result = sender.send(request);
 * }</pre>
 */
public final class OnceSender<M> {

    private final TenantDirectory tenants;
    private final ContactStore contacts;
    private final TemplateStore templates;
    private final TemplateRenderer renderer;
    private final SendLedger ledger;
    private final SendRules rules;
    private final ChannelDelivery<M> delivery;
    private final SendQueues fallbackQueues;
    private final ResponsePublisher responses;
    private final Clock clock;
    private final PersonalLinks links;

    /** A sender whose messages carry no personal link (the placeholder stands in for {@code {{ link }}}). */
    public OnceSender(TenantDirectory tenants, ContactStore contacts, TemplateStore templates,
                      TemplateRenderer renderer, SendLedger ledger, SendRules rules, ChannelDelivery<M> delivery,
                      SendQueues fallbackQueues, ResponsePublisher responses, Clock clock) {
        this(tenants, contacts, templates, renderer, ledger, rules, delivery, fallbackQueues, responses, clock,
                PersonalLinks.NONE);
    }

    /** @param links mints the person's landing link when a template uses {@code {{ link }}} */
    public OnceSender(TenantDirectory tenants, ContactStore contacts, TemplateStore templates,
                      TemplateRenderer renderer, SendLedger ledger, SendRules rules, ChannelDelivery<M> delivery,
                      SendQueues fallbackQueues, ResponsePublisher responses, Clock clock, PersonalLinks links) {
        this.links = Objects.requireNonNull(links);
        this.tenants = Objects.requireNonNull(tenants);
        this.contacts = Objects.requireNonNull(contacts);
        this.templates = Objects.requireNonNull(templates);
        this.renderer = Objects.requireNonNull(renderer);
        this.ledger = Objects.requireNonNull(ledger);
        this.rules = Objects.requireNonNull(rules);
        this.delivery = Objects.requireNonNull(delivery);
        this.fallbackQueues = Objects.requireNonNull(fallbackQueues);
        this.responses = Objects.requireNonNull(responses);
        this.clock = Objects.requireNonNull(clock);
    }

    public SendChannel channel() {
        return delivery.channel();
    }

    /**
     * @throws PermanentFailure    the request can never be sent as it is (reason without personal data)
     * @throws ProviderUnavailable the provider accepted nothing this time; deliver the request again
     */
    public SendResult send(SendRequest request) {
        if (!delivery.channel().jsonName().equals(request.channel())) {
            throw new PermanentFailure("not a " + delivery.channel().jsonName() + " send request");
        }
        TenantId tenantId = tenantOf(request);
        Tenant tenant = tenants.find(tenantId)
                .orElseThrow(() -> new PermanentFailure("unknown tenant " + tenantId));
        String key = request.idempotencyKey();

        Optional<LedgerEntry> existing = ledger.find(key);
        if (existing.isPresent() && existing.get().state().settled()) {
            return settled(existing.get());
        }

        Optional<Contact> found = contacts.find(tenantId, request.contactId());
        if (found.isEmpty()) {
            return notSendable(request, SendOutcome.NOT_SENDABLE, "unreachable", "contact not found");
        }
        Contact contact = found.get();
        Instant now = clock.instant();
        SendVerdict verdict = rules.check(tenant, contact, delivery.channel(), now);
        if (verdict instanceof SendVerdict.Unreachable unreachable) {
            return fallBackOrGiveUp(request, unreachable.reason(), now);
        }
        if (verdict instanceof SendVerdict.Refused refused) {
            return notSendable(request, SendOutcome.REFUSED, "refused", refused.reason());
        }
        if (verdict instanceof SendVerdict.NotBefore later) {
            return SendResult.deferredUntil(later.at());
        }

        MessageTemplate template = templates.find(tenantId, request.templateId())
                .orElseThrow(() -> new PermanentFailure("template '" + request.templateId() + "' not found"));
        if (template.channel() != delivery.channel()) {
            throw new PermanentFailure("template '" + template.id() + "' is for " + template.channel().jsonName()
                    + ", not " + delivery.channel().jsonName());
        }
        RenderedMessage rendered = render(template, contact, tenant, request);
        M message = delivery.prepare(new OutgoingMessage(tenant, contact, request, template, rendered));

        boolean taken = existing.isPresent()
                ? ledger.reclaim(key, now)
                : ledger.recordIntent(key, tenantId, delivery.channel(), request.contactId(), now);
        if (!taken) {
            // Another attempt of the same request got here first; its outcome is the one that counts.
            return settled(ledger.find(key).orElseThrow(
                    () -> new IllegalStateException("the send ledger refused the key but has no entry for it")));
        }
        return call(request, message, rendered);
    }

    private SendResult call(SendRequest request, M message, RenderedMessage rendered) {
        String key = request.idempotencyKey();
        DeliveryReceipt receipt;
        try {
            receipt = delivery.deliver(message);
        } catch (ProviderRejected e) {
            ledger.markFailed(key, e.getMessage());
            publishFailed(request, "provider", e.getMessage());
            return SendResult.of(SendOutcome.FAILED);
        } catch (ProviderUnavailable e) {
            if (e.possiblyAccepted()) {
                ledger.markUnconfirmed(key, e.getMessage());
                return SendResult.of(SendOutcome.UNCONFIRMED);
            }
            ledger.markRetryable(key, e.getMessage());
            throw e;
        }
        // What the provider charges if it says so; our own count otherwise (they agree for LINK's TEXT coding).
        int parts = receipt.parts() != null ? receipt.parts()
                : delivery.channel() == SendChannel.SMS || delivery.channel() == SendChannel.CHAT
                ? rendered.smsParts().parts() : 1;
        ledger.markSent(key, receipt.providerMessageId(), parts);
        return SendResult.of(SendOutcome.SENT);
    }

    private SendResult fallBackOrGiveUp(SendRequest request, String reason, Instant now) {
        Optional<SendChannel> fallback = Optional.ofNullable(request.fallback()).flatMap(SendChannel::fromJsonName)
                .filter(channel -> channel != delivery.channel() && fallbackQueues.serves(channel));
        if (fallback.isEmpty()) {
            return notSendable(request, SendOutcome.NOT_SENDABLE, "unreachable", reason);
        }
        SendChannel channel = fallback.get();
        // The fallback has its own key (so its ledger entry is its own) and no fallback of its own.
        SendRequest instead = new SendRequest(request.tenant(), request.idempotencyKey() + ":" + channel.jsonName(),
                request.contactId(), request.enrolmentId(), request.journeyId(), request.version(),
                request.stepId(), channel.jsonName(), null,
                Step.Send.fallbackTemplateId(request.templateId(), channel), request.variant(), now);
        // Queue first, then record: a crash in between queues it again on redelivery, and the fallback's
        // own key keeps that second copy from being sent.
        fallbackQueues.enqueue(List.of(instead));
        ledger.markNotSendable(request.idempotencyKey(), reason + "; sent by " + channel.jsonName() + " instead");
        return SendResult.of(SendOutcome.FELL_BACK);
    }

    private SendResult settled(LedgerEntry entry) {
        if (entry.state() == SendState.INTENDED) {
            ledger.markUnconfirmed(entry.key(), "an earlier attempt took the key and recorded no outcome");
            return SendResult.of(SendOutcome.UNCONFIRMED);
        }
        if (entry.state() == SendState.RETRYABLE) {
            // Another attempt reclaimed it and failed again meanwhile: let SQS deliver this one later.
            throw new IllegalStateException("another attempt holds the send; it will be tried again");
        }
        return SendResult.of(SendOutcome.ALREADY_SETTLED);
    }

    private SendResult notSendable(SendRequest request, SendOutcome outcome, String kind, String reason) {
        ledger.markNotSendable(request.idempotencyKey(), outcome == SendOutcome.REFUSED ? "refused: " + reason : reason);
        publishFailed(request, kind, reason);
        return SendResult.of(outcome);
    }

    private void publishFailed(SendRequest request, String kind, String reason) {
        Signal failed = new Signal(request.idempotencyKey() + ":failed", "failed", request.contactId(),
                clock.instant(), Map.of("reason", kind, "channel", request.channel(), "stepId",
                String.valueOf(request.stepId()), "detail", truncate(reason)), request.journeyId(),
                request.enrolmentId());
        responses.publish(TenantId.of(request.tenant()), List.of(failed));
    }

    private RenderedMessage render(MessageTemplate template, Contact contact, Tenant tenant, SendRequest request) {
        RenderedMessage rendered;
        try {
            // Minted only when the text uses it; the same key always gets the same link, so a redelivery renders the same text.
            String link = renderer.fieldsUsed(template).contains(MergeFields.LINK)
                    ? links.mint(tenant, request, template.language()) : null;
            MessageContext context = new MessageContext(tenant.name(), link, null, null, OsloTime.today(clock));
            rendered = renderer.render(template, contact, context);
        } catch (TemplateRenderingException e) {
            throw new PermanentFailure(e.getMessage());
        }
        if (rendered.text() == null || rendered.text().isBlank()) {
            throw new PermanentFailure("template '" + template.id() + "' rendered an empty text");
        }
        return rendered;
    }

    private static String truncate(String reason) {
        return reason.length() <= 200 ? reason : reason.substring(0, 200);
    }

    private static TenantId tenantOf(SendRequest request) {
        if (!TenantId.isValid(request.tenant())) {
            throw new PermanentFailure("tenant must be 2-32 lower-case letters, digits or dashes");
        }
        if (!request.idempotencyKey().startsWith(request.tenant() + ":")) {
            throw new PermanentFailure("idempotencyKey does not start with the request's tenant");
        }
        return TenantId.of(request.tenant());
    }
}
