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
    void easterDates() {
        assertThat(TradingCalendar.easter(2024)).isEqualTo(LocalDate.parse("2024-03-31"));
        assertThat(TradingCalendar.easter(2025)).isEqualTo(LocalDate.parse("2025-04-20"));
        assertThat(TradingCalendar.easter(2019)).isEqualTo(LocalDate.parse("2019-04-21"));
    }
}
