package no.dialog.core.send;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An {@link SmsGateway} that keeps to the provider account's messages per second: each message takes a
 * permit from the account's {@link TokenBucket} before it goes, and waits for one when there are none.
 * Nothing is dropped: a batch that would have to wait longer than {@code maxWait} is not sent at all and
 * fails as {@link ProviderUnavailable} (surely not accepted), so its requests go back to the queue and come
 * again later.
 *
 * <p>The bucket is per process. A function with at most N instances at once (the event source's
 * {@code ScalingConfig.MaximumConcurrency}) gives each instance the account's rate divided by N, so all of
 * them together stay within it (ADR 0012).
 */
public final class RateLimitedSmsGateway implements SmsGateway {

    private final SmsGateway gateway;
    private final TokenBucket account;
    private final Duration maxWait;

    public RateLimitedSmsGateway(SmsGateway gateway, TokenBucket account, Duration maxWait) {
        this.gateway = Objects.requireNonNull(gateway);
        this.account = Objects.requireNonNull(account);
        this.maxWait = Objects.requireNonNull(maxWait);
    }

    @Override
    public SmsReceipt send(SmsMessage message) {
        take(1);
        return gateway.send(message);
    }

    @Override
    public List<DeliveryOutcome> sendBatch(List<SmsMessage> messages) {
        take(messages.size());
        return gateway.sendBatch(messages);
    }

    private void take(int permits) {
        boolean taken;
        try {
            taken = account.acquire(permits, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while waiting for the account's rate limit", false, e);
        }
        if (!taken) {
            throw new ProviderUnavailable("the provider account's rate limit (" + account.perSecond()
                    + "/s) would delay " + permits + " messages beyond " + maxWait.toSeconds() + " s", false);
        }
    }
}
