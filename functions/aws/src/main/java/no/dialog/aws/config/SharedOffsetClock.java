package no.dialog.aws.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * System time plus an offset that another process keeps in a small file: the local stack's movable clock,
 * seen by functions that run in their own JVMs. The file holds one big-endian long, the offset in
 * milliseconds, and is memory-mapped, so reading the time costs one volatile read and a moved clock is
 * seen by the very next call (the local stack writes the offset before it fires the schedules that follow).
 *
 * <p>Only the local stack sets {@code DIALOG_LOCAL_CLOCK_FILE}; in AWS the clock is the system clock.
 */
public final class SharedOffsetClock extends Clock {

    /** The file's size: one long. */
    public static final int FILE_SIZE = Long.BYTES;

    private static final VarHandle OFFSET = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final MappedByteBuffer offsetMillis;
    private final ZoneId zone;

    private SharedOffsetClock(MappedByteBuffer offsetMillis, ZoneId zone) {
        this.offsetMillis = offsetMillis;
        this.zone = zone;
    }

    /** Maps the offset file (written by the local stack) for reading. */
    public static SharedOffsetClock reading(Path file, ZoneId zone) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < FILE_SIZE) {
                throw new IllegalStateException("clock offset file is shorter than " + FILE_SIZE + " bytes: " + file);
            }
            return new SharedOffsetClock(channel.map(FileChannel.MapMode.READ_ONLY, 0, FILE_SIZE), zone);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the clock offset file " + file, e);
        }
    }

    /** The offset the file holds now, in milliseconds. */
    public long offsetMillis() {
        return (long) OFFSET.getVolatile(offsetMillis, 0);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new SharedOffsetClock(offsetMillis, zone);
    }

    /** Writes offsets into the file (the local stack's side). */
    public static final class Writer {
        private final MappedByteBuffer offsetMillis;

        private Writer(MappedByteBuffer offsetMillis) {
            this.offsetMillis = offsetMillis;
        }

        /** Creates (or reuses) the file and maps it for writing. */
        public static Writer create(Path file) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                return new Writer(channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_SIZE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the clock offset file " + file, e);
            }
        }

        public void write(long offsetMillis) {
            OFFSET.setVolatile(this.offsetMillis, 0, offsetMillis);
        }
    }
}
