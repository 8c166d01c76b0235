package no.dialog.core.results;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO week (Monday to Sunday), named as ISO 8601 writes it: {@code 2026-W50}. Weekly summaries are named by
 * the week they cover. The week-based year is not always the calendar year: 2026-12-31 is in 2026-W53, and
 * 2027-01-01 too.
 */
public record ResultsWeek(int year, int week) implements Comparable<ResultsWeek> {

    /** Dialog's days are Oslo days (the results' per-day sums are too). */
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static final Pattern NAME = Pattern.compile("(\\d{4})-W(\\d{2})");

    public ResultsWeek {
        // 28 December is always in the last week of its week-based year: 52 or 53.
        if (year < 1 || year > 9999 || week < 1 || week > LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
            throw new IllegalArgumentException("no week " + week + " in " + year);
        }
    }

    /** The week {@code day} is in. */
    public static ResultsWeek of(LocalDate day) {
        return new ResultsWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The last whole week before {@code now} in Oslo: on a Monday morning, the week that ended last night. */
    public static ResultsWeek lastCompleteBefore(Instant now) {
        LocalDate today = now.atZone(OSLO).toLocalDate();
        return of(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1));
    }

    /** {@code 2026-W50}; empty when the text is not a week's name. */
    public static java.util.Optional<ResultsWeek> parse(String name) {
        Matcher matcher = name == null ? null : NAME.matcher(name);
        if (matcher == null || !matcher.matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new ResultsWeek(Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2))));
        } catch (IllegalArgumentException noSuchWeek) {
            return java.util.Optional.empty();
        }
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(monday()) && !day.isAfter(sunday());
    }

    @Override
    public int compareTo(ResultsWeek other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%04d-W%02d", year, week);
    }
}
