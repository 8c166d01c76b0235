package no.dialog.local.sandbox;

import no.dialog.core.payment.vipps.VippsWebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the Vipps sandbox's webhooks as Vipps does: signed ({@link VippsWebhookSignature#sign}), after the
 * page or API call that caused them has answered, retried with backoff on anything but a 2xx, and in
 * order (one sender thread, so a payment's events arrive in the order they happened). Every delivery
 * is kept for {@code GET /local/vipps/webhooks} and, once settled, shown in the {@link Outbox} as channel
 * {@value #CHANNEL}.
 */
public final class VippsWebhookSender implements AutoCloseable {

    public static final String CHANNEL = "vipps";
    static final int KEPT = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(VippsWebhookSender.class);

    private final Outbox outbox;
    private final Clock clock;
    private final List<Duration> backoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vipps-sandbox-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final Deque<VippsWebhookDelivery> deliveries = new ArrayDeque<>();
    private long nextId = 1;

    /**
     * @param backoff the waits between attempts; its size + 1 is the number of attempts (Vipps retries
     *                for days; locally a few seconds are enough to see a retry)
     */
    public VippsWebhookSender(Outbox outbox, Clock clock, List<Duration> backoff) {
        this.outbox = outbox;
        this.clock = clock;
        this.backoff = List.copyOf(backoff);
    }

    /** Queues a delivery; it is signed anew for each attempt (Vipps signs with the time of the attempt). */
    public VippsWebhookDelivery send(String tenant, String eventType, URI url, String secret, String body) {
        VippsWebhookDelivery queued;
        synchronized (this) {
            queued = new VippsWebhookDelivery("wh-" + nextId++, tenant, eventType, url.toString(), body, "PENDING", 0,
                    0, clock.instant());
            deliveries.addFirst(queued);
            if (deliveries.size() > KEPT) {
                deliveries.removeLast();
            }
        }
        thread.execute(() -> deliver(queued, url, secret));
        return queued;
    }

    /** The deliveries, newest first. */
    public synchronized List<VippsWebhookDelivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    private void deliver(VippsWebhookDelivery delivery, URI url, String secret) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        String pathAndQuery = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        VippsWebhookDelivery current = delivery;
        for (int attempt = 0; ; attempt++) {
            int answer = post(url, pathAndQuery, secret, body);
            boolean delivered = answer >= 200 && answer < 300;
            boolean last = attempt >= backoff.size();
            current = current.attempted(answer, delivered ? "DELIVERED" : last ? "FAILED" : "PENDING");
            replace(current);
            if (delivered || last) {
                break;
            }
            try {
                Thread.sleep(backoff.get(attempt).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!"DELIVERED".equals(current.status())) {
            LOG.warn("Vipps sandbox webhook {} ({}) was not accepted after {} attempts; last answer {}", current.id(),
                    current.eventType(), current.attempts(), current.lastAnswer());
        }
        outbox.add(new OutboxMessage(current.tenant(), CHANNEL, current.url(), "Vipps MobilePay sandbox",
                current.eventType() + " " + current.status() + " (HTTP " + current.lastAnswer() + ", "
                        + current.attempts() + " attempt(s)): " + current.body(),
                1, null, current.eventType(), current.id(), clock.instant()));
    }

    private int post(URI url, String pathAndQuery, String secret, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        // Signed by the same rule Dialog verifies with; the host is the authority the request goes to.
        VippsWebhookSignature.sign(secret, url.getRawAuthority(), pathAndQuery, body, clock.instant())
                .forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private synchronized void replace(VippsWebhookDelivery updated) {
        List<VippsWebhookDelivery> copy = new ArrayList<>(deliveries);
        deliveries.clear();
        for (VippsWebhookDelivery d : copy) {
            deliveries.addLast(d.id().equals(updated.id()) ? updated : d);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
