package no.dialog.core.send;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.messaging.PermanentFailure;
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
 * Sends one SMS per {@link SendRequest}, at most once per idempotency key, however often SQS delivers
 * the request (ADR 0005).
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>The tenant must exist, and the key must be the tenant's; else the request goes to the DLQ.</li>
 *   <li>If the {@link SendLedger} already has the key in a settled state, nothing more is done. If it is
 *       {@link SendState#INTENDED}, an earlier attempt took the key and left no outcome: it may have
 *       crashed after the provider accepted the message, or it may still be running. Either way it is
 *       <em>not</em> sent again; it is marked {@link SendState#UNCONFIRMED} and LINK's delivery report
 *       (which carries the key as {@code refId}) settles it later. Sending again would risk a
 *       duplicate; not sending risks a missed message in the rare crash between the provider's answer and
 *       our bookkeeping, which shows as UNCONFIRMED and can be looked into.</li>
 *   <li>No contact, or no mobile number: recorded as {@link SendState#NOT_SENDABLE} with the reason;
 *       no exception (a retry would not change it).</li>
 *   <li>A missing, wrong-channel or unrenderable template, or an organisation name that gives no valid
 *       sender, is a {@link PermanentFailure}: the request goes to the DLQ with the reason and nothing is
 *       written to the ledger, so redriving it after the fix sends it.</li>
 *   <li>The intent is recorded <em>before</em> the provider is called ({@link SendLedger#recordIntent},
 *       conditional): only the attempt that creates the entry calls.</li>
 *   <li>Accepted: {@link SendState#SENT} with LINK's message id and the parts. Refused
 *       ({@link ProviderRejected}): {@link SendState#FAILED} with the reason, no retry. Unavailable and
 *       surely nothing accepted: {@link SendState#RETRYABLE}, and the exception goes on so SQS delivers
 *       the request again; the next attempt {@linkplain SendLedger#reclaim reclaims} the key and calls
 *       again. Unavailable but possibly accepted (no answer in time): {@link SendState#UNCONFIRMED}, never
 *       resent.</li>
 *   <li>A crash anywhere after the intent (an exception from the ledger, the process killed) leaves
 *       the entry INTENDED, which is never resent (step 2).</li>
 * </ol>
 *
 * <p>Not here: consent, quiet hours, the reservation register and other compliance rules are checked
 * by the compliance rules of core (another issue); they belong where the hook is marked in
 * {@link #send}, after the contact is read and before the intent is recorded, and a refusal there is
 * recorded like NOT_SENDABLE.
 *
 * <pre>{@code
 * SmsSender sender = new SmsSender(tenants, contacts, templates, new TemplateRenderer(), ledger, link, clock, null);
 * SendOutcome outcome = sender.send(request);
 * }</pre>
 */
public final class SmsSender {

    private final TenantDirectory tenants;
    private final ContactStore contacts;
    private final TemplateStore templates;
    private final TemplateRenderer renderer;
    private final SendLedger ledger;
    private final SmsGateway gateway;
    private final Clock clock;
    private final String configuredSender;

    /**
     * @param configuredSender the sender every message shows, or null/blank to use the organisation's
     *                         name (see {@link SenderNames})
     * @throws IllegalArgumentException if the configured sender is not valid
     */
    public SmsSender(TenantDirectory tenants, ContactStore contacts, TemplateStore templates, TemplateRenderer renderer,
                     SendLedger ledger, SmsGateway gateway, Clock clock, String configuredSender) {
        this.tenants = Objects.requireNonNull(tenants);
        this.contacts = Objects.requireNonNull(contacts);
        this.templates = Objects.requireNonNull(templates);
        this.renderer = Objects.requireNonNull(renderer);
        this.ledger = Objects.requireNonNull(ledger);
        this.gateway = Objects.requireNonNull(gateway);
        this.clock = Objects.requireNonNull(clock);
        if (configuredSender != null && !configuredSender.isBlank() && !SmsMessage.isValidSender(configuredSender)) {
            throw new IllegalArgumentException("the configured SMS sender must be 2-11 letters or digits starting"
                    + " with a letter");
        }
        this.configuredSender = configuredSender;
    }

    /**
     * @throws PermanentFailure    the request can never be sent as it is (reason without personal data)
     * @throws ProviderUnavailable the provider accepted nothing this time; deliver the request again
     */
    public SendOutcome send(SendRequest request) {
        if (!SendChannel.SMS.jsonName().equals(request.channel())) {
            throw new PermanentFailure("not an SMS send request");
        }
        TenantId tenantId = tenantOf(request);
        Tenant tenant = tenants.find(tenantId)
                .orElseThrow(() -> new PermanentFailure("unknown tenant " + tenantId));
        String key = request.idempotencyKey();

        Optional<LedgerEntry> existing = ledger.find(key);
        if (existing.isPresent() && existing.get().state().settled()) {
            return settled(existing.get());
        }

        Optional<Contact> contact = contacts.find(tenantId, request.contactId());
        if (contact.isEmpty()) {
            return notSendable(key, "contact not found");
        }
        String phone = contact.get().phone();
        if (phone == null || !PhoneNumbers.isMobile(phone)) {
            return notSendable(key, "contact has no mobile number");
        }
        // Compliance hook (another issue): consent for SMS, quiet hours, internal "do not contact".
        // A refusal is recorded like NOT_SENDABLE, before the intent, so the provider is never called.

        MessageTemplate template = templates.find(tenantId, request.templateId())
                .orElseThrow(() -> new PermanentFailure("template '" + request.templateId() + "' not found"));
        if (template.channel() != SendChannel.SMS) {
            throw new PermanentFailure("template '" + template.id() + "' is for " + template.channel().jsonName()
                    + ", not sms");
        }
        RenderedMessage rendered = render(template, contact.get(), tenant);
        String sender = SenderNames.choose(configuredSender, tenant.name()).orElseThrow(() -> new PermanentFailure(
                "the organisation's name gives no valid SMS sender (2-11 letters or digits, starting with a"
                        + " letter); configure one (LINK_SENDER)"));
        SmsMessage message = new SmsMessage(sender, phone, rendered.text(), key);

        Instant now = clock.instant();
        boolean taken = existing.isPresent()
                ? ledger.reclaim(key, now)
                : ledger.recordIntent(key, tenantId, SendChannel.SMS, now);
        if (!taken) {
            // Another attempt of the same request got here first; its outcome is the one that counts.
            return settled(ledger.find(key).orElseThrow(
                    () -> new IllegalStateException("the send ledger refused the key but has no entry for it")));
        }
        return call(key, message, rendered.smsParts().parts());
    }

    private SendOutcome call(String key, SmsMessage message, int computedParts) {
        SmsReceipt receipt;
        try {
            receipt = gateway.send(message);
        } catch (ProviderRejected e) {
            ledger.markFailed(key, e.getMessage());
            return SendOutcome.FAILED;
        } catch (ProviderUnavailable e) {
            if (e.possiblyAccepted()) {
                ledger.markUnconfirmed(key, e.getMessage());
                return SendOutcome.UNCONFIRMED;
            }
            ledger.markRetryable(key, e.getMessage());
            throw e;
        }
        // What the provider charges if it says so; our own count otherwise (they agree for LINK's TEXT coding).
        int parts = receipt.smsCount() != null ? receipt.smsCount() : computedParts;
        ledger.markSent(key, receipt.providerMessageId(), parts);
        return SendOutcome.SENT;
    }

    private SendOutcome settled(LedgerEntry entry) {
        if (entry.state() == SendState.INTENDED) {
            ledger.markUnconfirmed(entry.key(), "an earlier attempt took the key and recorded no outcome");
            return SendOutcome.UNCONFIRMED;
        }
        if (entry.state() == SendState.RETRYABLE) {
            // Another attempt reclaimed it and failed again meanwhile: let SQS deliver this one later.
            throw new IllegalStateException("another attempt holds the send; it will be tried again");
        }
        return SendOutcome.ALREADY_SETTLED;
    }

    private SendOutcome notSendable(String key, String reason) {
        ledger.markNotSendable(key, reason);
        return SendOutcome.NOT_SENDABLE;
    }

    private RenderedMessage render(MessageTemplate template, Contact contact, Tenant tenant) {
        // The landing link is null until landing pages exist: the renderer puts a placeholder of the real length.
        MessageContext context = new MessageContext(tenant.name(), null, null, null, OsloTime.today(clock));
        RenderedMessage rendered;
        try {
            rendered = renderer.render(template, contact, context);
        } catch (TemplateRenderingException e) {
            throw new PermanentFailure(e.getMessage());
        }
        if (rendered.text() == null || rendered.text().isBlank()) {
            throw new PermanentFailure("template '" + template.id() + "' rendered an empty text");
        }
        return rendered;
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
