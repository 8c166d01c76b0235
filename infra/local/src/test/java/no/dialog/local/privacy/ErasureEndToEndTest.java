package no.dialog.local.privacy;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.aws.payment.DynamoDbPaymentLedger;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.clock.Daytime;
import no.dialog.local.sandbox.OutboxMessage;
import no.dialog.local.sandbox.VippsSandbox;
import no.dialog.local.template.TemplateFiles;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The issue's erase test through the local stack: a person with identifiers found nowhere else (name, phone,
 * e-mail, national identity number) arrives in a contact file, gets an SMS with a personal link, answers with
 * their national identity number and gives through the Vipps sandbox, and gets a letter; then an admin erases
 * them ({@code POST /admin/v1/contacts/{id}/erase}), the erasure is followed to done through
 * {@code GET /admin/v1/erasures/{id}}, and every table of DynamoDB Local and every object of every bucket
 * (PDFs as text, gzip unpacked) is scanned for the identifiers. Before the erasure the same scan finds them
 * (so it can see them), and the person's export taken then shows every place it found; after it, nothing
 * may be left. Payments are pseudonymised, not deleted: amount,
 * KID and reference stay, and none of them is an identifier.
 */
class ErasureEndToEndTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/p/[A-Za-z0-9_-]{22}");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

    private static final String CONTACT_ID = "ERASE-1";
    private static final String FIRST_NAME = "Sigrunnqx";
    private static final String LAST_NAME = "Glemmestadzy";
    private static final String PHONE = "+4798765431";
    private static final String EMAIL = "sigrunnqx.glemmestadzy@example.no";
    private static final String NATIONAL_ID = "17078510048";
    /** Each identifier as it may be stored: the phone in E.164 and as the national number. */
    private static final Map<String, String> IDENTIFIERS = new LinkedHashMap<>();

    static {
        IDENTIFIERS.put("first name", FIRST_NAME.toLowerCase(Locale.ROOT));
        IDENTIFIERS.put("last name", LAST_NAME.toLowerCase(Locale.ROOT));
        IDENTIFIERS.put("phone", PHONE.substring(3));
        IDENTIFIERS.put("e-mail", EMAIL);
        IDENTIFIERS.put("national identity number", NATIONAL_ID);
    }

    private static LocalStack stack;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anErasedPersonIsFoundInNoTableAndNoObject() throws Exception {
        // Given a person who went through an SMS with a link, gave their national identity number, gave a gift
        // through Vipps and got a letter.
        Daytime.moveIntoDaytime(stack.clock());
        var dynamoDb = stack.emulators().dynamoDb();
        Map<String, String> settings = new LinkedHashMap<>(VippsSandbox.demoTenantSettings());
        settings.put("letter.giroAccount", "12345678903");
        settings.put("letter.senderAddress", "Postboks 7|0101 Oslo");
        new DynamoDbTenantDirectory(dynamoDb, stack.resources().requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(DEMO, "Demo Organisation", stack.clock().instant(), settings));
        importContactFile();

        String editor = token("editor");
        created(api("POST", "/admin/v1/segments", editor, """
                {"id":"active-members","name":"Aktive","criteria":{"all":[
                  {"field":"membership.status","op":"equals","value":"active"}]}}"""));
        created(api("POST", "/admin/v1/templates", editor, """
                {"id":"ask-sms","channel":"sms","language":"nb",
                 "body":"Hei {{ firstName }}! Vil du gi og få skattefradrag? {{ link }}"}"""));
        created(api("POST", "/admin/v1/templates", editor, """
                {"id":"thanks-letter","channel":"letter","language":"nb",
                 "body":"Kjære {{ firstName }} {{ lastName }}!\\n\\nTakk for gaven. KID {{ kid }}."}"""));
        created(api("POST", "/admin/v1/journeys", editor, """
                {"id":"erase-journey","name":"Gave og brev",
                 "trigger":{"type":"campaign","segmentId":"active-members","startAt":null},
                 "entry":{"reenterAfterExit":false,"maxEnrolments":null},
                 "goal":{"signal":{"type":"paid","where":{"kind":"gift"},"sameJourney":true},"window":"P30D",
                         "exitOnGoal":false},
                 "start":"ask",
                 "steps":[
                   {"id":"ask","type":"send","channel":"sms","templateId":"ask-sms","next":"wait-gift",
                    "page":{"title":{"nb":"Gi en gave"},"oneTime":false,"questions":[
                      {"id":"taxid","type":"tax-id","required":true,"label":{"nb":"Fødselsnummer"}},
                      {"id":"gift","type":"give","required":true,"label":{"nb":"Hvor mye?"},
                       "choices":[{"value":"200"},{"value":"500"}]}]}},
                   {"id":"wait-gift","type":"waitForSignal","signal":{"type":"paid","where":{"kind":"gift"},
                    "sameJourney":true},"timeout":"P14D","next":"letter","timeoutNext":"letter"},
                   {"id":"letter","type":"send","channel":"letter","templateId":"thanks-letter","next":"done"},
                   {"id":"done","type":"exit"}]}"""));
        HttpResponse<String> active = api("POST", "/admin/v1/journeys/erase-journey/activate", editor, null);
        assertThat(active.statusCode()).as(active.body()).isEqualTo(200);
        stack.clock().advance(Duration.ofMinutes(1));

        eventually(() -> sms().size() == 1, "the SMS with the personal link");
        String link = group(LINK, sms().getFirst().text());
        HttpResponse<String> page = send("GET", link, null, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        String form = "csrf=" + enc(group(CSRF, page.body())) + "&submission=" + enc(group(SUBMISSION, page.body()))
                + "&taxid=" + NATIONAL_ID + "&gift=200";
        HttpResponse<String> submitted = send("POST", link, null, "application/x-www-form-urlencoded", form);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
        String vippsPage = submitted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> approved = send("POST", vippsPage, null, "application/x-www-form-urlencoded",
                "decision=approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        DynamoDbPaymentLedger ledger = new DynamoDbPaymentLedger(dynamoDb,
                stack.resources().requireTableName("PaymentsTable"));
        eventually(() -> !ledger.forContact(DEMO, CONTACT_ID).isEmpty(), "the gift in the ledger");

        // The gift ends the wait; the letter is staged, and the close-runs schedule writes its run files.
        String exports = stack.resources().ref("ExportsBucket").orElseThrow();
        for (int i = 0; i < 12 && keys(exports).stream().noneMatch(k -> k.endsWith(".pdf")); i++) {
            Thread.sleep(2500);
            stack.clock().advance(Duration.ofMinutes(5));
        }
        eventually(() -> keys(exports).stream().anyMatch(k -> k.endsWith("manifest.csv")), "the letter's run files");

        Map<String, List<String>> before = scan();
        assertThat(before).as("the scan sees the person before the erasure")
                .containsKeys("first name", "last name", "phone", "e-mail");
        // The national identity number is never stored as typed: it is sealed in the person's link item.
        assertThat(sealedNumbers()).as("the sealed national identity number in the person's link").isNotEmpty();

        // The export taken now (GDPR art. 15) shows every place the scan found them.
        JsonNode export = json(api("GET", "/admin/v1/contacts/" + CONTACT_ID + "/export", token("admin"), null));
        assertThat(notInTheExport(before, export)).as("places the scan found the person that the export does not show")
                .isEmpty();

        // When an admin erases them.
        HttpResponse<String> accepted = api("POST", "/admin/v1/contacts/" + CONTACT_ID + "/erase", token("admin"), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String admin = token("admin");
        JsonNode[] erasure = new JsonNode[1];
        eventually(() -> {
            try {
                erasure[0] = json(api("GET", location, admin, null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return erasure[0].path("state").asText().equals("done");
        }, "the erasure to be done");
        assertThat(erasure[0].get("erased").findValuesAsText("store"))
                .startsWith("giver-candidates", "unmatched-payments", "contacts", "enrolments", "send-ledger",
                        "landing-links");
        assertThat(erasure[0].toString()).doesNotContain(FIRST_NAME, LAST_NAME, PHONE, EMAIL, NATIONAL_ID);

        // Then no table and no object holds any of their identifiers.
        assertThat(sealedNumbers()).as("sealed numbers left in the person's links").isEmpty();
        Map<String, List<String>> left = scan();
        assertThat(left).as("identifiers of the erased person still found (identifier -> table/bucket and key)")
                .isEmpty();
    }

    /**
     * Each place the scan found the person, unless the export shows it: a table's item through the export's
     * part for that table, an exports-bucket object by its key (run files are named, not included). Import
     * files and segment snapshots are copies of the register's rows the export's {@code contact} already
     * shows; the export names them in its notes rather than listing the objects, which this checks too.
     */
    private static List<String> notInTheExport(Map<String, List<String>> found, JsonNode export) {
        Map<String, List<String>> parts = Map.of(
                stack.resources().requireTableName("ContactsTable"), List.of("contact"),
                stack.resources().requireTableName("EnrolmentsTable"), List.of("enrolments", "behaviour", "frequencyCaps"),
                stack.resources().requireTableName("SendLedgerTable"), List.of("messages"),
                stack.resources().requireTableName("LandingLinksTable"), List.of("landingLinks"),
                stack.resources().requireTableName("PaymentsTable"), List.of("payments", "unmatchedPayments", "giverCandidates"),
                stack.resources().requireTableName("RunFilesTable"), List.of("runItems"));
        String exports = stack.resources().ref("ExportsBucket").orElseThrow();
        String copies = export.path("notes").toString();
        String text = export.toString();
        List<String> missing = new ArrayList<>();
        found.forEach((identifier, places) -> {
            if (!text.toLowerCase(Locale.ROOT).contains(IDENTIFIERS.get(identifier))) {
                missing.add(identifier + ": the export does not hold it");
            }
            for (String place : places) {
                String store = place.substring(0, place.indexOf(' '));
                String key = place.substring(place.indexOf(' ') + 1);
                boolean shown;
                if (parts.containsKey(store)) {
                    shown = parts.get(store).stream().anyMatch(part -> export.hasNonNull(part)
                            && !(export.get(part).isContainerNode() && export.get(part).isEmpty()));
                } else if (store.equals(exports)) {
                    shown = text.contains(key);
                } else if (store.equals(stack.importsBucket())) {
                    shown = copies.contains("import files");
                } else if (store.equals(stack.resources().ref("SnapshotsBucket").orElseThrow())) {
                    shown = copies.contains("segment snapshots");
                } else {
                    shown = false;
                }
                if (!shown) {
                    missing.add(identifier + " in " + place);
                }
            }
        });
        return missing;
    }

    /** The person (and someone who stays) arrive the way the register sends people: a contact file. */
    private static void importContactFile() throws InterruptedException {
        String file = """
                {"id":"%s","updatedAt":"2026-11-01T10:00:00Z","firstName":"%s","lastName":"%s","phone":"%s",\
                "email":"%s","address":{"street":"Glemselveien 3","postcode":"0151","city":"Oslo","country":"NO"},\
                "consents":{"sms":{"granted":true,"source":"register","at":"2026-01-01T00:00:00Z"}},\
                "memberships":[{"type":"ordinary","status":"active"}]}
                {"id":"STAYS-1","updatedAt":"2026-11-01T10:00:00Z","firstName":"Kari","lastName":"Blir",\
                "phone":"+4791110009","address":{"street":"Storgata 9","postcode":"0152","city":"Oslo","country":"NO"},\
                "memberships":[{"type":"ordinary","status":"active"}]}
                """.formatted(CONTACT_ID, FIRST_NAME, LAST_NAME, PHONE, EMAIL);
        stack.emulators().s3().putObject(b -> b.bucket(stack.importsBucket()).key("demo/contacts/erase-test.ndjson"),
                RequestBody.fromString(file));
        DynamoDbContactStore contacts = new DynamoDbContactStore(stack.emulators().dynamoDb(),
                stack.resources().requireTableName("ContactsTable"), stack.clock(), 2);
        eventually(() -> contacts.find(DEMO, CONTACT_ID).isPresent() && contacts.find(DEMO, "STAYS-1").isPresent(),
                "the contact file imported");
        contacts.close();
    }

    /** The sealed answers ({@code sealed:<submission>} maps) of the person's link items. */
    private static List<String> sealedNumbers() {
        String links = stack.resources().requireTableName("LandingLinksTable");
        return stack.emulators().dynamoDb().scanPaginator(b -> b.tableName(links)).items().stream()
                .filter(item -> item.containsKey("contactKey") && item.get("contactKey").s().equals("demo#" + CONTACT_ID))
                .flatMap(item -> item.keySet().stream().filter(name -> name.startsWith("sealed:"))
                        .map(name -> item.get(name).toString()))
                .toList();
    }

    /** Every table and every object, searched for each identifier: identifier -> where it was found. */
    private static Map<String, List<String>> scan() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        var dynamoDb = stack.emulators().dynamoDb();
        for (String table : dynamoDb.listTablesPaginator(b -> {}).tableNames()) {
            for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(b -> b.tableName(table)).items()) {
                String text = item.toString().toLowerCase(Locale.ROOT);
                note(found, text, table + " " + keyOf(item));
            }
        }
        var s3 = stack.emulators().s3();
        for (var bucket : s3.listBuckets().buckets()) {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket.name())).contents()) {
                byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key(object.key())).asByteArray();
                note(found, readable(bytes).toLowerCase(Locale.ROOT), bucket.name() + " " + object.key());
            }
        }
        return found;
    }

    private static void note(Map<String, List<String>> found, String text, String where) {
        IDENTIFIERS.forEach((name, value) -> {
            if (text.contains(value)) {
                found.computeIfAbsent(name, k -> new ArrayList<>()).add(where);
            }
        });
    }

    private static String keyOf(Map<String, AttributeValue> item) {
        StringBuilder key = new StringBuilder();
        for (String name : List.of("pk", "sk", "tenant")) {
            if (item.containsKey(name) && item.get(name).s() != null) {
                key.append(name).append('=').append(item.get(name).s()).append(' ');
            }
        }
        return key.toString().strip();
    }

    /** The text a person could read in an object: a PDF's text, a gzip's content, or the bytes as UTF-8. */
    private static String readable(byte[] bytes) {
        try {
            if (bytes.length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
                try (PDDocument pdf = Loader.loadPDF(bytes)) {
                    return new PDFTextStripper().getText(pdf);
                }
            }
            if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> keys(String bucket) {
        return stack.emulators().s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key).toList();
    }

    private static List<OutboxMessage> sms() {
        return stack.outbox().newest("demo", "sms", 50).stream().filter(m -> m.recipient().equals(PHONE)).toList();
    }

    private String token(String roles) throws Exception {
        return json(send("GET", "/local/token?tenant=demo&roles=" + roles, null, null, null)).get("token").asText();
    }

    private HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        return send(method, path, token, json == null ? null : "application/json", json);
    }

    private HttpResponse<String> send(String method, String url, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("pattern " + pattern + " in " + text).isTrue();
        return m.group(m.groupCount() == 0 ? 0 : 1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
