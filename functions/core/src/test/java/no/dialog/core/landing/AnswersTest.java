package no.dialog.core.landing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.contact.Problem;
import no.dialog.core.crypto.InMemoryTenantKeys;
import no.dialog.core.crypto.RegisterPublicKey;
import no.dialog.core.crypto.RegisterKeyPair;
import no.dialog.core.crypto.TenantSealer;
import no.dialog.core.journey.Signal;
import no.dialog.core.page.LandingPage;
import no.dialog.core.page.LandingPageJson;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** Every question type: its rules ({@link AnswerChecker}) and its effects ({@link AnswerEffects}). */
class AnswersTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String PAGE = """
            {"oneTime": true, "questions": [
              {"id": "home", "type": "address"},
              {"id": "mobile", "type": "mobile"},
              {"id": "mail", "type": "email"},
              {"id": "may-sms", "type": "consent", "settings": {"channel": "sms"}},
              {"id": "use-behaviour", "type": "profiling"},
              {"id": "gift", "type": "give", "choices": [{"value": "200"}, {"value": "500"}]},
              {"id": "monthly", "type": "regular-donor", "choices": [{"value": "100"}]},
              {"id": "join", "type": "membership", "choices": [{"value": "ordinary", "label": {"nb": "Ordinær", "en": "Ordinary"}}]},
              {"id": "event", "type": "event", "choices": [{"value": "summer-camp", "label": {"nb": "Sommerleir"}}]},
              {"id": "help", "type": "volunteer", "choices": [{"value": "stand", "label": {"nb": "Stand"}}, {"value": "phone", "label": {"nb": "Telefon"}}]},
              {"id": "still-student", "type": "student", "required": true, "settings": {"changeTo": "ordinary"}},
              {"id": "continue", "type": "membership", "showIf": {"question": "still-student", "equals": "no"}, "required": true,
               "choices": [{"value": "ordinary", "label": {"nb": "Ja"}}]},
              {"id": "tax", "type": "tax-id"},
              {"id": "comment", "type": "free-text"}]}""";

    /** Effects with the school's own data keys and no registered register key. */
    static AnswerEffects EFFECTS() {
        return new AnswerEffects(NUMBERS, tenant -> java.util.Optional.empty());
    }

    /** The deployment-wide key of the former format, still read. */
    static final SecretSealer LEGACY = new SecretSealer("0123456789abcdef0123456789abcdef".getBytes(), 1);
    static final InMemoryTenantKeys KEYS = new InMemoryTenantKeys();
    static final SealedNumbers NUMBERS = new SealedNumbers(new TenantSealer(KEYS), java.util.Optional.of(LEGACY));
    static final TenantId SCHOOL = TenantId.of("school");
    final AnswerChecker checker = new AnswerChecker(new Postcodes(Map.of("0150", "OSLO")));
    final LandingPage page = page(PAGE);
    final Contact kari = new Contact("S-1", Instant.parse("2026-11-01T10:00:00Z"), "Kari", "Nordmann", null,
            "+4791234561", "kari@example.no", new PostalAddress("Gamlevei 1", "5003", "BERGEN", "NO"),
            List.of(new Membership("student", MembershipStatus.ACTIVE, null, null, null, null, LocalDate.of(2026, 6, 15))),
            null, null, null, null, null, null, null);

    static LandingPage page(String json) {
        List<Problem> problems = new ArrayList<>();
        try {
            LandingPage page = LandingPageJson.read(MAPPER.readTree(json), "page", problems);
            assertThat(problems).isEmpty();
            return page;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return form;
    }

    private AnswerChecker.Checked check(String... pairs) {
        return checker.check(page, kari, form(pairs), TODAY);
    }

    @Test
    void theRequiredQuestionMustBeAnsweredAndNothingElse() {
        AnswerChecker.Checked empty = check();
        assertThat(empty.errors()).containsExactly(Map.entry("still-student", "error.required"));
        assertThat(empty.answers()).isEmpty();
        assertThat(check("still-student", "no", "continue", "ordinary").valid()).isTrue();
    }

    @Test
    void aConditionalQuestionCountsOnlyWhenItsConditionHolds() {
        assertThat(check("still-student", "no").errors()).containsOnlyKeys("continue");
        AnswerChecker.Checked yes = check("still-student", "yes", "still-student.examDate", "2027-06-15",
                "continue", "something-not-offered");
        assertThat(yes.valid()).isTrue();
        assertThat(yes.answers()).extracting(Answer::questionId).containsExactly("still-student");
    }

    @Test
    void studentYesNeedsAnExamDateFromTodayWithinTenYears() {
        assertThat(check("still-student", "yes").errors()).containsEntry("still-student.examDate", "error.required");
        assertThat(check("still-student", "yes", "still-student.examDate", "15/6/2027").errors())
                .containsEntry("still-student.examDate", "error.date");
        assertThat(check("still-student", "yes", "still-student.examDate", "2026-11-29").errors())
                .containsEntry("still-student.examDate", "error.examDate");
        assertThat(check("still-student", "yes", "still-student.examDate", "15.6.2027").answers().get(0).detail("examDate"))
                .isEqualTo("2027-06-15");
    }

    @Test
    void addressTakesThePlaceFromThePostcode() {
        AnswerChecker.Checked moved = check("still-student", "no", "continue", "ordinary", "home", "changed",
                "home.street", "Storgata 1", "home.postcode", "0150", "home.place", "");
        assertThat(moved.answers().get(0).details()).containsEntry("place", "OSLO");
        assertThat(check("still-student", "no", "continue", "ordinary", "home", "changed", "home.street", "",
                "home.postcode", "15", "home.place", "").errors())
                .containsKeys("home.street", "home.postcode", "home.place");
        assertThat(check("still-student", "no", "continue", "ordinary", "home", "same").answers().get(0).value())
                .isEqualTo("same");
    }

    @Test
    void mobileEmailAmountsChoicesTaxIdAndTextAreChecked() {
        Map<String, String> errors = check("still-student", "no", "continue", "ordinary", "mobile", "12345",
                "mail", "not-an-address", "gift", "other", "gift.other", "5", "monthly", "999", "join", "gold",
                "event", "x", "help", "stand", "help", "diving", "tax", "01010150075", "comment", "x".repeat(1001),
                "may-sms", "maybe").errors();
        assertThat(errors).containsEntry("mobile", "error.mobile").containsEntry("mail", "error.email")
                .containsEntry("gift.other", "error.amount").containsEntry("monthly", "error.choice")
                .containsEntry("join", "error.choice").containsEntry("event", "error.choice")
                .containsEntry("help", "error.choice").containsEntry("tax", "error.taxId")
                .containsEntry("comment", "error.tooLong").containsEntry("may-sms", "error.choice");
    }

    @Test
    void everyTypeHasItsEffect() throws Exception {
        AnswerChecker.Checked checked = check("home", "changed", "home.street", "Storgata 1", "home.postcode", "0150",
                "mobile", "912 34 567", "mail", "Kari@example.no", "may-sms", "yes", "use-behaviour", "no", "gift", "other",
                "gift.other", "250", "monthly", "100", "join", "ordinary", "event", "summer-camp", "help", "stand", "help", "phone",
                "still-student", "no", "continue", "ordinary", "tax", "01010150074", "comment", "Hei!");
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.answers().toString()).doesNotContain("01010150074").doesNotContain("Storgata");

        StoredLink link = new StoredLink("LINKID", 1, new LinkBinding(TenantId.of("school"), "student", 1, "ask", "E-1",
                "S-1", "nb", NOW.plusSeconds(86400)), Set.of(), null);
        RegisterPublicKey registerKey = RegisterPublicKey.parse(RegisterKeyPair.shared().publicPem());
        AnswerEffects.Effects effects = new AnswerEffects(NUMBERS,
                tenant -> tenant.equals(SCHOOL) ? java.util.Optional.of(registerKey) : java.util.Optional.empty())
                .of(link, page, kari, checked.answers(), "SUB", Map.of("may-sms", "Kan vi kontakte deg igjen på SMS?"),
                        NOW, TODAY, "/p/x");

        assertThat(effects.signals()).extracting(Signal::type).containsOnly("answered");
        assertThat(effects.signals()).extracting(s -> s.attributes().get("question") + "=" + s.attributes().get("value"))
                .contains("still-student=no", "may-sms=yes", "use-behaviour=no", "gift=250", "help=stand,phone", "tax=given");
        assertThat(effects.signals()).allSatisfy(s -> {
            assertThat(s.journeyId()).isEqualTo("student");
            assertThat(s.enrolmentId()).isEqualTo("E-1");
            assertThat(s.signalId()).startsWith("landing:LINKID:SUB:");
        });
        assertThat(effects.signals().stream().filter(s -> s.attributes().get("question").equals("gift")).findFirst()
                .orElseThrow().attributes()).containsEntry("amountOre", "25000");

        assertThat(effects.events()).extracting(LandingEvents.BusEvent::detailType).containsExactly(
                "ContactUpdateRequested", "ContactUpdateRequested", "ContactUpdateRequested", "ConsentChanged",
                "ProfilingObjectionChanged", "MembershipApplied", "EventSignup", "VolunteerSignup", "MembershipChangeRequested", "MembershipApplied",
                "TaxDeductionRequested", "MessageReceived");
        String all = effects.events().toString();
        assertThat(all).doesNotContain("01010150074");
        assertThat(effects.events().get(3).detail().get("wording").asText()).isEqualTo("Kan vi kontakte deg igjen på SMS?");
        assertThat(effects.events().get(8).detail().get("to").asText()).isEqualTo("ordinary");

        String sealed = effects.sealed().get("tax");
        assertThat(sealed).startsWith("tk1.");
        assertThat(NUMBERS.open(SCHOOL, "S-1", sealed)).isEqualTo("01010150074");
        var tax = effects.events().get(10).detail();
        assertThat(tax.has("nationalIdSealed")).as("Dialog's sealed copy stays with Dialog").isFalse();
        assertThat(RegisterKeyPair.shared().open(tax.get("nationalIdJwe").asText())).isEqualTo("01010150074");
        assertThat(tax.get("registerKeyId").asText()).isEqualTo(registerKey.keyId());

        Contact updated = effects.contact();
        assertThat(updated.address().city()).isEqualTo("OSLO");
        assertThat(updated.phone()).isEqualTo("+4791234567");
        assertThat(updated.email()).isEqualTo("Kari@example.no");
        assertThat(updated.consents().get(Channel.SMS).granted()).isTrue();
        assertThat(updated.reservations().objectsToProfiling()).isTrue();
        assertThat(effects.events().get(4).detail().get("objectsToProfiling").asBoolean()).isTrue();
        assertThat(updated.memberships()).extracting(Membership::type).contains("ordinary");
        assertThat(updated.volunteerAreas()).containsExactly("stand", "phone");
        assertThat(updated.attributes()).containsEntry("stillStudent", false).containsEntry("taxDeduction", true);
        assertThat(updated.updatedAt()).isEqualTo(NOW);

        assertThat(effects.payment().amountOre()).isEqualTo(25000);
        assertThat(effects.payment().monthly()).isFalse();
    }

    @Test
    void aSealedNumberDoesNotOpenForAnotherPersonOrTenant() {
        String sealed = NUMBERS.seal(SCHOOL, "S-1", "01010150074");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NUMBERS.open(SCHOOL, "S-2", sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("01010150074");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NUMBERS.open(TenantId.of("union"), "S-1", sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("01010150074");
    }

    @Test
    void numbersSealedWithTheFormerDeploymentKeyStillOpenAndNewOnesUseTheTenantKey() {
        String old = LEGACY.seal("01010150074", "school:S-1");

        assertThat(old).startsWith("v1.");
        assertThat(NUMBERS.open(SCHOOL, "S-1", old)).isEqualTo("01010150074");
        assertThat(NUMBERS.seal(SCHOOL, "S-1", "01010150074")).startsWith("tk1.1.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SealedNumbers(new TenantSealer(KEYS),
                java.util.Optional.empty()).open(SCHOOL, "S-1", old)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutARegisteredKeyTheRegisterGetsNoNumberAndIsToldWhy() {
        LandingPage taxOnly = page("""
            {"questions": [{"id": "tax", "type": "tax-id"}]}""");
        AnswerChecker.Checked checked = checker.check(taxOnly, kari, form("tax", "01010150074"), TODAY);
        StoredLink link = new StoredLink("LINKID", 1, new LinkBinding(SCHOOL, "student", 1, "ask", "E-1",
                "S-1", "nb", NOW.plusSeconds(86400)), Set.of(), null);

        AnswerEffects.Effects effects = EFFECTS().of(link, taxOnly, kari, checked.answers(), "SUB", Map.of(), NOW,
                TODAY, "/p/x");

        var detail = effects.events().getFirst().detail();
        assertThat(detail.get("nationalIdJwe").isNull()).isTrue();
        assertThat(detail.get("nationalIdWithheld").asText()).isEqualTo("no-register-key");
        assertThat(effects.events().toString()).doesNotContain("01010150074");
        assertThat(NUMBERS.open(SCHOOL, "S-1", effects.sealed().get("tax"))).isEqualTo("01010150074");
    }

    @Test
    void pageJsonNamesWhatIsWrongAndRoundTrips() throws Exception {
        List<Problem> problems = new ArrayList<>();
        LandingPageJson.read(MAPPER.readTree("""
                {"questions": [{"id": "a", "type": "free-text"}, {"id": "a", "type": "consent"},
                  {"id": "b", "type": "membership"}, {"id": "c", "type": "free-text", "showIf": {"question": "z", "equals": "yes"}},
                  {"id": "d", "type": "nope"}]}"""),
                "steps[0].page", problems);
        assertThat(problems).extracting(Problem::toString).contains(
                "steps[0].page.questions[1].settings.channel: must name the channel asked about: sms, email, phone, post, chat or newsletter",
                "steps[0].page.questions[1].id: is used by another question on the page",
                "steps[0].page.questions[4].type: must be one of address, mobile, email, consent, give, regular-donor, membership, event, volunteer, student, tax-id, free-text",
                "steps[0].page.questions[2].choices: must be a non-empty array of {value, label}",
                "steps[0].page.questions[3].showIf.question: must name a question earlier on the page");
        assertThat(page(LandingPageJson.write(page).toString())).isEqualTo(page);
    }
}
