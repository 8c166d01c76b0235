package no.dialog.local.sandbox;

import java.time.Instant;

/**
 * One message a provider sandbox accepted, as the console shows it. The local stack holds synthetic
 * people only, so the recipient is shown in full.
 *
 * @param tenant          the tenant, from the idempotency key's prefix ({@code <tenant>:...}); null when
 *                        the refId has none
 * @param channel         {@code sms}, {@code chat}, {@code newsletter}
 * @param idempotencyKey  LINK's {@code refId}
 * @param at              the local clock's time of acceptance
 */
public record OutboxMessage(String tenant, String channel, String recipient, String sender, String text, int parts,
                            String encoding, String idempotencyKey, String providerMessageId, Instant at) {}
