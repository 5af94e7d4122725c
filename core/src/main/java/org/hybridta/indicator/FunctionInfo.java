package org.hybridta.indicator;

import java.util.List;
import java.util.Objects;

/**
 * What TA-Lib's abstract interface says about one function, and what HybridTA's parser, CLI listing, docs and
 * tests derive from it.
 *
 * @param name        TA-Lib's name in lower case, e.g. {@code stochrsi}
 * @param description TA-Lib's one-line description, e.g. {@code Stochastic Relative Strength Index}
 * @param inputs      inputs in TA-Lib's order
 * @param params      optional parameters in TA-Lib's order (the positional order of the text form)
 * @param outputs     outputs in TA-Lib's order
 * @param overlap     TA-Lib's {@code TA_FUNC_FLG_OVERLAP}: the outputs are on the input's scale (a moving average, bands,
 *                    a price), so they belong on the price chart and are compared with TA-Lib purely relatively
 */
public record FunctionInfo(String name, Group group, String description, List<InputInfo> inputs, List<ParamInfo> params,
                           List<OutputInfo> outputs, boolean overlap) {
    public FunctionInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(description, "description");
        inputs = List.copyOf(inputs);
        params = List.copyOf(params);
        outputs = List.copyOf(outputs);
        if (inputs.isEmpty()) throw new IllegalArgumentException(name + ": no inputs");
        if (outputs.isEmpty()) throw new IllegalArgumentException(name + ": no outputs");
    }

    /** The number of input arrays a kernel reads: the fields of all inputs, in order. */
    public int inputFieldCount() {
        int n = 0;
        for (InputInfo in : inputs) n += in.fields().size();
        return n;
    }

    /**
     * Whether every output is an integer (TA-Lib's {@code outInteger}: the candlestick patterns, HT_TRENDMODE and the
     * index functions), the functions whose kernel may also write {@code int[]} ({@code Functions.intKernel}).
     */
    public boolean integerOutputs() {
        return outputs.stream().allMatch(o -> o.type() == ValueType.INTEGER);
    }
}
