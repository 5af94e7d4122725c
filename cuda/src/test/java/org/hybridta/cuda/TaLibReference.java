package org.hybridta.cuda;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.util.Arrays;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.Panel;
import org.hybridta.indicator.*;

/** TA-Lib's Java port (the oracle) computing a catalog indicator for every series of a panel, series-major like IndicatorValues. */
final class TaLibReference {
    private TaLibReference() {}

    /** One array per output of {@code ind}, NaN before TA-Lib's first value and after each series' end. */
    static double[][] compute(Panel panel, Indicator ind) {
        int n = panel.seriesCount(), bars = panel.barCount();
        int outs = ind.outputs().size();
        double[][] result = new double[outs][n * bars];
        for (double[] r : result) Arrays.fill(r, Double.NaN);
        Core core = new Core();
        for (int s = 0; s < n; s++) {
            int len = panel.length(s);
            if (len == 0) continue;
            double[][] o = new double[outs][len];
            MInteger beg = new MInteger(), nb = new MInteger();
            double[] c = panel.has(Field.CLOSE) ? panel.series(Field.CLOSE, s) : null;
            double[] h = panel.has(Field.HIGH) ? panel.series(Field.HIGH, s) : null;
            double[] l = panel.has(Field.LOW) ? panel.series(Field.LOW, s) : null;
            double[] v = panel.has(Field.VOLUME) ? panel.series(Field.VOLUME, s) : null;
            int e = len - 1;
            RetCode rc;
            if (ind instanceof Sma x) rc = core.sma(0, e, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Ema x) rc = core.ema(0, e, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Wma x) rc = core.wma(0, e, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Dema x) rc = core.dema(0, e, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Tema x) rc = core.tema(0, e, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Rsi x) rc = core.rsi(0, e, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Macd x) rc = core.macd(0, e, c, x.fast(), x.slow(), x.signal(), beg, nb, o[0], o[1], o[2]);
            else if (ind instanceof Bbands x) rc = core.bbands(0, e, c, x.period(), x.k(), x.k(), MAType.Sma, beg, nb, o[0], o[1], o[2]);
            else if (ind instanceof Roc x) rc = core.roc(0, e, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Mom x) rc = core.mom(0, e, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Trange) rc = core.trueRange(0, e, h, l, c, beg, nb, o[0]);
            else if (ind instanceof Atr x) rc = core.atr(0, e, h, l, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Willr x) rc = core.willR(0, e, h, l, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Stoch x) {
                rc = core.stoch(0, e, h, l, c, x.fastK(), x.slowK(), MAType.Sma, x.slowD(), MAType.Sma, beg, nb, o[0], o[1]);
            } else if (ind instanceof Adx x) {
                rc = core.adx(0, e, h, l, c, x.period(), beg, nb, o[0]);
                place(result[0], o[0], s * bars, beg, nb, rc);
                rc = core.plusDI(0, e, h, l, c, x.period(), beg, nb, o[1]);
                place(result[1], o[1], s * bars, beg, nb, rc);
                rc = core.minusDI(0, e, h, l, c, x.period(), beg, nb, o[2]);
                place(result[2], o[2], s * bars, beg, nb, rc);
                continue;
            } else if (ind instanceof Cci x) rc = core.cci(0, e, h, l, c, x.period(), beg, nb, o[0]);
            else if (ind instanceof Obv) rc = core.obv(0, e, c, v, beg, nb, o[0]);
            else if (ind instanceof Mfi x) rc = core.mfi(0, e, h, l, c, v, x.period(), beg, nb, o[0]);
            else throw new IllegalArgumentException("no reference for " + ind.spec());
            for (int k = 0; k < outs; k++) place(result[k], o[k], s * bars, beg, nb, rc);
        }
        return result;
    }

    private static void place(double[] dst, double[] src, int off, MInteger beg, MInteger nb, RetCode rc) {
        if (rc != RetCode.Success) throw new IllegalStateException("TA-Lib: " + rc);
        for (int i = 0; i < nb.value; i++) dst[off + beg.value + i] = src[i];
    }

    /** Every catalog indicator, with defaults and with other parameters that reach other branches. */
    static List<Indicator> specs() {
        return List.of(Indicators.sma(20), Indicators.sma(2), Indicators.ema(12), Indicators.ema(2), Indicators.wma(10),
                Indicators.dema(7), Indicators.tema(5), Indicators.rsi(14), Indicators.rsi(2), Indicators.macd(12, 26, 9),
                Indicators.macd(3, 10, 1), Indicators.bbands(20, 2), Indicators.bbands(5, 1), Indicators.atr(14), Indicators.atr(1),
                Indicators.trange(), Indicators.stoch(14, 3, 3), Indicators.stoch(5, 1, 1), Indicators.stoch(9, 4, 2),
                Indicators.adx(14), Indicators.adx(3), Indicators.cci(20), Indicators.cci(2), Indicators.willr(14), Indicators.willr(3),
                Indicators.roc(10), Indicators.roc(1), Indicators.mom(10), Indicators.mom(1), Indicators.obv(), Indicators.mfi(14),
                Indicators.mfi(3));
    }
}
