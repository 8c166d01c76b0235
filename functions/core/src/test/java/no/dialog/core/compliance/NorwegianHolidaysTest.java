package no.dialog.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dates below are the published Norwegian holiday calendars, not computed by the code under test. */
class NorwegianHolidaysTest {

    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({
            "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28",
            "2028, 2028-04-16", "2029, 2029-04-01", "2030, 2030-04-21",
            // The first Gregorian year; the earliest (22 March) and latest (25 April) possible Easters.
            "1583, 1583-04-10", "1818, 1818-03-22", "2285, 2285-03-22", "1943, 1943-04-25", "2038, 2038-04-25",
            "2000, 2000-04-23", "2008, 2008-03-23", "2019, 2019-04-21", "4099, 4099-04-19"})
    void easterSundayFollowsTheGregorianComputus(int year, LocalDate easter) {
        assertThat(NorwegianHolidays.easterSunday(year)).isEqualTo(easter);
    }

    /** Year; then Maundy Thursday, Good Friday, Easter Sunday, Easter Monday, Ascension, Whit Sunday, Whit Monday. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024 | 2024-03-28 2024-03-29 2024-03-31 2024-04-01 2024-05-09 2024-05-19 2024-05-20",
            "2025 | 2025-04-17 2025-04-18 2025-04-20 2025-04-21 2025-05-29 2025-06-08 2025-06-09",
            "2026 | 2026-04-02 2026-04-03 2026-04-05 2026-04-06 2026-05-14 2026-05-24 2026-05-25",
            "2027 | 2027-03-25 2027-03-26 2027-03-28 2027-03-29 2027-05-06 2027-05-16 2027-05-17",
            "2028 | 2028-04-13 2028-04-14 2028-04-16 2028-04-17 2028-05-25 2028-06-04 2028-06-05",
            "2029 | 2029-03-29 2029-03-30 2029-04-01 2029-04-02 2029-05-10 2029-05-20 2029-05-21",
            "2030 | 2030-04-18 2030-04-19 2030-04-21 2030-04-22 2030-05-30 2030-06-09 2030-06-10",
            "2008 | 2008-03-20 2008-03-21 2008-03-23 2008-03-24 2008-05-01 2008-05-11 2008-05-12",
            "2038 | 2038-04-22 2038-04-23 2038-04-25 2038-04-26 2038-06-03 2038-06-13 2038-06-14",
            "2285 | 2285-03-19 2285-03-20 2285-03-22 2285-03-23 2285-04-30 2285-05-10 2285-05-11"})
    void theHolidaysOfAYearAreTheFixedOnesAndThoseThatMoveWithEaster(int year, String movable) {
        List<LocalDate> expected = Arrays.stream((year + "-01-01 " + year + "-05-01 " + year + "-05-17 " + movable
                + " " + year + "-12-25 " + year + "-12-26").split(" ")).map(LocalDate::parse).sorted()
                .collect(Collectors.toList());

        List<NorwegianHolidays.Holiday> holidays = NorwegianHolidays.of(year);

        assertThat(holidays).hasSize(12).extracting(NorwegianHolidays.Holiday::date).containsExactlyElementsOf(expected);
        for (LocalDate date : expected) {
            assertThat(NorwegianHolidays.isHoliday(date)).as(date.toString()).isTrue();
        }
    }

    @Test
    void twoHolidaysOnOneDateAreBothListed() {
        // 2027: Whit Monday is Constitution Day; 2008: Ascension Day was Labour Day.
        assertThat(NorwegianHolidays.of(2027)).filteredOn(h -> h.date().equals(LocalDate.of(2027, 5, 17)))
                .extracting(NorwegianHolidays.Holiday::name).containsExactly("Grunnlovsdag", "2. pinsedag");
        assertThat(NorwegianHolidays.of(2008).stream().map(NorwegianHolidays.Holiday::date).distinct()).hasSize(11);
    }

    @ParameterizedTest(name = "{0} is not a holiday")
    @CsvSource({
            // Holy Saturday, the Wednesday before Easter, Christmas Eve and New Year's Eve are working days by law.
            "2026-04-04", "2026-04-01", "2026-12-24", "2026-12-31", "2025-04-19",
            // The day after Ascension and the days around 17 May.
            "2026-05-15", "2026-05-16", "2026-05-18",
            // A date that is Easter Monday in another year, and an ordinary Sunday.
            "2026-04-21", "2026-11-22", "2024-12-27", "2025-01-02"})
    void ordinaryDaysAreNotHolidays(LocalDate date) {
        assertThat(NorwegianHolidays.isHoliday(date)).isFalse();
    }

    @Test
    void yearsBeforeTheGregorianCalendarAreRefused() {
        assertThatThrownBy(() -> NorwegianHolidays.easterSunday(1582))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1582");
        assertThatThrownBy(() -> NorwegianHolidays.isHoliday(LocalDate.of(1500, 12, 25)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Gregorian");
        assertThatThrownBy(() -> NorwegianHolidays.isHoliday(LocalDate.of(1500, 6, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
