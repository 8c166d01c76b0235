package no.dialog.local.library;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbEnrolmentStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.clock.Daytime;
import no.dialog.local.sandbox.OutboxMessage;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every journey of the library (docs/library.md) run once through the local stack, on one stack: an organisation
 * with two people in each journey's segment (and in no other), each journey made from the library through the admin
 * API and activated; the first message of each goes out; one person of each pair responds the way the journey's
 * goal asks (an answer on its landing page, an invoice paid, a gift, a Vipps agreement, a membership started
 * again) and reaches the goal; the other does not, and ten days later is on the journey's next step.
 */
class LibraryJourneysTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TENANT_NAME = "Libraria";
    private static final TenantId TENANT = TenantId.of(TENANT_NAME.toLowerCase());
    private static LocalStack stack;

    /**
     * One library journey in the run: who is in its segment, the channel of its first message, the response that
     * reaches its goal (type, attributes, and whether it carries the journey), and where a person who does not
     * respond is after ten days (the step they are at or have passed, and how many messages went out by then).
     */
    private record Run(String id, String prefix, String firstChannel, String signalType, Map<String, String> attributes,
                       boolean sameJourney, Set<String> laterSteps, Set<Long> queuedAfterTenDays) {
        String responder() {
            return prefix + "-1";
        }

        String silent() {
            return prefix + "-2";
        }
    }

    private static final List<Run> RUNS = List.of(
            new Run("welcome", "W", "email", "answered", Map.of("question", "keep-in-touch", "value", "yes"), true,
                    Set.of("wait-end"), Set.of(3L)),
            new Run("payment-reminder", "P", "sms", "paid", Map.of("kind", "invoice", "amountOre", "45000"), false,
                    Set.of("wait-pay-again"), Set.of(3L)),
            new Run("new-member-payment", "N", "email", "paid", Map.of("kind", "invoice", "amountOre", "45000"), false,
                    Set.of("wait-pay-again"), Set.of(3L)),
            new Run("regular-giver", "G", "sms", "agreement-activated", Map.of("agreementId", "agr-1"), false,
                    Set.of("wait-yes-again"), Set.of(3L)),
            new Run("upgrade", "U", "sms", "answered", Map.of("question", "upgrade", "value", "family"), true,
                    Set.of("wait-end"), Set.of(3L)),
            new Run("renewal", "R", "email", "paid", Map.of("kind", "invoice", "amountOre", "45000"), false,
                    Set.of("wait-pay-again"), Set.of(3L)),
            new Run("insight", "I", "email", "answered", Map.of("question", "newsletter", "value", "yes"), true,
                    Set.of("wait-end"), Set.of(3L)),
            // After a week without a gift the call waits for a weekday at 17:00 (then the calling window): when the
            // test runs just before 17:00 on a weekday, the call is queued within the run too.
            new Run("dropout-prevention", "D", "sms", "paid", Map.of("kind", "gift", "amountOre", "20000"), false,
                    Set.of("after-work", "call", "wait-end"), Set.of(2L, 3L)),
            new Run("win-back", "B", "email", "MembershipStarted", Map.of("membershipType", "ordinary"), false,
                    Set.of("wait-back-again"), Set.of(3L)),
            new Run("rekindling", "K", "sms", "paid", Map.of("kind", "gift", "amountOre", "50000"), false,
                    Set.of("wait-end"), Set.of(3L)));

    @BeforeAll
    static void start() {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void everyLibraryJourneyInstantiatesRunsAndReachesItsGoalForThoseWhoRespond() throws Exception {
        // SMS outside quiet hours wait for the morning: start in the day, so the first messages go at once.
        Daytime.moveIntoDaytime(stack.clock());
        LocalDate today = LocalDate.now(stack.clock().withZone(OsloTime.ZONE));
        var dynamoDb = stack.emulators().dynamoDb();
        var resources = stack.resources();
        new DynamoDbTenantDirectory(dynamoDb, resources.requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(TENANT, TENANT_NAME, stack.clock().instant(), Map.of(
                        "email.from", "post@libraria.example", "price.sms", "45", "price.email", "2000",
                        "price.letter", "1400", "price.telemarketing", "3500", "letter.giroAccount", "86011117947")));
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb, resources.requireTableName("ContactsTable"),
                stack.clock(), 2);
        contacts.upsertAll(TENANT, contacts(today));
        contacts.close();

        String editor = token("editor");
        HttpResponse<String> list = send("GET", "/admin/v1/library", token("viewer"), null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        MAPPER.readTree(list.body()).get("items").forEach(item -> listed.add(item.get("id").asText()));
        assertThat(listed).containsExactlyElementsOf(RUNS.stream().map(Run::id).toList());

        for (Run run : RUNS) {
            HttpResponse<String> made = send("POST", "/admin/v1/library/" + run.id() + "/instantiate", editor, null);
            assertThat(made.statusCode()).as(run.id() + ": " + made.body()).isEqualTo(201);
            assertThat(MAPPER.readTree(made.body()).get("warnings")).as(run.id()).isEmpty();
            // Each segment holds exactly its pair, so every goal below is this journey's alone.
            JsonNode preview = MAPPER.readTree(send("GET", "/admin/v1/segments/" + run.id() + "/preview", editor, null).body());
            Set<String> sample = new HashSet<>();
            preview.get("sample").forEach(s -> sample.add(s.get("id").asText()));
            assertThat(sample).as(run.id() + " segment").containsExactlyInAnyOrder(run.responder(), run.silent());
            HttpResponse<String> activated = send("POST", "/admin/v1/journeys/" + run.id() + "/activate", editor, null);
            assertThat(activated.statusCode()).as(run.id() + ": " + activated.body()).isEqualTo(200);
        }

        EnrolmentStore enrolments = new DynamoDbEnrolmentStore(dynamoDb, resources.requireTableName("EnrolmentsTable"));
        // The segmentation schedule runs every minute; moving the clock a minute on fires it now.
        stack.clock().advance(Duration.ofMinutes(1));
        for (Run run : RUNS) {
            eventually(() -> count(enrolments, run.id(), ResultCounter.QUEUED) == 2, run.id() + ": the first message to both");
        }
        for (Run run : RUNS) {
            Set<String> recipients = new HashSet<>(List.of(recipient(run, run.responder()), recipient(run, run.silent())));
            eventually(() -> stack.outbox().newest(TENANT.value(), run.firstChannel(), 1000).stream()
                    .map(OutboxMessage::recipient).filter(recipients::contains).distinct().count() == 2,
                    run.id() + ": both first messages in the " + run.firstChannel() + " outbox");
        }

        for (Run run : RUNS) {
            respond(run);
        }
        for (Run run : RUNS) {
            eventually(() -> count(enrolments, run.id(), ResultCounter.GOAL_REACHED) == 1, run.id() + ": the goal reached");
        }

        // Ten days on: those who did not respond are further along, one or more messages later.
        stack.clock().advance(Duration.ofDays(10).plusMinutes(1));
        for (Run run : RUNS) {
            eventually(() -> run.laterSteps().contains(enrolments.latest(TENANT, run.silent(), run.id())
                    .map(Enrolment::stepId).orElse("")), run.id() + ": the silent one on to " + run.laterSteps());
            eventually(() -> run.queuedAfterTenDays().contains(count(enrolments, run.id(), ResultCounter.QUEUED)),
                    run.id() + ": " + run.queuedAfterTenDays() + " messages queued in all");
        }

        // The results each journey shows: the responder reached the goal and left; the other did not.
        String viewer = token("viewer");   // the clock moved ten days: a fresh token
        for (Run run : RUNS) {
            HttpResponse<String> results = send("GET", "/admin/v1/journeys/" + run.id() + "/results", viewer, null);
            assertThat(results.statusCode()).as(results.body()).isEqualTo(200);
            JsonNode totals = MAPPER.readTree(results.body()).get("totals");
            assertThat(totals.get("enrolled").asLong()).as(run.id()).isEqualTo(2);
            assertThat(totals.get("goalReached").asLong()).as(run.id()).isEqualTo(1);
            assertThat(run.queuedAfterTenDays()).as(run.id() + " queued").contains(totals.get("queued").asLong());
            Enrolment responder = enrolments.latest(TENANT, run.responder(), run.id()).orElseThrow();
            assertThat(responder.goalReachedAt()).as(run.id()).isNotNull();
            assertThat(responder.exitReason()).as(run.id()).isEqualTo("goal");
            assertThat(enrolments.latest(TENANT, run.silent(), run.id()).orElseThrow().goalReachedAt()).as(run.id()).isNull();
        }
        // Nothing the journeys asked for was given up on: no step, response or send in a dead-letter queue.
        for (String dlq : List.of("SegmentJobsDLQ", "JourneyStepsDLQ", "ResponsesDLQ", "SendSmsDLQ", "SendEmailDLQ",
                "SendLetterDLQ", "SendTelemarketingDLQ")) {
            String url = resources.ref(dlq).orElseThrow();
            assertThat(stack.emulators().sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0)).messages())
                    .as(dlq).isEmpty();
        }
    }

    /** The response the journey's goal waits for, as the landing page, the payment paths and the register send it. */
    private static void respond(Run run) throws Exception {
        var body = MAPPER.createObjectNode().put("tenant", TENANT.value()).put("type", run.signalType())
                .put("contactId", run.responder());
        if (run.sameJourney()) {
            body.put("journeyId", run.id());
        }
        var attributes = body.putObject("attributes");
        run.attributes().forEach(attributes::put);
        HttpResponse<String> signal = send("POST", "/local/signals", null, body.toString());
        assertThat(signal.statusCode()).as(signal.body()).isEqualTo(202);
    }

    private static long count(EnrolmentStore enrolments, String journey, ResultCounter counter) {
        return enrolments.results(TENANT, journey).stream().filter(r -> r.key().counter() == counter)
                .mapToLong(EnrolmentStore.ResultCount::count).sum();
    }

    private static String recipient(Run run, String contactId) {
        return run.firstChannel().equals("email") ? email(contactId) : phone(contactId);
    }

    private static String email(String contactId) {
        return contactId.toLowerCase() + "@example.org";
    }

    /** A distinct mobile number per contact: W-1 is +4791208701 (the letter's code and the number). */
    private static String phone(String contactId) {
        return "+47912" + String.format("%03d%02d", (int) contactId.charAt(0), contactId.charAt(2) - '0');
    }

    /** Two people per journey, each in its segment and in no other (checked by the previews above). */
    private static List<Contact> contacts(LocalDate today) {
        ContactJson json = new ContactJson(stack.clock());
        List<Contact> contacts = new ArrayList<>();
        for (String n : List.of("1", "2")) {
            // welcome: joined ten days ago (a family membership: the upgrade is for personal members).
            contacts.add(json.read(person("W-" + n, true, true, membership("family", "active", today.minusDays(10),
                    today.plusDays(300)), null, false)).contact());
            // payment-reminder: a member for over a year whose fee is overdue.
            contacts.add(json.read(person("P-" + n, true, true, membership("family", "active", today.minusDays(400),
                    today.minusDays(20)), null, false)).contact());
            // new-member-payment: joined, first fee not yet paid (pending in the register).
            contacts.add(json.read(person("N-" + n, true, true, membership("ordinary", "pending", today.minusDays(5),
                    null), null, true)).contact());
            // regular-giver: gave once this year, no e-mail address.
            contacts.add(json.read(person("G-" + n, true, false, null, donor(false, today.minusDays(100), 50_000), false))
                    .contact());
            // upgrade: a personal member for two years, paid for the year.
            contacts.add(json.read(person("U-" + n, true, true, membership("ordinary", "active", today.minusDays(800),
                    today.plusDays(200)), null, false)).contact());
            // renewal: a family member whose paid period ends in three weeks.
            contacts.add(json.read(person("R-" + n, true, true, membership("family", "active", today.minusDays(800),
                    today.plusDays(20)), null, false)).contact());
            // insight: a giver this year with an e-mail consent and no mobile number.
            contacts.add(json.read(person("I-" + n, false, true, null, donor(false, today.minusDays(100), 30_000), true))
                    .contact());
            // dropout-prevention: a regular donor with no gift for two months.
            contacts.add(json.read(person("D-" + n, true, false, null, donor(true, today.minusDays(60), 20_000), false))
                    .contact());
            // win-back: a member whose membership lapsed a hundred days ago.
            contacts.add(json.read(person("B-" + n, true, true, membership("ordinary", "lapsed", today.minusDays(1000),
                    today.minusDays(100)), null, true)).contact());
            // rekindling: gave a year and a half ago, not since.
            contacts.add(json.read(person("K-" + n, true, false, null, donor(false, today.minusDays(500), 0), true))
                    .contact());
        }
        return contacts;
    }

    private static String person(String id, boolean withPhone, boolean withEmail, String membership, String donor,
                                 boolean consents) {
        StringBuilder c = new StringBuilder("{\"id\":\"" + id + "\",\"updatedAt\":\"2026-11-01T10:00:00Z\","
                + "\"firstName\":\"Kari\",\"lastName\":\"Nordmann\"");
        if (withPhone) {
            c.append(",\"phone\":\"").append(phone(id)).append('"');
        }
        if (withEmail) {
            c.append(",\"email\":\"").append(email(id)).append('"');
        }
        if (membership != null) {
            c.append(",\"memberships\":[").append(membership).append(']');
        }
        if (donor != null) {
            c.append(",\"donor\":").append(donor);
        }
        if (consents) {
            c.append(",\"consents\":{\"sms\":{\"granted\":true,\"source\":\"web\",\"at\":\"2026-01-05T10:00:00Z\"},"
                    + "\"email\":{\"granted\":true,\"source\":\"web\",\"at\":\"2026-01-05T10:00:00Z\"}}");
        }
        return c.append('}').toString();
    }

    private static String membership(String type, String status, LocalDate start, LocalDate paidUntil) {
        return "{\"type\":\"" + type + "\",\"status\":\"" + status + "\",\"start\":\"" + start + "\""
                + (paidUntil == null ? "" : ",\"paidUntil\":\"" + paidUntil + "\"") + "}";
    }

    private static String donor(boolean regular, LocalDate lastGift, long sumLast12MonthsOre) {
        return "{\"regularDonor\":" + regular + (regular ? ",\"regularAmountOre\":20000" : "")
                + ",\"firstGiftDate\":\"" + lastGift.minusDays(400) + "\",\"lastGiftDate\":\"" + lastGift + "\""
                + ",\"lastGiftAmountOre\":20000,\"sumLast12MonthsOre\":" + sumLast12MonthsOre + ",\"giftCount\":3}";
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

    private static String token(String roles) throws Exception {
        return MAPPER.readTree(send("GET", "/local/token?tenant=" + TENANT.value() + "&roles=" + roles, null, null).body())
                .get("token").asText();
    }
}
