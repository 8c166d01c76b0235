package no.dialog.core.compliance;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Norway's public holidays (helligdager): the days on which telemarketing is forbidden
 * (markedsføringsloven § 14). Fixed days plus the days that move with Easter, which is computed by the
 * Gregorian computus (the anonymous algorithm of 1876, "Meeus/Jones/Butcher").
 *
 * <p>Sundays are not listed as such (every Sunday is already closed for telemarketing); Easter Sunday and
 * Whit Sunday are listed because they are holidays by name.
 */
public final class NorwegianHolidays {

    /** The first full year of the Gregorian calendar; the computus means nothing before it. */
    public static final int FIRST_YEAR = 1583;

    /** One public holiday: its date and its Norwegian name. */
    public record Holiday(LocalDate date, String name) {
        public Holiday {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }
    }

    private NorwegianHolidays() {}

    /**
     * Easter Sunday of {@code year} in the Gregorian calendar.
     *
     * @throws IllegalArgumentException for a year before {@value #FIRST_YEAR}
     */
    public static LocalDate easterSunday(int year) {
        requireGregorian(year);
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * The twelve public holidays of {@code year}, by date. Two can fall on one date (Ascension Day on 1 May
     * in 2008, Whit Monday on 17 May in 2027); both are listed.
     *
     * @throws IllegalArgumentException for a year before {@value #FIRST_YEAR}
     */
    public static List<Holiday> of(int year) {
        LocalDate easter = easterSunday(year);
        List<Holiday> days = new ArrayList<>(12);
        days.add(new Holiday(LocalDate.of(year, Month.JANUARY, 1), "1. nyttårsdag"));
        days.add(new Holiday(easter.minusDays(3), "Skjærtorsdag"));
        days.add(new Holiday(easter.minusDays(2), "Langfredag"));
        days.add(new Holiday(easter, "1. påskedag"));
        days.add(new Holiday(easter.plusDays(1), "2. påskedag"));
        days.add(new Holiday(LocalDate.of(year, Month.MAY, 1), "Arbeidernes dag"));
        days.add(new Holiday(LocalDate.of(year, Month.MAY, 17), "Grunnlovsdag"));
        days.add(new Holiday(easter.plusDays(39), "Kristi himmelfartsdag"));
        days.add(new Holiday(easter.plusDays(49), "1. pinsedag"));
        days.add(new Holiday(easter.plusDays(50), "2. pinsedag"));
        days.add(new Holiday(LocalDate.of(year, Month.DECEMBER, 25), "1. juledag"));
        days.add(new Holiday(LocalDate.of(year, Month.DECEMBER, 26), "2. juledag"));
        days.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(days);
    }

    /**
     * @return whether {@code date} is a Norwegian public holiday
     * @throws IllegalArgumentException for a date before {@value #FIRST_YEAR}
     */
    public static boolean isHoliday(LocalDate date) {
        Objects.requireNonNull(date, "date");
        int year = date.getYear();
        if (isFixedHoliday(date)) {
            requireGregorian(year);
            return true;
        }
        long fromEaster = date.toEpochDay() - easterSunday(year).toEpochDay();
        return fromEaster == -3 || fromEaster == -2 || fromEaster == 0 || fromEaster == 1
                || fromEaster == 39 || fromEaster == 49 || fromEaster == 50;
    }

    private static boolean isFixedHoliday(LocalDate date) {
        int day = date.getDayOfMonth();
        switch (date.getMonth()) {
            case JANUARY:
                return day == 1;
            case MAY:
                return day == 1 || day == 17;
            case DECEMBER:
                return day == 25 || day == 26;
            default:
                return false;
        }
    }

    private static void requireGregorian(int year) {
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException("year " + year + " is before the Gregorian calendar (" + FIRST_YEAR + ")");
        }
    }
}
