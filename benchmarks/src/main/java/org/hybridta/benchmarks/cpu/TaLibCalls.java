package org.hybridta.benchmarks.cpu;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
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
 * Each catalog indicator as a TA-Lib user computes it: one call of the matching {@link Core} function over
 * the whole series ({@code startIdx = 0, endIdx = n - 1}) into freshly allocated output arrays of the
 * input's length, one per output, as HybridTA's {@code compute} allocates its outputs. TA-Lib writes its
 * values from index 0 and reports the first bar they belong to in {@code outBegIdx}; a TA-Lib user reads
 * them there, so the values are not shifted (HybridTA's outputs, which line up with the dates, would need
 * that extra copy).
 *
 * <p>Functions and settings: BBANDS with {@code MAType.Sma} and {@code nbDevUp = nbDevDn = k}; STOCH with
 * {@code MAType.Sma} for slow %K and %D; ADX, +DI and -DI are three calls ({@code adx}, {@code plusDI},
 * {@code minusDI}) since TA-Lib has no function that returns them together; TRANGE is {@code trueRange},
 * WILLR {@code willR}.
 */
final class TaLibCalls {
    private TaLibCalls() {}

    /** The name of TA-Lib's function(s) for {@code spec}, for the write-up. */
    static String function(Indicator spec) {
        if (spec instanceof Adx) return "adx + plusDI + minusDI";
        if (spec instanceof Trange) return "trueRange";
        if (spec instanceof Willr) return "willR";
        return spec.spec().split(":")[0];
    }

    /** One series' inputs, held as a TA-Lib user holds them: one array per field. */
    record Inputs(double[] high, double[] low, double[] close, double[] volume) {
        static Inputs of(BarSeries s) {
            return new Inputs(s.high(), s.low(), s.close(), s.volume());
        }
    }

    /** Every output of {@code spec} over the whole of {@code in}, in new arrays. */
    static double[][] compute(Core core, Indicator spec, Inputs in) {
        double[] high = in.high, low = in.low, close = in.close, volume = in.volume;
        int n = close.length;
        int e = n - 1;
        double[][] out = new double[spec.outputs().size()][n];
        MInteger beg = new MInteger(), nb = new MInteger();
        double[] o0 = out[0];
        RetCode rc;
        if (spec instanceof Sma x) rc = core.sma(0, e, close, x.period(), beg, nb, o0);
        else if (spec instanceof Ema x) rc = core.ema(0, e, close, x.period(), beg, nb, o0);
        else if (spec instanceof Wma x) rc = core.wma(0, e, close, x.period(), beg, nb, o0);
        else if (spec instanceof Dema x) rc = core.dema(0, e, close, x.period(), beg, nb, o0);
        else if (spec instanceof Tema x) rc = core.tema(0, e, close, x.period(), beg, nb, o0);
        else if (spec instanceof Rsi x) rc = core.rsi(0, e, close, x.period(), beg, nb, o0);
        else if (spec instanceof Macd x) rc = core.macd(0, e, close, x.fast(), x.slow(), x.signal(), beg, nb, o0, out[1], out[2]);
        else if (spec instanceof Bbands x) rc = core.bbands(0, e, close, x.period(), x.k(), x.k(), MAType.Sma, beg, nb, o0, out[1], out[2]);
        else if (spec instanceof Atr x) rc = core.atr(0, e, high, low, close, x.period(), beg, nb, o0);
        else if (spec instanceof Trange) rc = core.trueRange(0, e, high, low, close, beg, nb, o0);
        else if (spec instanceof Stoch x) {
            rc = core.stoch(0, e, high, low, close, x.fastK(), x.slowK(), MAType.Sma, x.slowD(), MAType.Sma, beg, nb, o0, out[1]);
        } else if (spec instanceof Adx x) {
            check(core.adx(0, e, high, low, close, x.period(), beg, nb, o0), spec);
            check(core.plusDI(0, e, high, low, close, x.period(), beg, nb, out[1]), spec);
            rc = core.minusDI(0, e, high, low, close, x.period(), beg, nb, out[2]);
        } else if (spec instanceof Cci x) rc = core.cci(0, e, high, low, close, x.period(), beg, nb, o0);
        else if (spec instanceof Willr x) rc = core.willR(0, e, high, low, close, x.period(), beg, nb, o0);
        else if (spec instanceof Roc x) rc = core.roc(0, e, close, x.period(), beg, nb, o0);
        else if (spec instanceof Mom x) rc = core.mom(0, e, close, x.period(), beg, nb, o0);
        else if (spec instanceof Obv) rc = core.obv(0, e, close, volume, beg, nb, o0);
        else if (spec instanceof Mfi x) rc = core.mfi(0, e, high, low, close, volume, x.period(), beg, nb, o0);
        else throw new IllegalArgumentException("no TA-Lib function for " + spec.spec());
        check(rc, spec);
        return out;
    }

    private static void check(RetCode rc, Indicator spec) {
        if (rc != RetCode.Success) throw new IllegalStateException("TA-Lib refused " + spec.spec() + ": " + rc);
    }
}
