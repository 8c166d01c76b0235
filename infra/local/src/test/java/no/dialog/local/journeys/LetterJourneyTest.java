package no.dialog.local.journeys;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.template.TemplateFiles;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A letter step through the local stack: segment → journey → send-letter queue → the real send-letter
 * function stages each letter in the day's run → the close-runs schedule (moved on with the local clock)
 * writes one PDF per person and the manifest into the tenant's 21Grams drop in the exports bucket. The files
 * show in the outbox, download through {@code /local/files}, and the admin API lists the run with a presigned
 * link that downloads from the local S3.
 */
class LetterJourneyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TenantId TENANT = TenantId.of("letters");
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token() throws Exception {
        return MAPPER.readTree(send("GET", "/local/token?tenant=letters&roles=editor", null, null).body())
                .get("token").asText();
    }

    private static String exports() {
        return stack.resources().ref("ExportsBucket").orElseThrow();
    }

    private static List<String> keys(String prefix) {
        return stack.emulators().s3().listObjectsV2(b -> b.bucket(exports()).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private static byte[] object(String key) {
        return stack.emulators().s3().getObjectAsBytes(b -> b.bucket(exports()).key(key)).asByteArray();
    }


    private static List<Contact> members() {
        ContactJson json = new ContactJson(stack.clock());
        List<Contact> contacts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            contacts.add(json.read("{\"id\":\"L-" + i + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\",\"firstName\":\"Åse\","
                    + "\"lastName\":\"Medlem " + i + "\",\"address\":{\"street\":\"Storgata " + i + "\",\"postcode\":\"015" + i
                    + "\",\"city\":\"Oslo\",\"country\":\"NO\"},\"memberships\":[{\"type\":\"ordinary\",\"status\":\"active\"}]}")
                    .contact());
        }
        // No postal address: not sendable as a letter, so not in the drop.
        contacts.add(json.read("{\"id\":\"L-4\",\"updatedAt\":\"2026-11-01T10:00:00Z\",\"firstName\":\"Per\","
                + "\"memberships\":[{\"type\":\"ordinary\",\"status\":\"active\"}]}").contact());
        return contacts;
    }

    @Test
    void aLetterStepEndsAsOnePdfPerPersonAndAManifestInTheDrop() throws Exception {
        var dynamoDb = stack.emulators().dynamoDb();
        new DynamoDbTenantDirectory(dynamoDb, stack.resources().requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(TENANT, "Brevforeningen", stack.clock().instant(),
                        Map.of("letter.giroAccount", "12345678903", "letter.senderAddress", "Postboks 7|0101 Oslo")));
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb,
                stack.resources().requireTableName("ContactsTable"), stack.clock(), 2);
        contacts.upsertAll(TENANT, members());
        contacts.close();

        String editor = token();
        assertThat(send("POST", "/admin/v1/segments", editor, """
                {"id":"members","name":"Medlemmer","criteria":{"all":[
                  {"field":"membership.status","op":"equals","value":"active"}]}}""").statusCode()).isEqualTo(201);
        HttpResponse<String> template = send("POST", "/admin/v1/templates", editor, """
                {"id":"renew-letter","channel":"letter","language":"nb",
                 "body":"Kjære {{ firstName }}!\\n\\nTakk for at du er medlem. Bruk KID {{ kid }}."}""");
        assertThat(template.statusCode()).as(template.body()).isEqualTo(201);
        HttpResponse<String> journey = send("POST", "/admin/v1/journeys", editor, """
                {"id":"renewal","name":"Fornyelse",
                 "trigger":{"type":"campaign","segmentId":"members","startAt":null},
                 "entry":{"reenterAfterExit":false,"maxEnrolments":null},
                 "goal":{"signal":{"type":"paid","sameJourney":true},"window":"P30D","exitOnGoal":false},
                 "start":"letter",
                 "steps":[{"id":"letter","type":"send","channel":"letter","templateId":"renew-letter","next":"done"},
                          {"id":"done","type":"exit"}]}""");
        assertThat(journey.statusCode()).as(journey.body()).isEqualTo(201);
        HttpResponse<String> activated = send("POST", "/admin/v1/journeys/renewal/activate", editor, null);
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

        String day = java.time.LocalDate.ofInstant(stack.clock().instant().plus(Duration.ofMinutes(1)),
                java.time.ZoneId.of("Europe/Oslo")).toString();
        String drop = "drops/letters/21grams/renewal.v1.letter." + day + ".1/";
        stack.clock().advance(Duration.ofMinutes(1));
        // Long work shows on the console and in /health: the segment snapshot segmentation wrote, the run staged.
        eventually(() -> stack.readiness().work().stream().anyMatch(w -> w.kind().equals("run")
                && w.what().equals("letter run renewal.v1.letter." + day + ".1") && w.state().equals("open")
                && w.detail().startsWith("3 people staged")), "the open letter run with its 3 people in the work list");
        assertThat(stack.readiness().work()).anyMatch(w -> w.kind().equals("snapshot") && w.tenant().equals("letters"));
        assertThat(send("GET", "/local/", null, null).body()).contains("letter run renewal.v1.letter." + day + ".1");
        // The close-runs schedule fires every 5 minutes and closes runs quiet for 3: move on until a closer has
        // taken the run, then let it write (moving on further would only start more ticks while it writes).
        String what = "letter run renewal.v1.letter." + day + ".1";
        for (int i = 0; i < 6 && stack.readiness().work().stream().anyMatch(w -> w.what().equals(what)
                && w.state().equals("open")); i++) {
            Thread.sleep(3000);
            stack.clock().advance(Duration.ofMinutes(5));
        }
        eventually(() -> keys(drop).contains(drop + "manifest.csv"), "the manifest in the drop");

        eventually(() -> stack.readiness().work().stream().noneMatch(w -> w.kind().equals("run")),
                "the closed run gone from the work list");
        assertThat(keys(drop)).containsExactly(drop + "0001.pdf", drop + "0002.pdf", drop + "0003.pdf",
                drop + "manifest.csv");
        String manifest = new String(object(drop + "manifest.csv"), StandardCharsets.UTF_8);
        assertThat(manifest.split("\r\n")).hasSize(4).contains("file,recipientName,postcode,city,country,pages,key,kid");
        assertThat(manifest).contains("Åse Medlem 1,0151,Oslo", "Åse Medlem 2,0152,Oslo", "Åse Medlem 3,0153,Oslo")
                .doesNotContain("Per");
        try (PDDocument pdf = Loader.loadPDF(object(drop + "0001.pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Brevforeningen", "Postboks 7", "Kjære Åse!", "GIRO", "1234.56.78903")
                    .containsPattern("Bruk KID \\d{15}\\.");
        }
        String runId = "renewal.v1.letter." + day + ".1";
        // Each file once: a closer that took the run keeps it while it writes, so no second one writes it again
        // (the outbox keeps one entry per key, as the drop holds one file per key even when a PUT was retried).
        eventually(() -> outboxFiles().size() >= 4, "the drop's files in the outbox");
        assertThat(outboxFiles()).extracting(entry -> entry.get("text").asText())
                .containsExactlyInAnyOrder("0001.pdf", "0002.pdf", "0003.pdf", "manifest.csv");
        JsonNode pdfEntry = null;
        for (JsonNode entry : outboxFiles()) {
            assertThat(entry.get("tenant").asText()).isEqualTo("letters");
            assertThat(entry.get("runId").asText()).isEqualTo(runId);
            if (entry.get("text").asText().equals("0001.pdf")) {
                pdfEntry = entry;
            }
        }
        assertThat(pdfEntry).as("outbox entry of 0001.pdf").isNotNull();
        assertThat(pdfEntry.get("link").asText()).isEqualTo("/local/files?key=" + java.net.URLEncoder.encode(
                drop + "0001.pdf", StandardCharsets.UTF_8));

        // The console links the file.
        assertThat(send("GET", "/local/", null, null).body())
                .contains("<a href=\"" + pdfEntry.get("link").asText() + "\" target=\"_blank\">0001.pdf</a>");

        HttpResponse<byte[]> downloaded = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve(
                pdfEntry.get("link").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(downloaded.body()).isEqualTo(object(drop + "0001.pdf"));
        assertThat(send("GET", "/local/files?key=" + java.net.URLEncoder.encode(drop + "../../x/manifest.csv",
                StandardCharsets.UTF_8), null, null).statusCode()).isEqualTo(400);

        // The admin API lists the run with a link signed now, which downloads from the local S3 (S3Proxy).
        HttpResponse<String> files = send("GET", "/admin/v1/journeys/renewal/files", token(), null);
        assertThat(files.statusCode()).as(files.body()).isEqualTo(200);
        JsonNode run = MAPPER.readTree(files.body()).get("runs").get(0);
        assertThat(run.get("runId").asText()).isEqualTo(runId);
        assertThat(run.get("state").asText()).isEqualTo("closed");
        assertThat(run.get("people").asInt()).isEqualTo(3);
        JsonNode manifestFile = run.get("files").get(0);
        assertThat(manifestFile.get("key").asText()).isEqualTo(drop + "manifest.csv");
        HttpResponse<String> presigned = HTTP.send(HttpRequest.newBuilder(java.net.URI.create(
                manifestFile.get("link").asText())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(presigned.statusCode()).as(presigned.body()).isEqualTo(200);
        assertThat(presigned.body()).isEqualTo(manifest);
    }

    /** The outbox's entries for the letter channel of this test's tenant. */
    private static List<JsonNode> outboxFiles() {
        try {
            List<JsonNode> entries = new ArrayList<>();
            MAPPER.readTree(send("GET", "/local/outbox?channel=letter&tenant=letters", null, null).body())
                    .forEach(entries::add);
            return entries;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
