package org.hybridta.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.FunctionInfo;
import org.hybridta.indicator.Group;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.OutputInfo;
import org.hybridta.indicator.ValueType;

/**
 * The catalog as the rest of HybridTA sees it: the functions' metadata (which the parser, CLI listing and docs
 * derive from), their lookbacks and their CPU kernels. Everything else in this package is internal.
 */
public final class Functions {
    private Functions() {}

    /** Every ported function, group by group in TA-Lib's order. */
    public static List<FunctionInfo> all() {
        List<FunctionInfo> out = new ArrayList<>();
        for (FunctionDef f : Catalog.all()) out.add(f.info());
        return List.copyOf(out);
    }

    /** The function of that lower-case TA-Lib name, if ported. */
    public static Optional<FunctionInfo> find(String name) {
        return Catalog.find(name).map(FunctionDef::info);
    }

    /** TA-Lib's functions not ported yet, with their groups. */
    public static Map<String, Group> pending() {
        return Catalog.pending();
    }

    /** TA-Lib's lookback of {@code function} with these parameter values (in TA-Lib's order, already range-checked). */
    public static int lookback(String function, double[] params) {
        return def(function).lookback(Args.of(params));
    }

    /** Why these in-range parameter values are refused (TA-Lib C fails on them), or null. */
    public static String refusal(String function, double[] params) {
        return def(function).refusal(Args.of(params));
    }

    /** The CPU kernel of {@code indicator}. */
    public static Kernel kernel(Indicator indicator) {
        FunctionDef f = def(indicator.name());
        Args args = Args.of(indicator.params());
        String spec = indicator.spec();
        return (in, off, len, out) -> {
            requireOwnOutputs(spec, in, out);
            f.batch(args, in, off, len, out);
        };
    }

    /** {@link Kernel}'s rule: no output array is also an input (a few identity comparisons a series). */
    private static void requireOwnOutputs(String spec, double[][] in, double[][] out) {
        for (int k = 0; k < out.length; k++) {
            for (int j = 0; j < in.length; j++) {
                if (out[k] == in[j]) {
                    throw new IllegalArgumentException(spec + ": output " + k + " is the same array as input " + j
                            + "; a kernel needs an output array of its own");
                }
            }
        }
    }

    /**
     * The CPU kernel of {@code indicator} into {@code int[]} outputs, as TA-Lib writes them, for a function whose
     * outputs are all integers ({@code cdl*}, {@code ht_trendmode}, {@code minindex}, {@code maxindex},
     * {@code minmaxindex}): {@link IntKernel}.
     *
     * @throws IllegalArgumentException if one of its outputs is real
     */
    public static IntKernel intKernel(Indicator indicator) {
        FunctionDef f = def(indicator.name());
        if (!f.info().integerOutputs()) {
            OutputInfo real = f.info().outputs().stream().filter(o -> o.type() == ValueType.REAL).findFirst().orElseThrow();
            throw new IllegalArgumentException(indicator.spec() + ": output " + real.name() + " is real, not an integer; use Functions.kernel");
        }
        Args args = Args.of(indicator.params());
        return (in, off, len, out) -> f.batchInt(args, in, off, len, out);
    }

    /**
     * A new streaming step of {@code indicator} for one series: fed bar by bar it gives the batch kernel's values bit
     * for bit. Pattern steps read the {@link org.hybridta.indicator.CandleSettings} current now.
     */
    public static IndicatorStep step(Indicator indicator) {
        return step(indicator, CandleSettings.current());
    }

    /** Like {@link #step(Indicator)}, a pattern's step under {@code settings} rather than the current ones. */
    public static IndicatorStep step(Indicator indicator, CandleSettings settings) {
        return new IndicatorStep(indicator, def(indicator.name()).step(Args.of(indicator.params()), settings));
    }

    private static FunctionDef def(String function) {
        return Catalog.find(function).orElseThrow(() -> new IllegalArgumentException("no function " + function + " in the catalog"));
    }
}
