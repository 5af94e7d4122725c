package org.hybridta.cuda;

import org.hybridta.cuda.driver.CudaDevice;
import java.util.List;
import java.util.Optional;
import org.hybridta.Field;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.MaType;

/**
 * How one indicator runs on the device: the kernel (one per indicator, all outputs in one pass), the
 * fields it reads in the order of the kernel's parameters, its scalar parameters, and the per-series
 * scratch ring it needs, and how its time axis may be cut ({@link Segments}). Kernel parameters are always
 * {@code (inputs..., outputs..., lengths, bars, segmentLength, halo, align, ints..., doubles..., [scratch])}.
 *
 * @param kernel      base name of the kernel in {@code hybridta.cu}, e.g. {@code macd}
 * @param inputs      the fields passed as the kernel's inputs, in order
 * @param outputs     number of outputs (the indicator's {@link Indicator#outputs()} in order)
 * @param ints        integer parameters
 * @param doubles     double parameters
 * @param ringDoubles doubles of ring memory per series (0: no scratch parameter); small rings live in shared
 *                    memory (the scratch parameter is then null), large ones in global scratch memory
 * @param halo        bars a time segment computes before its own ({@link Segments#halo}); -1: one segment only
 * @param align       a segment's computation starts at a multiple of this ({@link Segments#align})
 * @param ringInRegisters whether the kernel keeps its ring in registers (CCI up to period 32, see {@code hybridta.cu}):
 *                    then it needs neither shared nor global ring memory, and reserving any would only leave
 *                    room for fewer blocks on a multiprocessor
 * @param framework   whether the kernel is one of the kernel framework's ({@code framework.cuh}): its ints are padded to
 *                    3 and its doubles to 2, and it always takes the scratch parameter
 */
record KernelCall(String kernel, List<Field> inputs, int outputs, int[] ints, double[] doubles, int ringDoubles, int halo, int align,
                  boolean ringInRegisters, boolean framework) {
    /** The functions written on the kernel framework ({@code framework.cuh}); their kernels are named after the function. */
    static final java.util.Set<String> FRAMEWORK = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(List.of(
            // elementwise
            "avgprice", "medprice", "typprice", "wclprice", "bop", "add", "sub", "mult", "div", "acos", "asin", "atan", "ceil", "cos",
            "cosh", "exp", "floor", "ln", "log10", "sin", "sinh", "sqrt", "tan", "tanh",
            // lags, windows, running sums and recursions
            "rocp", "rocr", "rocr100", "sum", "max", "min", "midpoint", "midprice", "var", "stddev", "ad", "adosc", "natr", "cmo", "trix",
            "apo", "ppo", "minmax", "linearreg", "linearreg_slope", "linearreg_intercept", "linearreg_angle", "tsf", "ultosc",
            // trend family (trend.cuh): directional movement, tracked extremes, SAR, window statistics, MACDFIX
            "plus_dm", "minus_dm", "plus_di", "minus_di", "dx", "adx", "adxr", "aroon", "aroonosc", "maxindex", "minindex", "minmaxindex",
            "sar", "sarext", "beta", "correl", "imi", "avgdev", "accbands", "macdfix",
            // moving averages of any type and the Hilbert transform (averages.cuh, cycle.cuh)
            "ma", "mavp", "trima", "kama", "t3", "mama", "macdext", "stochf", "stochrsi", "ht_dcperiod", "ht_dcphase", "ht_phasor", "ht_sine",
            "ht_trendline", "ht_trendmode")));

    // ---------------------------------------------------------------- pattern recognition (cuda-cdl): the candlestick patterns

    /** The candlestick patterns (pattern2.cuh's CDL_PATTERNS): every pattern-recognition function of the catalog. */
    static boolean isPattern(Indicator ind) {
        return ind.function().group() == org.hybridta.indicator.Group.PATTERN_RECOGNITION;
    }

    /**
     * A pattern's launch under the candle settings current now (read once, as the CPU backend reads them once per call):
     * the lookback, each setting's range type and period packed as {@code range | period << 2}, then the settings'
     * factors and the penetration (0 where the pattern has none); the ring holds the three ranges of lookback + 1 candles.
     */
    private static KernelCall pattern(Indicator ind) {
        CandleSettings settings = CandleSettings.current();
        CandleSettings.Setting[] all = CandleSettings.Setting.values();
        int lookback = org.hybridta.functions.Functions.lookback(ind.name(), ind.params());
        int[] ints = new int[1 + all.length];
        double[] doubles = new double[all.length + 1];
        ints[0] = lookback;
        for (CandleSettings.Setting s : all) {
            CandleSettings.Rule r = settings.rule(s);
            ints[1 + s.ordinal()] = r.range().ordinal() | r.avgPeriod() << 2;
            doubles[s.ordinal()] = r.factor();
        }
        boolean penetration = ind.function().params().stream().anyMatch(p -> p.name().equals("penetration"));
        doubles[all.length] = penetration ? ind.param("penetration") : 0.0;
        return new KernelCall(ind.name(), ind.inputFields(), 1, ints, doubles, 3 * (lookback + 1), Segments.halo(ind), 1, false, false);
    }

    /**
     * A framework function's padded parameters (3 ints, 2 doubles; SAREXT's entry point takes 8 doubles) and ring doubles per
     * series; null where the parameters are not covered.
     */
    private static KernelCall framework(Indicator ind) {
        int[] ints = new int[3];
        double[] doubles = new double[2];
        int ring = 0;
        String kernel = ind.name();
        switch (ind.name()) {
            case "rocp", "rocr", "rocr100", "sum", "natr", "cmo", "trix", "var" -> ints[0] = period(ind);
            case "max", "min", "minmax", "midpoint", "midprice" -> {
                ints[0] = period(ind);
                ring = 2 * ints[0];  // the sliding extremes' two rings
            }
            case "linearreg", "linearreg_slope", "linearreg_intercept", "linearreg_angle", "tsf" -> {
                ints[0] = period(ind);
                ring = ints[0];  // the window
            }
            case "stddev" -> {
                ints[0] = period(ind);
                doubles[0] = ind.param("nbdev");
            }
            case "adosc" -> {
                ints[0] = ind.intParam("fastperiod");
                ints[1] = ind.intParam("slowperiod");
            }
            case "apo", "ppo" -> {
                int fast = ind.intParam("fastperiod"), slow = ind.intParam("slowperiod"), type = (int) ind.param("matype");
                if (type != MaType.SMA.ordinal() && type != MaType.EMA.ordinal()) return null;  // SMA and EMA only
                ints[0] = Math.min(fast, slow);  // TA-Lib orders them
                ints[1] = Math.max(fast, slow);
                ints[2] = type == MaType.SMA.ordinal() ? 0 : 1;
            }
            case "ultosc" -> {
                int[] p = {ind.intParam("timeperiod1"), ind.intParam("timeperiod2"), ind.intParam("timeperiod3")};
                java.util.Arrays.sort(p);  // as TA-Lib
                System.arraycopy(p, 0, ints, 0, 3);
                ring = 2 * p[2];  // the pairs of the longest window
            }
            // trend family (trend.cuh)
            case "plus_dm", "minus_dm", "plus_di", "minus_di", "dx", "adx" -> ints[0] = period(ind);
            case "adxr" -> {
                ints[0] = period(ind);
                ring = ints[0] - 1;  // the ADXs of the last period - 1 bars
            }
            case "aroon", "aroonosc" -> {
                ints[0] = period(ind);
                ring = 4 * (ints[0] + 1);  // two tracked extremes' queues of period + 1 bars and values
            }
            case "maxindex", "minindex", "minmaxindex" -> {
                ints[0] = period(ind);
                ring = (ind.name().equals("minmaxindex") ? 4 : 2) * ints[0];  // a queue of bars and values per tracked extreme
            }
            case "beta", "imi" -> {
                ints[0] = period(ind);
                ring = 2 * ints[0];  // the window's two series of terms
            }
            case "correl", "avgdev" -> {
                ints[0] = period(ind);
                ring = ints[0];  // CORREL: real1's window (real0 comes lagged); AVGDEV: the window
            }
            case "accbands" -> {
                ints[0] = period(ind);
                ring = 3 * ints[0];  // the three SMAs' windows
            }
            case "macdfix" -> ints[0] = ind.intParam("signalperiod");
            case "sar" -> {
                doubles[0] = ind.param("acceleration");
                doubles[1] = ind.param("maximum");
            }
            case "sarext" -> doubles = new double[] {ind.param("startvalue"), ind.param("offsetonreverse"), ind.param("accelerationinitlong"),
                    ind.param("accelerationlong"), ind.param("accelerationmaxlong"), ind.param("accelerationinitshort"),
                    ind.param("accelerationshort"), ind.param("accelerationmaxshort")};  // its own entry point takes eight
            // moving averages of any type and the Hilbert transform (averages.cuh, cycle.cuh)
            case "ma" -> {
                ints[0] = ma(maType(ind, "matype"), period(ind));
                ring = maRing(ints[0]);
            }
            case "trima", "kama" -> {
                ints[0] = period(ind);
                ring = maRing(ma(MaType.valueOf(ind.name().toUpperCase(java.util.Locale.ROOT)), ints[0]));
            }
            case "t3" -> {
                ints[0] = period(ind);
                doubles[0] = ind.param("vfactor");
            }
            case "mama" -> {
                doubles[0] = ind.param("fastlimit");
                doubles[1] = ind.param("slowlimit");
            }
            case "macdext" -> {
                int fast = ma(maType(ind, "fastmatype"), ind.intParam("fastperiod")), slow = ma(maType(ind, "slowmatype"), ind.intParam("slowperiod"));
                boolean swap = ind.intParam("slowperiod") < ind.intParam("fastperiod");  // TA-Lib swaps the periods with their types
                ints[0] = swap ? slow : fast;
                ints[1] = swap ? fast : slow;
                ints[2] = ma(maType(ind, "signalmatype"), ind.intParam("signalperiod"));
                ring = maRing(ints[0]) + maRing(ints[1]) + maRing(ints[2]);
                kernel = withAverages(kernel, ints[0], ints[1], ints[2]);
            }
            case "mavp" -> {
                ints[0] = ind.intParam("minperiod");
                ints[1] = ind.intParam("maxperiod");
                MaType type = maType(ind, "matype");
                ints[2] = type.ordinal();
                long states = 0;  // one average per period (MAMA's is one for all, outside the rings)
                if (type == MaType.SMA) {
                    states = ints[1] + (ints[1] - ints[0] + 1L);  // the last maxperiod inputs, a total per period (averages.cuh, mavpSmaRing)
                } else {
                    for (int p = ints[0]; type != MaType.MAMA && p <= ints[1]; p++) states += MAVP_STATE + maRing(ma(type, p));
                }
                if (states > MAVP_MAX_RING) return null;
                ring = (int) states;
            }
            case "stochf" -> {
                ints[0] = ind.intParam("fastk_period");
                ints[1] = ma(maType(ind, "fastd_matype"), ind.intParam("fastd_period"));
                ring = 2 * ints[0] + maRing(ints[1]);  // the sliding extremes, the average
                kernel = withAverages(kernel, ints[1]);
            }
            case "stochrsi" -> {
                ints[0] = period(ind);
                ints[1] = ind.intParam("fastk_period");
                ints[2] = ma(maType(ind, "fastd_matype"), ind.intParam("fastd_period"));
                ring = 2 * ints[1] + maRing(ints[2]);
                kernel = withAverages(kernel, ints[2]);
            }
            case "ht_dcphase", "ht_sine", "ht_trendline" -> ring = 50;  // TA-Lib's 50 smoothed prices (or prices)
            case "ht_trendmode" -> ring = 100;                          // both
            default -> { }  // no parameters
        }
        return new KernelCall(kernel, ind.inputFields(), ind.outputs().size(), ints, doubles, ring, Segments.halo(ind), Segments.align(ind),
                false, true);
    }

    /**
     * The kernel of a function with moving averages of any type: {@code name_s} where every average (packed) is one of
     * averages.cuh's {@code SimpleMa} types (SMA, EMA, WMA, DEMA, TEMA, or any type of period 1), whose state stays in
     * registers; else {@code name}, whose averages of any type keep theirs in local memory.
     */
    static String withAverages(String kernel, int... packed) {
        for (int a : packed) {
            if (a >> 4 > 1 && (a & 15) > MaType.TEMA.ordinal()) return kernel;
        }
        return kernel + "_s";
    }

    /**
     * The kernels with a parameter sweep's entry points ({@code name_sets_f64} and {@code _f32}: the {@code SETS} of
     * hybridta.cu and framework.cuh's {@code FN_SETS}), which compute many parameter sets in one launch.
     */
    static final java.util.Set<String> SETS = java.util.Set.of("sma", "ema", "wma", "dema", "tema", "rsi", "roc", "mom", "atr", "bbands",
            "bbands_ma", "bbands_ma_s");

    /** Whether parameter sets of this kernel may share one launch: it has a sets entry point and its rings, if any, fit in shared memory. */
    boolean batchable() {
        return SETS.contains(kernel) && globalRingDoubles() == 0;
    }

    /**
     * The call whose segment plan serves a batch of parameter sets launched together: one that must not be cut if any
     * must not, else the one with the longest halo (a longer halo than a set needs only starts it earlier).
     */
    static KernelCall widest(List<KernelCall> calls) {
        KernelCall widest = calls.get(0);
        for (KernelCall k : calls) {
            if (widest.halo() >= 0 && (k.halo() < 0 || k.halo() > widest.halo())) widest = k;
        }
        return widest;
    }

    /** Sets of BBANDS of one period one thread computes together ({@code BBANDS_SETS} in overlap.cuh). */
    static final int BBANDS_SETS = 16;

    /**
     * How a batch of this kernel's parameter sets (consecutive calls of it) is shared among the threads of its sets
     * launch, for the entry point that takes a table of blocks (BBANDS: {@code bbandsSets} in overlap.cuh): pairs (first
     * set, count), one a block of the grid's z axis, runs of equal periods (its deviations) up to 16. Null for the other
     * kernels: their grid has a plane per set.
     */
    static int[] setBlocks(List<KernelCall> calls) {
        String kernel = calls.get(0).kernel;
        if (!kernel.equals("bbands")) return null;
        int[] blocks = new int[2 * calls.size()];
        int b = 0;
        for (int i = 0; i < calls.size(); ) {
            int j = i + 1;
            while (j < calls.size() && j - i < BBANDS_SETS && calls.get(j).ints[0] == calls.get(i).ints[0]) j++;
            blocks[b++] = i;
            blocks[b++] = j - i;
            i = j;
        }
        return java.util.Arrays.copyOf(blocks, b);
    }

    /** The sets entry point for a precision, e.g. {@code ema_sets_f64}. */
    String setsEntry(Precision precision) {
        return kernel + "_sets" + (precision == Precision.FLOAT ? "_f32" : "_f64");
    }

    /** Whether the kernel takes the scratch pointer (last): the framework's always, the others when they keep rings. */
    boolean takesScratch() {
        return framework || ringDoubles > 0;
    }

    /** Ring bytes one block (32 series) may keep in shared memory; larger rings go to global scratch memory. */
    static final int SHARED_RING_LIMIT = org.hybridta.cuda.driver.CudaDevice.MAX_DYNAMIC_SHARED_BYTES;

    /** Whether the kernel's rings live in the block's shared memory (then it is passed no scratch pointer). */
    boolean ringInShared() {
        return ringDoubles > 0 && !ringInRegisters && ringDoubles * 8L * ChunkPlan.GROUP <= SHARED_RING_LIMIT;
    }

    /** Dynamic shared memory of one block. */
    int sharedBytes() {
        return ringInShared() ? ringDoubles * 8 * ChunkPlan.GROUP : 0;
    }

    /** Global scratch doubles per series (0 when the ring is in shared memory or there is none). */
    int globalRingDoubles() {
        return ringDoubles > 0 && !ringInRegisters && !ringInShared() ? ringDoubles : 0;
    }

    /**
     * Warps a block of the kernel has for its group of 32 series: 2 for MFI, whose bars' independent work (typical
     * price, money flows) one warp computes while another keeps the sums ({@code mfiSplit} in hybridta.cu); else 1.
     */
    int warps() {
        return kernel.equals("mfi") ? 2 : 1;
    }

    /** The entry point for a precision, e.g. {@code ema_f64}. */
    String entry(Precision precision) {
        return kernel + (precision == Precision.FLOAT ? "_f32" : "_f64");
    }

    /**
     * Appends the kernel's scalar arguments, which follow its inputs, outputs and the lengths pointer: bars,
     * the segments' length, halo and alignment, then the indicator's int and double parameters.
     */
    void addScalars(List<Object> args, int bars, Segments segments) {
        args.add(bars);
        args.add(segments.length());
        args.add(segments.halo());
        args.add(segments.align());
        for (int v : ints) args.add(v);
        for (double v : doubles) args.add(v);
    }

    /**
     * The launch of {@code ind}.
     *
     * @throws IllegalArgumentException if no kernel computes it ({@link #find})
     */
    static KernelCall of(Indicator ind) {
        return find(ind).orElseThrow(() -> new IllegalArgumentException("the cuda backend has no kernel for " + ind.spec()));
    }

    /**
     * The launch of {@code ind}, if a kernel of {@code hybridta.cu} computes it: the one place that maps catalog
     * specs (function name and parameters) to kernels. The hand-tuned kernels compute 17 of the 18 indicators HybridTA had
     * first, with TA-Lib's default MA types (BBANDS and STOCH with SMAs, BBANDS with equal deviations up and down);
     * the {@link #FRAMEWORK} functions run on the kernel framework.
     */
    static Optional<KernelCall> find(Indicator ind) {
        Indicator same = sameKernelAs(ind);
        if (same != null) return find(same).map(c -> c.on(ind.inputFields()));
        if (isPattern(ind)) return Optional.of(pattern(ind));
        Optional<KernelCall> call = FRAMEWORK.contains(ind.name()) ? Optional.ofNullable(framework(ind))
                : base(ind).map(b -> new KernelCall(b.kernel, ind.inputFields(), b.outputs, b.ints, b.doubles, b.ringDoubles,
                        Segments.halo(ind), Segments.align(ind), ringInRegisters(ind), false));
        return call.isPresent() ? call : Optional.ofNullable(anyMaType(ind));
    }

    /**
     * The spec of another function whose kernel computes this spec's outputs with the same arithmetic, or null. TA-Lib's MA
     * of type SMA, EMA, WMA, DEMA or TEMA calls those functions' own routines (period 2 and up: MA copies its input at
     * period 1), and STOCHF with an SMA %D is STOCH with a slow %K of period 1 (the MA's copy) and that %D: core computes
     * both the same way, and the hand-tuned kernels run several times faster than the framework's MA-type kernels, which
     * call one average of any type a bar.
     */
    static Indicator sameKernelAs(Indicator ind) {
        return switch (ind.name()) {
            case "ma" -> {
                MaType type = maType(ind, "matype");
                boolean own = type == MaType.SMA || type == MaType.EMA || type == MaType.WMA || type == MaType.DEMA || type == MaType.TEMA;
                yield own && period(ind) > 1 ? Indicators.of(type.name().toLowerCase(java.util.Locale.ROOT), period(ind)) : null;
            }
            case "stochf" -> ind.param("fastd_matype") == MaType.SMA.ordinal()
                    ? Indicators.of("stoch", ind.param("fastk_period"), 1, MaType.SMA.ordinal(), ind.param("fastd_period"), MaType.SMA.ordinal())
                    : null;
            default -> null;
        };
    }

    /** This launch reading {@code fields} instead (a routed spec's own inputs: an MA of the volume, say). */
    KernelCall on(List<Field> fields) {
        return new KernelCall(kernel, fields, outputs, ints, doubles, ringDoubles, halo, align, ringInRegisters, framework);
    }

    // ---------------------------------------------------------------- moving averages of any type (averages.cuh)

    /**
     * The framework kernels {@code bbands_ma}, {@code stoch_ma}, {@code apo_ma} and {@code ppo_ma} for the MA types (and
     * BBANDS's unequal deviations) that the faster kernels of those functions leave out; null for other functions.
     */
    private static KernelCall anyMaType(Indicator ind) {
        int[] ints = new int[3];
        double[] doubles = new double[2];
        int ring;
        int[] averages;
        switch (ind.name()) {
            case "bbands" -> {
                ints[0] = period(ind);
                ints[1] = maType(ind, "matype").ordinal();
                doubles[0] = ind.param("nbdevup");
                doubles[1] = ind.param("nbdevdn");
                ring = maRing(ma(MaType.of(ints[1]), ints[0]));
                averages = new int[] {ma(MaType.of(ints[1]), ints[0])};
            }
            case "stoch" -> {
                ints[0] = ind.intParam("fastk_period");
                ints[1] = ma(maType(ind, "slowk_matype"), ind.intParam("slowk_period"));
                ints[2] = ma(maType(ind, "slowd_matype"), ind.intParam("slowd_period"));
                ring = 2 * ints[0] + maRing(ints[1]) + maRing(ints[2]);
                averages = new int[] {ints[1], ints[2]};
            }
            case "apo", "ppo" -> {
                int fast = ind.intParam("fastperiod"), slow = ind.intParam("slowperiod");
                MaType type = maType(ind, "matype");
                ints[0] = Math.min(fast, slow);  // TA-Lib orders them
                ints[1] = Math.max(fast, slow);
                ints[2] = type.ordinal();
                ring = maRing(ma(type, ints[0])) + maRing(ma(type, ints[1]));
                averages = new int[] {ma(type, ints[0]), ma(type, ints[1])};
            }
            default -> {
                return null;
            }
        }
        return new KernelCall(withAverages(ind.name() + "_ma", averages), ind.inputFields(), ind.outputs().size(), ints, doubles, ring,
                Segments.halo(ind), 1, false, true);
    }

    /** The doubles of one average's state in MAVP's rings (averages.cuh's MA_STATE). */
    static final int MAVP_STATE = 21;

    /**
     * The most ring doubles a series MAVP may keep (its averages' states and windows, for every period from minperiod to
     * maxperiod: 2 MiB a series at most); wider ranges of periods have no kernel and run on the CPU.
     */
    static final int MAVP_MAX_RING = 1 << 18;

    /** An MA-type parameter and its period packed into one kernel int, {@code period * 16 + type} (averages.cuh's maType and maPeriod). */
    static int ma(MaType type, int period) {
        return period * 16 + type.ordinal();
    }

    private static MaType maType(Indicator ind, String param) {
        return MaType.of((int) ind.param(param));
    }

    /** Ring doubles a series of a packed average (averages.cuh's maRing): the window of SMA, WMA, TRIMA and KAMA. */
    static int maRing(int packed) {
        int period = packed >> 4;
        MaType type = MaType.of(packed & 15);
        boolean window = type == MaType.SMA || type == MaType.WMA || type == MaType.TRIMA || type == MaType.KAMA;
        return period > 1 && window ? period : 0;
    }

    /** The condition under which {@code cci} in {@code hybridta.cu} keeps its ring in registers. */
    static boolean ringInRegisters(Indicator ind) {
        return ind.name().equals("cci") && ind.intParam("timeperiod") <= 32;
    }

    private record Base(String kernel, int outputs, int[] ints, double[] doubles, int ringDoubles) {}

    private static Optional<Base> base(Indicator ind) {
        return Optional.ofNullable(switch (ind.name()) {
            case "sma", "ema", "dema", "tema", "rsi", "roc", "mom", "atr" -> new Base(ind.name(), 1, new int[] {period(ind)}, new double[0], 0);
            case "wma" -> {
                int p = period(ind);
                yield new Base("wma", 1, new int[] {p, (p * (p + 1)) >> 1}, new double[0], 0);  // TA-Lib's int divider
            }
            case "trange", "obv" -> new Base(ind.name(), 1, new int[0], new double[0], 0);
            case "willr" -> new Base("willr", 1, new int[] {period(ind)}, new double[0], 2 * period(ind));
            case "cci" -> new Base("cci", 1, new int[] {period(ind)}, new double[0], period(ind));
            case "mfi" -> new Base("mfi", 1, new int[] {period(ind)}, new double[0], 2 * period(ind));
            case "macd" -> {
                int fast = ind.intParam("fastperiod"), slow = ind.intParam("slowperiod");
                // TA-Lib swaps a slow period shorter than the fast one; the kernel wants fast < slow
                yield fast == slow ? null
                        : new Base("macd", 3, new int[] {Math.min(fast, slow), Math.max(fast, slow), ind.intParam("signalperiod")}, new double[0], 0);
            }
            case "bbands" -> ind.param("matype") == MaType.SMA.ordinal() && ind.param("nbdevup") == ind.param("nbdevdn")
                    ? new Base("bbands", 3, new int[] {period(ind)}, new double[] {ind.param("nbdevup")}, 0) : null;
            case "stoch" -> {
                int k = ind.intParam("fastk_period"), sk = ind.intParam("slowk_period"), sd = ind.intParam("slowd_period");
                yield smaStoch(ind) ? new Base("stoch", 2, new int[] {k, sk, sd}, new double[0], 2 * k + sk + sd) : null;
            }
            default -> null;
        });
    }

    /** Whether STOCH's slow averages are both SMAs: then its hand-tuned kernel computes it, else {@code stoch_ma}. */
    static boolean smaStoch(Indicator ind) {
        return ind.param("slowk_matype") == MaType.SMA.ordinal() && ind.param("slowd_matype") == MaType.SMA.ordinal();
    }

    private static int period(Indicator ind) {
        return ind.intParam("timeperiod");
    }
}
