package org.hybridta.conformance;

import java.util.Arrays;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.indicator.Indicator;

/**
 * The reference of a spec: TA-Lib C 0.6 ({@link TaLibC}) called with the spec's function name, its input fields
 * and parameter values, over the whole series ({@code startIdx = 0, endIdx = n - 1}), its outputs placed at
 * {@code outBegIdx} and padded with {@code NaN} to the input's length: the shape every backend returns. Tests that
 * use it carry {@code @ExtendWith(TaLibCLoaded.class)}.
 */
public final class TaLibOracle {
    private TaLibOracle() {}

    /** TA-Lib's values of every output of {@code spec} for {@code series}, each as long as the series. */
    public static double[][] compute(Indicator spec, BarSeries series) {
        List<Field> fields = spec.inputFields();
        double[][] in = new double[fields.size()][];
        for (int k = 0; k < in.length; k++) in[k] = series.values(fields.get(k));
        int outputs = spec.outputs().size();
        if (series.size() == 0) {
            double[][] empty = new double[outputs][0];
            return empty;
        }
        TaLibCResult r = TaLibC.call(spec.name(), in, spec.params());
        double[][] out = new double[outputs][];
        for (int k = 0; k < outputs; k++) out[k] = r.values(k);
        return out;
    }

    /** TA-Lib's lookback of each output of {@code spec} ({@code TA_<NAME>_Lookback}), in output order. */
    public static int[] lookbacks(Indicator spec) {
        int[] l = new int[spec.outputs().size()];
        Arrays.fill(l, TaLibC.lookback(spec.name(), spec.params()));
        return l;
    }
}
