package no.dialog.local.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import no.dialog.emulators.ObjectCreated;
import no.dialog.emulators.ObjectCreatedListener;
import no.dialog.local.sandbox.Outbox;
import no.dialog.local.sandbox.OutboxMessage;

/**
 * Puts every file a run writes into the exports bucket (a letter PDF or manifest in the 21Grams drop, a print
 * file, a call list) in the outbox, next to what the provider sandboxes received, with a link to
 * {@link RunFileDownloads}. It hears of the objects as S3 notifications are emulated, so the run-files
 * functions stay exactly as in AWS; keys that are not run files are ignored.
 */
public final class RunFilesOutbox implements ObjectCreatedListener {

    private final String exportsBucket;
    private final Outbox outbox;
    private final Clock clock;

    public RunFilesOutbox(String exportsBucket, Outbox outbox, Clock clock) {
        this.exportsBucket = exportsBucket;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void objectCreated(ObjectCreated object) {
        if (!exportsBucket.equals(object.bucket())) {
            return;
        }
        RunFileKeys.parse(object.key()).ifPresent(file -> outbox.add(new OutboxMessage(file.tenant(), file.channel(),
                destination(file.channel()), null, file.fileName(), 1, null, null, object.key(), clock.instant(),
                null, null, file.runId(), link(object.key()))));
    }

    /** The local download route of an exports object. */
    public static String link(String key) {
        return RunFileDownloads.MOUNT + "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    private static String destination(String channel) {
        switch (channel) {
            case "letter":
                return "21Grams drop";
            case "print":
                return "print house";
            default:
                return "call centre";
        }
    }
}
