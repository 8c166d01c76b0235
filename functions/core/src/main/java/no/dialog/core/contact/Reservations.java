package no.dialog.core.contact;

/**
 * What a person has reserved against.
 *
 * @param telemarketing     listed in the reservation register against telemarketing
 * @param addressedPost     listed in the reservation register against addressed advertising by post
 * @param coversVoluntary   the register reservation also covers voluntary organisations
 * @param doNotContact      the person told the organisation itself not to contact them; always applies
 */
public record Reservations(boolean telemarketing, boolean addressedPost, boolean coversVoluntary, boolean doNotContact) {

    public static final Reservations NONE = new Reservations(false, false, false, false);
}
