package no.dialog.local.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClockTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void readsRealTimePlusTheOffset() {
        MovableClock realTime = new MovableClock(START);
        LocalClock clock = new LocalClock(realTime, LocalClock.DEFAULT_ZONE, null);
        clock.advance(Duration.ofDays(7));

        realTime.now = START.plusSeconds(30); // real time keeps flowing under the offset

        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(7)).plusSeconds(30));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void startsWithoutOffsetInOsloTime() {
        LocalClock clock = LocalClock.fixedAt(START);

        assertThat(clock.offset()).isZero();
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Oslo"));
    }

    @Test
    void advanceReturnsTheNewTimeAndAddsUp() {
        LocalClock clock = LocalClock.fixedAt(START);

        Instant afterFirst = clock.advance(Duration.ofHours(2));
        Instant afterSecond = clock.advance(Duration.ofMinutes(30));

        assertThat(afterFirst).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(afterSecond).isEqualTo(START.plus(Duration.ofMinutes(150)));
        assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void refusesToStandStillOrGoBack() {
        LocalClock clock = LocalClock.fixedAt(START);

        assertThatThrownBy(() -> clock.advance(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> clock.advance(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moves forward");
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void viewsInOtherZonesMoveTogether() {
        LocalClock oslo = LocalClock.fixedAt(START);
        LocalClock utc = oslo.withZone(ZoneOffset.UTC);

        oslo.advance(Duration.ofHours(1));
        utc.advance(Duration.ofHours(1));

        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(oslo.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(utc.instant()).isEqualTo(oslo.instant());
        assertThat(utc.offset()).isEqualTo(oslo.offset());
        assertThat(utc.withZone(LocalClock.DEFAULT_ZONE)).isEqualTo(oslo);
        assertThat(utc).isNotEqualTo(oslo);
    }

    @Test
    void tellsListenersAfterTheAdvanceEvenIfOneFails() {
        LocalClock clock = LocalClock.fixedAt(START);
        List<Instant> seenByListener = new ArrayList<>();
        List<ClockAdvanced> advances = new ArrayList<>();
        clock.addListener(advance -> {
            throw new IllegalStateException("a broken listener");
        });
        clock.addListener(advance -> seenByListener.add(clock.instant()));
        clock.addListener(advances::add);

        clock.advance(Duration.ofDays(1));

        assertThat(seenByListener).containsExactly(START.plus(Duration.ofDays(1)));
        assertThat(advances).containsExactly(
                new ClockAdvanced(Duration.ofDays(1), Duration.ofDays(1), START.plus(Duration.ofDays(1))));
    }

    @Test
    void removedListenersHearNothing() {
        LocalClock clock = LocalClock.fixedAt(START);
        List<ClockAdvanced> advances = new ArrayList<>();
        ClockAdvanceListener listener = advances::add;
        clock.addListener(listener);
        clock.removeListener(listener);

        clock.advance(Duration.ofDays(1));

        assertThat(advances).isEmpty();
    }

    @Test
    void keepsTheOffsetAcrossRestartsInTheDataFolder(@TempDir Path dataFolder) {
        LocalClock.inDataFolder(dataFolder).advance(Duration.ofDays(2));

        LocalClock restarted = LocalClock.inDataFolder(dataFolder);

        assertThat(restarted.offset()).isEqualTo(Duration.ofDays(2));
        assertThat(dataFolder.resolve(LocalClock.OFFSET_FILE_NAME)).exists();
    }

    @Test
    void explainsAnUnreadableOffsetFile(@TempDir Path dataFolder) throws Exception {
        Path file = dataFolder.resolve(LocalClock.OFFSET_FILE_NAME);
        Files.writeString(file, "next tuesday");

        assertThatThrownBy(() -> LocalClock.inDataFolder(dataFolder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("delete the file");
    }

    @Test
    void leavesTheClockAloneWhenTheOffsetCannotBeSaved(@TempDir Path dataFolder) throws Exception {
        Path notAFolder = Files.writeString(dataFolder.resolve("occupied"), "a file, not a folder");
        LocalClock clock = new LocalClock(Clock.fixed(START, ZoneOffset.UTC), LocalClock.DEFAULT_ZONE,
                notAFolder.resolve(LocalClock.OFFSET_FILE_NAME));

        assertThatThrownBy(() -> clock.advance(Duration.ofDays(1))).isInstanceOf(UncheckedIOException.class);
        assertThat(clock.offset()).isZero();
    }

    /** Real time that the test moves by hand. */
    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
