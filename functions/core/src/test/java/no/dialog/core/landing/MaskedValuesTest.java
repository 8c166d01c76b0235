package no.dialog.core.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a landing page shows of what Dialog knows, and what sending it back unchanged means. */
class MaskedValuesTest {

    private final AnswersTest answers = new AnswersTest();

    @Test
    void knownDetailsAreShownOnlyAsMuchAsNeededToRecogniseThem() {
        assertThat(MaskedValues.phone("+4791234561")).isEqualTo("+47 ******61");
        assertThat(MaskedValues.phone("+46701234567")).isEqualTo("**********67");
        assertThat(MaskedValues.email("kari.nordmann@example.no")).isEqualTo("k***@example.no");
        assertThat(MaskedValues.email("åse@example.no")).as("stays a valid e-mail field value").isEqualTo("****@example.no");
        assertThat(MaskedValues.street("Storgata 12 B")).isEqualTo("Sto…");
        assertThat(MaskedValues.phone(null)).isEmpty();
        assertThat(MaskedValues.email("no-at-sign")).isEmpty();
    }

    @Test
    void theFormIsPrefilledWithMaskedValuesAndNoAddress() {
        Map<String, String> prefill = AnswerChecker.prefill(answers.page, answers.kari);
        assertThat(prefill).containsExactly(Map.entry("mobile", "+47 ******61"), Map.entry("mail", "k***@example.no"));
        assertThat(prefill.values().toString()).doesNotContain("91234561", "kari@", "Gamlevei");
    }

    @Test
    void aMaskedValueSentBackUnchangedKeepsTheKnownOneAndATypedOneIsChecked() {
        AnswerChecker.Checked kept = answers.checker.check(answers.page, answers.kari, AnswersTest.form(
                "still-student", "yes", "still-student.examDate", "2027-06-15",
                "mobile", "+47 ******61", "mail", "k***@example.no"), AnswersTest.TODAY);
        assertThat(kept.errors()).isEmpty();
        assertThat(detail(kept, "mobile", "phone")).isEqualTo("+4791234561");
        assertThat(detail(kept, "mail", "email")).isEqualTo("kari@example.no");

        AnswerChecker.Checked typed = answers.checker.check(answers.page, answers.kari, AnswersTest.form(
                "still-student", "yes", "still-student.examDate", "2027-06-15",
                "mobile", "+47 ******62", "mail", "x***@example.no"), AnswersTest.TODAY);
        assertThat(typed.errors()).as("another masked-looking value is not the known one")
                .containsEntry("mobile", "error.mobile").containsEntry("mail", "error.email");
    }

    private static String detail(AnswerChecker.Checked checked, String question, String key) {
        List<Answer> found = checked.answers().stream().filter(a -> a.questionId().equals(question)).toList();
        assertThat(found).hasSize(1);
        return found.get(0).detail(key);
    }
}
