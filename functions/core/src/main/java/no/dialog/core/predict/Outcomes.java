package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import java.time.LocalDate;
import java.util.Optional;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.payment.PaymentKind;

/**
 * Who each model is about, and what counts as its outcome: a person is <em>eligible</em> as of a day, and the
 * label is read from what happened in the 90 days after it, {@code (asOf, asOf + 90]}.
 *
 * <ul>
 *   <li>{@link ModelKind#DROPOUT_RISK}: eligible is a regular giver (a regular charge in the 45 days up to and
 *       including asOf). The outcome is "stopped": no regular charge in the last 45 days of the window,
 *       {@code (asOf + 45, asOf + 90]}. Monthly charges leave no 45-day span without one, so one late or failed
 *       charge is not a dropout, but an agreement that stopped, or whose charges failed for six weeks or more, is.</li>
 *   <li>{@link ModelKind#LAPSE_RISK}: eligible is a member whose renewal falls due in {@code (asOf, asOf + 76]};
 *       the renewal is a year after the last membership fee (an invoice payment) on or before asOf. The outcome
 *       is "lapsed": no membership fee paid in the window, which leaves two weeks after the latest due day to
 *       pay. The register's {@code paidUntil} is not used: it is today's state, not the state as of asOf.</li>
 *   <li>{@code RESPONSE_<channel>}: eligible is a person sent at least one message on the channel in the window;
 *       the outcome is a goal response to one of them.</li>
 * </ul>
 *
 * <p>Scoring uses {@link #inScope}: who a score is shown for (regular givers, members, reachable people), which
 * does not need the future.
 */
public final class Outcomes {

    public static final int WINDOW_DAYS = 90;
    static final int REGULAR_GIVER_DAYS = 45;
    static final int RENEWAL_DUE_DAYS = 76;
    private static final int YEAR = 365;

    private Outcomes() {}

    /** The label for the person as of asOf, or empty when the person is not eligible for the model then. */
    public static Optional<Boolean> label(ModelKind kind, PersonFacts facts, LocalDate asOf) {
        long today = asOf.toEpochDay();
        return switch (kind) {
            case DROPOUT_RISK -> isRegularGiver(facts, today)
                    ? Optional.of(!anyRegular(facts, today + WINDOW_DAYS - REGULAR_GIVER_DAYS, today + WINDOW_DAYS))
                    : Optional.empty();
            case LAPSE_RISK -> renewalDue(facts, today)
                    ? Optional.of(!anyInvoice(facts, today, today + WINDOW_DAYS))
                    : Optional.empty();
            default -> response(kind.channel().orElseThrow(), facts, today);
        };
    }

    /** Whether a score of this model is meaningful for the person as of asOf (needs nothing after asOf). */
    public static boolean inScope(ModelKind kind, PersonFacts facts, LocalDate asOf) {
        long today = asOf.toEpochDay();
        return switch (kind) {
            case DROPOUT_RISK -> isRegularGiver(facts, today);
            case LAPSE_RISK -> lastInvoice(facts, today) > today - YEAR - WINDOW_DAYS;
            default -> reachable(facts.contact(), kind.channel().orElseThrow());
        };
    }

    /** A regular charge in the 45 days up to and including the day. */
    static boolean isRegularGiver(PersonFacts facts, long today) {
        return anyRegular(facts, today - REGULAR_GIVER_DAYS, today);
    }

    /**
     * Whether the person has consented to the channel and can be reached on it: a phone number for SMS and
     * calls (and no telemarketing reservation for calls), an e-mail address, a postal address for letters.
     */
    public static boolean reachable(Contact contact, Channel channel) {
        Consent consent = contact.consents().get(channel);
        if (consent == null || !consent.granted() || contact.reservations().doNotContact()) {
            return false;
        }
        return switch (channel) {
            case SMS -> present(contact.phone());
            case PHONE -> present(contact.phone()) && !contact.reservations().telemarketing();
            case EMAIL -> present(contact.email());
            case POST -> contact.address() != null && present(contact.address().postcode());
            default -> false;
        };
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** A regular charge on a day in (from, to]. */
    private static boolean anyRegular(PersonFacts facts, long from, long to) {
        for (PersonFacts.Payment p : facts.payments()) {
            long day = p.day().toEpochDay();
            if (p.regular() && p.kind() == PaymentKind.GIFT && day > from && day <= to) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyInvoice(PersonFacts facts, long from, long to) {
        for (PersonFacts.Payment p : facts.payments()) {
            long day = p.day().toEpochDay();
            if (p.kind() == PaymentKind.INVOICE && day > from && day <= to) {
                return true;
            }
        }
        return false;
    }

    private static long lastInvoice(PersonFacts facts, long today) {
        long last = Long.MIN_VALUE / 2;
        for (PersonFacts.Payment p : facts.payments()) {
            long day = p.day().toEpochDay();
            if (p.kind() == PaymentKind.INVOICE && day <= today) {
                last = Math.max(last, day);
            }
        }
        return last;
    }

    private static boolean renewalDue(PersonFacts facts, long today) {
        long due = lastInvoice(facts, today) + YEAR;
        return due > today && due <= today + RENEWAL_DUE_DAYS;
    }

    private static Optional<Boolean> response(Channel channel, PersonFacts facts, long today) {
        boolean sent = false;
        for (PersonFacts.Message m : facts.messages()) {
            long day = m.day().toEpochDay();
            if (m.channel() == channel && day > today && day <= today + WINDOW_DAYS) {
                if (m.responded()) {
                    return Optional.of(true);
                }
                sent = true;
            }
        }
        return sent ? Optional.of(false) : Optional.empty();
    }
}
