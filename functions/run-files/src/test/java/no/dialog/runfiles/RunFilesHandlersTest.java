package no.dialog.runfiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import no.dialog.aws.run.DynamoDbRunStore;
import no.dialog.aws.testing.EventFiles;
import no.dialog.aws.testing.SendRequestEvents;
import no.dialog.aws.testing.SenderEnvironment;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.run.Run;
import no.dialog.core.run.RunStatus;
import no.dialog.core.send.SendLedger;
import no.dialog.core.send.SendState;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The real handlers (send-letter, print-file, telemarketing, close-runs) on one application context, against
 * DynamoDB Local, ElasticMQ and S3Proxy, fed with the payloads in events/.
 */
class RunFilesHandlersTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-23T12:30:00Z"));

    private static Emulators emulators;
    private static ApplicationContext context;
    private static String bucket;

    /** A clock the test moves on (the closer waits for quiet runs). */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return OsloTime.ZONE;
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

    @BeforeAll
    static void startFunctions() {
        emulators = SharedEmulators.get();
        bucket = "exports-" + System.nanoTime();
        emulators.s3().createBucket(b -> b.bucket(bucket));
        Map<String, Object> env = SenderEnvironment.tables(emulators);
        env.put("RUN_FILES_TABLE", TestTables.runFiles(emulators.dynamoDb()));
        env.put("EXPORTS_BUCKET", bucket);
        for (String channel : List.of("LETTER", "PRINT", "TELEMARKETING")) {
            SenderEnvironment.putChannelQueues(env, emulators, channel,
                    "send-" + channel.toLowerCase() + "-" + System.nanoTime());
        }
        env.put("RESPONSES_QUEUE_URL", SenderEnvironment.queue(emulators, "run-files-responses"));
        context = SenderEnvironment.startWithFiles(env, emulators, CLOCK);

        context.getBean(TenantDirectory.class).createIfAbsent(new Tenant(DEMO, "Demo Organisation", CLOCK.instant(),
                Map.of("letter.giroAccount", "12345678903", "letter.senderAddress", "Postboks 1 Sentrum|0101 Oslo")));
        context.getBean(ContactStore.class).upsert(DEMO, new Contact("M-500001", Instant.parse("2026-11-01T00:00:00Z"),
                "Kari", "Nordmann", null, "+4791234567", null, new PostalAddress("Storgata 12 B", "0155", "Oslo", "NO"),
                null, null, null, null, null, null, null, Map.of("memberNo", "10001")));
        TemplateStore templates = context.getBean(TemplateStore.class);
        templates.save(DEMO, new MessageTemplate("thanks-letter", SendChannel.LETTER, "nb", null,
                "Kjære {{ firstName }}!\n\nTakk for støtten. Bruk KID {{ kid }} når du gir."));
        templates.save(DEMO, new MessageTemplate("thanks-print", SendChannel.PRINT, "nb", null,
                "Kjære {{ firstName }}, takk!"));
        templates.save(DEMO, new MessageTemplate("renew-call", SendChannel.TELEMARKETING, "nb", null,
                "Ring {{ firstName }} ({{ membershipType }}) om fornyelse."));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static SQSEvent event(String function, int receiveCount) {
        return SendRequestEvents.sample(function, receiveCount);
    }

    private static Map<String, Object> scheduledEvent() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    EventFiles.path("close-runs", "scheduled-event.json").toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> keys(String prefix) {
        return emulators.s3().listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private static byte[] object(String key) {
        return emulators.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    @Test
    void stagesSendsOnceAndTheCloseWritesLettersWithManifestPrintFilesAndTheCallList() throws IOException {
        for (String function : List.of("send-letter", "print-file", "telemarketing")) {
            SQSBatchResponse first = handler(function).handleRequest(event(function, 1), null);
            SQSBatchResponse again = handler(function).handleRequest(event(function, 2), null);
            assertThat(first.getBatchItemFailures()).as(function).isEmpty();
            assertThat(again.getBatchItemFailures()).as(function).isEmpty();
        }
        SendLedger ledger = context.getBean(SendLedger.class);
        assertThat(ledger.find("demo:E-L-1:letter:1").orElseThrow().state()).isEqualTo(SendState.SENT);
        assertThat(ledger.find("demo:E-L-1:letter:1").orElseThrow().providerMessageId())
                .isEqualTo("win-back.v1.letter.2026-11-23.1");

        CloseRunsHandler closer = new CloseRunsHandler(context);
        assertThat(closer.handleRequest(scheduledEvent(), null)).containsEntry("closed", 0);
        CLOCK.advance(Duration.ofMinutes(4));
        assertThat(closer.handleRequest(scheduledEvent(), null)).containsEntry("closed", 3).containsEntry("failed", 0);
        assertThat(closer.handleRequest(scheduledEvent(), null)).containsEntry("closed", 0);

        String drop = "drops/demo/21grams/win-back.v1.letter.2026-11-23.1/";
        assertThat(keys(drop)).containsExactly(drop + "0001.pdf", drop + "manifest.csv");
        String manifest = new String(object(drop + "manifest.csv"), StandardCharsets.UTF_8);
        assertThat(manifest.split("\r\n")).containsExactly("file,recipientName,postcode,city,country,pages,key,kid",
                "0001.pdf,Kari Nordmann,0155,Oslo,NO,1,demo:E-L-1:letter:1,000000001000108");
        try (PDDocument letter = Loader.loadPDF(object(drop + "0001.pdf"))) {
            String text = new PDFTextStripper().getText(letter);
            assertThat(text).contains("Kari Nordmann", "Storgata 12 B", "0155 Oslo", "Kjære Kari!",
                    "Bruk KID 000000001000108 når du gir.", "GIRO", "1234.56.78903", "Postboks 1 Sentrum");
        }

        assertThat(keys("demo/print/")).containsExactly("demo/print/win-back.v1.print.2026-11-23.1/print.csv",
                "demo/print/win-back.v1.print.2026-11-23.1/print.pdf");
        String printCsv = new String(object("demo/print/win-back.v1.print.2026-11-23.1/print.csv"), StandardCharsets.UTF_8);
        assertThat(printCsv).startsWith("\uFEFFkey,contactId,name,street,postcode,city,country,firstName,lastName")
                .contains("attributes.memberNo,text\r\n")
                .contains("demo:E-P-1:print:1,M-500001,Kari Nordmann,Storgata 12 B,0155,Oslo,NO,Kari,Nordmann")
                .contains("10001,\"Kjære Kari, takk!\"");

        String callList = new String(object("demo/telemarketing/win-back.v1.call.2026-11-23.1/call-list.csv"),
                StandardCharsets.UTF_8);
        assertThat(callList.split("\r\n")).containsExactly(
                "\uFEFFreference,contactId,firstName,lastName,phone,script,field.firstName,field.membershipType",
                "demo:E-T-1:call:1,M-500001,Kari,Nordmann,+4791234567,Ring Kari () om fornyelse.,Kari,");

        List<Run> runs = context.getBean(DynamoDbRunStore.class).runsOfJourney(DEMO, "win-back");
        assertThat(runs).hasSize(3).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.CLOSED);
            assertThat(run.people()).isEqualTo(1);
            assertThat(run.files()).isNotEmpty().allSatisfy(file -> {
                assertThat(file.key()).startsWith(file.key().startsWith("drops/") ? "drops/demo/" : "demo/");
                assertThat(file.link()).as("links are signed per request by the admin API, never stored").isNull();
                assertThat(file.linkExpiresAt()).isNull();
            });
        });

        // A late send of the same step that day starts the day's second run.
        SQSEvent late = event("send-letter", 1);
        late.getRecords().get(0).setBody(late.getRecords().get(0).getBody().replace("E-L-1", "E-L-2"));
        handler("send-letter").handleRequest(late, null);
        assertThat(ledger.find("demo:E-L-2:letter:1").orElseThrow().providerMessageId())
                .isEqualTo("win-back.v1.letter.2026-11-23.2");
    }

    private static com.amazonaws.services.lambda.runtime.RequestHandler<SQSEvent, SQSBatchResponse> handler(String function) {
        switch (function) {
            case "send-letter":
                return new SendLetterHandler(context);
            case "print-file":
                return new PrintFileHandler(context);
            default:
                return new TelemarketingHandler(context);
        }
    }
}
