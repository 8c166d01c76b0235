package no.dialog.local.sandbox;

import java.time.Instant;

/**
 * One webhook the Vipps sandbox sent (or is sending), as {@code GET /local/vipps/webhooks} lists it.
 *
 * @param id         the sandbox's id of this delivery
 * @param tenant     the tenant whose merchant (MSN) the event is for
 * @param eventType  e.g. {@code epayments.payment.authorized.v1}
 * @param url        where it was POSTed
 * @param body       the JSON body, exactly as signed
 * @param status     {@code PENDING}, {@code DELIVERED} (a 2xx answer) or {@code FAILED} (no 2xx after every attempt)
 * @param attempts   how many times it was POSTed
 * @param lastAnswer the last HTTP status, or 0 when there was no answer (connection refused)
 * @param createdAt  the local clock's time of the event
 */
public record VippsWebhookDelivery(String id, String tenant, String eventType, String url, String body, String status,
                                   int attempts, int lastAnswer, Instant createdAt) {

    VippsWebhookDelivery attempted(int answer, String newStatus) {
        return new VippsWebhookDelivery(id, tenant, eventType, url, body, newStatus, attempts + 1, answer, createdAt);
    }
}
