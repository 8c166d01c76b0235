package no.dialog.core.segment;

import static no.dialog.core.segment.SegmentDefinitionsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Reservations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GDPR art. 21: whoever objects to profiling is in no segment that judges their behaviour in Dialog. */
class ProfilingObjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final ContactHistory HISTORY = new ContactHistory(Set.of("student-2026"), Set.of(), Set.of(),
            Set.of(), Set.of("welcome"), Set.of());
    private static final Contact CONSENTING = TestContacts.contact().build();
    private static final Contact OBJECTING = TestContacts.contact()
            .reservations(Reservations.NONE.withProfilingObjection(true)).build();

    private static Criterion parse(String text) {
        var parsed = SegmentDefinitions.parse(json(text));
        assertThat(parsed.problems()).isEmpty();
        return parsed.criterion();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // behaviour, positive and negated: the objector is left out either way
            "{'field':'journey.inNow','op':'equals','value':'student-2026'}                          | true  | false",
            "{'not':{'field':'journey.clicked','op':'equals','value':'welcome'}}                      | true  | false",
            "{'any':[{'field':'reservation.doNotContact','op':'equals','value':false},{'field':'journey.opened','op':'equals','value':'x'}]} | true | false",
            // register facts only: not profiling, the objector stays in
            "{'field':'reservation.doNotContact','op':'equals','value':false}                         | true  | true",
            "{'field':'reservation.objectsToProfiling','op':'equals','value':true}                    | false | true",
    })
    void behaviourCriteriaLeaveOutWhoeverObjects(String definition, boolean consentingMatches, boolean objectingMatches) {
        Criterion criterion = parse(definition);
        assertThat(SegmentEvaluator.matches(CONSENTING, HISTORY, criterion, TODAY)).isEqualTo(consentingMatches);
        assertThat(SegmentEvaluator.matches(OBJECTING, HISTORY, criterion, TODAY)).isEqualTo(objectingMatches);
        assertThat(ProfilingObjection.judgesBehaviour(criterion)).isEqualTo(definition.contains("journey."));
    }
}
