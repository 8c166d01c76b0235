package no.dialog.local.provision;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulators log everything at DEBUG when logback has no configuration; tests want warnings only.
 * (A {@code logback-test.xml} for the module would make this unnecessary.)
 */
final class QuietLogging {

    private QuietLogging() {
    }

    static void warningsOnly() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
