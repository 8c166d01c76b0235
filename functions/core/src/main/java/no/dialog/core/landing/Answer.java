package no.dialog.core.landing;

import java.util.Map;
import java.util.Objects;
import no.dialog.core.page.QuestionType;

/**
 * One valid answer. {@code value} is short and canonical ({@code yes}, {@code changed}, a choice's value,
 * {@code given}) and is what journeys see ({@code answered} signal, attribute {@code value}); {@code details}
 * holds what the answer carries (street, e-mail, amount in øre, exam date, the text) and is never
 * printed: {@link #toString} leaves it out, because it is personal data.
 */
public record Answer(String questionId, QuestionType type, String value, Map<String, String> details) {

    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public String detail(String key) {
        return details.get(key);
    }

    @Override
    public String toString() {
        return "Answer[" + questionId + " (" + type.jsonName() + ") = " + value + ", " + details.size() + " details]";
    }
}
