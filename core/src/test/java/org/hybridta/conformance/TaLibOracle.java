package org.hybridta.conformance;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.util.Arrays;
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

/**
 * The reference: TA-Lib's Java port ({@code com.tictactec:ta-lib:0.4.0}) with its default settings
 * (classic compatibility, no unstable periods), called with {@code startIdx = 0, endIdx = n - 1}, its
 * output shifted to {@code outBegIdx} and padded with {@code NaN} to the input's length: the shape every
 * backend returns.
 *
 * <p>BBANDS is TA-Lib's with {@code MAType.Sma} and {@code nbDevUp = nbDevDn = k}; STOCH uses
 * {@code MAType.Sma} for slow %K and %D; ADX, +DI and -DI come from three calls ({@code adx},
 * {@code plusDI}, {@code minusDI}), each with its own {@code outBegIdx}.
 */
public final class TaLibOracle {
    // Core keeps only settings, which nothing here changes, so one instance serves every thread
    private static final Core CORE = new Core();

    private TaLibOracle() {}

    /** TA-Lib's values of every output of {@code spec} for {@code series}, each as long as the series. */
    public static double[][] compute(Indicator spec, BarSeries series) {
        return compute(spec, series.high(), series.low(), series.close(), series.volume());
    }

    /** TA-Lib's values of every output of {@code spec}, each as long as {@code close}, NaN where TA-Lib gives none. */
    public static double[][] compute(Indicator spec, double[] high, double[] low, double[] close, double[] volume) {
        int n = close.length;
        int outputs = spec.outputs().size();
        double[][] raw = new double[outputs][n];
        double[][] result = new double[outputs][n];
        for (double[] r : result) Arrays.fill(r, Double.NaN);
        if (n == 0) return result;                       // TA-Lib refuses endIdx < 0
        int e = n - 1;
        MInteger beg = new MInteger(), nb = new MInteger();
        double[] o0 = raw[0];
        if (spec instanceof Sma x) check(CORE.sma(0, e, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Ema x) check(CORE.ema(0, e, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Wma x) check(CORE.wma(0, e, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Dema x) check(CORE.dema(0, e, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Tema x) check(CORE.tema(0, e, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Rsi x) check(CORE.rsi(0, e, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Macd x) {
            check(CORE.macd(0, e, close, x.fast(), x.slow(), x.signal(), beg, nb, o0, raw[1], raw[2]), spec);
        } else if (spec instanceof Bbands x) {
            // outputs in spec order: upper, middle, lower
            check(CORE.bbands(0, e, close, x.period(), x.k(), x.k(), MAType.Sma, beg, nb, o0, raw[1], raw[2]), spec);
        } else if (spec instanceof Atr x) check(CORE.atr(0, e, high, low, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Trange) check(CORE.trueRange(0, e, high, low, close, beg, nb, o0), spec);
        else if (spec instanceof Stoch x) {
            check(CORE.stoch(0, e, high, low, close, x.fastK(), x.slowK(), MAType.Sma, x.slowD(), MAType.Sma,
                    beg, nb, o0, raw[1]), spec);
        } else if (spec instanceof Adx x) {
            check(CORE.adx(0, e, high, low, close, x.period(), beg, nb, o0), spec);
            place(raw[0], result[0], beg, nb);
            check(CORE.plusDI(0, e, high, low, close, x.period(), beg, nb, raw[1]), spec);
            place(raw[1], result[1], beg, nb);
            check(CORE.minusDI(0, e, high, low, close, x.period(), beg, nb, raw[2]), spec);
            place(raw[2], result[2], beg, nb);
            return result;
        } else if (spec instanceof Cci x) check(CORE.cci(0, e, high, low, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Willr x) check(CORE.willR(0, e, high, low, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Roc x) check(CORE.roc(0, e, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Mom x) check(CORE.mom(0, e, close, x.period(), beg, nb, o0), spec);
        else if (spec instanceof Obv) check(CORE.obv(0, e, close, volume, beg, nb, o0), spec);
        else if (spec instanceof Mfi x) check(CORE.mfi(0, e, high, low, close, volume, x.period(), beg, nb, o0), spec);
        else throw new AssertionError("no TA-Lib reference for " + spec.spec());
        for (int k = 0; k < outputs; k++) place(raw[k], result[k], beg, nb);
        return result;
    }

    /** TA-Lib's lookback of each output of {@code spec} (its {@code *Lookback} functions), in output order. */
    public static int[] lookbacks(Indicator spec) {
        if (spec instanceof Sma x) return same(spec, CORE.smaLookback(x.period()));
        if (spec instanceof Ema x) return same(spec, CORE.emaLookback(x.period()));
        if (spec instanceof Wma x) return same(spec, CORE.wmaLookback(x.period()));
        if (spec instanceof Dema x) return same(spec, CORE.demaLookback(x.period()));
        if (spec instanceof Tema x) return same(spec, CORE.temaLookback(x.period()));
        if (spec instanceof Rsi x) return same(spec, CORE.rsiLookback(x.period()));
        if (spec instanceof Macd x) return same(spec, CORE.macdLookback(x.fast(), x.slow(), x.signal()));
        if (spec instanceof Bbands x) return same(spec, CORE.bbandsLookback(x.period(), x.k(), x.k(), MAType.Sma));
        if (spec instanceof Atr x) return same(spec, CORE.atrLookback(x.period()));
        if (spec instanceof Trange) return same(spec, CORE.trueRangeLookback());
        if (spec instanceof Stoch x) {
            return same(spec, CORE.stochLookback(x.fastK(), x.slowK(), MAType.Sma, x.slowD(), MAType.Sma));
        }
        if (spec instanceof Adx x) {
            return new int[] {CORE.adxLookback(x.period()), CORE.plusDILookback(x.period()), CORE.minusDILookback(x.period())};
        }
        if (spec instanceof Cci x) return same(spec, CORE.cciLookback(x.period()));
        if (spec instanceof Willr x) return same(spec, CORE.willRLookback(x.period()));
        if (spec instanceof Roc x) return same(spec, CORE.rocLookback(x.period()));
        if (spec instanceof Mom x) return same(spec, CORE.momLookback(x.period()));
        if (spec instanceof Obv) return same(spec, CORE.obvLookback());
        if (spec instanceof Mfi x) return same(spec, CORE.mfiLookback(x.period()));
        throw new AssertionError("no TA-Lib lookback for " + spec.spec());
    }

    private static int[] same(Indicator spec, int lookback) {
        int[] l = new int[spec.outputs().size()];
        Arrays.fill(l, lookback);
        return l;
    }

    private static void check(RetCode rc, Indicator spec) {
        if (rc != RetCode.Success) throw new IllegalStateException("TA-Lib refused " + spec.spec() + ": " + rc);
    }

    private static void place(double[] raw, double[] result, MInteger beg, MInteger nb) {
        System.arraycopy(raw, 0, result, beg.value, nb.value);
    }
}
