package no.dialog.core.segment;

import static no.dialog.core.segment.SegmentDefinitionsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour conditions ({@code journey.*}): their value shapes, problems, journeys named and meaning. */
class BehaviourSegmentsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final Contact KARI = TestContacts.contact().build();
    private static final ContactHistory HISTORY = new ContactHistory(Set.of("student-2026"), Set.of("welcome"),
            Set.of("student-2026/reminder"),
            Set.of(new ContactHistory.Answer("student-2026", "still-student", "yes")),
            Set.of("welcome"), Set.of());

    private static Criterion parse(String text) {
        var parsed = SegmentDefinitions.parse(json(text));
        assertThat(parsed.problems()).isEmpty();
        return parsed.criterion();
    }

    private static boolean matches(String text, ContactHistory history) {
        return SegmentEvaluator.matches(KARI, history, parse(text), TODAY);
    }

    @Test
    void theRegistryOffersTheBehaviourFieldsWithLabelsAndOnlyEqualsAndIn() {
        for (String id : new String[] {"journey.inNow", "journey.goalReached", "journey.sentStep",
                "journey.answered", "journey.opened", "journey.clicked"}) {
            SegmentField field = SegmentFields.find(id).orElseThrow();
            assertThat(field.type().isBehaviour()).as(id).isTrue();
            assertThat(field.labelNb()).isNotBlank();
            assertThat(field.labelEn()).isNotBlank();
            assertThat(field.operators()).containsExactlyInAnyOrder(Operator.EQUALS, Operator.IN);
        }
        assertThat(SegmentFields.find("firstName").orElseThrow().type().isBehaviour()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'field':'journey.inNow','op':'equals','value':'student-2026'}                         | true",
            "{'field':'journey.inNow','op':'equals','value':'welcome'}                              | false",
            "{'field':'journey.inNow','op':'in','value':['x','welcome','student-2026']}              | true",
            "{'field':'journey.goalReached','op':'equals','value':'welcome'}                        | true",
            "{'field':'journey.sentStep','op':'equals','value':'student-2026/reminder'}             | true",
            "{'field':'journey.sentStep','op':'equals','value':'student-2026/first-sms'}            | false",
            "{'field':'journey.sentStep','op':'in','value':['welcome/reminder','student-2026/reminder']} | true",
            "{'field':'journey.answered','op':'equals','value':{'journey':'student-2026','question':'still-student','value':'yes'}} | true",
            "{'field':'journey.answered','op':'equals','value':{'journey':'student-2026','question':'still-student','value':'Yes'}} | false",
            "{'field':'journey.answered','op':'equals','value':{'journey':'student-2026','question':'still-student'}} | true",
            "{'field':'journey.answered','op':'equals','value':{'journey':'welcome','question':'still-student'}} | false",
            "{'field':'journey.opened','op':'equals','value':'welcome'}                             | true",
            "{'field':'journey.clicked','op':'equals','value':'welcome'}                            | false",
            "{'not':{'field':'journey.clicked','op':'equals','value':'welcome'}}                     | true",
            "{'all':[{'field':'journey.sentStep','op':'equals','value':'student-2026/reminder'},{'not':{'field':'journey.answered','op':'equals','value':{'journey':'student-2026','question':'still-student'}}}]} | false",
    })
    void conditionsAskTheHistory(String definition, boolean expected) {
        assertThat(matches(definition, HISTORY)).isEqualTo(expected);
        // Without a history (or with the 3-argument evaluator) no positive behaviour condition holds.
        boolean negated = definition.startsWith("{'not'");
        assertThat(matches(definition, ContactHistory.EMPTY)).isEqualTo(negated);
        assertThat(SegmentEvaluator.matches(KARI, parse(definition), TODAY)).isEqualTo(negated);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'field':'journey.inNow','op':'contains','value':'j'}                          | op          | not valid for a journey field",
            "{'field':'journey.inNow','op':'exists'}                                        | op          | not valid for a journey field",
            "{'field':'journey.inNow','op':'equals'}                                        | value       | is required for equals",
            "{'field':'journey.inNow','op':'equals','value':'has/slash'}                    | value       | must be a journey id (letters, digits, . _ -)",
            "{'field':'journey.inNow','op':'equals','value':7}                              | value       | must be a journey id (letters, digits, . _ -)",
            "{'field':'journey.inNow','op':'in','value':['ok','not ok']}                     | value[1]    | must be a journey id (letters, digits, . _ -)",
            "{'field':'journey.sentStep','op':'equals','value':'student-2026'}              | value       | must be \"journeyId/stepId\", e.g. \"student-2026/reminder\"",
            "{'field':'journey.sentStep','op':'equals','value':'student-2026/Reminder'}     | value       | must be \"journeyId/stepId\", e.g. \"student-2026/reminder\"",
            "{'field':'journey.answered','op':'equals','value':'still-student=yes'}         | value       | must be {\"journey\": .., \"question\": .., \"value\": ..} (value may be left out)",
            "{'field':'journey.answered','op':'equals','value':{'question':'q','value':'y'}} | value.journey | is required and must be a journey id (letters, digits, . _ -)",
            "{'field':'journey.answered','op':'equals','value':{'journey':'j','value':'y'}}  | value.question | is required and must be a question id (letters, digits, . _ -)",
            "{'field':'journey.answered','op':'equals','value':{'journey':'j','question':'q','value':''}} | value.value | must be text of 1 to 200 characters, or left out",
            "{'field':'journey.answered','op':'equals','value':{'journey':'j','question':'q','answer':'y'}} | value.answer | unknown key",
            "{'field':'journey.answered','op':'in','value':[{'journey':'j','question':'q'},{'journey':'j'}]} | value[1].question | is required and must be a question id (letters, digits, . _ -)",
    })
    void badValuesAreProblemsAtTheirPath(String condition, String field, String reason) {
        var parsed = SegmentDefinitions.parse(json("{'all':[{'field':'age','op':'exists'}," + condition + "]}"));

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems()).containsExactly(new Problem("all[1]." + field, reason));
    }

    @Test
    void criteriaTellWhetherBehaviourIsAskedAndWhichJourneys() {
        Criterion contactOnly = parse("{'all':[{'field':'age','op':'exists'},{'not':{'field':'firstName','op':'equals','value':'Kari'}}]}");
        Criterion behaviour = parse("""
                {'any':[{'field':'age','op':'exists'},
                        {'not':{'field':'journey.sentStep','op':'in','value':['b/reminder','a/first']}},
                        {'all':[{'field':'journey.answered','op':'equals','value':{'journey':'c','question':'q'}},
                                {'field':'journey.inNow','op':'equals','value':'b'}]}]}""");

        assertThat(Criteria.usesBehaviour(contactOnly)).isFalse();
        assertThat(Criteria.journeyIds(contactOnly)).isEmpty();
        assertThat(Criteria.usesBehaviour(behaviour)).isTrue();
        assertThat(Criteria.journeyIds(behaviour)).containsExactly("b", "a", "c");
    }

    @Test
    void aLookupGivesTheEmptyHistoryToStrangersAndHistoriesAreReadOnlyWhenNeeded() {
        BehaviourLookup lookup = BehaviourLookup.of(Map.of("C-1", HISTORY, "C-2", ContactHistory.EMPTY));
        assertThat(lookup.of("C-1")).isSameAs(HISTORY);
        assertThat(lookup.of("nobody")).isEqualTo(ContactHistory.EMPTY);
        Map<String, ContactHistory> known = new java.util.HashMap<>();
        lookup.forEachKnown(known::put);
        assertThat(known).containsOnlyKeys("C-1");

        int[] reads = {0};
        BehaviourHistories histories = (tenant, journeys) -> {
            reads[0]++;
            assertThat(journeys).containsExactly("student-2026");
            return Map.of("C-1", HISTORY);
        };
        var tenant = no.dialog.core.tenant.TenantId.of("demo");
        assertThat(histories.lookupFor(tenant, parse("{'field':'age','op':'exists'}"))).isSameAs(BehaviourLookup.NONE);
        assertThat(reads[0]).isZero();
        assertThat(histories.lookupFor(tenant, parse("{'field':'journey.inNow','op':'equals','value':'student-2026'}"))
                .of("C-1")).isSameAs(HISTORY);
        assertThat(reads[0]).isEqualTo(1);
    }
}
