package no.dialog.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResultsWeekTest {

    @Test
    void onMondayMorningInOsloTheSummaryCoversTheWeekThatEndedLastNight() {
        // Monday 14 December 2026, 06:00 in Oslo (05:00 UTC): the week of 7 to 13 December.
        ResultsWeek week = ResultsWeek.lastCompleteBefore(Instant.parse("2026-12-14T05:00:00Z"));
        assertThat(week).hasToString("2026-W50");
        assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(week.sunday()).isEqualTo(LocalDate.of(2026, 12, 13));
        // Sunday 23:30 UTC is already Monday in Oslo.
        assertThat(ResultsWeek.lastCompleteBefore(Instant.parse("2026-12-13T23:30:00Z"))).hasToString("2026-W50");
        assertThat(ResultsWeek.lastCompleteBefore(Instant.parse("2026-12-13T22:30:00Z"))).hasToString("2026-W49");
    }

    @Test
    void theWeekBasedYearIsNotAlwaysTheCalendarYear() {
        assertThat(ResultsWeek.of(LocalDate.of(2026, 12, 31))).hasToString("2026-W53");
        assertThat(ResultsWeek.of(LocalDate.of(2027, 1, 1))).hasToString("2026-W53");
        assertThat(ResultsWeek.of(LocalDate.of(2025, 12, 29))).hasToString("2026-W01");
        assertThat(new ResultsWeek(2026, 1).monday()).isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @Test
    void namesParseBackAndNonWeeksDoNot() {
        assertThat(ResultsWeek.parse("2026-W50")).contains(new ResultsWeek(2026, 50));
        assertThat(ResultsWeek.parse("2026-W53")).contains(new ResultsWeek(2026, 53));
        assertThat(ResultsWeek.parse("2027-W53")).isEmpty();
        assertThat(ResultsWeek.parse("2026-W00")).isEmpty();
        assertThat(ResultsWeek.parse("2026-50")).isEmpty();
        assertThat(ResultsWeek.parse(null)).isEmpty();
        assertThatThrownBy(() -> new ResultsWeek(2027, 53)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summaryKeysAreUnderTheTenantAndJourneyAndParseBack() {
        var demo = no.dialog.core.tenant.TenantId.of("demo");
        String key = SummaryFiles.key(demo, "j1", new ResultsWeek(2026, 50), SummaryFiles.Format.PDF);
        assertThat(key).isEqualTo("results/demo/j1/2026-W50.pdf");
        assertThat(SummaryFiles.parse(demo, "j1", key)).contains(
                new SummaryFiles.StoredSummary(new ResultsWeek(2026, 50), SummaryFiles.Format.PDF, key));
        assertThat(SummaryFiles.parse(no.dialog.core.tenant.TenantId.of("other"), "j1", key)).isEmpty();
        assertThat(SummaryFiles.parse(demo, "j1", "results/demo/j1/notes.txt")).isEmpty();
        assertThatThrownBy(() -> SummaryFiles.prefix(demo, "../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
