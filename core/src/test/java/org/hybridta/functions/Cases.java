package org.hybridta.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.conformance.RandomBars;
import org.hybridta.indicator.InputInfo;
import org.hybridta.indicator.MaType;
import org.hybridta.indicator.ParamInfo;
import org.hybridta.indicator.ParamType;

/**
 * The cases every function of the catalog is tested on, derived from its metadata: parameter sets (defaults,
 * each parameter's range ends, random values within the ranges) and input series (seeded random walks of
 * several lengths and price scales, flat stretches). {@code -Dhybridta.function=name[,name]} limits the
 * catalog tests to those functions.
 */
final class Cases {
    private Cases() {}

    /** The functions under test: the whole catalog, or those named by {@code -Dhybridta.function}. */
    static List<FunctionDef> functions() {
        String only = System.getProperty("hybridta.function", "").strip().toLowerCase(Locale.ROOT);
        if (only.isEmpty()) return Catalog.all();
        List<FunctionDef> chosen = new ArrayList<>();
        for (String name : only.split(",")) {
            chosen.add(Catalog.find(name.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "-Dhybridta.function: no function " + name + " in the catalog")));
        }
        return chosen;
    }

    /** TA-Lib's defaults. */
    static Args defaults(FunctionDef f) {
        List<ParamInfo> ps = f.info().params();
        double[] v = new double[ps.size()];
        for (int i = 0; i < v.length; i++) v[i] = ps.get(i).defaultValue();
        return Args.of(v);
    }

    /**
     * Defaults, then each parameter at its minimum and at its maximum (periods capped at {@code maxPeriod} to keep
     * the series short; MA types over the ported ones), then {@code random} random sets.
     */
    static List<Args> params(FunctionDef f, long seed, int random, int maxPeriod) {
        List<ParamInfo> ps = f.info().params();
        List<Args> out = new ArrayList<>();
        Args defaults = defaults(f);
        out.add(defaults);
        for (int i = 0; i < ps.size(); i++) {
            ParamInfo p = ps.get(i);
            double[] lo = defaults.values(), hi = defaults.values();
            if (p.type() == ParamType.MA_TYPE) {
                for (MaType t : MovingAverage.PORTED) {
                    double[] v = defaults.values();
                    v[i] = t.ordinal();
                    out.add(Args.of(v));
                }
                continue;
            }
            lo[i] = p.min();
            hi[i] = p.type() == ParamType.INTEGER ? Math.min(p.max(), Math.max(p.min(), maxPeriod)) : p.max();
            out.add(Args.of(lo));
            out.add(Args.of(hi));
        }
        Random r = new Random(seed ^ f.name().hashCode());
        for (int k = 0; k < random; k++) out.add(random(f, r));
        out.removeIf(a -> f.refusal(a) != null);
        return out;
    }

    /** Random values within each range: periods up to 60 above the minimum, reals mostly in [-5, 5]. */
    static Args random(FunctionDef f, Random r) {
        List<ParamInfo> ps = f.info().params();
        double[] v = new double[ps.size()];
        for (int i = 0; i < v.length; i++) {
            ParamInfo p = ps.get(i);
            v[i] = switch (p.type()) {
                case INTEGER -> p.min() + r.nextInt((int) Math.min(p.max() - p.min(), 60) + 1);
                case REAL -> {
                    double lo = Math.max(p.min(), -5), hi = Math.min(p.max(), 5);
                    yield lo + (hi - lo) * r.nextDouble();
                }
                case MA_TYPE -> {
                    List<MaType> ported = new ArrayList<>(MovingAverage.PORTED);
                    yield ported.get(r.nextInt(ported.size())).ordinal();
                }
            };
        }
        return Args.of(v);
    }

    /** A named input: one array per input field of {@code f}, read from a bar series. */
    record Input(String name, double[][] arrays) {
        @Override public String toString() { return name + " (" + arrays[0].length + " bars)"; }
    }

    /** The input arrays of {@code f} from {@code bars}, each field times {@code scale} (volume unscaled). */
    static Input input(FunctionDef f, String name, BarSeries bars, double scale) {
        double[][] arrays = new double[f.info().inputFieldCount()][];
        int k = 0;
        for (InputInfo in : f.info().inputs()) {
            for (Field field : in.fields()) {
                double[] v = bars.values(field);
                if (field != Field.VOLUME) for (int i = 0; i < v.length; i++) v[i] *= scale;
                arrays[k++] = v;
            }
        }
        return new Input(name, arrays);
    }

    /** A seeded random walk of {@code n} bars. */
    static Input walk(FunctionDef f, long seed, int n, double scale) {
        return input(f, "random walk x" + scale, RandomBars.randomWalk("S", seed, n), scale);
    }

    /** Random walks of lengths 1, lookback, lookback + 1 and 1000; prices near 1e-7, 1e-4 and 1e6; flat stretches. */
    static List<Input> inputs(FunctionDef f, int lookback, long seed) {
        List<Input> out = new ArrayList<>();
        for (int n : new int[] {1, Math.max(1, lookback), lookback + 1, 1000}) out.add(walk(f, seed, n, 1));
        for (double scale : new double[] {1e-7, 1e-4, 1e6}) out.add(walk(f, seed + 1, 1000, scale));
        out.add(input(f, "flat stretches", RandomBars.flatStretches("S", seed + 2, 1000), 1));
        return out;
    }
}
