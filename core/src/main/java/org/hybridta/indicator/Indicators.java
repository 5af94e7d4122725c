package org.hybridta.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hybridta.Field;
import org.hybridta.functions.Functions;
import org.hybridta.io.UntrustedText;

/**
 * Builds indicator specs: factories for the common ones, {@link #of} for any function of the catalog, and the
 * parser of the text form.
 *
 * <h2>Text form</h2>
 * TA-Lib's function name in lower case, then its parameters separated by {@code :} — positionally in TA-Lib's
 * order ({@code macd:12:26:9}), by name in any order ({@code stoch:fastk_period=14:slowd_period=5}), or both,
 * positional ones first; parameters not given take TA-Lib's defaults ({@code sma} is {@code sma:30}). MA types are
 * written by name ({@code stochrsi:14:5:3:ema}). A function of one or more series reads the close (two-series
 * functions: high and low) unless fields follow an {@code @}, one per series separated by {@code /}:
 * {@code sma:20@volume}, {@code correl:30@close/open}. {@link Indicator#spec()} is the normal form, with every
 * parameter.
 */
public final class Indicators {
    private Indicators() {}

    public static Indicator sma(int period) { return of("sma", period); }
    public static Indicator ema(int period) { return of("ema", period); }
    public static Indicator wma(int period) { return of("wma", period); }
    public static Indicator dema(int period) { return of("dema", period); }
    public static Indicator tema(int period) { return of("tema", period); }
    public static Indicator rsi(int period) { return of("rsi", period); }
    public static Indicator macd(int fast, int slow, int signal) { return of("macd", fast, slow, signal); }
    /** Bollinger bands around an SMA, {@code k} deviations up and down. */
    public static Indicator bbands(int period, double k) { return of("bbands", period, k, k); }
    public static Indicator atr(int period) { return of("atr", period); }
    public static Indicator trange() { return of("trange"); }
    /** TA-Lib's slow stochastic with SMAs: {@code stoch:fastK:slowK:sma:slowD:sma}. */
    public static Indicator stoch(int fastK, int slowK, int slowD) { return of("stoch", fastK, slowK, MaType.SMA.ordinal(), slowD); }
    public static Indicator adx(int period) { return of("adx", period); }
    public static Indicator cci(int period) { return of("cci", period); }
    public static Indicator willr(int period) { return of("willr", period); }
    public static Indicator roc(int period) { return of("roc", period); }
    public static Indicator mom(int period) { return of("mom", period); }
    public static Indicator obv() { return of("obv"); }
    public static Indicator mfi(int period) { return of("mfi", period); }

    /**
     * The function {@code name} with its first parameters given in TA-Lib's order (MA types as
     * {@link MaType#ordinal()}), the rest at their defaults.
     *
     * @throws IllegalArgumentException naming the function, the parameter and its range
     */
    public static Indicator of(String name, double... params) {
        FunctionInfo f = SpecText.function(name, name);
        if (params.length > f.params().size()) {
            throw new IllegalArgumentException(name + ": " + params.length + " parameters given, " + name + " takes " + SpecText.expected(f));
        }
        double[] v = Indicator.defaults(f);
        System.arraycopy(params, 0, v, 0, params.length);
        return build(f, v, List.of(), name);
    }

    /**
     * The function {@code name} with parameters by TA-Lib name ({@code Map.of("fastk_period", 14, "slowd_matype",
     * MaType.EMA)}; numbers, or MA types as {@link MaType} or their names), the rest at their defaults.
     */
    public static Indicator of(String name, Map<String, ?> params) {
        FunctionInfo f = SpecText.function(name, name);
        double[] v = Indicator.defaults(f);
        for (Map.Entry<String, ?> e : params.entrySet()) {
            int i = SpecText.index(f, e.getKey(), name);
            Object value = e.getValue();
            ParamInfo p = f.params().get(i);
            if (value instanceof MaType t) v[i] = t.ordinal();
            else if (value instanceof Number n) v[i] = n.doubleValue();
            else v[i] = value(f, p, String.valueOf(value), name);
        }
        return build(f, v, List.of(), name);
    }

    /** Every function of the catalog with its default parameters, in catalog order. */
    public static List<Indicator> catalog() {
        List<Indicator> all = new ArrayList<>();
        for (FunctionInfo f : Functions.all()) all.add(new Indicator(f, Indicator.defaults(f), List.of()));
        return List.copyOf(all);
    }

    /** The text that {@link #parseList} reads as every candlestick pattern at its defaults. */
    public static final String ALL_PATTERNS = "cdl:all";

    /** TA-Lib's candlestick patterns (group Pattern Recognition) at their defaults, in catalog order: {@code cdl:all}. */
    public static List<Indicator> patterns() {
        List<Indicator> all = new ArrayList<>();
        for (Indicator ind : catalog()) if (ind.function().group() == Group.PATTERN_RECOGNITION) all.add(ind);
        return List.copyOf(all);
    }

    /** The metadata of every function of the catalog, group by group. */
    public static List<FunctionInfo> functions() {
        return Functions.all();
    }

    /**
     * Parses one spec (see the class documentation): {@code ema:12}, {@code macd:12:26:9}, {@code bbands:20:2},
     * {@code stoch:fastk_period=14}, {@code sma:50@volume}, {@code obv}. Names are case-insensitive.
     *
     * @throws IllegalArgumentException with one line that names the spec, the parameter and what is wrong
     */
    public static Indicator parse(String spec) {
        SpecText t = SpecText.parse(spec, "indicator spec");
        FunctionInfo f = t.function();
        double[] v = Indicator.defaults(f);
        for (int i = 0; i < v.length; i++) if (t.slot(i) != null) v[i] = value(f, f.params().get(i), t.slot(i), t.where());
        List<Field> fields = t.fields() == null ? List.of() : fields(f, t.fields(), t.where());
        return build(f, v, fields, t.where());
    }

    /**
     * Parses a comma-separated list of specs, e.g. {@code ema:12,rsi:14,macd:12:26:9}; {@code cdl:all} stands for every
     * candlestick pattern at its defaults ({@link #patterns()}). Duplicates are refused.
     */
    public static List<Indicator> parseList(String specs) {
        if (specs == null || specs.isBlank()) throw new IllegalArgumentException("no indicators given");
        List<Indicator> out = new ArrayList<>();
        for (String part : specs.split(",")) {
            if (part.isBlank()) throw new IllegalArgumentException("empty indicator spec in '" + UntrustedText.cap(specs) + "'");
            for (Indicator ind : ALL_PATTERNS.equalsIgnoreCase(part.strip()) ? patterns() : List.of(parse(part))) {
                if (out.contains(ind)) throw new IllegalArgumentException("indicator " + ind.spec() + " is listed twice");
                out.add(ind);
            }
        }
        return List.copyOf(out);
    }

    /** The output column names of the given indicators, in order. */
    public static List<String> columns(List<? extends Indicator> indicators) {
        List<String> cols = new ArrayList<>();
        for (Indicator ind : indicators) for (Output o : ind.outputs()) cols.add(o.column());
        return List.copyOf(cols);
    }

    private static double value(FunctionInfo f, ParamInfo p, String text, String where) {
        switch (p.type()) {
            case MA_TYPE -> {
                for (MaType t : MaType.values()) if (t.text().equalsIgnoreCase(text)) return t.ordinal();
                throw new IllegalArgumentException(where + ": " + p.name() + " '" + UntrustedText.cap(text) + "' is not an MA type ("
                        + String.join(", ", Arrays.stream(MaType.values()).map(MaType::text).toList()) + "); TA-Lib's form is "
                        + taLibForm(f));
            }
            case INTEGER -> {
                try {
                    return Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": " + p.name() + " '" + UntrustedText.cap(text) + "' is not a whole number");
                }
            }
            default -> {
                try {
                    double d = Double.parseDouble(text);
                    if (Double.isFinite(d)) return d;
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new IllegalArgumentException(where + ": " + p.name() + " '" + UntrustedText.cap(text) + "' is not a number");
            }
        }
    }

    /** {@code stoch:fastk_period:slowk_period:slowk_matype:...}, e.g. {@code stoch:5:3:sma:3:sma}. */
    private static String taLibForm(FunctionInfo f) {
        StringBuilder names = new StringBuilder(f.name()), example = new StringBuilder(f.name());
        for (ParamInfo p : f.params()) {
            names.append(':').append(p.name());
            example.append(':').append(Indicator.text(p, p.defaultValue()));
        }
        return names + ", e.g. " + example;
    }

    private static List<Field> fields(FunctionInfo f, String text, String where) {
        long selectable = f.inputs().stream().filter(InputInfo::selectable).count();
        String[] names = text.split("/", -1);
        if (selectable == 0) throw new IllegalArgumentException(where + ": " + f.name() + " reads fixed price fields; no '@field' can be chosen");
        if (names.length > selectable) {
            throw new IllegalArgumentException(where + ": " + names.length + " fields given, " + f.name() + " reads " + selectable + " series");
        }
        List<Field> fields = new ArrayList<>();
        for (String n : names) {
            Field field = null;
            for (Field c : Field.values()) if (c.columnName().equalsIgnoreCase(n.strip())) field = c;
            if (field == null) {
                throw new IllegalArgumentException(where + ": unknown field '" + UntrustedText.cap(n) + "' (open, high, low, close, adj_close, volume)");
            }
            fields.add(field);
        }
        return fields;
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Indicator build(FunctionInfo f, double[] v, List<Field> fields, String where) {
        for (int i = 0; i < v.length; i++) {
            ParamInfo p = f.params().get(i);
            if (!(v[i] >= p.min() && v[i] <= p.max()) || (p.type() != ParamType.REAL && v[i] != Math.rint(v[i]))) {
                String range = p.type() == ParamType.MA_TYPE ? "an MA type" : "in [" + Indicator.text(p, p.min()) + ", " + Indicator.text(p, p.max()) + "]";
                throw new IllegalArgumentException(where + ": " + p.name() + " must be " + range + ", was "
                        + number(v[i]));
            }
        }
        String refusal = Functions.refusal(f.name(), v);
        if (refusal != null) throw new IllegalArgumentException(where + ": " + refusal);
        return new Indicator(f, v, fields);
    }
}
