package org.hybridta.functions;

import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCResult;

/**
 * The reference a function of the catalog is compared with: TA-Lib C ({@link TaLibC}) called by name through its
 * abstract interface, with the same flattened inputs and parameter values as {@link FunctionDef#batch}.
 * The one place that knows which TA-Lib build is the reference.
 */
final class Reference {
    private Reference() {}

    /** TA-Lib's outputs of {@code f}, each as long as the input, NaN where TA-Lib gives no value. */
    static double[][] compute(FunctionDef f, Args args, double[][] in) {
        TaLibCResult r = TaLibC.call(f.name(), in, args.values());
        double[][] result = new double[r.outputs().size()][];
        for (int k = 0; k < result.length; k++) result[k] = r.values(k);
        return result;
    }

    /** TA-Lib's {@code TA_<NAME>_Lookback}. */
    static int lookback(FunctionDef f, Args args) {
        return TaLibC.lookback(f.name(), args.values());
    }
}
