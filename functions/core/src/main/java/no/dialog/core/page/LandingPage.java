package no.dialog.core.page;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the landing page behind a send step's personal link asks. Configured in the journey's JSON
 * ({@code page} on a send step, read by {@link LandingPageJson}); see docs/journeys.md.
 *
 * @param title     the page heading (default: a neutral "A few questions from {organisation}")
 * @param intro     a paragraph under the heading, or empty
 * @param oneTime   true: the link is used up by the first valid submission (later visits get the
 *                  friendly "already answered" page); false: the person may answer again
 * @param questions in the order shown
 */
public record LandingPage(Texts title, Texts intro, boolean oneTime, List<Question> questions) {

    public LandingPage {
        title = title == null ? new Texts(null) : title;
        intro = intro == null ? new Texts(null) : intro;
        questions = List.copyOf(Objects.requireNonNull(questions, "questions"));
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** One question. {@code settings} holds per-type options (a consent's {@code channel} ...). */
    public record Question(String id, QuestionType type, boolean required, Texts label, Texts help,
                           List<Choice> choices, ShowIf showIf, java.util.Map<String, String> settings) {
        public Question {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            label = label == null ? new Texts(null) : label;
            help = help == null ? new Texts(null) : help;
            choices = choices == null ? List.of() : List.copyOf(choices);
            settings = settings == null ? java.util.Map.of() : java.util.Map.copyOf(settings);
        }

        public String setting(String key, String fallback) {
            return settings.getOrDefault(key, fallback);
        }
    }

    /** An option of a choice question: the value that is recorded and its label. */
    public record Choice(String value, Texts label) {}

    /** Shows a question only when an earlier question was answered with {@code equals}. */
    public record ShowIf(String question, String equals) {}
}
