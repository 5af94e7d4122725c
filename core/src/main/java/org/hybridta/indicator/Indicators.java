package org.hybridta.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.hybridta.io.UntrustedText;

/**
 * The indicator catalog: factories for every spec, and the parser of the text form used on the command
 * line ({@code ema:12}, {@code macd:12:26:9}, {@code bbands:20:2}, {@code obv}).
 *
 * <p>A name without parameters takes the defaults listed in {@link #catalog()} ({@code rsi} is
 * {@code rsi:14}).
 */
public final class Indicators {
    private Indicators() {}

    public static Sma sma(int period) { return new Sma(period); }
    public static Ema ema(int period) { return new Ema(period); }
    public static Wma wma(int period) { return new Wma(period); }
    public static Dema dema(int period) { return new Dema(period); }
    public static Tema tema(int period) { return new Tema(period); }
    public static Rsi rsi(int period) { return new Rsi(period); }
    public static Macd macd(int fast, int slow, int signal) { return new Macd(fast, slow, signal); }
    public static Bbands bbands(int period, double k) { return new Bbands(period, k); }
    public static Atr atr(int period) { return new Atr(period); }
    public static Trange trange() { return new Trange(); }
    public static Stoch stoch(int fastK, int slowK, int slowD) { return new Stoch(fastK, slowK, slowD); }
    public static Adx adx(int period) { return new Adx(period); }
    public static Cci cci(int period) { return new Cci(period); }
    public static Willr willr(int period) { return new Willr(period); }
    public static Roc roc(int period) { return new Roc(period); }
    public static Mom mom(int period) { return new Mom(period); }
    public static Obv obv() { return new Obv(); }
    public static Mfi mfi(int period) { return new Mfi(period); }

    /** One catalog entry: the parameter names and the spec built from no parameters. */
    private record Entry(List<String> params, Function<double[], Indicator> make, Indicator defaults) {}

    private static final Map<String, Entry> CATALOG = new LinkedHashMap<>();

    private static void add(String name, List<String> params, Function<double[], Indicator> make, Indicator defaults) {
        CATALOG.put(name, new Entry(params, make, defaults));
    }

    static {
        add("sma", List.of("period"), p -> sma((int) p[0]), sma(20));
        add("ema", List.of("period"), p -> ema((int) p[0]), ema(20));
        add("wma", List.of("period"), p -> wma((int) p[0]), wma(20));
        add("dema", List.of("period"), p -> dema((int) p[0]), dema(20));
        add("tema", List.of("period"), p -> tema((int) p[0]), tema(20));
        add("rsi", List.of("period"), p -> rsi((int) p[0]), rsi(14));
        add("macd", List.of("fast", "slow", "signal"), p -> macd((int) p[0], (int) p[1], (int) p[2]), macd(12, 26, 9));
        add("bbands", List.of("period", "k"), p -> bbands((int) p[0], p[1]), bbands(20, 2));
        add("atr", List.of("period"), p -> atr((int) p[0]), atr(14));
        add("trange", List.of(), p -> trange(), trange());
        add("stoch", List.of("fastk", "slowk", "slowd"), p -> stoch((int) p[0], (int) p[1], (int) p[2]), stoch(14, 3, 3));
        add("adx", List.of("period"), p -> adx((int) p[0]), adx(14));
        add("cci", List.of("period"), p -> cci((int) p[0]), cci(20));
        add("willr", List.of("period"), p -> willr((int) p[0]), willr(14));
        add("roc", List.of("period"), p -> roc((int) p[0]), roc(10));
        add("mom", List.of("period"), p -> mom((int) p[0]), mom(10));
        add("obv", List.of(), p -> obv(), obv());
        add("mfi", List.of("period"), p -> mfi((int) p[0]), mfi(14));
    }

    /** Every indicator of the catalog with its default parameters, in catalog order. */
    public static List<Indicator> catalog() {
        List<Indicator> all = new ArrayList<>();
        for (Entry e : CATALOG.values()) all.add(e.defaults());
        return List.copyOf(all);
    }

    /**
     * Parses one spec such as {@code ema:12}, {@code macd:12:26:9}, {@code bbands:20:2.5} or {@code obv}.
     * Names are case-insensitive; a name alone takes the default parameters.
     *
     * @throws IllegalArgumentException with a message that names the spec and what is wrong with it
     */
    public static Indicator parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("empty indicator spec");
        String s = spec.strip();
        String[] parts = s.split(":", -1);
        String name = parts[0].toLowerCase(Locale.ROOT);
        Entry e = CATALOG.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown indicator '" + UntrustedText.cap(parts[0]) + "' in '" + UntrustedText.cap(s) + "' (known: "
                    + String.join(", ", CATALOG.keySet()) + ")");
        }
        int given = parts.length - 1;
        if (given == 0) return e.defaults();
        if (given != e.params().size()) {
            String expected = e.params().isEmpty() ? "no parameters" : e.params().size() + " parameter"
                    + (e.params().size() == 1 ? "" : "s") + " (" + String.join(":", e.params()) + ")";
            throw new IllegalArgumentException(name + ": expected " + expected + ", got " + given + " in '" + UntrustedText.cap(s) + "'");
        }
        double[] values = new double[given];
        for (int i = 0; i < given; i++) {
            String param = e.params().get(i);
            String text = parts[i + 1].strip();
            boolean whole = !param.equals("k");
            try {
                values[i] = whole ? Integer.parseInt(text) : Double.parseDouble(text);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(name + ": " + param + " '" + UntrustedText.cap(text) + "' is not " + (whole ? "a whole number" : "a number")
                        + " in '" + UntrustedText.cap(s) + "'");
            }
        }
        try {
            return e.make().apply(values);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(ex.getMessage() + " in '" + UntrustedText.cap(s) + "'", ex);
        }
    }

    /** Parses a comma-separated list of specs, e.g. {@code ema:12,rsi:14,macd:12:26:9}. Duplicates are refused. */
    public static List<Indicator> parseList(String specs) {
        if (specs == null || specs.isBlank()) throw new IllegalArgumentException("no indicators given");
        List<Indicator> out = new ArrayList<>();
        for (String part : specs.split(",")) {
            if (part.isBlank()) throw new IllegalArgumentException("empty indicator spec in '" + UntrustedText.cap(specs) + "'");
            Indicator ind = parse(part);
            if (out.contains(ind)) throw new IllegalArgumentException("indicator " + ind.spec() + " is listed twice");
            out.add(ind);
        }
        return List.copyOf(out);
    }

    /** The output column names of the given indicators, in order. */
    public static List<String> columns(List<? extends Indicator> indicators) {
        List<String> cols = new ArrayList<>();
        for (Indicator ind : indicators) for (Output o : ind.outputs()) cols.add(o.column());
        return List.copyOf(cols);
    }
}
