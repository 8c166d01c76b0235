package no.dialog.core.predict;

import java.time.LocalDate;
import java.util.Optional;
import no.dialog.core.compliance.QuietHours;
import no.dialog.core.contact.Channel;

/**
 * The hour of day a person most likely responds, within the hours Dialog may send (the quiet-hours rule of
 * ADR 0008, 08:00–21:00 by default: a send may start in hours 8..20). The hour they responded most often (ties:
 * the most recent response wins, then the earlier hour); with no response of their own, the organisation's most
 * frequent response hour on the channel.
 */
public final class BestHour {

    private BestHour() {}

    public static Optional<Integer> of(PersonFacts facts, LocalDate asOf, Channel channel, ResponseHours organisation,
                                       QuietHours quietHours) {
        int[] counts = new int[24];
        long[] latest = new long[24];
        boolean any = false;
        for (PersonFacts.Message m : facts.messages()) {
            int hour = m.respondedAt();
            if (m.responded() && hour >= 0 && hour < 24 && !m.day().isAfter(asOf) && allowed(hour, quietHours)) {
                counts[hour]++;
                latest[hour] = Math.max(latest[hour], m.day().toEpochDay());
                any = true;
            }
        }
        if (any) {
            int best = -1;
            for (int h = 0; h < 24; h++) {
                if (counts[h] > 0 && (best < 0 || counts[h] > counts[best]
                        || (counts[h] == counts[best] && latest[h] > latest[best]))) {
                    best = h;
                }
            }
            return Optional.of(best);
        }
        return organisation == null || channel == null ? Optional.empty() : organisation.mostFrequent(channel);
    }

    static Optional<Integer> busiest(long[] counts, QuietHours quietHours) {
        int best = -1;
        for (int h = 0; h < 24; h++) {
            if (allowed(h, quietHours) && counts[h] > 0 && (best < 0 || counts[h] > counts[best])) {
                best = h;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    /** A send may start in this hour: the whole hour's start is at or after the window opens and before it closes. */
    static boolean allowed(int hour, QuietHours quietHours) {
        int from = quietHours.from().getHour() + (quietHours.from().getMinute() > 0 ? 1 : 0);
        int until = quietHours.until().getHour();
        return hour >= from && hour < until;
    }
}
