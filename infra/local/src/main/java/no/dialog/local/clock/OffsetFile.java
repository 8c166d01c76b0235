package no.dialog.local.clock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Keeps the clock offset in a small text file (one ISO-8601 duration, e.g. {@code PT168H})
 * so it survives a restart of the local stack.
 */
final class OffsetFile {

    private final Path path;

    OffsetFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** The stored offset, or zero when there is no file yet. */
    Duration read() {
        if (!Files.exists(path)) {
            return Duration.ZERO;
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the local clock offset from " + path
                    + "; delete the file to start at real time", e);
        }
        try {
            Duration offset = Duration.parse(text);
            if (offset.isNegative()) {
                throw new IllegalStateException("The local clock offset in " + path + " is negative (" + text
                        + "); delete the file to start at real time");
            }
            return offset;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("The local clock offset in " + path + " is not an ISO-8601 duration ('"
                    + text + "'); delete the file to start at real time", e);
        }
    }

    /** Writes the offset so that a crash mid-write leaves either the old or the new value, never half. */
    void write(Duration offset) {
        try {
            Files.createDirectories(path.getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(temporary, offset + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the local clock offset to " + path, e);
        }
    }
}
