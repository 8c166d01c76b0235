package no.dialog.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import no.dialog.local.clock.ClockAdvanceListener;
import no.dialog.local.clock.LocalClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the template's schedules (EventBridge scheduled rules and Scheduler schedules) on the
 * {@link LocalClock}, so they follow the clock when it is advanced.
 *
 * <p>After {@link #start()}, a daemon thread looks every {@link #TICK_INTERVAL} (and at once
 * after every clock advance) for schedules whose next time has come, and fires each on the
 * fire executor. A target that throws is logged and counted; it never stops the scheduler or
 * the schedule.
 *
 * <p><b>When the clock jumps.</b> If the clock moves past several fire times at once (say
 * {@code advance(P7D)} with a {@code rate(1 minute)} schedule), the schedule fires <em>once</em>,
 * for the first time it missed, and then continues from the first fire time after the new now
 * &mdash; not 10,080 times. Treat it like a window that was missed while the system was down:
 * code woken by a schedule should look at what is due now (as the journey engine's due-wait
 * query does), not count on one call per interval.
 *
 * <p>Rates count from registration: {@code rate(5 minutes)} registered at 10:00:07 fires at
 * 10:05:07, 10:10:07, and so on. Cron and at expressions fire at the times they name. An
 * {@code at} already in the past when registered never fires.
 *
 * <p>For tests, leave the scheduler unstarted and call {@link #tick()}: it fires what is due
 * on the calling thread and returns what it fired.
 *
 * <pre>{@code
 * LocalScheduler scheduler = new LocalScheduler(clock);
 * scheduler.register("due-waits", "rate(1 minute)", fire -> journeys.handleRequest(fire.payload()));
 * scheduler.register("monday-report", "cron(0 7 ? * MON *)", ZoneId.of("Europe/Oslo"), fire -> report());
 * scheduler.start();
 * ...
 * scheduler.close();
 * }</pre>
 */
public final class LocalScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalScheduler.class);

    /** How often the background thread looks for due schedules. */
    public static final Duration TICK_INTERVAL = Duration.ofMillis(250);

    private final LocalClock clock;
    private final Executor fireExecutor;
    private final ExecutorService ownedFireExecutor;
    private final ClockAdvanceListener wakeOnAdvance = advance -> wakeUp();
    private final Map<String, Schedule> schedules = new LinkedHashMap<>(); // guarded by this
    private final AtomicLong fires = new AtomicLong();
    private final AtomicLong failedFires = new AtomicLong();
    private ScheduledExecutorService ticker; // guarded by this
    private boolean closed; // guarded by this

    /** A scheduler that fires on its own pool of daemon threads. */
    public LocalScheduler(LocalClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownedFireExecutor = Executors.newCachedThreadPool(daemonThreads("local-scheduler-fire-"));
        this.fireExecutor = ownedFireExecutor;
    }

    /** A scheduler that fires on {@code fireExecutor}, which the caller owns. */
    public LocalScheduler(LocalClock clock, Executor fireExecutor) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownedFireExecutor = null;
        this.fireExecutor = Objects.requireNonNull(fireExecutor, "fireExecutor");
    }

    /**
     * Registers a schedule. Its first fire is computed now: a rate's after one interval,
     * a cron's or at's at the next time it names.
     *
     * @throws IllegalArgumentException if a schedule of that name is already registered
     */
    public synchronized void register(ScheduleDefinition definition, Consumer<ScheduledFire> target) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(target, "target");
        if (schedules.containsKey(definition.name())) {
            throw new IllegalArgumentException("A schedule named " + definition.name() + " is already registered");
        }
        Instant now = clock.instant();
        Instant first = definition.expression().next(utc(now)).map(ZonedDateTime::toInstant).orElse(null);
        if (first == null) {
            LOG.warn("Schedule {} ({}) has no time after {} and will never fire", definition.name(),
                    definition.expression().expression(), now);
        }
        schedules.put(definition.name(), new Schedule(definition, target, first));
        LOG.debug("Schedule {} ({}) fires first at {}", definition.name(), definition.expression().expression(), first);
    }

    /** Registers a schedule whose cron or at expression is read in UTC. */
    public void register(String name, String expression, Consumer<ScheduledFire> target) {
        register(ScheduleDefinition.of(name, expression), target);
    }

    /** Registers a schedule whose cron or at expression is read in {@code timezone}. */
    public void register(String name, String expression, ZoneId timezone, Consumer<ScheduledFire> target) {
        register(ScheduleDefinition.of(name, expression, timezone), target);
    }

    /** Registers a schedule (read in UTC) whose target needs no payload. */
    public void register(String name, String expression, Runnable task) {
        Objects.requireNonNull(task, "task");
        register(ScheduleDefinition.of(name, expression), fire -> task.run());
    }

    /** Removes a schedule; returns whether there was one. */
    public synchronized boolean unregister(String name) {
        return schedules.remove(name) != null;
    }

    /** The names of the registered schedules, in registration order. */
    public synchronized List<String> scheduleNames() {
        return List.copyOf(schedules.keySet());
    }

    /** When the named schedule fires next; empty if it is unknown or will not fire again. */
    public synchronized Optional<Instant> nextFireTime(String name) {
        Schedule schedule = schedules.get(name);
        return schedule == null ? Optional.empty() : Optional.ofNullable(schedule.next);
    }

    /** How many times a target ran without throwing. */
    public long firedCount() {
        return fires.get();
    }

    /** How many times a target threw. */
    public long failedFireCount() {
        return failedFires.get();
    }

    /**
     * Fires every schedule that is due now, on the calling thread, and returns what it fired
     * (in order of due time). Meant for tests and for callers that drive the scheduler
     * themselves; a target's exception is logged and counted, not thrown.
     */
    public List<ScheduledFire> tick() {
        List<DueFire> due = claimDue(clock.instant());
        for (DueFire fire : due) {
            runTarget(fire);
        }
        return due.stream().map(DueFire::fire).toList();
    }

    /**
     * Starts the background thread that fires schedules as the clock reaches them, every
     * {@link #TICK_INTERVAL} and right after each clock advance. Calling it again does nothing.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("This scheduler is closed; create a new one");
        }
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("local-scheduler-tick-"));
        ticker.scheduleWithFixedDelay(this::fireDueInBackground, 0, TICK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        clock.addListener(wakeOnAdvance);
    }

    /**
     * Stops the background thread and waits briefly for running targets to finish. Schedules
     * stop firing; calling it again does nothing.
     */
    @Override
    public void close() {
        ScheduledExecutorService stoppingTicker;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stoppingTicker = ticker;
            ticker = null;
        }
        clock.removeListener(wakeOnAdvance);
        if (stoppingTicker != null) {
            stoppingTicker.shutdownNow();
            awaitQuietly(stoppingTicker, "tick");
        }
        if (ownedFireExecutor != null) {
            ownedFireExecutor.shutdown();
            if (!awaitQuietly(ownedFireExecutor, "fire")) {
                ownedFireExecutor.shutdownNow();
            }
        }
    }

    /** Takes the due fires and moves each schedule on to its next time, in one step, so no fire is taken twice. */
    private synchronized List<DueFire> claimDue(Instant now) {
        if (closed) {
            return List.of();
        }
        List<DueFire> due = new ArrayList<>();
        for (Schedule schedule : schedules.values()) {
            if (schedule.next == null || schedule.next.isAfter(now)) {
                continue;
            }
            Instant dueAt = schedule.next;
            schedule.next = nextAfterFire(schedule.definition.expression(), dueAt, now);
            String payload = ScheduledEventPayload.forFire(schedule.definition, dueAt);
            due.add(new DueFire(schedule.target,
                    new ScheduledFire(schedule.definition.name(), schedule.definition.expression().expression(),
                            dueAt, now, payload)));
        }
        due.sort(Comparator.comparing(fire -> fire.fire().scheduledTime()));
        return due;
    }

    /**
     * The next time after a fire that was due at {@code dueAt} and happened at {@code now}:
     * the first time the expression names after now, so missed times are skipped. A rate
     * stays on its grid (registration time plus whole intervals).
     */
    private static Instant nextAfterFire(ScheduleExpression expression, Instant dueAt, Instant now) {
        if (expression instanceof RateExpression rate) {
            Duration interval = rate.interval();
            long missedIntervals = Duration.between(dueAt, now).dividedBy(interval);
            return dueAt.plus(interval.multipliedBy(missedIntervals + 1));
        }
        return expression.next(utc(now)).map(ZonedDateTime::toInstant).orElse(null);
    }

    private void fireDueInBackground() {
        // Catch everything: an exception escaping a periodic task would silently stop all future ticks.
        try {
            for (DueFire fire : claimDue(clock.instant())) {
                try {
                    fireExecutor.execute(() -> runTarget(fire));
                } catch (RejectedExecutionException e) {
                    failedFires.incrementAndGet();
                    LOG.warn("Schedule {} was due at {} but could not fire: the scheduler is shutting down",
                            fire.fire().scheduleName(), fire.fire().scheduledTime());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("The local scheduler failed while looking for due schedules; it will try again", e);
        }
    }

    private void runTarget(DueFire due) {
        ScheduledFire fire = due.fire();
        try {
            due.target().accept(fire);
            fires.incrementAndGet();
        } catch (RuntimeException e) {
            failedFires.incrementAndGet();
            LOG.warn("Target of schedule {} failed on the fire due at {}", fire.scheduleName(), fire.scheduledTime(), e);
        }
    }

    private synchronized void wakeUp() {
        if (ticker == null) {
            return;
        }
        try {
            ticker.execute(this::fireDueInBackground);
        } catch (RejectedExecutionException e) {
            // Closing; nothing more to fire.
        }
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }

    private static boolean awaitQuietly(ExecutorService executor, String what) {
        try {
            boolean stopped = executor.awaitTermination(5, TimeUnit.SECONDS);
            if (!stopped) {
                LOG.warn("Local scheduler {} threads still running after 5 s", what);
            }
            return stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory daemonThreads(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, namePrefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A registered schedule and when it fires next ({@code null}: never again). */
    private static final class Schedule {
        final ScheduleDefinition definition;
        final Consumer<ScheduledFire> target;
        Instant next;

        Schedule(ScheduleDefinition definition, Consumer<ScheduledFire> target, Instant next) {
            this.definition = definition;
            this.target = target;
            this.next = next;
        }
    }

    /** A fire that is due, with the target it goes to. */
    private record DueFire(Consumer<ScheduledFire> target, ScheduledFire fire) {
    }
}
