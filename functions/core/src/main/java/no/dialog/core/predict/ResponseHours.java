package no.dialog.core.predict;

import java.time.LocalDate;
import java.util.Optional;
import no.dialog.core.compliance.QuietHours;
import no.dialog.core.contact.Channel;

/**
 * When the organisation's people respond, per channel: a count of responses by hour of day (Europe/Oslo), only
 * counts. The fallback of {@link BestHour} for people with no response of their own.
 *
 * @param counts [channel index of {@link Features}' channels][hour 0..23]
 */
public record ResponseHours(long[][] counts) {

    public static ResponseHours empty() {
        return new ResponseHours(new long[Features.CHANNELS.size()][24]);
    }

    /** Counts the person's responses up to and including asOf. */
    public void add(PersonFacts facts, LocalDate asOf) {
        for (PersonFacts.Message m : facts.messages()) {
            int c = Features.CHANNELS.indexOf(m.channel());
            if (c >= 0 && m.responded() && m.respondedAt() >= 0 && m.respondedAt() < 24 && !m.day().isAfter(asOf)) {
                counts[c][m.respondedAt()]++;
            }
        }
    }

    /** The hour within the sending hours when most responses on the channel came; empty when there were none. */
    public Optional<Integer> mostFrequent(Channel channel) {
        int c = Features.CHANNELS.indexOf(channel);
        if (c < 0) {
            return Optional.empty();
        }
        return BestHour.busiest(counts[c], QuietHours.DEFAULT);
    }
}
