package org.hybridta.functions;

import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCResult;

/**
 * The reference a function of the catalog is compared with: TA-Lib C 0.6 ({@link TaLibC}) called by name with
 * the same flattened inputs and parameter values as {@link FunctionDef#batch}. Tests using it carry
 * {@code @ExtendWith(TaLibCLoaded.class)}.
 */
final class Reference {
    private Reference() {}

    /** TA-Lib's outputs of {@code f}, each as long as the input, NaN where TA-Lib gives no value. */
    static double[][] compute(FunctionDef f, Args args, double[][] in) {
        TaLibCResult r = TaLibC.call(f.name(), in, args.values());
        double[][] out = new double[r.outputs().size()][];
        for (int k = 0; k < out.length; k++) out[k] = r.values(k);
        return out;
    }

    /** TA-Lib's {@code TA_<NAME>_Lookback}. */
    static int lookback(FunctionDef f, Args args) {
        return TaLibC.lookback(f.name(), args.values());
    }
}
