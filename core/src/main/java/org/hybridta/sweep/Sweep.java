package org.hybridta.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hybridta.indicator.FunctionInfo;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.MaType;
import org.hybridta.indicator.ParamInfo;
import org.hybridta.indicator.ParamType;
import org.hybridta.indicator.SpecText;
import org.hybridta.io.UntrustedText;

/**
 * One catalog function over a grid of parameter values: every combination of the values given per parameter is
 * one <em>parameter set</em>, one {@link Indicator}. Immutable; each method returns a new sweep.
 *
 * <h2>Text form</h2>
 * The spec's form ({@link Indicators#parse}) with a list of values where a spec has one:
 * <pre>
 *   ema:2..201                         timeperiod 2, 3, ..., 201 (ranges include both ends; step 1)
 *   ema:5,10,20,50..200/50             a list of values and ranges: 5, 10, 20, 50, 100, 150, 200
 *   bbands:10..29:0.75..3/0.25:nbdevup period 10..29 x deviations 0.75..3 in steps of 0.25 (20 x 10 sets);
 *                                      nbdevdn takes nbdevup's value in every set (a tie)
 *   stoch:fastk_period=5..21/4:slowd_matype=sma,ema   by name, any order; MA types by name
 *   sma:10..50/10@volume               fields after '@' as in a spec
 * </pre>
 * Parameters not given take TA-Lib's defaults. Steps of real parameters are exact decimals ({@code 0.1..0.3/0.1} is
 * 0.1, 0.2, 0.3). Every value is checked against the parameter's range ({@link ParamInfo}); an error names the
 * parameter, the value and the range. Sets are ordered with the last parameter varying fastest.
 *
 * <pre>{@code
 * Sweep emas = Sweep.parse("ema:2..201");
 * Sweep bands = Sweep.of("bbands").range("timeperiod", 10, 29, 1).range("nbdevup", 0.75, 3, 0.25).tie("nbdevdn", "nbdevup");
 * List<Indicator> sets = bands.specs();      // 200 specs, bbands:10:0.75:0.75:sma ... bbands:29:3:3:sma
 * }</pre>
 */
public final class Sweep {
    /** The most parameter sets one sweep may have. */
    public static final int MAX_SETS = 1_000_000;

    private final FunctionInfo function;
    /** Per parameter of the function: its values, or null where it is tied. */
    private final double[][] values;
    /** Per parameter: the index of the parameter it takes its value from, or -1. */
    private final int[] ties;
    private final String fields;
    private final List<Indicator> specs;

    private Sweep(FunctionInfo function, double[][] values, int[] ties, String fields, String where) {
        this.function = function;
        this.values = values;
        this.ties = ties;
        this.fields = fields;
        this.specs = expand(where);
    }

    /** A sweep of {@code function} (TA-Lib's name in lower case) with every parameter at its default: one set. */
    public static Sweep of(String function) {
        Objects.requireNonNull(function, "function");
        FunctionInfo f = Indicators.parse(function.strip()).function();   // the parser's message for an unknown name
        double[][] v = new double[f.params().size()][];
        for (int i = 0; i < v.length; i++) v[i] = new double[] {f.params().get(i).defaultValue()};
        int[] ties = new int[v.length];
        Arrays.fill(ties, -1);
        return new Sweep(f, v, ties, "", f.name());
    }

    /**
     * Parses the text form (see the class documentation).
     *
     * @throws IllegalArgumentException with one line naming the grid, the parameter and the problem
     */
    public static Sweep parse(String grid) {
        SpecText t = SpecText.parse(grid, "sweep grid");
        FunctionInfo f = t.function();
        String where = t.where();
        int n = f.params().size();
        double[][] v = new double[n][];
        int[] ties = new int[n];
        Arrays.fill(ties, -1);
        for (int i = 0; i < n; i++) {
            String text = t.slot(i);
            int tie = text == null ? -1 : tieTarget(f, text);
            if (tie >= 0) ties[i] = tie;
            else v[i] = text == null ? new double[] {f.params().get(i).defaultValue()} : values(f.params().get(i), text, where);
        }
        return new Sweep(f, v, checkedTies(f, ties, where), t.fields() == null ? "" : t.fields().strip(), where);
    }

    /** This sweep with parameter {@code name} taking each of {@code values}. */
    public Sweep values(String name, double... values) {
        int i = SpecText.index(function, name, function.name());
        if (values.length == 0) throw new IllegalArgumentException(function.name() + ": no values for " + name);
        for (double d : values) check(function.params().get(i), d, function.name());
        double[][] v = this.values.clone();
        v[i] = values.clone();
        int[] t = ties.clone();
        t[i] = -1;
        return new Sweep(function, v, checkedTies(function, t, function.name()), fields, function.name());
    }

    /** This sweep with parameter {@code name} taking {@code from, from + step, ...} up to and including {@code to}. */
    public Sweep range(String name, double from, double to, double step) {
        int i = SpecText.index(function, name, function.name());
        double[] v = range(function.params().get(i), BigDecimal.valueOf(from), BigDecimal.valueOf(to), BigDecimal.valueOf(step), function.name());
        return values(name, v);
    }

    /** This sweep with parameter {@code name} taking the value of parameter {@code source} in every set (BBANDS' nbdevdn = nbdevup). */
    public Sweep tie(String name, String source) {
        int i = SpecText.index(function, name, function.name());
        int j = SpecText.index(function, source, function.name());
        int[] t = ties.clone();
        t[i] = j;
        double[][] v = values.clone();
        v[i] = null;
        return new Sweep(function, v, checkedTies(function, t, function.name()), fields, function.name());
    }

    /** The function swept. */
    public FunctionInfo function() { return function; }

    /** The parameter sets, one spec each, the last parameter varying fastest. */
    public List<Indicator> specs() { return specs; }

    /** {@code specs().size()}. */
    public int size() { return specs.size(); }

    /** The parameters that take more than one value (in TA-Lib's order): the axes of the grid. */
    public List<ParamInfo> axes() {
        List<ParamInfo> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) if (ties[i] < 0 && values[i].length > 1) out.add(function.params().get(i));
        return List.copyOf(out);
    }

    /** The text form, every parameter given (ranges written out as lists). */
    public String text() {
        StringBuilder sb = new StringBuilder(function.name());
        for (int i = 0; i < values.length; i++) {
            sb.append(':');
            if (ties[i] >= 0) {
                sb.append(function.params().get(ties[i]).name());
                continue;
            }
            for (int k = 0; k < values[i].length; k++) sb.append(k == 0 ? "" : ",").append(text(function.params().get(i), values[i][k]));
        }
        if (!fields.isEmpty()) sb.append('@').append(fields);
        return sb.toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof Sweep s && s.text().equals(text());
    }

    @Override public int hashCode() { return text().hashCode(); }

    @Override public String toString() { return text(); }

    private List<Indicator> expand(String where) {
        int n = values.length;
        long count = 1;
        for (int i = 0; i < n; i++) {
            if (ties[i] < 0) count *= values[i].length;
            if (count > MAX_SETS) {
                throw new IllegalArgumentException(where + ": more than " + MAX_SETS + " parameter sets; sweep fewer values at a time");
            }
        }
        List<Indicator> out = new ArrayList<>((int) count);
        int[] pos = new int[n];
        double[] p = new double[n];
        for (long c = 0; c < count; c++) {
            for (int i = 0; i < n; i++) if (ties[i] < 0) p[i] = values[i][pos[i]];
            for (int i = 0; i < n; i++) if (ties[i] >= 0) p[i] = p[ties[i]];
            StringBuilder spec = new StringBuilder(function.name());
            for (int i = 0; i < n; i++) spec.append(':').append(text(function.params().get(i), p[i]));
            if (!fields.isEmpty()) spec.append('@').append(fields);
            try {
                out.add(Indicators.parse(spec.toString()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": the set " + e.getMessage());
            }
            for (int i = n - 1; i >= 0; i--) {   // the last parameter fastest
                if (ties[i] >= 0 || values[i].length == 1) continue;
                if (++pos[i] < values[i].length) break;
                pos[i] = 0;
            }
        }
        return List.copyOf(out);
    }

    static String text(ParamInfo p, double v) {
        return switch (p.type()) {
            case INTEGER -> Long.toString((long) v);
            case MA_TYPE -> MaType.of((int) v).text();
            case REAL -> v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        };
    }

    /** The parameter a value names (a tie), or -1. MA type names never collide with parameter names. */
    private static int tieTarget(FunctionInfo f, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < f.params().size(); i++) if (f.params().get(i).name().equals(t)) return i;
        return -1;
    }

    private static int[] checkedTies(FunctionInfo f, int[] ties, String where) {
        for (int i = 0; i < ties.length; i++) {
            if (ties[i] < 0) continue;
            ParamInfo a = f.params().get(i), b = f.params().get(ties[i]);
            if (ties[i] == i) throw new IllegalArgumentException(where + ": " + a.name() + " cannot take its own value");
            if (ties[ties[i]] >= 0) throw new IllegalArgumentException(where + ": " + a.name() + " takes " + b.name() + "'s value, which is itself tied");
            if (a.type() != b.type()) throw new IllegalArgumentException(where + ": " + a.name() + " cannot take " + b.name() + "'s value (another type)");
        }
        return ties;
    }

    private static double[] values(ParamInfo p, String text, String where) {
        if (text.isEmpty()) throw new IllegalArgumentException(where + ": no value for " + p.name());
        List<Double> out = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String it = item.strip();
            if (it.isEmpty()) throw new IllegalArgumentException(where + ": " + p.name() + ": empty item in '" + UntrustedText.cap(text) + "'");
            int dots = it.indexOf("..");
            if (dots < 0) {
                double v = one(p, it, where);
                check(p, v, where);
                out.add(v);
                continue;
            }
            if (p.type() == ParamType.MA_TYPE) throw new IllegalArgumentException(where + ": " + p.name() + " is an MA type: list them (sma,ema), no range");
            int slash = it.indexOf('/', dots);
            BigDecimal from = decimal(p, it.substring(0, dots), where);
            BigDecimal to = decimal(p, slash < 0 ? it.substring(dots + 2) : it.substring(dots + 2, slash), where);
            BigDecimal step = slash < 0 ? BigDecimal.ONE : decimal(p, it.substring(slash + 1), where);
            for (double v : range(p, from, to, step, where)) out.add(v);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] range(ParamInfo p, BigDecimal from, BigDecimal to, BigDecimal step, String where) {
        String r = p.name() + " " + from.toPlainString() + ".." + to.toPlainString() + "/" + step.toPlainString();
        if (step.signum() <= 0) throw new IllegalArgumentException(where + ": " + r + ": the step must be positive");
        if (to.compareTo(from) < 0) throw new IllegalArgumentException(where + ": " + r + ": the range ends before it starts");
        if (p.type() == ParamType.INTEGER && step.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(where + ": " + r + ": " + p.name() + " is a whole number; the step must be one too");
        }
        check(p, from.doubleValue(), where);
        check(p, to.doubleValue(), where);
        long n = to.subtract(from).divideToIntegralValue(step).longValueExact() + 1;
        if (n > MAX_SETS) throw new IllegalArgumentException(where + ": " + r + ": more than " + MAX_SETS + " values");
        double[] v = new double[(int) n];
        for (int k = 0; k < n; k++) {
            v[k] = from.add(step.multiply(BigDecimal.valueOf(k))).doubleValue();
            check(p, v[k], where);
        }
        return v;
    }

    private static BigDecimal decimal(ParamInfo p, String text, String where) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + p.name() + " '" + UntrustedText.cap(text.strip()) + "' is not a number");
        }
    }

    private static double one(ParamInfo p, String text, String where) {
        if (p.type() == ParamType.MA_TYPE) {
            for (MaType t : MaType.values()) if (t.text().equalsIgnoreCase(text)) return t.ordinal();
            throw new IllegalArgumentException(where + ": " + p.name() + " '" + UntrustedText.cap(text) + "' is not an MA type ("
                    + String.join(", ", Arrays.stream(MaType.values()).map(MaType::text).toList()) + ")");
        }
        return decimal(p, text, where).doubleValue();
    }

    private static void check(ParamInfo p, double v, String where) {
        if (p.type() == ParamType.INTEGER && v != Math.rint(v)) {
            throw new IllegalArgumentException(where + ": " + p.name() + " " + v + " is not a whole number");
        }
        if (!(v >= p.min() && v <= p.max())) {
            throw new IllegalArgumentException(where + ": " + p.name() + " " + (p.type() == ParamType.MA_TYPE ? "code " + (long) v : text(p, v))
                    + " is outside its range [" + text(p, p.min()) + ", " + text(p, p.max()) + "]");
        }
    }
}
