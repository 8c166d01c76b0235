package no.dialog.core.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account's rate limit, on a fake clock that moves only when a caller waits. */
class TokenBucketTest {

    private long now;
    private final List<Duration> waits = new ArrayList<>();
    private final TokenBucket.Sleeper fakeSleep = duration -> {
        waits.add(duration);
        now += duration.toNanos();
    };

    @Test
    void aFullBucketGivesItsBurstWithoutWaiting() throws Exception {
        TokenBucket bucket = new TokenBucket(50, 50, () -> now, fakeSleep);

        for (int i = 0; i < 50; i++) {
            assertThat(bucket.acquire(1, Duration.ofSeconds(1))).isTrue();
        }

        assertThat(waits).isEmpty();
    }

    @Test
    void beyondTheBurstCallersWaitSoThatTheRateHoldsAndNothingIsDropped() throws Exception {
        TokenBucket bucket = new TokenBucket(50, 50, () -> now, fakeSleep);

        for (int i = 0; i < 1_000; i++) {
            assertThat(bucket.acquire(1, Duration.ofMinutes(1))).isTrue();
        }

        // 50 at once, then 950 at 50 a second: 19 seconds on the fake clock.
        assertThat(Duration.ofNanos(now)).isBetween(Duration.ofMillis(18_999), Duration.ofMillis(19_001));
        assertThat(waits).hasSize(950);
    }

    @Test
    void aBatchTakesItsPermitsAtOnceAndWaitsForTheMissingOnes() throws Exception {
        TokenBucket bucket = new TokenBucket(25, 25, () -> now, fakeSleep);

        assertThat(bucket.acquire(100, Duration.ofSeconds(10))).isTrue();

        assertThat(waits).singleElement().isEqualTo(Duration.ofSeconds(3));
        // The next permit has to wait for the refill: 1/25 s.
        assertThat(bucket.acquire(1, Duration.ofSeconds(10))).isTrue();
        assertThat(waits.get(1)).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void timeThatPassedRefillsTheBucketUpToItsBurst() throws Exception {
        TokenBucket bucket = new TokenBucket(10, 10, () -> now, fakeSleep);
        bucket.acquire(10, Duration.ZERO);

        now += Duration.ofMinutes(5).toNanos();

        assertThat(bucket.acquire(10, Duration.ZERO)).isTrue();
        assertThat(bucket.acquire(1, Duration.ZERO)).isFalse();
        assertThat(waits).isEmpty();
    }

    @Test
    void aWaitLongerThanAllowedTakesNothing() throws Exception {
        TokenBucket bucket = new TokenBucket(10, 10, () -> now, fakeSleep);

        assertThat(bucket.acquire(100, Duration.ofSeconds(5))).isFalse();

        assertThat(bucket.acquire(10, Duration.ZERO)).as("the refused call took no permits").isTrue();
    }

    @Test
    void theLimitedGatewayTurnsATooLongWaitIntoARetryNotADrop() {
        TokenBucket bucket = new TokenBucket(1, 1, () -> now, fakeSleep);
        List<SmsMessage> sent = new ArrayList<>();
        SmsGateway gateway = new RateLimitedSmsGateway(message -> {
            sent.add(message);
            return new SmsReceipt("m", 1);
        }, bucket, Duration.ofSeconds(2));
        List<SmsMessage> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(new SmsMessage("Demo", "+4791234567", "Hei", "demo:E-" + i + ":ask:1"));
        }

        assertThatThrownBy(() -> gateway.sendBatch(batch)).isInstanceOf(ProviderUnavailable.class)
                .matches(e -> !((ProviderUnavailable) e).possiblyAccepted());
        assertThat(sent).isEmpty();
        assertThat(gateway.sendBatch(batch.subList(0, 3))).hasSize(3);
        assertThat(waits).singleElement().isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRateOfZeroIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, () -> now, fakeSleep))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per second");
    }
}
