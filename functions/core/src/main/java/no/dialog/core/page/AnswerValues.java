package no.dialog.core.page;

import java.util.List;

/**
 * The values an answer to a {@link LandingPage} question is recorded with, and that a page's {@code showIf}
 * can name: the page definition (checked in {@link LandingPageJson}), the answer checks and the form all
 * speak them.
 */
public final class AnswerValues {

    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String SAME = "same";
    public static final String CHANGED = "changed";
    public static final String GIVEN = "given";
    /** The free amount beside a gift's or a monthly amount's choices. */
    public static final String OTHER = "other";

    private AnswerValues() {}

    /** The values a question's answer can have, for {@code showIf} (free values: {@code given}). */
    public static List<String> possibleValues(LandingPage.Question question) {
        switch (question.type()) {
            case STUDENT:
            case CONSENT:
            case PROFILING:
                return List.of(YES, NO);
            case ADDRESS:
                return List.of(SAME, CHANGED);
            case MEMBERSHIP:
            case EVENT:
            case VOLUNTEER:
            case GIVE:
            case REGULAR_DONOR:
                return question.choices().stream().map(LandingPage.Choice::value).toList();
            default:
                return List.of(GIVEN);
        }
    }
}
