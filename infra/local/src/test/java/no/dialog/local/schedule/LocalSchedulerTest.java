package no.dialog.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.dialog.local.clock.LocalClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the scheduler with {@link LocalScheduler#tick()} on a clock that only moves when
 * the test advances it, so every fire is deterministic.
 */
class LocalSchedulerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Friday. */
    private static final Instant START = Instant.parse("2026-01-02T10:00:00Z");

    private LocalClock clock;
    private LocalScheduler scheduler;
    private final List<ScheduledFire> fired = new ArrayList<>();

    @BeforeEach
    void createScheduler() {
        clock = LocalClock.fixedAt(START);
        scheduler = new LocalScheduler(clock, Runnable::run);
    }

    @Test
    void aRateFiresOnceTheIntervalHasPassedSinceRegistration() {
        scheduler.register("due-waits", "rate(5 minutes)", fired::add);

        assertThat(scheduler.tick()).isEmpty();
        clock.advance(Duration.ofMinutes(4));
        assertThat(scheduler.tick()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        List<ScheduledFire> fires = scheduler.tick();

        assertThat(fires).hasSize(1);
        assertThat(fired).isEqualTo(fires);
        ScheduledFire fire = fires.get(0);
        assertThat(fire.scheduleName()).isEqualTo("due-waits");
        assertThat(fire.expression()).isEqualTo("rate(5 minutes)");
        assertThat(fire.scheduledTime()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(scheduler.tick()).isEmpty(); // not twice for the same time
        assertThat(scheduler.nextFireTime("due-waits")).contains(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void sendsTheScheduledEventAwsSendsToALambda() throws Exception {
        scheduler.register("due-waits", "rate(1 minute)", fired::add);
        clock.advance(Duration.ofMinutes(1));

        JsonNode event = JSON.readTree(scheduler.tick().get(0).payload());

        List<String> fieldOrder = new ArrayList<>();
        event.fieldNames().forEachRemaining(fieldOrder::add);
        assertThat(fieldOrder).containsExactly(
                "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(event.get("id").asText()).isNotBlank();
        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
        assertThat(event.get("account").asText()).isEqualTo("000000000000");
        assertThat(event.get("time").asText()).isEqualTo("2026-01-02T10:01:00Z");
        assertThat(event.get("region").asText()).isEqualTo("eu-north-1");
        assertThat(event.get("resources").get(0).asText())
                .isEqualTo("arn:aws:events:eu-north-1:000000000000:rule/due-waits");
        assertThat(event.get("detail").isObject()).isTrue();
        assertThat(event.get("detail").isEmpty()).isTrue();
    }

    @Test
    void sendsTheConfiguredInputInsteadWhenThereIsOne() {
        scheduler.register(ScheduleDefinition.of("segments", "rate(1 hour)").withInput("{\"job\":\"refresh\"}"), fired::add);
        clock.advance(Duration.ofHours(1));

        assertThat(scheduler.tick()).extracting(ScheduledFire::payload).containsExactly("{\"job\":\"refresh\"}");
    }

    @Test
    void aJumpOfAWeekFiresOnceAndCarriesOnFromNow() {
        scheduler.register("due-waits", "rate(1 minute)", fired::add);

        clock.advance(Duration.parse("P7D"));
        List<ScheduledFire> fires = scheduler.tick();

        assertThat(fires).hasSize(1);
        assertThat(fires.get(0).scheduledTime()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(fires.get(0).firedAt()).isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(scheduler.nextFireTime("due-waits")).contains(START.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        assertThat(scheduler.tick()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).hasSize(1);
        assertThat(fired).hasSize(2);
    }

    @Test
    void aWeekdayScheduleWaitsOutTheWeekend() {
        scheduler.register("morning-sends", "cron(0 9 ? * MON-FRI *)", ZoneId.of("Europe/Oslo"), fired::add);

        assertThat(scheduler.nextFireTime("morning-sends")).contains(Instant.parse("2026-01-05T08:00:00Z"));
        clock.advance(Duration.ofDays(2)); // Sunday 10:00 UTC
        assertThat(scheduler.tick()).isEmpty();
        clock.advance(Duration.ofHours(22)); // Monday 08:00 UTC = 09:00 in Oslo
        assertThat(scheduler.tick()).extracting(ScheduledFire::scheduledTime)
                .containsExactly(Instant.parse("2026-01-05T08:00:00Z"));
        assertThat(scheduler.nextFireTime("morning-sends")).contains(Instant.parse("2026-01-06T08:00:00Z"));
    }

    @Test
    void aOneTimeScheduleFiresOnceAndOneInThePastNever() {
        scheduler.register("campaign", "at(2026-01-02T10:30:00)", fired::add);
        scheduler.register("too-late", "at(2026-01-01T00:00:00)", fired::add);

        assertThat(scheduler.nextFireTime("too-late")).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(scheduler.tick()).extracting(ScheduledFire::scheduleName).containsExactly("campaign");
        clock.advance(Duration.ofDays(365));
        assertThat(scheduler.tick()).isEmpty();
        assertThat(scheduler.nextFireTime("campaign")).isEmpty();
    }

    @Test
    void aFailingTargetNeitherStopsTheOthersNorItsOwnNextFire() {
        AtomicInteger attempts = new AtomicInteger();
        scheduler.register("broken", "rate(1 minute)", fire -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("lambda failed");
        });
        scheduler.register("healthy", "rate(1 minute)", fired::add);

        clock.advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        scheduler.tick();

        assertThat(attempts).hasValue(2);
        assertThat(fired).hasSize(2);
        assertThat(scheduler.failedFireCount()).isEqualTo(2);
        assertThat(scheduler.firedCount()).isEqualTo(2);
    }

    @Test
    void firesDueSchedulesInTheOrderTheyWereDue() {
        scheduler.register("hourly", "rate(1 hour)", fired::add);
        scheduler.register("every-ten", "rate(10 minutes)", fired::add);

        clock.advance(Duration.ofHours(2));

        assertThat(scheduler.tick()).extracting(ScheduledFire::scheduleName).containsExactly("every-ten", "hourly");
    }

    @Test
    void runsTasksThatNeedNoPayload() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.register("cleanup", "rate(1 day)", runs::incrementAndGet);

        clock.advance(Duration.ofDays(1));
        scheduler.tick();

        assertThat(runs).hasValue(1);
    }

    @Test
    void refusesBadRegistrations() {
        scheduler.register("due-waits", "rate(1 minute)", fired::add);

        assertThatThrownBy(() -> scheduler.register("due-waits", "rate(5 minutes)", fired::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
        assertThatThrownBy(() -> scheduler.register("bad", "rate(1 minutes)", fired::add))
                .isInstanceOf(InvalidScheduleExpressionException.class);
        assertThatThrownBy(() -> scheduler.register("bad", "cron(0 9 * * * *)", fired::add))
                .isInstanceOf(InvalidScheduleExpressionException.class);
        assertThatThrownBy(() -> scheduler.register(ScheduleDefinition.of("bad", "rate(1 hour)").withInput("{oops"), fired::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThat(scheduler.scheduleNames()).containsExactly("due-waits");
        assertThat(scheduler.unregister("due-waits")).isTrue();
        assertThat(scheduler.scheduleNames()).isEmpty();
    }

    @Test
    void theBackgroundThreadFiresWhenTheClockIsAdvanced() throws Exception {
        CountDownLatch firedInBackground = new CountDownLatch(1);
        try (LocalScheduler background = new LocalScheduler(clock)) {
            background.register("due-waits", "rate(1 hour)", fire -> firedInBackground.countDown());
            background.start();

            clock.advance(Duration.ofHours(1));

            // A generous bound that only stops a broken build from hanging; no timing is asserted.
            assertThat(firedInBackground.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(background.nextFireTime("due-waits")).contains(START.plus(Duration.ofHours(2)));
        }
    }

    @Test
    void aClosedSchedulerFiresNothing() {
        scheduler.register("due-waits", "rate(1 minute)", fired::add);
        scheduler.close();
        scheduler.close(); // twice is fine

        clock.advance(Duration.ofMinutes(5));

        assertThat(scheduler.tick()).isEmpty();
        assertThatThrownBy(scheduler::start).isInstanceOf(IllegalStateException.class);
    }
}
