package no.dialog.aws.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample payloads in the repository's {@code events/} folder (one folder a function), found from
 * wherever Maven runs the tests: the module's folder or the repository's root.
 */
public final class EventFiles {

    private EventFiles() {}

    /** {@code events/} itself, the nearest one above the working directory. */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("events"))) {
                return dir.resolve("events");
            }
        }
        throw new IllegalStateException("no events/ folder above " + start);
    }

    /** {@code events/<function>/<name>}. */
    public static Path path(String function, String name) {
        return root().resolve(function).resolve(name);
    }

    /** The text of {@code events/<function>/<name>}, such as a provider's documented answer. */
    public static String read(String function, String name) {
        try {
            return Files.readString(path(function, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
