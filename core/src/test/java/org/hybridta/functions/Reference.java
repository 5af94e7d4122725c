package org.hybridta.functions;

import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.meta.CoreMetaData;
import com.tictactec.ta.lib.meta.annotation.InputParameterType;
import com.tictactec.ta.lib.meta.annotation.OutputParameterType;
import java.util.Arrays;
import java.util.Locale;
import org.hybridta.indicator.MaType;

/**
 * The reference a function of the catalog is compared with: TA-Lib called generically by name through its
 * abstract interface, with the same flattened inputs and parameter values as {@link FunctionDef#batch}.
 * The one place that knows which TA-Lib build is the reference (to become TA-Lib C through TaLibC).
 */
final class Reference {
    private Reference() {}

    /** TA-Lib's outputs of {@code f}, each as long as the input, NaN where TA-Lib gives no value. */
    static double[][] compute(FunctionDef f, Args args, double[][] in) {
        int n = in[0].length;
        int outputs = f.info().outputs().size();
        double[][] result = new double[outputs][n];
        for (double[] r : result) Arrays.fill(r, Double.NaN);
        if (n == 0) return result;
        CoreMetaData m = handle(f);
        try {
            int k = 0;
            for (int i = 0; i < m.getFuncInfo().nbInput(); i++) {
                if (m.getInputParameterInfo(i).type() == InputParameterType.TA_Input_Price) {
                    int fields = f.info().inputs().get(i).fields().size();
                    double[][] prices = new double[6][];
                    for (int j = 0; j < fields; j++) prices[slot(f, i, j)] = in[k + j];
                    m.setInputParamPrice(i, prices[0], prices[1], prices[2], prices[3], prices[4], prices[5]);
                    k += fields;
                } else {
                    m.setInputParamReal(i, in[k++]);
                }
            }
            double[] values = args.values();
            for (int i = 0; i < values.length; i++) {
                setOptInput(m, i, values[i]);
            }
            Object[] raw = new Object[outputs];
            for (int i = 0; i < outputs; i++) {
                if (m.getOutputParameterInfo(i).type() == OutputParameterType.TA_Output_Integer) {
                    raw[i] = new int[n];
                    m.setOutputParamInteger(i, raw[i]);
                } else {
                    raw[i] = new double[n];
                    m.setOutputParamReal(i, raw[i]);
                }
            }
            MInteger beg = new MInteger(), nb = new MInteger();
            m.callFunc(0, n - 1, beg, nb);
            for (int i = 0; i < outputs; i++) {
                for (int j = 0; j < nb.value; j++) {
                    result[i][beg.value + j] = raw[i] instanceof int[] ints ? ints[j] : ((double[]) raw[i])[j];
                }
            }
            return result;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("TA-Lib " + f.name() + " " + args + ": " + e, e);
        }
    }

    /** TA-Lib's {@code TA_<NAME>_Lookback}. */
    static int lookback(FunctionDef f, Args args) {
        CoreMetaData m = handle(f);
        double[] values = args.values();
        try {
            for (int i = 0; i < values.length; i++) {
                setOptInput(m, i, values[i]);
            }
            return m.getLookback();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TA-Lib " + f.name() + " lookback: " + e, e);
        }
    }

    private static void setOptInput(CoreMetaData m, int i, double value) {
        switch (m.getOptInputParameterInfo(i).type()) {
            case TA_OptInput_RealRange, TA_OptInput_RealList -> m.setOptInputParamReal(i, value);
            // the Java port takes an MA type by its name only
            case TA_OptInput_IntegerList -> m.setOptInputParamInteger(i, MaType.of((int) value).name());
            default -> m.setOptInputParamInteger(i, (int) value);
        }
    }

    /** The slot of price field {@code j} of input {@code i} in TA-Lib's open, high, low, close, volume, open interest. */
    private static int slot(FunctionDef f, int i, int j) {
        return switch (f.info().inputs().get(i).fields().get(j)) {
            case OPEN -> 0;
            case HIGH -> 1;
            case LOW -> 2;
            case CLOSE, ADJ_CLOSE -> 3;
            case VOLUME -> 4;
        };
    }

    private static CoreMetaData handle(FunctionDef f) {
        try {
            return CoreMetaData.getInstance(f.name().toUpperCase(Locale.ROOT));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("TA-Lib has no function " + f.name(), e);
        }
    }
}
