package no.dialog.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Times are Oslo local times; the expected opening is where the next call may start. */
class TelemarketingWindowTest {

    private static Instant oslo(LocalDateTime local) {
        return local.atZone(OsloTime.ZONE).toInstant();
    }

    @ParameterizedTest(name = "{0}: open {1}, next opening {2} ({3})")
    @CsvSource({
            "2026-11-23T09:00,    true,  2026-11-23T09:00, a Monday at opening",
            "2026-11-23T08:59:59, false, 2026-11-23T09:00, a second before opening",
            "2026-11-23T20:59:59, true,  2026-11-23T20:59:59, the last second",
            "2026-11-23T21:00,    false, 2026-11-24T09:00, closing time",
            "2026-11-24T02:00,    false, 2026-11-24T09:00, the middle of the night",
            "2026-11-27T21:30,    false, 2026-11-30T09:00, a Friday evening waits for Monday",
            "2026-11-28T12:00,    false, 2026-11-30T09:00, Saturday",
            "2026-11-29T12:00,    false, 2026-11-30T09:00, Sunday",
            "2026-03-27T22:00,    false, 2026-03-30T09:00, summer time starts on the Sunday between",
            "2026-10-23T21:00,    false, 2026-10-26T09:00, summer time ends on the Sunday between",
            "2026-04-01T21:00,    false, 2026-04-07T09:00, Easter: Maundy Thursday to Easter Monday",
            "2026-04-02T10:00,    false, 2026-04-07T09:00, Maundy Thursday",
            "2026-04-06T10:00,    false, 2026-04-07T09:00, Easter Monday",
            "2026-05-13T22:00,    false, 2026-05-15T09:00, Ascension Day",
            "2026-04-30T21:00,    false, 2026-05-04T09:00, 1 May on a Friday",
            "2028-05-16T21:00,    false, 2028-05-18T09:00, 17 May on a Wednesday",
            "2027-05-14T21:00,    false, 2027-05-18T09:00, Whitsun with 17 May on Whit Monday",
            "2026-05-22T21:00,    false, 2026-05-26T09:00, Whitsun",
            "2026-12-24T12:00,    true,  2026-12-24T12:00, Christmas Eve is a working day",
            "2026-12-24T21:00,    false, 2026-12-28T09:00, Christmas on a Friday",
            "2027-12-24T22:00,    false, 2027-12-27T09:00, Christmas on a weekend",
            "2026-12-31T21:00,    false, 2027-01-04T09:00, New Year's Day on a Friday"})
    void callsOnlyOnWeekdaysFromNineToNineExceptHolidays(LocalDateTime at, boolean open, LocalDateTime next,
                                                         String why) {
        assertThat(TelemarketingWindow.isOpen(oslo(at))).as(why).isEqualTo(open);
        assertThat(TelemarketingWindow.nextOpening(oslo(at))).as(why).isEqualTo(oslo(next));
    }

    @Test
    void theOpeningFollowsTheClockChange() {
        // 09:00 is 08:00 UTC in winter and 07:00 UTC in summer.
        assertThat(TelemarketingWindow.nextOpening(Instant.parse("2026-03-27T21:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(TelemarketingWindow.nextOpening(Instant.parse("2026-10-23T19:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void theWindowIsTheSameInstantWhateverZoneTheCallerThinksIn() {
        // 07:30 UTC on a winter Monday is 08:30 in Oslo: closed, although it is past 9 in e.g. Helsinki.
        assertThat(TelemarketingWindow.isOpen(Instant.parse("2026-11-23T07:30:00Z"))).isFalse();
        assertThat(TelemarketingWindow.isOpen(Instant.parse("2026-11-23T08:00:00Z"))).isTrue();
    }
}
