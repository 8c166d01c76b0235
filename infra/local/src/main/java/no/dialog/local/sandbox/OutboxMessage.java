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
 * @param runId           for a file a run wrote (letter, print, telemarketing): the run; null for other channels
 * @param link            for a file a run wrote: where to download it locally ({@code /local/files?key=...}); null otherwise
 */
public record OutboxMessage(String tenant, String channel, String recipient, String sender, String text, int parts,
                            String encoding, String idempotencyKey, String providerMessageId, Instant at,
                            String subject, String html, String runId, String link) {

    /** A message sent to a person (every channel but the run files). */
    public OutboxMessage(String tenant, String channel, String recipient, String sender, String text, int parts,
                         String encoding, String idempotencyKey, String providerMessageId, Instant at,
                         String subject, String html) {
        this(tenant, channel, recipient, sender, text, parts, encoding, idempotencyKey, providerMessageId, at, subject,
                html, null, null);
    }

    /** A message without subject or HTML (SMS, chat). */
    public OutboxMessage(String tenant, String channel, String recipient, String sender, String text, int parts,
                         String encoding, String idempotencyKey, String providerMessageId, Instant at) {
        this(tenant, channel, recipient, sender, text, parts, encoding, idempotencyKey, providerMessageId, at, null, null);
    }
}
