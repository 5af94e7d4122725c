package org.hybridta.source;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The New York Stock Exchange's trading days: a pipeline counts its warm-up in them. Its regular full-day holidays, by rule: New Year's Day, Martin Luther King
 * Jr. Day (from 1998), Washington's Birthday, Good Friday, Memorial Day, Juneteenth (from 2022),
 * Independence Day, Labor Day, Thanksgiving and Christmas, with Saturday holidays observed on Friday and
 * Sunday holidays on Monday (New Year's Day on a Saturday is not moved back into December). One-off
 * closures (national days of mourning, 9/11, hurricanes) are not included.
 */
public final class TradingCalendar {
    /**
     * Per year, computed once: {@code days[i]} is the number of trading days among the year's first {@code i} days.
     * The rules cost microseconds per date; a pipeline asks for the trading days of every symbol of its universe
     * while it plans, serially, before any part runs.
     */
    private static final Map<Integer, int[]> YEARS = new ConcurrentHashMap<>();

    private TradingCalendar() {}

    /** Whether the exchange trades on {@code d}. */
    static boolean isTradingDay(LocalDate d) {
        int[] days = year(d.getYear());
        return days[d.getDayOfYear()] > days[d.getDayOfYear() - 1];
    }

    /** Number of trading days in {@code [from, to)}. */
    public static int tradingDays(LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) return 0;
        int n = 0;
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            int[] days = year(y);
            int first = y == from.getYear() ? from.getDayOfYear() - 1 : 0;
            int end = y == to.getYear() ? to.getDayOfYear() - 1 : days.length - 1;
            n += days[end] - days[first];
        }
        return n;
    }

    /**
     * The day {@code n} trading days before {@code date}: {@code [result, date)} holds {@code n} trading days (and
     * {@code result} is one of them), so that a fetch from there has {@code n} bars before {@code date}.
     */
    public static LocalDate minusTradingDays(LocalDate date, int n) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, was " + n);
        LocalDate d = date;
        for (int found = 0; found < n; ) {
            d = d.minusDays(1);
            if (isTradingDay(d)) found++;
        }
        return d;
    }

    /** The trading days in {@code [from, to)}, as epoch days, ascending. */
    static int[] tradingEpochDays(LocalDate from, LocalDate to) {
        int[] out = new int[tradingDays(from, to)];
        int n = 0;
        for (int y = from.getYear(); y <= to.getYear() && n < out.length; y++) {
            int[] days = year(y);
            int first = y == from.getYear() ? from.getDayOfYear() - 1 : 0;
            int end = y == to.getYear() ? to.getDayOfYear() - 1 : days.length - 1;
            long jan1 = LocalDate.of(y, 1, 1).toEpochDay();
            for (int i = first; i < end; i++) if (days[i + 1] > days[i]) out[n++] = (int) (jan1 + i);
        }
        return out;
    }

    private static int[] year(int y) {
        return YEARS.computeIfAbsent(y, TradingCalendar::countYear);
    }

    private static int[] countYear(int y) {
        int length = Year.isLeap(y) ? 366 : 365;
        int[] days = new int[length + 1];
        LocalDate d = LocalDate.of(y, 1, 1);
        for (int i = 0; i < length; i++, d = d.plusDays(1)) days[i + 1] = days[i] + (isTradingDayByRule(d) ? 1 : 0);
        return days;
    }

    private static boolean isTradingDayByRule(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isHoliday(d);
    }

    static boolean isHoliday(LocalDate d) {
        int y = d.getYear();
        Month m = d.getMonth();
        switch (m) {
            case JANUARY:
                if (d.equals(observed(LocalDate.of(y, 1, 1)))) return true;
                if (y >= 1998 && d.equals(nth(y, Month.JANUARY, DayOfWeek.MONDAY, 3))) return true;
                return false;
            case FEBRUARY:
                return d.equals(nth(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
            case MARCH: case APRIL:
                return d.equals(easter(y).minusDays(2));
            case MAY:
                return d.equals(LocalDate.of(y, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case JUNE:
                return y >= 2022 && d.equals(observed(LocalDate.of(y, 6, 19)));
            case JULY:
                return d.equals(observed(LocalDate.of(y, 7, 4)));
            case SEPTEMBER:
                return d.equals(nth(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
            case NOVEMBER:
                return d.equals(nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
            case DECEMBER:
                return d.equals(observed(LocalDate.of(y, 12, 25)));
            default:
                return false;
        }
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.getMonth() == Month.JANUARY && holiday.getDayOfMonth() == 1 ? holiday : holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
    static LocalDate easter(int y) {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(y, month, day);
    }
}
