package org.hybridta.indicator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hybridta.Field;
import org.hybridta.functions.Functions;

/**
 * An indicator specification: one TA-Lib function of the catalog with its parameter values and, for a function of
 * one or more series, the fields it reads. Specs are immutable values, checked when built (by
 * {@link Indicators#parse}, {@link Indicators#of} or a factory such as {@link Indicators#rsi}); they compute
 * nothing themselves — a {@link org.hybridta.backend.ComputeBackend} does, for whole panels at once.
 *
 * <p>Every output is as long as its input, {@code NaN} before its first valid bar ({@link #lookback()}), and equals
 * TA-Lib C 0.6's value at every bar where TA-Lib gives one. Two specs are equal when their text forms are.
 */
public final class Indicator {
    private final FunctionInfo function;
    private final double[] params;
    private final List<Field> inputFields;
    private final String spec;
    private final int lookback;
    private final List<Output> outputs;

    Indicator(FunctionInfo function, double[] params, List<Field> selected) {
        this.function = function;
        this.params = params.clone();
        this.lookback = Functions.lookback(function.name(), this.params);
        List<Field> fields = new ArrayList<>();
        StringBuilder s = new StringBuilder(function.name());
        for (int i = 0; i < params.length; i++) s.append(':').append(text(function.params().get(i), params[i]));
        StringBuilder chosen = new StringBuilder();
        int real = 0;
        for (InputInfo in : function.inputs()) {
            if (!in.selectable()) {
                fields.addAll(in.fields());
                continue;
            }
            Field f = real < selected.size() ? selected.get(real) : in.fields().get(0);
            fields.add(f);
            chosen.append(real == 0 ? "" : "/").append(f.columnName());
            real++;
        }
        if (!selected.isEmpty()) s.append('@').append(chosen);
        this.inputFields = List.copyOf(fields);
        this.spec = s.toString();
        String column = column(spec);
        List<Output> outs = new ArrayList<>();
        boolean single = function.outputs().size() == 1;
        for (OutputInfo o : function.outputs()) outs.add(new Output(single ? column : column + "_" + o.name(), o.name(), o.type(), lookback));
        this.outputs = List.copyOf(outs);
    }

    /** The column name of a spec: {@code :}, {@code @} and {@code /} replaced by {@code _}. */
    static String column(String spec) {
        return spec.replace(':', '_').replace('@', '_').replace('/', '_');
    }

    /** A parameter value in the text form: a whole number, a number in its shortest form, or an MA type's name. */
    static String text(ParamInfo p, double v) {
        return switch (p.type()) {
            case INTEGER -> Integer.toString((int) v);
            case MA_TYPE -> MaType.of((int) v).text();
            case REAL -> Indicators.number(v);
        };
    }

    /** The function's metadata: group, inputs, parameters with their ranges, outputs. */
    public FunctionInfo function() { return function; }

    /** TA-Lib's function name in lower case, e.g. {@code stochrsi}. */
    public String name() { return function.name(); }

    /** The text form that {@link Indicators#parse(String)} reads back, every parameter given: {@code macd:12:26:9}. */
    public String spec() { return spec; }

    /** The parameter values in TA-Lib's order (MA types as their {@link MaType#ordinal()}); a copy. */
    public double[] params() { return params.clone(); }

    /**
     * The value of a parameter by its TA-Lib name ({@code timeperiod}, {@code nbdevup}; an MA type as its ordinal).
     *
     * @throws IllegalArgumentException if the function has no such parameter
     */
    public double param(String name) {
        List<ParamInfo> ps = function.params();
        for (int i = 0; i < ps.size(); i++) if (ps.get(i).name().equals(name)) return params[i];
        throw new IllegalArgumentException(this.name() + " has no parameter " + name);
    }

    /** A whole-number parameter by name ({@code timeperiod}). */
    public int intParam(String name) { return (int) param(name); }

    /** The outputs, in TA-Lib's order, with their column names, types and lookbacks. */
    public List<Output> outputs() { return outputs; }

    /** The fields read, one per input series of the kernel, in order (e.g. high, low, close). */
    public List<Field> inputFields() { return inputFields; }

    /** The fields this indicator reads. */
    public Set<Field> inputs() {
        return Collections.unmodifiableSet(EnumSet.copyOf(inputFields));
    }

    /** The number of leading bars without a value: TA-Lib's {@code TA_<NAME>_Lookback}. */
    public int lookback() { return lookback; }

    /** The column name of the spec (of its only output, or the prefix of its outputs' columns). */
    public String column() { return column(spec); }

    @Override public boolean equals(Object o) {
        return o instanceof Indicator i && i.spec.equals(spec);
    }

    @Override public int hashCode() { return spec.hashCode(); }

    @Override public String toString() { return spec; }

    static double[] defaults(FunctionInfo f) {
        double[] v = new double[f.params().size()];
        for (int i = 0; i < v.length; i++) v[i] = f.params().get(i).defaultValue();
        return v;
    }
}
