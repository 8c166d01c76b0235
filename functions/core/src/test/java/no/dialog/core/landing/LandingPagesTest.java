package no.dialog.core.landing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.enrolment.JourneyCatalog;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyVersion;
import no.dialog.core.journey.Signal;
import no.dialog.core.page.LandingPage;
import no.dialog.core.payment.Payments;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.Test;

class LandingPagesTest {

    private static final TenantId SCHOOL = TenantId.of("school");
    private static final Instant NOW = AnswersTest.NOW;
    private final SettableClock clock = new SettableClock(NOW);
    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final LinkTokens tokens = new LinkTokens(new LandingKeys(LinkTokensTest.SECRET, 1, 1));
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final List<Signal> published = new ArrayList<>();
    private final List<LandingEvents.BusEvent> events = new ArrayList<>();
    private final Tenant school = new Tenant(SCHOOL, "Studentforbundet", NOW);
    private final JourneyVersion journey;
    private final LandingPages pages;

    LandingPagesTest() throws Exception {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(
                java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/examples/student-journey.json")));
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(json);
        assertThat(parsed.problems()).isEmpty();
        journey = new JourneyVersion(SCHOOL, "student", 1, parsed.definition());
        JourneyCatalog catalog = new JourneyCatalog() {
            public Optional<JourneyVersion> version(TenantId tenant, String journeyId, int version) {
                return tenant.equals(SCHOOL) && journeyId.equals("student") ? Optional.of(journey) : Optional.empty();
            }
            public Optional<JourneyStatus> status(TenantId tenant, String journeyId) {
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
        pages = new LandingPages(new LinkCheck(tokens, store), store, tenants, catalog, contacts,
                new AnswerChecker(new Postcodes(Map.of())), AnswersTest.EFFECTS(),
                (tenant, signals) -> published.addAll(signals), (tenant, batch) -> events.addAll(batch),
                Payments.NOT_AVAILABLE, clock);
        contacts.upsert(SCHOOL, new AnswersTest().kari);
    }

    private String token() {
        String link = new MintedLinks(tokens, store, "https://dlg.no", clock)
                .mint(school, LinkTokensTest.request("school", "E-1:ask"), "nb");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void aVisitShowsTheFormWithWhatDialogKnows() {
        LandingPages.View view = pages.open(token());
        assertThat(view).isInstanceOf(LandingPages.Form.class);
        assertThat(((LandingPages.Form) view).page().questions()).extracting(LandingPage.Question::id)
                .startsWith("still-student");
    }

    @Test
    void anInvalidSubmissionStoresNothing() {
        String token = token();
        Contact before = contacts.find(SCHOOL, "S-1").orElseThrow();
        LandingPages.View view = pages.submit(token, "SUB-1", AnswersTest.form("still-student", "yes"), "/p/" + token);
        assertThat(((LandingPages.Form) view).errors()).containsKey("still-student.examDate");
        assertThat(published).isEmpty();
        assertThat(events).isEmpty();
        assertThat(contacts.find(SCHOOL, "S-1").orElseThrow()).isEqualTo(before);
        assertThat(store.links.values().iterator().next().submissions()).isEmpty();
    }

    @Test
    void submittingTwiceHasTheEffectOfOnceAndUsesUpAOneTimeLink() {
        String token = token();
        Map<String, List<String>> form = AnswersTest.form("still-student", "yes", "still-student.examDate", "2027-06-15");
        assertThat(pages.submit(token, "SUB-1", form, "/p/x")).isInstanceOf(LandingPages.Done.class);
        int signals = published.size();
        assertThat(signals).isEqualTo(1);
        assertThat(published.get(0).attributes()).containsEntry("question", "still-student").containsEntry("value", "yes");
        assertThat(pages.submit(token, "SUB-1", form, "/p/x")).isInstanceOf(LandingPages.Done.class);
        assertThat(published).hasSize(signals);
        assertThat(events).hasSize(1);
        LandingPages.View again = pages.submit(token, "SUB-2", form, "/p/x");
        assertThat(((LandingPages.Refused) again).reason()).isEqualTo(LinkCheck.Refusal.USED);
        assertThat(((LandingPages.Refused) pages.open(token)).reason()).isEqualTo(LinkCheck.Refusal.USED);
        assertThat(contacts.find(SCHOOL, "S-1").orElseThrow().memberships().get(0).examDate()).hasToString("2027-06-15");
    }

    @Test
    void ofTwoDifferentSubmissionsThatBothReadTheLinkUnusedOnlyTheFirstToClaimItTakesEffect() {
        String token = token();
        Map<String, List<String>> form = AnswersTest.form("still-student", "yes", "still-student.examDate", "2027-06-15");
        // SUB-2's request read the link before SUB-1 was recorded, and claimed it first.
        String linkId = store.links.keySet().iterator().next();
        assertThat(store.claimOnce(linkId, "SUB-2")).isTrue();
        LandingPages.View late = pages.submit(token, "SUB-1", form, "/p/x");
        assertThat(((LandingPages.Refused) late).reason()).isEqualTo(LinkCheck.Refusal.USED);
        assertThat(published).isEmpty();
        assertThat(events).isEmpty();
        assertThat(store.links.get(linkId).submissions()).isEmpty();
        // The claimant goes on, also after a crash between its claim and its record.
        assertThat(pages.submit(token, "SUB-2", form, "/p/x")).isInstanceOf(LandingPages.Done.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void unknownExpiredAndDeletedPeopleGetTheFriendlyRefusal() {
        String token = token();
        assertThat(((LandingPages.Refused) pages.open("AAAAAAAAAAAAAAAAAAAAAA")).reason()).isEqualTo(LinkCheck.Refusal.UNKNOWN);
        clock.advance(java.time.Duration.ofDays(31));
        assertThat(((LandingPages.Refused) pages.open(token)).reason()).isEqualTo(LinkCheck.Refusal.EXPIRED);
        clock.advance(java.time.Duration.ofDays(-31));
        contacts.delete(SCHOOL, "S-1", NOW.plusSeconds(1));
        assertThat(((LandingPages.Refused) pages.open(token)).reason()).isEqualTo(LinkCheck.Refusal.UNKNOWN);
    }
}
