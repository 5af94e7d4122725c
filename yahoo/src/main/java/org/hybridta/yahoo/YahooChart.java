package org.hybridta.yahoo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.hybridta.BarSeries;

/**
 * What Yahoo's chart answer holds for one symbol and date range, after cleaning: the daily bars, the
 * dividends and splits in the same range, and the exchange's time zone that turned timestamps into dates.
 *
 * <p>Obtained from {@link YahooQuoteSource#fetchChart}. Everything in it lies in the requested
 * {@code [from, to)} range.
 *
 * @param bars           the daily bars, labelled with the constituent's symbol; prices as Yahoo gives them
 *                       (open/high/low/close split-adjusted, {@code adjClose} also dividend-adjusted)
 * @param yahooSymbol    the symbol that was requested from Yahoo, e.g. {@code BRK-B}
 * @param exchangeZone   the exchange's time zone ({@code meta.exchangeTimezoneName}) in which dates are reckoned
 * @param currency       the price currency as Yahoo names it (e.g. {@code USD}), or empty when Yahoo gave none
 * @param dividends      cash dividends by ex-date, ascending
 * @param splits         splits by date, ascending
 * @param droppedBars    rows Yahoo sent inside the range that were dropped because a price was missing or not
 *                       finite, or the volume was negative
 * @param filledAdjClose bars whose {@code adjclose} was missing or not finite and was derived from the close
 *                       (see {@link YahooQuoteSource} for how)
 */
public record YahooChart(BarSeries bars, String yahooSymbol, ZoneId exchangeZone, String currency,
                         List<Dividend> dividends, List<Split> splits, int droppedBars, int filledAdjClose) {

    public YahooChart {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(yahooSymbol, "yahooSymbol");
        Objects.requireNonNull(exchangeZone, "exchangeZone");
        Objects.requireNonNull(currency, "currency");
        dividends = List.copyOf(dividends);
        splits = List.copyOf(splits);
        if (droppedBars < 0 || filledAdjClose < 0) throw new IllegalArgumentException("counts must not be negative");
    }

    /**
     * A cash dividend.
     *
     * @param exDate the ex-dividend date in the exchange's time zone
     * @param amount per share, in the chart's currency
     */
    public record Dividend(LocalDate exDate, double amount) {
        public Dividend {
            Objects.requireNonNull(exDate, "exDate");
        }
    }

    /**
     * A stock split of {@code numerator} new shares for {@code denominator} old ones ({@code 4:1} is 4 for 1).
     *
     * @param date the date from which the shares trade split, in the exchange's time zone
     */
    public record Split(LocalDate date, double numerator, double denominator) {
        public Split {
            Objects.requireNonNull(date, "date");
        }

        /** New shares per old share, e.g. 4.0 for a 4:1 split and 0.1 for a 1:10 reverse split. */
        public double ratio() { return numerator / denominator; }
    }
}
