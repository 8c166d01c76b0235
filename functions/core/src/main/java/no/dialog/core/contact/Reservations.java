package no.dialog.core.contact;

/**
 * What a person has reserved against.
 *
 * @param telemarketing     listed in the reservation register against telemarketing
 * @param addressedPost     listed in the reservation register against addressed advertising by post
 * @param coversVoluntary   the register reservation also covers voluntary organisations
 * @param doNotContact      the person told the organisation itself not to contact them; always applies
 * @param objectsToProfiling the person objected to profiling (GDPR art. 21): segments that judge what they
 *                          did in Dialog, and predictions, leave them out ({@code segment.ProfilingObjection})
 */
public record Reservations(boolean telemarketing, boolean addressedPost, boolean coversVoluntary, boolean doNotContact,
                           boolean objectsToProfiling) {

    public static final Reservations NONE = new Reservations(false, false, false, false, false);

    /** Reservations of a person who has not objected to profiling. */
    public Reservations(boolean telemarketing, boolean addressedPost, boolean coversVoluntary, boolean doNotContact) {
        this(telemarketing, addressedPost, coversVoluntary, doNotContact, false);
    }

    /** The same reservations with the profiling objection set or lifted. */
    public Reservations withProfilingObjection(boolean objects) {
        return new Reservations(telemarketing, addressedPost, coversVoluntary, doNotContact, objects);
    }
}
