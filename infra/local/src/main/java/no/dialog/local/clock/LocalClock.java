package no.dialog.local.clock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The clock the whole local stack reads time from: real time plus an offset that
 * only ever grows.
 *
 * <p>Dialog reads the time only through a {@link Clock}. In the local stack that clock is
 * a {@code LocalClock}, so a developer can move time forward ({@code POST
 * /local/clock/advance?by=P7D}) and watch a week-long journey, its waits, schedules and
 * send windows, play out in seconds. Real time keeps flowing; {@link #advance(Duration)}
 * adds to the offset. Time never goes backwards, because waits, schedules and
 * idempotency records all assume it doesn't.
 *
 * <p>All views of one clock share one offset: {@link #withZone(ZoneId)} returns a clock in
 * another zone that moves together with this one, whichever view is advanced.
 *
 * <p>With an offset file (see {@link #inDataFolder(Path)}) the offset survives restarts, so a
 * journey that was pushed a week ahead stays a week ahead. Delete the file to go back to
 * real time.
 *
 * <pre>{@code
 * LocalClock clock = LocalClock.inDataFolder(Path.of(".local-data"));
 * clock.addListener(advance -> log.info("now {}", advance.now()));
 * clock.advance(AdvanceDuration.parse("P7D"));
 * }</pre>
 */
public final class LocalClock extends Clock {

    /** Dialog's home zone; Norwegian send windows and quiet hours are local times. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");

    /** Name of the file, inside the local data folder, that keeps the offset across restarts. */
    public static final String OFFSET_FILE_NAME = "clock-offset.txt";

    private final SharedOffset shared;
    private final ZoneId zone;

    /** Real time in Europe/Oslo, offset kept in memory only. */
    public LocalClock() {
        this(Clock.systemUTC(), DEFAULT_ZONE, null);
    }

    /**
     * Real time in Europe/Oslo, offset kept in {@code offsetFile} (read now if it exists,
     * written on every advance).
     */
    public LocalClock(Path offsetFile) {
        this(Clock.systemUTC(), DEFAULT_ZONE, Objects.requireNonNull(offsetFile, "offsetFile"));
    }

    /**
     * The general constructor.
     *
     * @param realTime   where "real" time comes from; {@code Clock.systemUTC()} in the stack,
     *                   a fixed clock in tests
     * @param zone       the zone this view reports
     * @param offsetFile where to keep the offset across restarts, or {@code null} for memory only
     * @throws IllegalStateException if the offset file exists but cannot be read
     */
    public LocalClock(Clock realTime, ZoneId zone, Path offsetFile) {
        this(new SharedOffset(Objects.requireNonNull(realTime, "realTime"),
                offsetFile == null ? null : new OffsetFile(offsetFile)), zone);
    }

    private LocalClock(SharedOffset shared, ZoneId zone) {
        this.shared = shared;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Real time in Europe/Oslo, offset kept in {@value #OFFSET_FILE_NAME} inside {@code dataFolder}. */
    public static LocalClock inDataFolder(Path dataFolder) {
        return new LocalClock(dataFolder.resolve(OFFSET_FILE_NAME));
    }

    /**
     * A clock that stands still at {@code start} until advanced. Meant for tests: every
     * reading is predictable, so nothing depends on how fast the machine is.
     */
    public static LocalClock fixedAt(Instant start) {
        return new LocalClock(Clock.fixed(start, DEFAULT_ZONE), DEFAULT_ZONE, null);
    }

    /**
     * Moves this clock, and every view sharing its offset, forward by {@code by}; listeners
     * are told afterwards, on this thread.
     *
     * @return the new current instant
     * @throws IllegalArgumentException if {@code by} is zero or negative (time never goes back)
     * @throws java.io.UncheckedIOException if the offset file cannot be written; the clock is
     *                                      then left where it was
     */
    public Instant advance(Duration by) {
        return shared.advance(by);
    }

    /** How far ahead of real time this clock runs; {@link Duration#ZERO} until first advanced. */
    public Duration offset() {
        return shared.offset();
    }

    /** Registers a listener that is told about every advance, after it happened. */
    public void addListener(ClockAdvanceListener listener) {
        shared.addListener(listener);
    }

    /** Removes a listener added with {@link #addListener}; does nothing if it was not there. */
    public void removeListener(ClockAdvanceListener listener) {
        shared.removeListener(listener);
    }

    @Override
    public Instant instant() {
        return shared.now();
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's offset, so both always move together. */
    @Override
    public LocalClock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new LocalClock(shared, zone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalClock that && that.shared == shared && that.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(shared) * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "LocalClock[" + zone + ", offset " + offset() + "]";
    }
}
