package no.dialog.local.payments;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.aws.payment.DynamoDbPaymentLedger;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.clock.Daytime;
import no.dialog.local.sandbox.OutboxMessage;
import no.dialog.local.sandbox.VippsSandbox;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Vipps issue's "done when", through the local stack from the shipped examples: a giver gets the
 * Christmas gift SMS, opens the link, chooses an amount, approves in the Vipps sandbox; the signed webhooks
 * come back through the gateway, the gift is captured and registered against the journey, the ready-made
 * thank-you journey texts the giver, and the journey's results show the conversion and the amount. A gift
 * made in the app from an unknown number is read from the Donations report and starts the identification
 * flow (a giver candidate, thanked and asked who they are).
 */
class VippsGiftJourneyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/p/[A-Za-z0-9_-]{22}");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");
    private static final String GIVER_PHONE = "+4791110001";
    private static final String NEW_GIVER_PHONE = "+4799887766";
    private static LocalStack stack;
    private static Path examples;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        examples = template.getParent().resolve("docs/examples");
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private HttpResponse<String> send(String method, String url, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        return send(method, path, token, "application/json", json);
    }


    private static String example(String name) throws Exception {
        return Files.readString(examples.resolve(name));
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("pattern " + pattern + " in the page").isTrue();
        return m.group(m.groupCount() == 0 ? 0 : 1);
    }

    private static Optional<OutboxMessage> sms(String phone, String containing) {
        return stack.outbox().newest("demo", "sms", 500).stream()
                .filter(m -> m.recipient().equals(phone) && m.text().contains(containing)).findFirst();
    }

    /** Givers of this year, not regular donors: the gift gives the relationship that lets us text them. */
    private static List<Contact> givers() {
        ContactJson json = new ContactJson(stack.clock());
        String lastGift = LocalDate.now(stack.clock().withZone(OsloTime.ZONE)).minusMonths(2).toString();
        List<Contact> contacts = new ArrayList<>();
        String[][] people = {{"G-1", "Kari", GIVER_PHONE}, {"G-2", "Ola", "+4791110002"}, {"G-3", "Nils", "+4791110003"}};
        for (String[] p : people) {
            contacts.add(json.read("{\"id\":\"" + p[0] + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\",\"firstName\":\"" + p[1]
                    + "\",\"phone\":\"" + p[2] + "\",\"donor\":{\"regularDonor\":false,\"lastGiftDate\":\"" + lastGift
                    + "\",\"lastGiftAmountOre\":30000}}").contact());
        }
        return contacts;
    }

    @Test
    void aGiftFromTheSmsLinkIsRegisteredThankedAndCountedAndAnAppGiftFromAStrangerStartsIdentification()
            throws Exception {
        Daytime.moveIntoDaytime(stack.clock());
        var dynamoDb = stack.emulators().dynamoDb();
        var resources = stack.resources();
        new DynamoDbTenantDirectory(dynamoDb, resources.requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(DEMO, "Demo Organisation", stack.clock().instant(),
                        VippsSandbox.demoTenantSettings()));
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb, resources.requireTableName("ContactsTable"),
                stack.clock(), 2);
        contacts.upsertAll(DEMO, givers());

        String editor = MAPPER.readTree(api("GET", "/local/token?tenant=demo&roles=editor", null, null).body())
                .get("token").asText();
        assertThat(api("POST", "/admin/v1/segments", editor, example("christmas-givers.segment.json")).statusCode())
                .isEqualTo(201);
        for (String name : List.of("christmas-gift-ask.template.json", "thank-giver.template.json")) {
            HttpResponse<String> template = api("POST", "/admin/v1/templates", editor, example(name));
            assertThat(template.statusCode()).as(template.body()).isEqualTo(201);
        }
        for (String[] journey : new String[][] {{"thank-giver", "thank-giver-journey.json"},
                {"christmas", "christmas-gift-journey.json"}}) {
            String body = example(journey[1]).replaceFirst("\\{", "{\"id\": \"" + journey[0] + "\",");
            HttpResponse<String> created = api("POST", "/admin/v1/journeys", editor, body);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> active = api("POST", "/admin/v1/journeys/" + journey[0] + "/activate", editor, null);
            assertThat(active.statusCode()).as(active.body()).isEqualTo(200);
        }

        // 0. The organisation registers its register's public key: tax deduction numbers reach it only encrypted to it.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        KeyPair register = generator.generateKeyPair();
        registerPublicKey(register);

        // 1. The Christmas SMS reaches the three givers; Kari opens her link and chooses 200 kr.
        eventually(() -> sms(GIVER_PHONE, "julegave").isPresent(), "the Christmas SMS to the giver");
        String link = group(LINK, sms(GIVER_PHONE, "julegave").orElseThrow().text());
        HttpResponse<String> page = send("GET", link, null, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("form-action 'self'");
        String form = "csrf=" + enc(group(CSRF, page.body())) + "&submission=" + enc(group(SUBMISSION, page.body()))
                + "&gift=200";
        HttpResponse<String> submitted = send("POST", link, null, "application/x-www-form-urlencoded", form);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
        String vippsPage = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(vippsPage).contains("/sandbox/vipps/approve/");

        // 2. She approves in the Vipps sandbox and is sent back to her page.
        assertThat(send("GET", vippsPage, null, null, null).body()).contains("kr 200,00");
        HttpResponse<String> approved = send("POST", vippsPage, null, "application/x-www-form-urlencoded",
                "decision=approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        String back = approved.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(link).contains("?payment=");

        // 3. The signed webhooks come back; the gift is captured and registered once, against the journey.
        DynamoDbPaymentLedger ledger = new DynamoDbPaymentLedger(dynamoDb, resources.requireTableName("PaymentsTable"));
        eventually(() -> !ledger.forContact(DEMO, "G-1").isEmpty(), "the gift in the ledger");
        List<RegisteredPayment> gifts = ledger.forContact(DEMO, "G-1");
        assertThat(gifts).hasSize(1);
        assertThat(gifts.get(0).source()).isEqualTo(PaymentSource.VIPPS_EPAYMENT);
        assertThat(gifts.get(0).amountOre()).isEqualTo(20_000);
        assertThat(gifts.get(0).attribution().journeyId()).isEqualTo("christmas");
        eventually(() -> {
            try {
                return send("GET", back, null, null, null).body().contains("Tusen takk!");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the return page to say thank you");

        // 4. The thank-you journey texts her, and the Christmas journey counts the conversion with its amount.
        eventually(() -> sms(GIVER_PHONE, "Tusen takk for gaven").isPresent(), "the thank-you SMS");
        assertThat(group(LINK, sms(GIVER_PHONE, "Tusen takk for gaven").orElseThrow().text())).isNotEqualTo(link);
        // 4b. On the thank-you page she gives her national identity number for the tax deduction. Dialog keeps it
        //     sealed with the organisation's own data key; the register gets it only as a JWE to its public key.
        String thanks = group(LINK, sms(GIVER_PHONE, "Tusen takk for gaven").orElseThrow().text());
        HttpResponse<String> thanksPage = send("GET", thanks, null, null, null);
        assertThat(thanksPage.statusCode()).isEqualTo(200);
        HttpResponse<String> answered = send("POST", thanks, null, "application/x-www-form-urlencoded",
                "csrf=" + enc(group(CSRF, thanksPage.body())) + "&submission=" + enc(group(SUBMISSION, thanksPage.body()))
                        + "&contact-again=yes&tax=" + TAX_NUMBER);
        assertThat(answered.statusCode()).as(answered.body()).isLessThan(400);
        assertThat(answered.body()).doesNotContain(TAX_NUMBER);
        eventually(() -> taxDeduction().isPresent(), "TaxDeductionRequested on the bus");
        JsonNode tax = taxDeduction().orElseThrow();
        assertThat(tax.toString()).doesNotContain(TAX_NUMBER);
        assertThat(openJwe(register, tax.get("nationalIdJwe").asText())).isEqualTo(TAX_NUMBER);
        String links = resources.requireTableName("LandingLinksTable");
        List<String> sealed = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(links)).items().forEach(item -> item.forEach((name, value) -> {
            if (name.startsWith("sealed:")) {
                value.m().values().forEach(v -> sealed.add(v.s()));
            }
        }));
        assertThat(sealed).hasSize(1);
        assertThat(sealed.getFirst()).startsWith("tk1.1.").doesNotContain(TAX_NUMBER);
        var keyItems = dynamoDb.scan(b -> b.tableName(resources.requireTableName("TenantKeysTable"))).items();
        assertThat(keyItems).extracting(item -> item.get("tenant").s()).containsExactly("demo");

        eventually(() -> {
            JsonNode totals = results(editor).path("totals");
            return totals.path("goalReached").asLong() == 1 && totals.path("goalRevenueOre").asLong() == 20_000;
        }, "the conversion and the amount in the results");
        String dlq = resources.ref("VippsEventsDLQ").orElseThrow();
        assertThat(stack.emulators().sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(0)).messages())
                .as("nothing in the Vipps events DLQ").isEmpty();

        // 5. A gift in the app from a number nobody has: the Donations report poll makes a giver candidate,
        //    and the thank-you journey asks who they are.
        HttpResponse<String> appGift = api("POST", "/local/vipps/app-gift", null,
                "{\"phone\":\"" + NEW_GIVER_PHONE + "\",\"name\":\"Nora Ny\",\"amountOre\":15000}");
        assertThat(appGift.statusCode()).as(appGift.body()).isLessThan(300);
        api("POST", "/local/clock/advance?by=PT5M", null, null);
        eventually(() -> sms(NEW_GIVER_PHONE, "Tusen takk for gaven").isPresent(), "the thank-you SMS to the new giver");
        List<String> byPhone = contacts.findByPhone(DEMO, NEW_GIVER_PHONE);
        assertThat(byPhone).hasSize(1);
        assertThat(byPhone.get(0)).startsWith("candidate-");
        assertThat(ledger.forContact(DEMO, byPhone.get(0))).extracting(RegisteredPayment::source)
                .containsExactly(PaymentSource.VIPPS_APP);
        contacts.close();
    }

    private static final String TAX_NUMBER = "01010150074";

    /** Reads the settings and writes them back with the register's public key (PEM), as an admin would. */
    private void registerPublicKey(KeyPair register) throws Exception {
        String admin = MAPPER.readTree(api("GET", "/local/token?tenant=demo&roles=admin", null, null).body())
                .get("token").asText();
        HttpResponse<String> read = api("GET", "/admin/v1/settings", admin, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ObjectNode settings = (com.fasterxml.jackson.databind.node.ObjectNode)
                MAPPER.readTree(read.body());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                register.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings.get("register")).put("publicKey", pem);
        HttpResponse<String> written = browser.send(HttpRequest.newBuilder(stack.baseUri().resolve("/admin/v1/settings"))
                .PUT(HttpRequest.BodyPublishers.ofString(settings.toString())).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin)
                .header("If-Match", read.headers().firstValue("ETag").orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(MAPPER.readTree(written.body()).path("register").path("publicKeyId").asText()).isNotEmpty();
    }

    private Optional<JsonNode> taxDeduction() {
        try {
            for (JsonNode event : MAPPER.readTree(api("GET", "/local/events?tenant=demo", null, null).body())) {
                if ("TaxDeductionRequested".equals(event.path("detailType").asText())) {
                    return Optional.of(event.get("detail"));
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a compact JWE (RSA-OAEP-256, A256GCM) with the register's private key, as a JOSE library does. */
    private static String openJwe(KeyPair register, String jwe) throws Exception {
        String[] parts = jwe.split("\\.", -1);
        assertThat(parts).hasSize(5);
        java.util.Base64.Decoder d = java.util.Base64.getUrlDecoder();
        javax.crypto.Cipher rsa = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(javax.crypto.Cipher.DECRYPT_MODE, register.getPrivate(), new javax.crypto.spec.OAEPParameterSpec(
                "SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, javax.crypto.spec.PSource.PSpecified.DEFAULT));
        byte[] cek = rsa.doFinal(d.decode(parts[1]));
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(cek, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, d.decode(parts[2])));
        aes.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
        byte[] ciphertext = d.decode(parts[3]);
        byte[] tag = d.decode(parts[4]);
        byte[] both = java.util.Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
        System.arraycopy(tag, 0, both, ciphertext.length, tag.length);
        return new String(aes.doFinal(both), StandardCharsets.UTF_8);
    }

    private JsonNode results(String token) {
        try {
            return MAPPER.readTree(api("GET", "/admin/v1/journeys/christmas/results", token, null).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
