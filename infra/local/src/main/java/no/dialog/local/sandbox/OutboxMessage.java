package no.dialog.local.sandbox;

import java.time.Instant;

/**
 * One message a provider sandbox accepted, as the console shows it. The local stack holds synthetic
 * people only, so the recipient is shown in full.
 *
 * @param tenant          the tenant, from the idempotency key's prefix ({@code <tenant>:...}); null when
 *                        the refId has none
 * @param channel         {@code sms}, {@code email}, {@code chat}, {@code newsletter}
 * @param idempotencyKey  LINK's {@code refId}; for e-mail the decoded {@code dialog-key} SES tag
 * @param at              the local clock's time of acceptance
 * @param subject         an e-mail's subject; null for other channels
 * @param html            an e-mail's HTML part (shown at {@code /sandbox/ses/outbox/<providerMessageId>}); null otherwise
 */
public record OutboxMessage(String tenant, String channel, String recipient, String sender, String text, int parts,
                            String encoding, String idempotencyKey, String providerMessageId, Instant at,
                            String subject, String html) {

    /** A message without subject or HTML (SMS, chat). */
    public OutboxMessage(String tenant, String channel, String recipient, String sender, String text, int parts,
                         String encoding, String idempotencyKey, String providerMessageId, Instant at) {
        this(tenant, channel, recipient, sender, text, parts, encoding, idempotencyKey, providerMessageId, at, null, null);
    }
}
