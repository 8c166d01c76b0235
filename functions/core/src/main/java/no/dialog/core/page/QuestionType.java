package no.dialog.core.page;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of question a landing page can ask. Each has its own form fields, rules and effects
 * ({@link no.dialog.core.landing.AnswerChecker}, {@link no.dialog.core.landing.AnswerEffects}); the JSON
 * name is the lower-case, dashed form.
 */
public enum QuestionType {
    /** "Do you still live where we think?": same / changed, with street, postcode and place. */
    ADDRESS,
    /** A mobile number (validated with libphonenumber, stored as E.164). */
    MOBILE,
    /** An e-mail address. */
    EMAIL,
    /** "May we contact you again?" on one channel: yes / no, recorded with source, time and wording. */
    CONSENT,
    /**
     * "May we use what you do with us to choose what we send you?": yes / no. No records an objection to
     * profiling (GDPR art. 21, {@code Reservations.objectsToProfiling}); yes lifts it.
     */
    PROFILING,
    /** A gift now: amount choices and a free amount, started through {@link no.dialog.core.payment.Payments}. */
    GIVE,
    /** A monthly amount as a regular donor, started through {@link no.dialog.core.payment.Payments}. */
    REGULAR_DONOR,
    /** Become a member: one of the configured membership types. */
    MEMBERSHIP,
    /** Attend one of the configured events. */
    EVENT,
    /** Volunteer in one or more of the configured areas. */
    VOLUNTEER,
    /** "Are you still a student?": yes with a new expected exam date, or no (membership changes). */
    STUDENT,
    /** National identity number for the tax deduction: MOD11-checked, stored encrypted. */
    TAX_ID,
    /** "Anything you want to tell us?" */
    FREE_TEXT;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<QuestionType> fromJsonName(String name) {
        for (QuestionType type : values()) {
            if (type.jsonName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Questions whose answer is a choice among configured options. */
    public boolean hasChoices() {
        return this == GIVE || this == REGULAR_DONOR || this == MEMBERSHIP || this == EVENT || this == VOLUNTEER;
    }
}
