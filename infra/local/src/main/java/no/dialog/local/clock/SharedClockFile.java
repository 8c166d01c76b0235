package no.dialog.local.clock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.dialog.aws.config.SharedOffsetClock;

/**
 * Makes the local clock visible to functions running in JVMs of their own: its offset is mirrored into a
 * small memory-mapped file that each function's clock reads ({@link SharedOffsetClock}, chosen by
 * {@code DIALOG_LOCAL_CLOCK_FILE}). The file is written before the clock's other listeners (the scheduler)
 * hear of an advance, so a schedule fired by the advance already sees the new time in the function.
 */
public final class SharedClockFile {

    /** The variable that points a function's clock at the file. */
    public static final String ENVIRONMENT_VARIABLE = "DIALOG_LOCAL_CLOCK_FILE";
    static final String FILE_NAME = "clock-offset.bin";

    private SharedClockFile() {}

    /**
     * Creates the file (in the data folder, or a temporary one when the stack keeps nothing), writes the
     * clock's offset and keeps it current. Register it before any other clock listener.
     */
    public static Path mirror(LocalClock clock, Path dataDir) {
        Path file;
        try {
            if (dataDir == null) {
                file = Files.createTempFile("dialog-local-clock-", ".bin");
                file.toFile().deleteOnExit();
            } else {
                file = dataDir.resolve(FILE_NAME);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the shared clock file", e);
        }
        SharedOffsetClock.Writer writer = SharedOffsetClock.Writer.create(file);
        writer.write(clock.offset().toMillis());
        clock.addListener(advanced -> writer.write(advanced.offset().toMillis()));
        return file.toAbsolutePath();
    }
}
