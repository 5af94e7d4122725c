package org.hybridta.benchmarks.cpu;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.indicator.Indicator;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.DoubleEMAIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.TripleEMAIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Each catalog indicator as a ta4j 0.17 user computes it: new indicator objects over a {@code DoubleNum}
 * bar series, then {@code getValue(i)} for every bar, copied into a {@code double[]} per output.
 *
 * <p>ta4j caches every value it computes inside the indicator instance, so the indicators are created
 * afresh for every computation; evaluating a cached instance again would measure a list lookup, not the
 * indicator. Multi-output indicators share their parts as a ta4j user would share them: MACD's signal is
 * an {@code EMAIndicator} over the {@code MACDIndicator}, the histogram their difference; Bollinger's bands
 * share the middle band and the standard deviation; STOCH is a fast %K (see below) smoothed by two
 * {@code SMAIndicator}s (TA-Lib's slow stochastic). ta4j 0.17 has no momentum indicator: MOM is composed as
 * {@code close - close.previous(n)} with {@code NumericIndicator}.
 *
 * <p>ta4j 0.17's {@code StochasticOscillatorKIndicator} and {@code WilliamsRIndicator} take time quadratic in
 * the series length: their {@code calculate(i)} creates a new {@code HighestValueIndicator} and
 * {@code LowestValueIndicator} for every bar, and a new cached indicator asked for bar {@code i} first
 * fills its cache list with {@code i + 1} empty slots. A million bars would take many minutes per call, so
 * the benchmarks compose %K and %R from one {@code HighestValueIndicator} and one {@code LowestValueIndicator}
 * with {@code NumericIndicator} (the same values, linear time — the workaround a ta4j user would write);
 * {@link Ta4jQuadraticBenchmarks} measures the classes themselves on shorter series.
 *
 * <p>ta4j's values are not TA-Lib's everywhere: its EMAs (and so DEMA, TEMA, MACD) start from the first
 * value instead of an SMA seed, its Wilder averages (RSI, ATR, ADX) likewise, and its OBV starts at 0.
 * The benchmark compares speed of the same indicator, not bit-identical values.
 */
final class Ta4jCalls {
    private Ta4jCalls() {}

    /** The ta4j classes used for {@code spec}, for the write-up; "none" where ta4j has no equivalent. */
    static String classes(Indicator spec) {
        return switch (spec.name()) {
            case "sma" -> "SMAIndicator";
            case "ema" -> "EMAIndicator";
            case "wma" -> "WMAIndicator";
            case "dema" -> "DoubleEMAIndicator";
            case "tema" -> "TripleEMAIndicator";
            case "rsi" -> "RSIIndicator";
            case "macd" -> "MACDIndicator + EMAIndicator (signal)";
            case "bbands" -> "BollingerBands{Middle,Upper,Lower}Indicator + StandardDeviationIndicator";
            case "atr" -> "ATRIndicator";
            case "trange" -> "TRIndicator";
            case "stoch" -> "Highest/LowestValueIndicator (%K) + 2 SMAIndicator";
            case "adx" -> "ADXIndicator";
            case "plus_di" -> "PlusDIIndicator";
            case "minus_di" -> "MinusDIIndicator";
            case "cci" -> "CCIIndicator";
            case "willr" -> "Highest/LowestValueIndicator (%R)";
            case "roc" -> "ROCIndicator";
            case "mom" -> "none: NumericIndicator close - close.previous(n)";
            case "obv" -> "OnBalanceVolumeIndicator";
            case "mfi" -> "MoneyFlowIndexIndicator";
            default -> "none";
        };
    }

    /** Whether ta4j has an equivalent of {@code spec} (with TA-Lib's default MA types, where it has a parameter). */
    static boolean has(Indicator spec) {
        return !classes(spec).equals("none");
    }

    /** A ta4j bar series with {@code DoubleNum} values and one-day bars, from a HybridTA series. */
    static org.ta4j.core.BarSeries series(BarSeries s) {
        org.ta4j.core.BarSeries t = new BaseBarSeriesBuilder().withName(s.symbol()).withNumTypeOf(DoubleNum.class).build();
        Duration day = Duration.ofDays(1);
        double[] o = s.open(), h = s.high(), l = s.low(), c = s.close(), v = s.volume();
        for (int i = 0; i < s.size(); i++) {
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochSecond((s.epochDay(i) + 1) * 86_400L), ZoneOffset.UTC);
            t.addBar(day, end, o[i], h[i], l[i], c[i], v[i]);
        }
        return t;
    }

    /**
     * The position of the close in the range of the last {@code period} bars, from ta4j's parts: the
     * stochastic's fast %K, {@code 100 * (close - lowest) / (highest - lowest)}, or Williams' %R,
     * {@code -100 * (highest - close) / (highest - lowest)}.
     */
    private static org.ta4j.core.Indicator<Num> rangePosition(org.ta4j.core.BarSeries series, ClosePriceIndicator close,
                                                              int period, boolean williams) {
        HighestValueIndicator highest = new HighestValueIndicator(new HighPriceIndicator(series), period);
        LowestValueIndicator lowest = new LowestValueIndicator(new LowPriceIndicator(series), period);
        NumericIndicator range = NumericIndicator.of(highest).minus(lowest);
        return williams ? NumericIndicator.of(highest).minus(close).dividedBy(range).multipliedBy(-100)
                : NumericIndicator.of(close).minus(lowest).dividedBy(range).multipliedBy(100);
    }

    /** New ta4j indicators for every output of {@code spec}, in HybridTA's output order; see {@link #compute}. */
    static List<org.ta4j.core.Indicator<Num>> indicators(Indicator spec, org.ta4j.core.BarSeries series, boolean ownClasses) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        return switch (spec.name()) {
            case "sma" -> List.of(new SMAIndicator(close, period(spec)));
            case "ema" -> List.of(new EMAIndicator(close, period(spec)));
            case "wma" -> List.of(new WMAIndicator(close, period(spec)));
            case "dema" -> List.of(new DoubleEMAIndicator(close, period(spec)));
            case "tema" -> List.of(new TripleEMAIndicator(close, period(spec)));
            case "rsi" -> List.of(new RSIIndicator(close, period(spec)));
            case "macd" -> {
                MACDIndicator macd = new MACDIndicator(close, spec.intParam("fastperiod"), spec.intParam("slowperiod"));
                EMAIndicator signal = new EMAIndicator(macd, spec.intParam("signalperiod"));
                yield List.of(macd, signal, NumericIndicator.of(macd).minus(signal));
            }
            case "bbands" -> {
                BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, period(spec)));
                StandardDeviationIndicator sd = new StandardDeviationIndicator(close, period(spec));
                Num up = series.numOf(spec.param("nbdevup")), dn = series.numOf(spec.param("nbdevdn"));
                yield List.of(new BollingerBandsUpperIndicator(middle, sd, up), middle, new BollingerBandsLowerIndicator(middle, sd, dn));
            }
            case "atr" -> List.of(new ATRIndicator(series, period(spec)));
            case "trange" -> List.of(new TRIndicator(series));
            case "stoch" -> {
                int fastK = spec.intParam("fastk_period");
                org.ta4j.core.Indicator<Num> k = ownClasses ? new StochasticOscillatorKIndicator(series, fastK)
                        : rangePosition(series, close, fastK, false);
                SMAIndicator slowK = new SMAIndicator(k, spec.intParam("slowk_period"));
                yield List.of(slowK, new SMAIndicator(slowK, spec.intParam("slowd_period")));
            }
            case "adx" -> List.of(new ADXIndicator(series, period(spec)));
            case "plus_di" -> List.of(new PlusDIIndicator(series, period(spec)));
            case "minus_di" -> List.of(new MinusDIIndicator(series, period(spec)));
            case "cci" -> List.of(new CCIIndicator(series, period(spec)));
            case "willr" -> List.of(ownClasses ? new WilliamsRIndicator(series, period(spec)) : rangePosition(series, close, period(spec), true));
            case "roc" -> List.of(new ROCIndicator(close, period(spec)));
            case "mom" -> {
                NumericIndicator c = NumericIndicator.of(close);
                yield List.of(c.minus(c.previous(period(spec))));
            }
            case "obv" -> List.of(new OnBalanceVolumeIndicator(series));
            case "mfi" -> List.of(new MoneyFlowIndexIndicator(series, period(spec)));
            default -> throw new IllegalArgumentException("no ta4j equivalent for " + spec.spec());
        };
    }

    private static int period(Indicator spec) {
        return spec.intParam("timeperiod");
    }

    /**
     * Every output of {@code spec} over the whole series, computed by new ta4j indicators, as {@code double[]}s.
     * STOCH's %K and WILLR are composed from {@code HighestValueIndicator} and {@code LowestValueIndicator}
     * (see the class comment); {@link #computeWithOwnClasses} uses ta4j's classes for them.
     */
    static double[][] compute(Indicator spec, org.ta4j.core.BarSeries series) {
        return evaluate(indicators(spec, series, false), series.getBarCount());
    }

    /** Like {@link #compute} but with ta4j's own (quadratic) {@code StochasticOscillatorKIndicator} and {@code WilliamsRIndicator}. */
    static double[][] computeWithOwnClasses(Indicator spec, org.ta4j.core.BarSeries series) {
        return evaluate(indicators(spec, series, true), series.getBarCount());
    }

    private static double[][] evaluate(List<org.ta4j.core.Indicator<Num>> outputs, int n) {
        int k = outputs.size();
        double[][] out = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) out[j][i] = outputs.get(j).getValue(i).doubleValue();
        }
        return out;
    }
}
