package no.dialog.core.journey;

/**
 * Who may enter again: {@code reenterAfterExit} false means once per person, ever, for the journey
 * (across versions). {@code maxEnrolments} caps the journey's total enrolments; null is no cap.
 */
public record EntryRules(boolean reenterAfterExit, Long maxEnrolments) {

    public static EntryRules oncePerPerson() {
        return new EntryRules(false, null);
    }
}
