package no.dialog.core.optout;

import java.time.Instant;
import java.util.Objects;
import no.dialog.core.contact.Channel;

/**
 * A person's "no more of this" for one channel, as it reached Dialog.
 *
 * @param contactId      the person (the register's id)
 * @param channel        the channel they withdrew from
 * @param source         where it came from, e.g. {@code sms-reply}, {@code email-unsubscribe},
 *                       {@code email-complaint}, {@code email-bounce}, {@code tm-result}: stored with the
 *                       consent (the marketing act asks the organisation to be able to show it)
 * @param reason         why: {@link #OPT_OUT}, {@link #COMPLAINT}, {@link #UNDELIVERABLE} or {@link #NO_MORE_CALLS}
 * @param at             when the person said so (the provider's time where it gives one)
 * @param idempotencyKey stable for one opt-out however often it is delivered (from the provider's ids),
 *                       so that the register can ignore repeats of the {@code ConsentChanged} event
 */
public record OptOut(String contactId, Channel channel, String source, String reason, Instant at,
                     String idempotencyKey) {

    public static final String OPT_OUT = "opt-out";
    public static final String COMPLAINT = "complaint";
    public static final String UNDELIVERABLE = "undeliverable";
    public static final String NO_MORE_CALLS = "no-more-calls";

    public OptOut {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
