package org.hybridta.benchmarks.cpu;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.indicator.Adx;
import org.hybridta.indicator.Atr;
import org.hybridta.indicator.Bbands;
import org.hybridta.indicator.Cci;
import org.hybridta.indicator.Dema;
import org.hybridta.indicator.Ema;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Macd;
import org.hybridta.indicator.Mfi;
import org.hybridta.indicator.Mom;
import org.hybridta.indicator.Obv;
import org.hybridta.indicator.Roc;
import org.hybridta.indicator.Rsi;
import org.hybridta.indicator.Sma;
import org.hybridta.indicator.Stoch;
import org.hybridta.indicator.Tema;
import org.hybridta.indicator.Trange;
import org.hybridta.indicator.Willr;
import org.hybridta.indicator.Wma;
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
 * {@code SMAIndicator}s (TA-Lib's slow stochastic); ADX, +DI and -DI are three indicators, as ta4j has no
 * one object for all three. ta4j 0.17 has no momentum indicator: MOM is composed as
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

    /** The ta4j classes used for {@code spec}, for the write-up. */
    static String classes(Indicator spec) {
        if (spec instanceof Sma) return "SMAIndicator";
        if (spec instanceof Ema) return "EMAIndicator";
        if (spec instanceof Wma) return "WMAIndicator";
        if (spec instanceof Dema) return "DoubleEMAIndicator";
        if (spec instanceof Tema) return "TripleEMAIndicator";
        if (spec instanceof Rsi) return "RSIIndicator";
        if (spec instanceof Macd) return "MACDIndicator + EMAIndicator (signal)";
        if (spec instanceof Bbands) return "BollingerBands{Middle,Upper,Lower}Indicator + StandardDeviationIndicator";
        if (spec instanceof Atr) return "ATRIndicator";
        if (spec instanceof Trange) return "TRIndicator";
        if (spec instanceof Stoch) return "Highest/LowestValueIndicator (%K) + 2 SMAIndicator";
        if (spec instanceof Adx) return "ADXIndicator, PlusDIIndicator, MinusDIIndicator";
        if (spec instanceof Cci) return "CCIIndicator";
        if (spec instanceof Willr) return "Highest/LowestValueIndicator (%R)";
        if (spec instanceof Roc) return "ROCIndicator";
        if (spec instanceof Mom) return "none: NumericIndicator close - close.previous(n)";
        if (spec instanceof Obv) return "OnBalanceVolumeIndicator";
        if (spec instanceof Mfi) return "MoneyFlowIndexIndicator";
        throw new IllegalArgumentException("no ta4j equivalent for " + spec.spec());
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
        if (spec instanceof Sma x) return List.of(new SMAIndicator(close, x.period()));
        if (spec instanceof Ema x) return List.of(new EMAIndicator(close, x.period()));
        if (spec instanceof Wma x) return List.of(new WMAIndicator(close, x.period()));
        if (spec instanceof Dema x) return List.of(new DoubleEMAIndicator(close, x.period()));
        if (spec instanceof Tema x) return List.of(new TripleEMAIndicator(close, x.period()));
        if (spec instanceof Rsi x) return List.of(new RSIIndicator(close, x.period()));
        if (spec instanceof Macd x) {
            MACDIndicator macd = new MACDIndicator(close, x.fast(), x.slow());
            EMAIndicator signal = new EMAIndicator(macd, x.signal());
            return List.of(macd, signal, NumericIndicator.of(macd).minus(signal));
        }
        if (spec instanceof Bbands x) {
            BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, x.period()));
            StandardDeviationIndicator sd = new StandardDeviationIndicator(close, x.period());
            Num k = series.numOf(x.k());
            return List.of(new BollingerBandsUpperIndicator(middle, sd, k), middle, new BollingerBandsLowerIndicator(middle, sd, k));
        }
        if (spec instanceof Atr x) return List.of(new ATRIndicator(series, x.period()));
        if (spec instanceof Trange) return List.of(new TRIndicator(series));
        if (spec instanceof Stoch x) {
            org.ta4j.core.Indicator<Num> fastK = ownClasses ? new StochasticOscillatorKIndicator(series, x.fastK())
                    : rangePosition(series, close, x.fastK(), false);
            SMAIndicator slowK = new SMAIndicator(fastK, x.slowK());
            return List.of(slowK, new SMAIndicator(slowK, x.slowD()));
        }
        if (spec instanceof Adx x) {
            return List.of(new ADXIndicator(series, x.period()), new PlusDIIndicator(series, x.period()),
                    new MinusDIIndicator(series, x.period()));
        }
        if (spec instanceof Cci x) return List.of(new CCIIndicator(series, x.period()));
        if (spec instanceof Willr x) {
            return List.of(ownClasses ? new WilliamsRIndicator(series, x.period()) : rangePosition(series, close, x.period(), true));
        }
        if (spec instanceof Roc x) return List.of(new ROCIndicator(close, x.period()));
        if (spec instanceof Mom x) {
            NumericIndicator c = NumericIndicator.of(close);
            return List.of(c.minus(c.previous(x.period())));
        }
        if (spec instanceof Obv) return List.of(new OnBalanceVolumeIndicator(series));
        if (spec instanceof Mfi x) return List.of(new MoneyFlowIndexIndicator(series, x.period()));
        throw new IllegalArgumentException("no ta4j equivalent for " + spec.spec());
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
