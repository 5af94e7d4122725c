package org.hybridta.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hybridta.io.UntrustedText;

/**
 * What a reduced sweep keeps of each output series (one symbol, one parameter set, one output), over the bars of the
 * range, {@code [from, length)} of the series (the warm-up before {@code from} is left out):
 * <ul>
 *   <li>{@code last}: the value at the last bar (NaN where it has none);</li>
 *   <li>{@code mean}, {@code min}, {@code max}: of the values that are not NaN (NaN where there are none);</li>
 *   <li>{@code count:>L}, {@code count:<L}: how many bars have a value above (below) the level {@code L};</li>
 *   <li>{@code cross}: the latest bar where the close crosses the output — from at or below it to above
 *       (direction +1), or from at or above it to below (direction -1): {@code close[t-1] <= out[t-1]} and
 *       {@code close[t] > out[t]}, for bars {@code t} of the range with {@code t >= 1}; NaN where it never does;</li>
 *   <li>{@code cross:L}: the same for the output crossing the level {@code L} (RSI crossing 30).</li>
 * </ul>
 * A crossing gives two numbers, {@link Stat#CROSS_BAR} (the bar index in the series) and {@link Stat#CROSS_DIRECTION}.
 * One request holds at most one level per kind ({@code count:>}, {@code count:<}, {@code cross:L}), so that one pass of
 * one kernel computes them all.
 *
 * @param kind  what is kept
 * @param level the level of {@code count} and {@code cross:L}; NaN for the others
 */
public record Reduction(Kind kind, double level) {
    /** The kinds of reduction. */
    public enum Kind { LAST, MEAN, MIN, MAX, COUNT_ABOVE, COUNT_BELOW, CROSS_CLOSE, CROSS_LEVEL }

    /**
     * The numbers one pass computes per output series, whatever was asked: a reduction picks some of them. Their
     * {@link #ordinal()} is their slot in {@link SweepSummary} and in the device kernel's output.
     */
    public enum Stat { LAST, MEAN, MIN, MAX, COUNT_ABOVE, COUNT_BELOW, CROSS_BAR, CROSS_DIRECTION, LEVEL_CROSS_BAR, LEVEL_CROSS_DIRECTION }

    public static final Reduction LAST = new Reduction(Kind.LAST, Double.NaN);
    public static final Reduction MEAN = new Reduction(Kind.MEAN, Double.NaN);
    public static final Reduction MIN = new Reduction(Kind.MIN, Double.NaN);
    public static final Reduction MAX = new Reduction(Kind.MAX, Double.NaN);
    public static final Reduction CROSS = new Reduction(Kind.CROSS_CLOSE, Double.NaN);

    public Reduction {
        boolean leveled = kind == Kind.COUNT_ABOVE || kind == Kind.COUNT_BELOW || kind == Kind.CROSS_LEVEL;
        if (leveled && !Double.isFinite(level)) throw new IllegalArgumentException(kind + " needs a finite level, was " + level);
        if (!leveled) level = Double.NaN;
    }

    /** Bars with a value above {@code level}. */
    public static Reduction countAbove(double level) { return new Reduction(Kind.COUNT_ABOVE, level); }

    /** Bars with a value below {@code level}. */
    public static Reduction countBelow(double level) { return new Reduction(Kind.COUNT_BELOW, level); }

    /** The latest crossing of {@code level} by the output. */
    public static Reduction crossLevel(double level) { return new Reduction(Kind.CROSS_LEVEL, level); }

    /** The numbers this reduction reports, in order. */
    public List<Stat> stats() {
        return switch (kind) {
            case LAST -> List.of(Stat.LAST);
            case MEAN -> List.of(Stat.MEAN);
            case MIN -> List.of(Stat.MIN);
            case MAX -> List.of(Stat.MAX);
            case COUNT_ABOVE -> List.of(Stat.COUNT_ABOVE);
            case COUNT_BELOW -> List.of(Stat.COUNT_BELOW);
            case CROSS_CLOSE -> List.of(Stat.CROSS_BAR, Stat.CROSS_DIRECTION);
            case CROSS_LEVEL -> List.of(Stat.LEVEL_CROSS_BAR, Stat.LEVEL_CROSS_DIRECTION);
        };
    }

    /** Column names of {@link #stats()}: {@code last}, {@code count_gt_70}, {@code cross_bar}, {@code cross_30_dir}, ... */
    public List<String> columns() {
        String lv = kind == Kind.COUNT_ABOVE || kind == Kind.COUNT_BELOW || kind == Kind.CROSS_LEVEL ? levelText(level).replace('-', 'm') : "";
        return switch (kind) {
            case LAST -> List.of("last");
            case MEAN -> List.of("mean");
            case MIN -> List.of("min");
            case MAX -> List.of("max");
            case COUNT_ABOVE -> List.of("count_gt_" + lv);
            case COUNT_BELOW -> List.of("count_lt_" + lv);
            case CROSS_CLOSE -> List.of("cross_bar", "cross_dir");
            case CROSS_LEVEL -> List.of("cross_" + lv + "_bar", "cross_" + lv + "_dir");
        };
    }

    /** The text form: {@code last}, {@code mean}, {@code min}, {@code max}, {@code count:>70}, {@code count:<30}, {@code cross}, {@code cross:50}. */
    public String text() {
        return switch (kind) {
            case LAST, MEAN, MIN, MAX -> kind.name().toLowerCase(Locale.ROOT);
            case COUNT_ABOVE -> "count:>" + levelText(level);
            case COUNT_BELOW -> "count:<" + levelText(level);
            case CROSS_CLOSE -> "cross";
            case CROSS_LEVEL -> "cross:" + levelText(level);
        };
    }

    @Override public String toString() { return text(); }

    static String levelText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Parses a comma-separated list of reductions in the text form ({@link #text()}), e.g. {@code last,mean,count:>70,cross}.
     *
     * @throws IllegalArgumentException naming the item that is wrong, or two levels of one kind
     */
    public static List<Reduction> parseList(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("no reductions given (last, mean, min, max, count:>L, count:<L, cross, cross:L)");
        List<Reduction> out = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            Reduction r = parse(item);
            if (out.contains(r)) throw new IllegalArgumentException("reduction " + r + " is listed twice");
            out.add(r);
        }
        checkLevels(out);
        return List.copyOf(out);
    }

    /** One reduction in the text form. */
    public static Reduction parse(String item) {
        String s = item == null ? "" : item.strip().toLowerCase(Locale.ROOT);
        String q = "reduction '" + UntrustedText.cap(s) + "'";
        switch (s) {
            case "last": return LAST;
            case "mean": return MEAN;
            case "min": return MIN;
            case "max": return MAX;
            case "cross": return CROSS;
            default: break;
        }
        if (s.startsWith("count:>") || s.startsWith("count:<")) {
            double level = level(s.substring(7), q);
            return s.charAt(6) == '>' ? countAbove(level) : countBelow(level);
        }
        if (s.startsWith("cross:")) return crossLevel(level(s.substring(6), q));
        throw new IllegalArgumentException(q + " is unknown (last, mean, min, max, count:>L, count:<L, cross, cross:L)");
    }

    private static double level(String text, String q) {
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(q + ": the level '" + UntrustedText.cap(text) + "' is not a number");
    }

    /** At most one level per kind: one pass computes one count above, one count below and one level crossing. */
    static void checkLevels(List<Reduction> rs) {
        for (Kind k : new Kind[] {Kind.COUNT_ABOVE, Kind.COUNT_BELOW, Kind.CROSS_LEVEL}) {
            if (rs.stream().filter(r -> r.kind == k).count() > 1) {
                throw new IllegalArgumentException("one level per kind of reduction: " + rs.stream().filter(r -> r.kind == k).map(Reduction::text).toList());
            }
        }
    }

    /** The levels one pass takes for {@code rs}: count above, count below, crossing (NaN where not asked). */
    public static double[] levels(List<Reduction> rs) {
        double[] l = {Double.NaN, Double.NaN, Double.NaN};
        for (Reduction r : rs) {
            if (r.kind == Kind.COUNT_ABOVE) l[0] = r.level;
            if (r.kind == Kind.COUNT_BELOW) l[1] = r.level;
            if (r.kind == Kind.CROSS_LEVEL) l[2] = r.level;
        }
        return l;
    }
}
