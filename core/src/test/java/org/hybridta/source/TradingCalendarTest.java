package org.hybridta.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {

    @Test
    void knownNyseHolidaysAreClosed() {
        // 2024: Jan 1, Jan 15 (MLK), Feb 19, Mar 29 (Good Friday), May 27, Jun 19, Jul 4, Sep 2, Nov 28, Dec 25
        for (String d : new String[] {"2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19",
                "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25",
                // observed: Jul 4 2021 was a Sunday -> Mon Jul 5; Christmas 2022 Sunday -> Mon Dec 26; Jun 19 2022 Sunday -> Jun 20
                "2021-07-05", "2022-12-26", "2022-06-20", "2023-01-02", "2020-04-10"}) {
            assertThat(TradingCalendar.isTradingDay(LocalDate.parse(d))).as(d).isFalse();
        }
    }

    @Test
    void ordinaryDaysAndRuleEdgesAreOpen() {
        assertThat(TradingCalendar.isTradingDay(LocalDate.parse("2024-07-05"))).isTrue();
        // New Year's Day 2022 fell on a Saturday: not observed on Friday Dec 31, 2021
        assertThat(TradingCalendar.isTradingDay(LocalDate.parse("2021-12-31"))).isTrue();
        // Juneteenth before 2022 was a trading day
        assertThat(TradingCalendar.isTradingDay(LocalDate.parse("2020-06-19"))).isTrue();
        assertThat(TradingCalendar.isTradingDay(LocalDate.parse("2024-06-22"))).isFalse(); // Saturday
        // NYSE had 252 trading days in 2024 and 250 in 2023 (the one-off closures aside)
        assertThat(TradingCalendar.tradingDays(LocalDate.parse("2024-01-01"), LocalDate.parse("2025-01-01"))).isEqualTo(252);
        assertThat(TradingCalendar.tradingDays(LocalDate.parse("2023-01-01"), LocalDate.parse("2024-01-01"))).isEqualTo(250);
    }

    @Test
    void theCachedYearsAgreeWithTheRulesDayByDay() {
        // isTradingDay and tradingDays read per-year tables; the rules themselves are the reference
        for (LocalDate d = LocalDate.parse("1990-01-01"); d.isBefore(LocalDate.parse("2031-01-01")); d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek().getValue() <= 5;
            assertThat(TradingCalendar.isTradingDay(d)).as(d.toString()).isEqualTo(weekday && !TradingCalendar.isHoliday(d));
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        LocalDate base = LocalDate.parse("1995-01-01");
        for (int i = 0; i < 2000; i++) {
            LocalDate from = base.plusDays(random.nextInt(12_000));
            LocalDate to = from.plusDays(random.nextInt(-10, 4_000));
            int expected = 0;
            for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5 && !TradingCalendar.isHoliday(d)) expected++;
            }
            assertThat(TradingCalendar.tradingDays(from, to)).as(from + " to " + to).isEqualTo(expected);
        }
    }

    @Test
    void easterDates() {
        assertThat(TradingCalendar.easter(2024)).isEqualTo(LocalDate.parse("2024-03-31"));
        assertThat(TradingCalendar.easter(2025)).isEqualTo(LocalDate.parse("2025-04-20"));
        assertThat(TradingCalendar.easter(2019)).isEqualTo(LocalDate.parse("2019-04-21"));
    }

    @Test
    void tradingEpochDaysListsExactlyTheTradingDays() {
        LocalDate from = LocalDate.of(1999, 12, 20), to = LocalDate.of(2025, 3, 3);
        java.util.List<Integer> expected = new java.util.ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) if (TradingCalendar.isTradingDay(d)) expected.add((int) d.toEpochDay());
        assertThat(TradingCalendar.tradingEpochDays(from, to)).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        assertThat(TradingCalendar.tradingEpochDays(to, from)).isEmpty();
    }
}
