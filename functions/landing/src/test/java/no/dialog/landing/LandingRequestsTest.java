package no.dialog.landing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.aws.http.SecurityHeaders;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.contact.WriteOutcome;
import no.dialog.core.enrolment.JourneyCatalog;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyVersion;
import no.dialog.core.journey.Signal;
import no.dialog.core.landing.AnswerChecker;
import no.dialog.core.landing.AnswerEffects;
import no.dialog.core.landing.LandingEvents;
import no.dialog.core.landing.LandingKeys;
import no.dialog.core.landing.LandingPages;
import no.dialog.core.landing.LinkCheck;
import no.dialog.core.landing.LinkStore;
import no.dialog.core.landing.LinkTokens;
import no.dialog.core.landing.MintedLinks;
import no.dialog.core.landing.Postcodes;
import no.dialog.core.landing.StoredLink;
import no.dialog.core.payment.Payments;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** The landing function's HTTP rules, on API Gateway v2 events, with core's rules behind in-memory ports. */
class LandingRequestsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final TenantId SCHOOL = TenantId.of("school");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LandingKeys keys = new LandingKeys("a test secret of at least thirty-two bytes".getBytes(), 1, 1);
    private final Links links = new Links();
    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();
    private final List<Signal> signals = new ArrayList<>();
    private final List<LandingEvents.BusEvent> events = new ArrayList<>();
    private final Tenant school = new Tenant(SCHOOL, "Studentforbundet", NOW, Map.of("branding.colour", "#ffff00"));
    private final String token;
    private Payments payments = Payments.NOT_AVAILABLE;
    private boolean busDownOnce;

    LandingRequestsTest() throws Exception {
        contacts.put("S-1", new Contact("S-1", NOW.minusSeconds(86400), "Kari", "Nordmann", null, "+4791234561", null,
                null, List.of(new Membership("student", MembershipStatus.ACTIVE, null, null, null, null,
                LocalDate.of(2026, 6, 15))), null, null, null, null, null, null, null));
        String link = new MintedLinks(new LinkTokens(keys), links, "https://dlg.no", clock).mint(school,
                new SendRequest("school", "school:E-1:ask", "S-1", "E-1", "student", 1, "ask", "sms", null,
                        "student-ask", "A", NOW), "nb");
        token = link.substring(link.lastIndexOf('/') + 1);
    }

    private LandingRequests requests(int perIp) throws Exception {
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(Path.of("../../docs/examples/student-journey.json"))));
        assertThat(parsed.problems()).isEmpty();
        JourneyVersion journey = new JourneyVersion(SCHOOL, "student", 1, parsed.definition());
        JourneyCatalog catalog = new JourneyCatalog() {
            public Optional<JourneyVersion> version(TenantId tenant, String id, int version) {
                return tenant.equals(SCHOOL) ? Optional.of(journey) : Optional.empty();
            }
            public Optional<JourneyStatus> status(TenantId tenant, String id) {
                return Optional.empty();
            }
            public List<JourneyVersion> active(TenantId tenant) {
                return List.of();
            }
        };
        TenantDirectory tenants = new TenantDirectory() {
            public Optional<Tenant> find(TenantId id) {
                return id.equals(SCHOOL) ? Optional.of(school) : Optional.empty();
            }
            public boolean createIfAbsent(Tenant tenant) {
                return false;
            }
            public List<TenantId> all() {
                return List.of(SCHOOL);
            }
        };
        LandingPages pages = new LandingPages(new LinkCheck(new LinkTokens(keys), links), links, tenants, catalog,
                new Contacts(), new AnswerChecker(Postcodes.bundled()),
                new AnswerEffects(new no.dialog.core.landing.SealedNumbers(new no.dialog.core.crypto.TenantSealer(
                        new no.dialog.core.crypto.InMemoryTenantKeys()), Optional.empty()), tenant -> Optional.empty()),
                (tenant, batch) -> signals.addAll(batch), (tenant, batch) -> {
                    if (busDownOnce) {
                        busDownOnce = false;
                        throw new IllegalStateException("the bus refused the events");
                    }
                    events.addAll(batch);
                },
                payments, clock);
        return new LandingRequests(pages, new LinkTokens(keys), new CsrfTokens(keys), new PageRenderer(),
                new RateLimiter(perIp, clock), new RateLimiter(1000, clock), true);
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String body, String cookie) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(path).withSourceIp("203.0.113.10").build();
        return APIGatewayV2HTTPEvent.builder().withRawPath(path).withBody(body).withIsBase64Encoded(false)
                .withHeaders(Map.of("accept-language", "nb-NO"))
                .withCookies(cookie == null ? null : List.of(cookie))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).build()).build();
    }

    private static String group(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("form field in page").isTrue();
        return m.group(1);
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    @Test
    void backFromVippsThePersonSeesHowTheirPaymentEnded() throws Exception {
        payments = new Payments() {
            public PaymentStart start(Tenant tenant, PaymentRequest request) {
                return new PaymentStart(null);
            }

            public PaymentResult result(Tenant tenant, String contactId, String reference) {
                if (!contactId.equals("S-1")) {
                    return PaymentResult.UNKNOWN;
                }
                return switch (reference) {
                    case "dlg-paid-0001" -> PaymentResult.COMPLETED;
                    case "dlg-wait-0001" -> PaymentResult.PENDING;
                    case "dlg-gone-0001" -> PaymentResult.NOT_COMPLETED;
                    default -> PaymentResult.UNKNOWN;
                };
            }
        };
        LandingRequests requests = requests(100);

        assertThat(requests.handle(withPayment(event("GET", "/p/" + token, null, null), "dlg-paid-0001")).getBody())
                .contains("Tusen takk!").contains("Studentforbundet");
        assertThat(requests.handle(withPayment(event("GET", "/p/" + token, null, null), "dlg-wait-0001")).getBody())
                .contains("Vi venter på Vipps");
        assertThat(requests.handle(withPayment(event("GET", "/p/" + token, null, null), "dlg-gone-0001")).getBody())
                .contains("Ingen penger er trukket");
        // Someone else's reference, or one that is not a reference at all: the ordinary page, nothing told.
        assertThat(requests.handle(withPayment(event("GET", "/p/" + token, null, null), "dlg-else-0001")).getBody())
                .contains("name=\"csrf\"").doesNotContain("Tusen takk!");
        assertThat(requests.handle(withPayment(event("GET", "/p/" + token, null, null), "<script>")).getBody())
                .contains("name=\"csrf\"");
    }

    private static APIGatewayV2HTTPEvent withPayment(APIGatewayV2HTTPEvent event, String reference) {
        event.setQueryStringParameters(Map.of("payment", reference));
        return event;
    }

    @Test
    void thePageIsAccessibleEscapedAndLockedDown() throws Exception {
        APIGatewayV2HTTPResponse page = requests(100).handle(event("GET", "/p/" + token, null, null));
        assertThat(page.getStatusCode()).isEqualTo(200);
        String csp = page.getHeaders().get("Content-Security-Policy");
        assertThat(csp).startsWith("default-src 'none'; style-src 'sha256-").doesNotContain("unsafe").contains("frame-ancestors 'none'");
        assertThat(page.getHeaders()).containsEntry("Referrer-Policy", "no-referrer").containsEntry("Cache-Control", "no-store");
        assertThat(page.getCookies().get(0)).startsWith("dlg_csrf=").contains("HttpOnly", "SameSite=Strict", "Secure");
        String html = page.getBody();
        assertThat(html).contains("<html lang=\"nb\">").contains("<label for=\"f-still-student\">Ja</label>")
                .contains("<legend>Er du fortsatt student?").doesNotContain("<script");
        // A yellow the tenant chose fails 4.5:1 against white text; the accessible default is used.
        assertThat(html).contains("background:" + Branding.DEFAULT_COLOUR).doesNotContain("#ffff00");
        assertThat(requests(100).handle(event("GET", "/p/" + token + "?x", null, null)).getStatusCode()).isEqualTo(404);
    }

    @Test
    void aPostWithoutTheCsrfCookieIsRefusedAndChangesNothing() throws Exception {
        LandingRequests requests = requests(100);
        String html = requests.handle(event("GET", "/p/" + token, null, null)).getBody();
        APIGatewayV2HTTPResponse post = requests.handle(event("POST", "/p/" + token, form("csrf", group(CSRF, html),
                "submission", group(SUBMISSION, html), "still-student", "no"), null));
        assertThat(post.getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse forged = requests.handle(event("POST", "/p/" + token, form("csrf", "forged",
                "submission", group(SUBMISSION, html), "still-student", "no"), "dlg_csrf=" + "n".repeat(22)));
        assertThat(forged.getStatusCode()).isEqualTo(403);
        assertThat(signals).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void whenSomethingBehindFailsThePersonIsAskedToSendAgainAndTheSecondSendCountsOnce() throws Exception {
        LandingRequests requests = requests(100);
        APIGatewayV2HTTPResponse first = requests.handle(event("GET", "/p/" + token, null, null));
        String cookie = first.getCookies().get(0).split(";")[0];
        String valid = form("csrf", group(CSRF, first.getBody()), "submission", group(SUBMISSION, first.getBody()),
                "still-student", "yes", "still-student.examDate", "2027-06-15");
        busDownOnce = true;

        APIGatewayV2HTTPResponse failed = requests.handle(event("POST", "/p/" + token, valid, cookie));
        APIGatewayV2HTTPResponse again = requests.handle(event("POST", "/p/" + token, valid, cookie));

        assertThat(failed.getStatusCode()).isEqualTo(503);
        assertThat(failed.getHeaders()).containsEntry("Retry-After", "30");
        assertThat(failed.getBody()).contains("Svarene dine er ikke sendt ennå").doesNotContain("Exception");
        assertThat(again.getBody()).contains("Takk for svaret!");
        assertThat(events).extracting(LandingEvents.BusEvent::detailType).containsExactly("ContactUpdateRequested");
    }

    @Test
    void errorsComeBackPerFieldWithTheInputEscapedAndValidAnswersCountOnce() throws Exception {
        LandingRequests requests = requests(100);
        APIGatewayV2HTTPResponse first = requests.handle(event("GET", "/p/" + token, null, null));
        String cookie = first.getCookies().get(0).split(";")[0];
        String csrf = group(CSRF, first.getBody());
        String submission = group(SUBMISSION, first.getBody());

        APIGatewayV2HTTPResponse invalid = requests.handle(event("POST", "/p/" + token, form("csrf", csrf,
                "submission", submission, "still-student", "yes", "comment", "<script>alert(1)</script>"), cookie));
        String html = invalid.getBody();
        assertThat(html).contains("id=\"err-still-student-examDate\"")
                .contains("aria-describedby=\"err-still-student-examDate\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(group(SUBMISSION, html)).isEqualTo(submission);
        assertThat(signals).isEmpty();

        String valid = form("csrf", csrf, "submission", submission, "still-student", "yes",
                "still-student.examDate", "2027-06-15");
        assertThat(requests.handle(event("POST", "/p/" + token, valid, cookie)).getBody()).contains("Takk for svaret!");
        assertThat(requests.handle(event("POST", "/p/" + token, valid, cookie)).getBody()).contains("Takk for svaret!");
        assertThat(signals).hasSize(1);
        assertThat(events).extracting(LandingEvents.BusEvent::detailType).containsExactly("ContactUpdateRequested");
        assertThat(contacts.get("S-1").memberships().get(0).examDate()).hasToString("2027-06-15");
    }

    @Test
    void aTaxIdIsNeverShownAgain() throws Exception {
        // The student page has no tax question; the page-level rule is what matters: secret fields are not echoed.
        assertThat(AnswerChecker.secretFields(no.dialog.core.page.LandingPageJson.read(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        "{\"questions\":[{\"id\":\"tax\",\"type\":\"tax-id\"}]}"), "page", new ArrayList<>())))
                .containsExactly("tax");
    }

    @Test
    void aBodyThatCannotBeReadIs400AndChangesNothing() throws Exception {
        LandingRequests requests = requests(100);
        APIGatewayV2HTTPEvent badBase64 = event("POST", "/p/" + token, "%%% not base64 %%%", null);
        badBase64.setIsBase64Encoded(true);
        APIGatewayV2HTTPEvent badPercent = event("POST", "/p/" + token, "still-student=%zz", null);

        for (APIGatewayV2HTTPEvent malformed : List.of(badBase64, badPercent)) {
            APIGatewayV2HTTPResponse response = requests.handle(malformed);
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getHeaders()).containsAllEntriesOf(withoutPolicy(SecurityHeaders.of("text/html; charset=utf-8", "")));
        }
        assertThat(signals).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void everyAnswerCarriesThePublicRoutesSecurityHeaders() throws Exception {
        LandingRequests requests = requests(100);
        List<APIGatewayV2HTTPResponse> answers = List.of(requests.handle(event("GET", "/p/" + token, null, null)),
                requests.handle(event("GET", "/p/nonsense", null, null)),
                requests.handle(event("DELETE", "/p/" + token, null, null)));
        for (APIGatewayV2HTTPResponse answer : answers) {
            assertThat(answer.getHeaders()).containsAllEntriesOf(withoutPolicy(
                    SecurityHeaders.of(answer.getHeaders().get("Content-Type"), "")));
            assertThat(answer.getHeaders().get("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
    }

    /** The shared headers but the policy, which each page makes for its own style. */
    static Map<String, String> withoutPolicy(Map<String, String> headers) {
        Map<String, String> rest = new java.util.LinkedHashMap<>(headers);
        rest.remove("Content-Security-Policy");
        return rest;
    }

    @Test
    void tamperedUnknownOversizedAndTooFrequentRequestsGetFriendlyPages() throws Exception {
        LandingRequests requests = requests(2);
        String tampered = (token.charAt(5) == 'A' ? "B" : "A");
        APIGatewayV2HTTPResponse unknown = requests.handle(event("GET", "/p/" + token.substring(0, 5) + tampered
                + token.substring(6), null, null));
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("Vi fant ikke siden").doesNotContain("Kari").doesNotContain("Studentforbundet");
        APIGatewayV2HTTPResponse large = requests.handle(event("POST", "/p/" + token, "a=" + "x".repeat(FormBody.MAX_BYTES), null));
        assertThat(large.getStatusCode()).isEqualTo(413);
        APIGatewayV2HTTPResponse busy = requests.handle(event("GET", "/p/" + token, null, null));
        assertThat(busy.getStatusCode()).isEqualTo(429);
        assertThat(busy.getHeaders()).containsEntry("Retry-After", "60");
    }

    private final class Contacts implements ContactStore {
        public Map<String, WriteOutcome> upsertAll(TenantId tenant, List<Contact> list) {
            list.forEach(c -> upsert(tenant, c));
            return Map.of();
        }
        public WriteOutcome upsert(TenantId tenant, Contact contact) {
            contacts.put(contact.id(), contact);
            return null;
        }
        public WriteOutcome delete(TenantId tenant, String contactId, Instant updatedAt) {
            contacts.remove(contactId);
            return null;
        }
        public Optional<Contact> find(TenantId tenant, String contactId) {
            return tenant.equals(SCHOOL) ? Optional.ofNullable(contacts.get(contactId)) : Optional.empty();
        }
        public long count(TenantId tenant) {
            return contacts.size();
        }
        public void forEach(TenantId tenant, Consumer<Contact> sink) {
            contacts.values().forEach(sink);
        }
        public no.dialog.core.contact.ConsentWithdrawal withdrawConsent(TenantId tenant, String contactId,
                no.dialog.core.contact.Channel channel, no.dialog.core.contact.Consent withdrawn) {
            throw new UnsupportedOperationException("landing pages record consent through upsert");
        }
    }

    private static final class Links implements LinkStore {
        final Map<String, StoredLink> stored = new ConcurrentHashMap<>();

        public boolean create(StoredLink link) {
            return stored.putIfAbsent(link.linkId(), link) == null;
        }
        public Optional<StoredLink> find(String id) {
            return Optional.ofNullable(stored.get(id));
        }
        public synchronized boolean recordSubmission(String id, String submission, Instant at, Map<String, String> sealed) {
            StoredLink link = stored.get(id);
            if (link == null || link.submissions().contains(submission)) {
                return false;
            }
            Set<String> all = new HashSet<>(link.submissions());
            all.add(submission);
            stored.put(id, new StoredLink(id, link.keyVersion(), link.binding(), all, at));
            return true;
        }
        public synchronized boolean claimOnce(String id, String submission) {
            StoredLink link = stored.get(id);
            return link != null && link.submissions().stream().allMatch(submission::equals)
                    && claims.computeIfAbsent(id, key -> submission).equals(submission);
        }
        final Map<String, String> claims = new ConcurrentHashMap<>();
    }
}
