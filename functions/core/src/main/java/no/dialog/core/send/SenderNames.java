package no.dialog.core.send;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The alphanumeric sender an SMS shows. Unless a sender is configured, it is the organisation's name
 * (the tenant's name) made safe for every operator: Norwegian letters spelled out (Æ→AE, Ø→O, Å→A),
 * other accents dropped, everything but A–Z, a–z and 0–9 removed, and cut to 11 characters:
 * {@code "Demo Organisation"} → {@code "DemoOrganis"}, {@code "Røde Kors"} → {@code "RodeKors"}.
 *
 * <p>A name that gives no valid sender (fewer than two characters left, or starting with a digit, which
 * LINK refuses) needs a configured one.
 */
public final class SenderNames {

    public static final int MAX_LENGTH = 11;
    /**
     * Tenant setting: the organisation's own SMS and chat sender (2–11 letters and digits, starting with a
     * letter). It comes before the deployment's fixed sender and the one made from the name.
     */
    public static final String SETTING = "sms.sender";

    private SenderNames() {}

    /** The sender for this organisation's name, or empty when the name cannot give a valid one. */
    public static Optional<String> fromOrganisationName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String spelled = name.replace("Æ", "AE").replace("æ", "ae").replace("Ø", "O").replace("ø", "o");
        String plain = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String kept = plain.replaceAll("[^A-Za-z0-9]", "");
        String cut = kept.length() > MAX_LENGTH ? kept.substring(0, MAX_LENGTH) : kept;
        return SmsMessage.isValidSender(cut) ? Optional.of(cut) : Optional.empty();
    }

    /**
     * The tenant's own sender ({@value #SETTING}) if it set a valid one, else the deployment's, else the one
     * made from the organisation's name. An invalid tenant setting is passed over (settings are checked when
     * they are written; a hand-edited one must not stop sending).
     */
    public static Optional<String> choose(String configured, no.dialog.core.tenant.Tenant tenant) {
        Optional<String> own = tenant.setting(SETTING).map(String::strip).filter(SmsMessage::isValidSender);
        return own.isPresent() ? own : choose(configured, tenant.name());
    }

    /**
     * The configured sender if there is one, else the one made from the organisation's name.
     *
     * @throws IllegalArgumentException if the configured sender is not a valid alphanumeric sender
     */
    public static Optional<String> choose(String configured, String organisationName) {
        if (configured != null && !configured.isBlank()) {
            if (!SmsMessage.isValidSender(configured)) {
                throw new IllegalArgumentException("the configured SMS sender must be 2-11 letters or digits"
                        + " starting with a letter, was " + configured.length() + " characters");
            }
            return Optional.of(configured);
        }
        return fromOrganisationName(organisationName);
    }
}
