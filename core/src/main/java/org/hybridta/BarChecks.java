package org.hybridta;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one check for bars that cannot be: a price of 0 or below, a high below the low, an open or close outside
 * [low, high], a price above {@link #MAX_PRICE} or a volume above {@link #MAX_VOLUME} (such as 1.7E308, which no
 * market trades at and which overflows the arithmetic of indicators). {@link BarSeries} itself already refuses
 * what is not a number at all (non-finite values, negative volume, dates out of order).
 *
 * <p>Applied to every series a {@link Pipeline} fetches, whatever the source, and by the command line's
 * {@code fetch} and {@code compute} to what they read: such bars are counted and warned about, one line per symbol
 * with the first dates, and kept — or, when checking is strict, the symbol is refused with the same words.
 */
public final class BarChecks {
    /** Prices above this are not prices (Berkshire Hathaway's A share trades below 10^6; bitcoin in rupiah below 10^10). */
    public static final double MAX_PRICE = 1e12;
    /** Volumes above this are not volumes. */
    public static final double MAX_VOLUME = 1e18;

    private static final Logger log = LoggerFactory.getLogger(BarChecks.class);
    /** How many impossible bars a summary names; the rest are counted. */
    private static final int NAMED = 3;

    private BarChecks() {}

    /**
     * What {@link #check} found in one series.
     *
     * @param symbol     the series' symbol
     * @param impossible how many of its bars are impossible (0 for a clean series)
     * @param first      the date of the first impossible bar, or null for a clean series
     * @param named      what is wrong with the first few, e.g. {@code 2024-03-04 high 9 is below low 12}
     */
    public record Report(String symbol, int impossible, LocalDate first, List<String> named) {
        public Report {
            Objects.requireNonNull(symbol, "symbol");
            named = List.copyOf(named);
        }

        public boolean isClean() { return impossible == 0; }

        /** One line: the count, then the first few bars and what is wrong with each, e.g. {@code 2 impossible bars: 2024-03-04 high 9 is below low 12; …}. */
        public String summary() {
            if (isClean()) return "no impossible bars";
            return impossible + (impossible == 1 ? " impossible bar: " : " impossible bars: ") + String.join("; ", named)
                    + (impossible > named.size() ? "; …" : "");
        }
    }

    /** Checks every bar of {@code series}. */
    public static Report check(BarSeries series) {
        Objects.requireNonNull(series, "series");
        double[] o = series.open(), h = series.high(), l = series.low(), c = series.close(), a = series.adjClose(), v = series.volume();
        int count = 0;
        LocalDate first = null;
        List<String> named = new ArrayList<>(NAMED);
        for (int i = 0; i < series.size(); i++) {
            String why = problem(o[i], h[i], l[i], c[i], a[i], v[i]);
            if (why == null) continue;
            if (count == 0) first = series.date(i);
            if (count < NAMED) named.add(series.date(i) + " " + why);
            count++;
        }
        return new Report(series.symbol(), count, first, named);
    }

    /** What is wrong with one bar, or null when nothing is. */
    private static String problem(double open, double high, double low, double close, double adjClose, double volume) {
        String[] names = {"open", "high", "low", "close", "adj_close"};
        double[] prices = {open, high, low, close, adjClose};
        for (int k = 0; k < prices.length; k++) {
            if (!(prices[k] > 0)) return names[k] + " " + text(prices[k]) + " is not above 0";
            if (prices[k] > MAX_PRICE) return names[k] + " " + text(prices[k]) + " is above " + MAX_PRICE + ", not a price";
        }
        if (volume > MAX_VOLUME) return "volume " + text(volume) + " is above " + MAX_VOLUME + ", not a volume";
        if (high < low) return "high " + text(high) + " is below low " + text(low);
        if (open > high) return "open " + text(open) + " is above high " + text(high);
        if (open < low) return "open " + text(open) + " is below low " + text(low);
        if (close > high) return "close " + text(close) + " is above high " + text(high);
        if (close < low) return "close " + text(close) + " is below low " + text(low);
        return null;
    }

    /** A value as a reader would write it: whole numbers without ".0". */
    private static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v) : Double.toString(v);
    }

    /**
     * Checks the series of an {@link FetchResult.Ok}: with impossible bars, {@code strict} refuses the symbol
     * ({@link FailureKind#BAD_DATA}, the {@linkplain Report#summary summary} as the reason); otherwise the result
     * passes unchanged and one warning line names the symbol and the summary. Failures pass unchanged.
     */
    public static FetchResult apply(FetchResult result, boolean strict) {
        if (!(result instanceof FetchResult.Ok ok)) return result;
        Report r = check(ok.series());
        if (r.isClean()) return result;
        if (strict) return FetchResult.failed(r.symbol(), FailureKind.BAD_DATA, r.summary() + " (refused: strict checking)");
        log.warn("{}: {} (kept; strict checking refuses such a symbol)", r.symbol(), r.summary());
        return result;
    }
}
