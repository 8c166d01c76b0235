package no.dialog.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyValidation;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Step;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateDefinitions;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyLibraryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final TenantSender SENDER = new TenantSender("Naturvernforbundet", "Naturvern",
            "post@naturvern.example", "Naturvernforbundet");
    private final LibraryInstantiation instantiation = new LibraryInstantiation(new TemplateRenderer());

    @Test
    void allTenStagesLoadAndPassTheChecksTheAdminApiApplies() {
        JourneyLibrary.Loaded loaded = JourneyLibrary.load(getClass().getClassLoader());
        assertThat(loaded.problems()).isEmpty();
        JourneyLibrary library = loaded.library();
        assertThat(library.journeys()).extracting(LibraryJourney::stage).containsExactly("welcome", "payment-reminder",
                "new-member-payment", "conversion", "upgrade", "renewal", "insight", "dropout-prevention", "win-back",
                "rekindling");
        for (LibraryJourney journey : library.journeys()) {
            // The same checks, run here again from the outside on what the library holds.
            assertThat(SegmentDefinitions.parse(journey.criteria()).problems()).as(journey.id()).isEmpty();
            assertThat(JourneyDefinitions.parse(journey.journey()).problems()).as(journey.id()).isEmpty();
            for (String language : List.of("nb", "en")) {
                Map<String, MessageTemplate> texts = journey.templates(language);
                for (MessageTemplate template : texts.values()) {
                    assertThat(TemplateDefinitions.check(template)).as(journey.id() + " " + template.id()).isEmpty();
                    assertThat(template.language()).isEqualTo(language);
                }
                assertThat(JourneyValidation.forActivation(journey.definition(), (id, channel) ->
                        texts.containsKey(id) && texts.get(id).channel() == channel)).as(journey.id()).isEmpty();
            }
            assertThat(journey.templates("nb").keySet()).isEqualTo(journey.templates("en").keySet());
            assertThat(journey.definition().goal()).as(journey.id()).isNotNull();
            assertThat(journey.channels()).as(journey.id()).hasSizeGreaterThanOrEqualTo(2);
            Step experimentStep = journey.definition().steps().get(journey.suggestedExperiment().step());
            assertThat(experimentStep).as(journey.id()).isInstanceOf(Step.Send.class);
            assertThat(((Step.Send) experimentStep).variants()).as(journey.id()).hasSize(2);
            assertThat(journey.suggestedExperiment().guardrails()).containsExactly("opt-out-rate", "cost");
            assertThat(journey.suggestedExperiment().holdoutPercent()).isEqualTo(10);
            assertThat(journey.suggestedExperiment().autoWinner()).isFalse();
        }
        // The payment reminder ends its run with a telemarketing "last call".
        LibraryJourney reminder = library.find("payment-reminder").orElseThrow();
        assertThat(reminder.channels()).containsExactly(SendChannel.SMS, SendChannel.EMAIL, SendChannel.TELEMARKETING);
        assertThat(library.find("no-such")).isEmpty();
    }

    @Test
    void aLibraryWithAMistakeIsRefusedWithEveryProblem(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("library");
        copyLibrary(root);
        ObjectNode meta = (ObjectNode) MAPPER.readTree(root.resolve("welcome/library.json").toFile());
        ((ObjectNode) meta.get("suggestedExperiment")).put("step", "nudge-sms").put("metric", "opens");
        Files.writeString(root.resolve("welcome/library.json"), meta.toString());
        String templates = Files.readString(root.resolve("renewal/templates.json"));
        Files.writeString(root.resolve("renewal/templates.json"), templates.replace("{{ firstName }}", "{{ fornavn }}"));
        String segment = Files.readString(root.resolve("insight/segment.json"));
        Files.writeString(root.resolve("insight/segment.json"), segment.replace("greaterThan", "largerThan"));

        JourneyLibrary.Loaded loaded;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            loaded = JourneyLibrary.load(loader);
        }
        assertThat(loaded.ok()).isFalse();
        assertThat(loaded.library()).isNull();
        assertThat(loaded.problems()).extracting(Problem::field).contains(
                "welcome/library.json: suggestedExperiment.metric",
                "insight/segment.json: criteria.all[0].any[1].op");
        assertThat(loaded.problems()).anyMatch(p -> p.field().startsWith("renewal/templates.json")
                && p.reason().contains("fornavn"));
        // The metric was wrong, so the step is not looked at; fix the metric and the step is refused.
        ((ObjectNode) meta.get("suggestedExperiment")).put("metric", "goal-conversion");
        Files.writeString(root.resolve("welcome/library.json"), meta.toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            loaded = JourneyLibrary.load(loader);
        }
        assertThat(loaded.problems()).extracting(Problem::field).contains("welcome/library.json: suggestedExperiment.step");
    }

    @Test
    void aCopyHasTheTenantsSenderItsOwnIdsAndTheChosenLanguage() {
        LibraryJourney welcome = JourneyLibrary.fromClasspath().find("welcome").orElseThrow();
        LibraryInstantiation.Outcome nb = instantiation.instantiate(welcome, new LibraryInstantiation.Request(null, null),
                SENDER, Map.of(), TODAY);
        assertThat(nb.problems()).isEmpty();
        LibraryInstantiation.Instance copy = nb.instance();
        assertThat(copy.journeyId()).isEqualTo("welcome");
        assertThat(copy.segmentId()).isEqualTo("welcome");
        assertThat(copy.language()).isEqualTo("nb");
        assertThat(copy.definition().name()).isEqualTo("Velkommen som medlem");
        assertThat(copy.templates()).extracting(MessageTemplate::id)
                .containsExactlyInAnyOrder("welcome-welcome-mail-a", "welcome-welcome-mail-b", "welcome-welcome-nudge");
        for (MessageTemplate template : copy.templates()) {
            assertThat(template.body()).doesNotContain("$sender$").contains("Naturvernforbundet");
            assertThat(TemplateDefinitions.check(template)).isEmpty();
        }
        // The journey names the copy's segment and templates, and is ready to activate with them.
        Set<String> ids = new HashSet<>(copy.templates().stream().map(MessageTemplate::id).toList());
        assertThat(JourneyValidation.forActivation(copy.definition(), (id, channel) -> ids.contains(id))).isEmpty();
        assertThat(copy.journey().toString()).contains("\"segmentId\":\"welcome\"").doesNotContain("\"templateId\":\"welcome-mail-a\"");
        assertThat(copy.suggestedExperiment().step()).isEqualTo("welcome-mail");

        LibraryInstantiation.Instance english = instantiation.instantiate(welcome,
                new LibraryInstantiation.Request("welcome-2027", "en"), SENDER, Map.of(), TODAY).instance();
        assertThat(english.journeyId()).isEqualTo("welcome-2027");
        assertThat(english.definition().name()).isEqualTo("Welcome, new member");
        assertThat(english.segmentName()).isEqualTo("Members who joined in the last 30 days");
        assertThat(english.templates()).allSatisfy(t -> assertThat(t.id()).startsWith("welcome-2027-"))
                .allSatisfy(t -> assertThat(t.language()).isEqualTo("en"))
                .anySatisfy(t -> assertThat(t.body()).contains("Welcome as a member of Naturvernforbundet"));
        assertThat(english.templates()).extracting(MessageTemplate::id).doesNotContainAnyElementsOf(ids);
    }

    @Test
    void theCostPerPersonComesFromTheTenantsPricesAndSaysWhichAreMissing() {
        LibraryJourney reminder = JourneyLibrary.fromClasspath().find("payment-reminder").orElseThrow();
        // Øre per SMS part, per thousand e-mails, per call.
        Map<SendChannel, Long> prices = Map.of(SendChannel.SMS, 45L, SendChannel.EMAIL, 2_000L,
                SendChannel.TELEMARKETING, 3_500L);
        LibraryInstantiation.Instance copy = instantiation.instantiate(reminder,
                new LibraryInstantiation.Request(null, "nb"), SENDER, prices, TODAY).instance();
        CostEstimate cost = copy.cost();
        assertThat(cost.missingPrices()).isEmpty();
        assertThat(cost.lines()).extracting(CostEstimate.Line::channel, CostEstimate.Line::sends)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(SendChannel.SMS, 1),
                        org.assertj.core.groups.Tuple.tuple(SendChannel.EMAIL, 1),
                        org.assertj.core.groups.Tuple.tuple(SendChannel.TELEMARKETING, 1));
        int smsParts = cost.lines().stream().filter(l -> l.channel() == SendChannel.SMS).findFirst().orElseThrow().units();
        assertThat(smsParts).isBetween(1, 2);
        assertThat(cost.perThousandPeopleOre()).isEqualTo(1000 * (45L * smsParts + 3_500) + 2_000);
        assertThat(cost.perPersonOre()).isEqualTo(45L * smsParts + 2 + 3_500);
        assertThat(cost.lines()).extracting(CostEstimate.Line::unit).containsExactlyInAnyOrder("part", "thousand", "call");
        assertThat(copy.warnings()).isEmpty();

        LibraryInstantiation.Instance unpriced = instantiation.instantiate(reminder,
                new LibraryInstantiation.Request(null, "nb"), new TenantSender("Org", null, null, "Org"),
                Map.of(SendChannel.SMS, 45L), TODAY).instance();
        assertThat(unpriced.cost().missingPrices()).containsExactly(SendChannel.EMAIL, SendChannel.TELEMARKETING);
        assertThat(unpriced.cost().perPersonOre()).isEqualTo(45L * smsParts);
        assertThat(unpriced.warnings()).anyMatch(w -> w.contains("email.from")).anyMatch(w -> w.contains("senderName"))
                .anyMatch(w -> w.contains("email, telemarketing"));
    }

    @Test
    void lettersWithAGiroNeedTheTenantsGiroAccount() {
        LibraryJourney rekindling = JourneyLibrary.fromClasspath().find("rekindling").orElseThrow();
        assertThat(instantiation.instantiate(rekindling, new LibraryInstantiation.Request(null, null), SENDER,
                Map.of(SendChannel.SMS, 45L, SendChannel.LETTER, 1400L), TODAY).instance().warnings())
                .containsExactly("set giroAccount in the settings: the journey's letters carry a giro");
        TenantSender withGiro = new TenantSender(SENDER.name(), SENDER.smsSender(), SENDER.emailFrom(),
                SENDER.emailFromName(), "86011117947");
        LibraryInstantiation.Instance copy = instantiation.instantiate(rekindling,
                new LibraryInstantiation.Request(null, null), withGiro,
                Map.of(SendChannel.SMS, 45L, SendChannel.LETTER, 1400L), TODAY).instance();
        assertThat(copy.warnings()).isEmpty();
        assertThat(copy.templates()).anySatisfy(t -> assertThat(t.body()).contains("KID {{ kid }}"));
    }

    @Test
    void aBadIdOrLanguageIsRefused() {
        LibraryJourney renewal = JourneyLibrary.fromClasspath().find("renewal").orElseThrow();
        LibraryInstantiation.Outcome outcome = instantiation.instantiate(renewal,
                new LibraryInstantiation.Request("Renewal 2027!", "de"), SENDER, Map.of(), TODAY);
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.problems()).extracting(Problem::field).containsExactly("id", "language");
    }

    @Test
    void theSenderComesFromTheTenantsSettings() {
        Tenant plain = new Tenant(TenantId.of("demo"), "Røde Kors", java.time.Instant.EPOCH);
        assertThat(TenantSender.of(plain)).isEqualTo(new TenantSender("Røde Kors", "RodeKors", null, "Røde Kors", null));
        Tenant own = new Tenant(TenantId.of("demo"), "Røde Kors", java.time.Instant.EPOCH, Map.of(
                "branding.senderName", "Røde Kors Oslo", "sms.sender", "RKOslo", "email.from", "oslo@rk.example",
                "letter.giroAccount", "86011117947"));
        assertThat(TenantSender.of(own)).isEqualTo(new TenantSender("Røde Kors Oslo", "RKOslo", "oslo@rk.example",
                "Røde Kors Oslo", "86011117947"));
    }

    private static void copyLibrary(Path target) throws IOException {
        Path source;
        try {
            source = Path.of(JourneyLibraryTest.class.getClassLoader().getResource("library/index.json").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
    }
}
