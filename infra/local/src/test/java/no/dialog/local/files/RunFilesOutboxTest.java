package no.dialog.local.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import no.dialog.emulators.ObjectCreated;
import no.dialog.local.sandbox.Outbox;
import no.dialog.local.sandbox.OutboxMessage;
import org.junit.jupiter.api.Test;

class RunFilesOutboxTest {

    private static final String DROP = "drops/demo/21grams/renewal.v1.letter.2026-11-23.1/";

    private final Outbox outbox = new Outbox();
    private final RunFilesOutbox files = new RunFilesOutbox("exports", outbox,
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aFileWrittenTwiceUnderOneKeyIsOneEntryAsItIsOneFileInTheDrop() {
        files.objectCreated(new ObjectCreated("exports", DROP + "0001.pdf", 10, "a"));
        files.objectCreated(new ObjectCreated("exports", DROP + "0002.pdf", 10, "b"));
        files.objectCreated(new ObjectCreated("exports", DROP + "0002.pdf", 10, "b"));

        assertThat(outbox.newest("demo", "letter", 10)).extracting(OutboxMessage::text)
                .containsExactly("0002.pdf", "0001.pdf");
    }

    @Test
    void objectsOutsideTheExportsBucketOrNotRunFilesAreNotInTheOutbox() {
        files.objectCreated(new ObjectCreated("imports", DROP + "0001.pdf", 10, "a"));
        files.objectCreated(new ObjectCreated("exports", "demo/contacts/file.ndjson", 10, "a"));

        assertThat(outbox.size()).isZero();
    }

    @Test
    void messagesToPeopleAreAllKeptSoASecondSendShows() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        outbox.add(new OutboxMessage("demo", "sms", "+4791234567", "Dialog", "Hei", 1, "GSM", "demo:k", "m1", at));
        outbox.add(new OutboxMessage("demo", "sms", "+4791234567", "Dialog", "Hei", 1, "GSM", "demo:k", "m1", at));

        assertThat(outbox.size()).isEqualTo(2);
    }
}
