package no.dialog.core.run;

import java.time.Instant;
import java.util.List;
import no.dialog.core.journey.SendChannel;

/**
 * Port: writes one channel's files for a closing run. Must be repeatable: a closer that crashed midway
 * runs it again, and it writes the same files under the same keys.
 */
public interface RunFileMaker {

    SendChannel channel();

    RunOutput make(Run run, List<RunItem> items, Instant now);
}
