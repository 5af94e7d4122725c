package org.hybridta.cpu;

import java.util.Arrays;
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
 * Dispatches a spec to its kernel. The kernels live in {@link AverageKernels}, {@link OscillatorKernels},
 * {@link RangeKernels} and {@link VolumeKernels}: one static method per indicator, a plain loop over one
 * series' slice {@code [off, off + len)} of the panel's series-major arrays, writing every cell of its
 * outputs in that slice ({@code NaN} before each output's lookback; all {@code NaN} when the series is
 * too short).
 *
 * <p>Each kernel repeats TA-Lib's arithmetic operation for operation (the same running sums, the same
 * order of additions, the same divisions and edge-case thresholds). Java evaluates {@code double}
 * arithmetic exactly as written (no fused multiply-add, no reassociation), so the results are bit-equal
 * to TA-Lib's Java port, not merely close.
 */
final class CpuKernels {
    private CpuKernels() {}

    /** Per-thread scratch buffers (ring buffers of CCI and MFI), grown on demand and reused across series. */
    static final class Scratch {
        private double[] a = new double[0], b = new double[0];

        /** A buffer of at least {@code n} values; contents are undefined. */
        double[] a(int n) {
            if (a.length < n) a = new double[n];
            return a;
        }

        /** A second buffer of at least {@code n} values, distinct from {@link #a(int)}. */
        double[] b(int n) {
            if (b.length < n) b = new double[n];
            return b;
        }
    }

    /**
     * Computes {@code ind} for the series at {@code [off, off + len)} of the input arrays, writing its outputs
     * to {@code out[firstColumn + k][off .. off + len)}.
     */
    static void compute(Indicator ind, CpuBackend.Inputs in, int off, int len, double[][] out, int firstColumn, Scratch scratch) {
        int c = firstColumn;
        if (ind instanceof Sma x) AverageKernels.sma(in.close(), off, len, x.period(), out[c]);
        else if (ind instanceof Ema x) AverageKernels.ema(in.close(), off, len, x.period(), out[c]);
        else if (ind instanceof Wma x) AverageKernels.wma(in.close(), off, len, x.period(), out[c]);
        else if (ind instanceof Dema x) AverageKernels.dema(in.close(), off, len, x.period(), out[c]);
        else if (ind instanceof Tema x) AverageKernels.tema(in.close(), off, len, x.period(), out[c]);
        else if (ind instanceof Macd x) {
            AverageKernels.macd(in.close(), off, len, x.fast(), x.slow(), x.signal(), out[c], out[c + 1], out[c + 2]);
        } else if (ind instanceof Bbands x) {
            AverageKernels.bbands(in.close(), off, len, x.period(), x.k(), out[c], out[c + 1], out[c + 2]);
        } else if (ind instanceof Rsi x) OscillatorKernels.rsi(in.close(), off, len, x.period(), out[c]);
        else if (ind instanceof Roc x) OscillatorKernels.roc(in.close(), off, len, x.period(), out[c]);
        else if (ind instanceof Mom x) OscillatorKernels.mom(in.close(), off, len, x.period(), out[c]);
        else if (ind instanceof Stoch x) {
            OscillatorKernels.stoch(in.high(), in.low(), in.close(), off, len, x.fastK(), x.slowK(), x.slowD(), out[c], out[c + 1]);
        } else if (ind instanceof Willr x) OscillatorKernels.willr(in.high(), in.low(), in.close(), off, len, x.period(), out[c]);
        else if (ind instanceof Cci x) OscillatorKernels.cci(in.high(), in.low(), in.close(), off, len, x.period(), out[c], scratch);
        else if (ind instanceof Trange) RangeKernels.trange(in.high(), in.low(), in.close(), off, len, out[c]);
        else if (ind instanceof Atr x) RangeKernels.atr(in.high(), in.low(), in.close(), off, len, x.period(), out[c]);
        else if (ind instanceof Adx x) {
            RangeKernels.adx(in.high(), in.low(), in.close(), off, len, x.period(), out[c], out[c + 1], out[c + 2]);
        } else if (ind instanceof Obv) VolumeKernels.obv(in.close(), in.volume(), off, len, out[c]);
        else if (ind instanceof Mfi x) {
            VolumeKernels.mfi(in.high(), in.low(), in.close(), in.volume(), off, len, x.period(), out[c], scratch);
        } else {
            throw new AssertionError("no cpu kernel for " + ind.spec());   // unreachable: Indicator is sealed
        }
    }

    /**
     * Fills {@code out[off .. off + min(lookback, len))} with NaN and says whether any value remains to be
     * computed, i.e. whether the series is longer than the lookback.
     */
    static boolean leadingNaN(double[] out, int off, int len, int lookback) {
        Arrays.fill(out, off, off + Math.min(lookback, len), Double.NaN);
        return len > lookback;
    }
}
