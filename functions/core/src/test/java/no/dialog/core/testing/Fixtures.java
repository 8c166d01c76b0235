package no.dialog.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the shared sample payloads under the repository's {@code events/} folder. */
public final class Fixtures {

    private Fixtures() {}

    public static Path eventsFolder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no events/ folder above the working directory");
        }
        return dir.resolve("events");
    }

    public static String read(String relative) {
        try {
            return Files.readString(eventsFolder().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
