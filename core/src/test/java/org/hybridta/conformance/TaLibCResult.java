package org.hybridta.conformance;

import java.util.List;

/**
 * One call of a TA-Lib C function over a whole series ({@code startIdx = 0, endIdx = length - 1}), its
 * outputs placed the way HybridTA returns them: every output array is as long as the input and the value at
 * bar {@code i} is TA-Lib's {@code out[i - begIdx]} for {@code begIdx <= i < begIdx + nbElement}.
 *
 * @param function  TA-Lib's name of the function
 * @param length    the input's length
 * @param begIdx    TA-Lib's {@code outBegIdx}: the first bar with a value (0 when there is none)
 * @param nbElement TA-Lib's {@code outNbElement}: how many bars have a value
 * @param outputs   the outputs, in TA-Lib's order
 */
public record TaLibCResult(String function, int length, int begIdx, int nbElement, List<Output> outputs) {
    public TaLibCResult {
        outputs = List.copyOf(outputs);
    }

    /**
     * One output over the whole series.
     *
     * @param name      TA-Lib's output name ({@code "outReal"}, {@code "outMACDSignal"})
     * @param isInteger whether TA-Lib writes integers
     * @param values    the values, {@code NaN} at bars without one; an integer output's values exactly as doubles
     * @param integers  an integer output's values, 0 at bars without one ({@link #valid(int)} tells which);
     *                  empty for a real output
     */
    public record Output(String name, boolean isInteger, double[] values, int[] integers) {}

    /** The first bar after the last value: {@code begIdx + nbElement}. */
    public int end() { return begIdx + nbElement; }

    /** Whether TA-Lib gives a value at {@code bar}. */
    public boolean valid(int bar) { return bar >= begIdx && bar < end(); }

    /** The {@code i}-th output's values (NaN where TA-Lib gives none). */
    public double[] values(int i) { return outputs.get(i).values(); }

    /** The {@code i}-th output, which must be an integer output, as integers (0 where TA-Lib gives none). */
    public int[] integers(int i) {
        Output out = outputs.get(i);
        if (!out.isInteger()) throw new IllegalArgumentException(function + "'s output " + out.name() + " is a real output; use values(" + i + ")");
        return out.integers();
    }

    /** The output with this TA-Lib name ({@code "outMACDSignal"}). */
    public Output output(String name) {
        for (Output o : outputs) if (o.name().equals(name)) return o;
        throw new IllegalArgumentException(function + " has no output " + name + "; its outputs are "
                + outputs.stream().map(Output::name).toList());
    }
}
