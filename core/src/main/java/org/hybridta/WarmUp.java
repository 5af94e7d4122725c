package org.hybridta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.hybridta.indicator.Indicator;

/**
 * How many bars before a run's first date its indicators need, so that a value on a date does not depend on the
 * date the run starts: a pipeline fetches {@link #bars} bars before {@code from}, computes over the longer range
 * and writes only {@code [from, to)}.
 *
 * <p>A spec needs its {@link Indicator#lookback() lookback} (the bars before its first value) plus, when it is
 * <b>recursive</b> — each value built on the previous one, as in an EMA, Wilder's smoothing (RSI, ATR, ADX) or
 * KAMA — an allowance for its seed to fade: the seed (an SMA of the first bars, as TA-Lib seeds) keeps a weight
 * that decays geometrically, and the allowance is the number of bars after which that weight is below
 * {@link #RESIDUAL}. For {@code m} smoothings of rate {@code α} in a chain (DEMA: 2, TEMA and TRIX: 3, T3: 6,
 * ADX: Wilder's DM smoothing then the average of DX) the weight left after {@code k} bars is
 * {@code P(Binomial(k, α) < m)}; chains of different rates are bounded with the slowest. An MA type named in a
 * spec ({@code stochrsi:14:5:3:ema}) adds the allowance of that average at the spec's largest period.
 *
 * <p><b>Window</b> functions (SMA, Bollinger bands, STOCH, CCI, …) have no seed: their lookback is enough, and
 * their values are equal whatever the start (up to the rounding of running sums, about 1e-15 relative).
 * <b>Cumulative</b> ones (OBV, AD, ADOSC, NVI, PVI) add up the whole history by definition: they start at the
 * first bar fetched, so their level depends on the start however much is fetched (their changes do not).
 *
 * <p>This table is the one home of this knowledge, keyed by TA-Lib's function name, until the indicator catalog
 * carries it; a test walks the catalog and fails on a function this table does not classify. A spec it does not
 * know is treated as a window function.
 */
public final class WarmUp {
    /**
     * The weight a seed may keep: 1e-9 relative was asked; 1e-10 leaves room for rounding, and a further 1e-3
     * covers outputs that are differences of smoothed prices (MACD and its histogram are about 1/1000 of the
     * prices they come from, so an error relative to the price weighs 1000 times more relative to them).
     */
    static final double RESIDUAL = 1e-13;

    /** The MA types a spec may name ({@code ma:30:ema}, {@code stochrsi:14:5:3:t3}) whose seed fades geometrically. */
    private static final Set<String> RECURSIVE_MA_TYPES = Set.of("ema", "dema", "tema", "t3", "kama", "mama");

    /** What a function remembers. */
    private enum Kind { WINDOW, RECURSIVE, CUMULATIVE }

    /** Per function: its kind, and for recursive ones the allowance from the spec's numeric parameters. */
    private record Rule(Kind kind, ToLongFunction<double[]> allowance) {}

    /** A chain of {@code stages} smoothings, the slowest of rate {@code alpha} (the weight of the newest bar). */
    record Decay(double alpha, int stages) {}

    private static final Rule WINDOW = new Rule(Kind.WINDOW, p -> 0);

    private static final Map<String, Rule> RULES = rules();

    private WarmUp() {}

    /** The bars to fetch before {@code from} for all of {@code indicators}: the most any of them needs. */
    public static int bars(List<? extends Indicator> indicators) {
        int max = 0;
        for (Indicator ind : indicators) max = Math.max(max, bars(ind));
        return max;
    }

    /** The bars {@code indicator} needs before a date for its value there not to depend on the start: lookback plus allowance. */
    public static int bars(Indicator indicator) {
        return (int) Math.min(Integer.MAX_VALUE, (long) indicator.lookback() + allowance(indicator.spec()));
    }

    /**
     * Whether the indicator adds up the whole history (OBV, AD, …): its values depend on the first bar fetched,
     * whatever the warm-up.
     */
    public static boolean isCumulative(Indicator indicator) {
        Rule r = rule(indicator.name());
        return r != null && r.kind == Kind.CUMULATIVE;
    }

    /** Whether this table classifies the function {@code name} (window, recursive or cumulative). */
    static boolean knows(String name) {
        return rule(name) != null;
    }

    /** The rule of a function; candlestick patterns ({@code cdl…}) look at a few bars and windows of body sizes. */
    private static Rule rule(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("cdl") ? WINDOW : RULES.get(n);
    }

    /** The bars beyond the lookback for the seed of {@code spec} (its text form) to fade below {@link #RESIDUAL}. */
    static long allowance(String spec) {
        String[] parts = spec.toLowerCase(Locale.ROOT).split(":");
        List<Double> numbers = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            try {
                numbers.add(Double.parseDouble(parts[i]));
            } catch (NumberFormatException e) {
                words.add(parts[i]);
            }
        }
        double[] p = numbers.stream().mapToDouble(Double::doubleValue).toArray();
        Rule rule = rule(parts[0]);
        long bars = rule == null ? 0 : rule.allowance.applyAsLong(p);
        // an MA type chained after (or inside) the function: conservatively at the spec's largest period
        double period = 0;
        for (double v : p) period = Math.max(period, v);
        for (String w : words) {
            if (RECURSIVE_MA_TYPES.contains(w) && period >= 1) bars += RULES.get(w).allowance.applyAsLong(new double[] {period});
        }
        return bars;
    }

    /** The smallest {@code k} with {@code P(Binomial(k, alpha) < stages) < RESIDUAL}: the seed's weight after k bars. */
    static long decayBars(Decay d) {
        double alpha = d.alpha;
        if (!(alpha > 0)) return 0;
        if (alpha >= 1) return d.stages;
        long lo = 0, hi = 1;
        while (residual(hi, alpha, d.stages) >= RESIDUAL) hi *= 2;
        while (lo < hi) {   // the residual falls with k: bisect for the first k below RESIDUAL
            long mid = (lo + hi) >>> 1;
            if (residual(mid, alpha, d.stages) < RESIDUAL) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /** {@code P(Binomial(k, alpha) < m)}, in logarithms so that long chains do not underflow early. */
    private static double residual(long k, double alpha, int m) {
        double sum = 0, logBinomial = 0;   // log C(k, j), built up j by j
        for (int j = 0; j < m && j <= k; j++) {
            if (j > 0) logBinomial += Math.log((double) (k - j + 1) / j);
            sum += Math.exp(logBinomial + j * Math.log(alpha) + (k - j) * Math.log1p(-alpha));
        }
        return sum;
    }

    private static long ema(double period, int stages) {
        return decayBars(new Decay(2 / (period + 1), stages));
    }

    private static long wilder(double period, int stages) {
        return decayBars(new Decay(1 / period, stages));
    }

    private static double param(double[] p, int i, double fallback) {
        return i < p.length ? p[i] : fallback;
    }

    private static Map<String, Rule> rules() {
        Map<String, Rule> m = new java.util.HashMap<>();
        // recursive, with TA-Lib's parameter order and defaults
        recursive(m, p -> ema(param(p, 0, 30), 1), "ema");
        recursive(m, p -> ema(param(p, 0, 30), 2), "dema");
        recursive(m, p -> ema(param(p, 0, 30), 3), "tema", "trix");
        recursive(m, p -> ema(param(p, 0, 5), 6), "t3");
        // the line is EMA(fast) - EMA(slow), the signal an EMA of the line: two stages, at the slower rate
        recursive(m, p -> ema(Math.max(param(p, 1, 26), param(p, 2, 9)), 2), "macd");
        recursive(m, p -> ema(Math.max(26, param(p, 0, 9)), 2), "macdfix");
        recursive(m, p -> wilder(param(p, 0, 14), 1), "rsi", "cmo", "atr", "natr", "dx", "plus_di", "minus_di", "plus_dm", "minus_dm",
                "stochrsi");
        // ADX is Wilder's average of DX, itself from Wilder-smoothed DM and TR; ADXR averages ADX with its value n bars back
        recursive(m, p -> wilder(param(p, 0, 14), 2), "adx", "adxr");
        // KAMA's smoothing constant is at least (2 / (30 + 1))^2, TA-Lib's fixed slow end, where the market has no trend
        recursive(m, p -> decayBars(new Decay(Math.pow(2.0 / 31, 2), 1)), "kama");
        // MAMA adapts between its fast and slow limits (the slowest rate counts), after the Hilbert transform's smoothing
        recursive(m, p -> decayBars(new Decay(Math.min(param(p, 1, 0.05), 0.2), 7)), "mama");
        // the Hilbert transform family: chained 0.2/0.8 smoothings (of the quadrature, the phasor, the period) in a
        // nonlinear feedback loop: six stages of rate 0.2 is an estimate, not a bound
        recursive(m, p -> decayBars(new Decay(0.2, 6)), "ht_dcperiod", "ht_dcphase", "ht_phasor", "ht_sine", "ht_trendline", "ht_trendmode");
        // Parabolic SAR forgets its start at its trend reversals, which daily prices show every few weeks: a year of them,
        // an estimate, not a bound
        recursive(m, p -> 252, "sar", "sarext");
        for (String name : List.of("obv", "ad", "adosc", "nvi", "pvi")) m.put(name, new Rule(Kind.CUMULATIVE, p -> 0));
        for (String name : List.of("sma", "wma", "trima", "ma", "mavp", "bbands", "accbands", "stoch", "stochf", "cci", "willr", "roc",
                "rocp", "rocr", "rocr100", "mom", "mfi", "imi", "trange", "apo", "ppo", "macdext", "aroon", "aroonosc", "avgdev", "avgprice",
                "medprice", "typprice", "wclprice", "bop", "beta", "correl", "linearreg", "linearreg_angle", "linearreg_intercept",
                "linearreg_slope", "tsf", "stddev", "var", "max", "min", "maxindex", "minindex", "minmax", "minmaxindex", "midpoint",
                "midprice", "sum", "ultosc", "acos", "asin", "atan", "ceil", "cos", "cosh", "exp", "floor", "ln", "log10", "sin", "sinh",
                "sqrt", "tan", "tanh", "add", "sub", "mult", "div")) {
            // window functions (apo, ppo, macdext, ma, mavp: recursive only through an MA type they name)
            m.put(name, WINDOW);
        }
        return Map.copyOf(m);
    }

    private static void recursive(Map<String, Rule> m, ToLongFunction<double[]> allowance, String... names) {
        for (String n : names) m.put(n, new Rule(Kind.RECURSIVE, allowance));
    }
}
