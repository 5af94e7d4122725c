package org.hybridta.conformance;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.hybridta.BarSeries;

/**
 * The reference: TA-Lib's C library (0.6.0-dev, from the npm package {@code talib} 2.0.5), built by
 * {@code scripts/install-talib-c.sh} and called through its abstract interface, so any of its 161 functions
 * is called the same way, by name, with TA-Lib's own metadata ({@link #meta}) saying what it takes.
 *
 * <pre>{@code
 * TaLibCResult r = TaLibC.call("BBANDS", new double[][] {close}, 20, 2, 2, 0);   // period, up, down, MA type SMA
 * double[] upper = r.values(0);                                                 // NaN before r.begIdx()
 * }</pre>
 *
 * <p><b>Which library.</b> The system property {@value #LIBRARY_PROPERTY} names a {@code libta-lib.so};
 * else the path written by the install script into {@code $XDG_CACHE_HOME/hybridta/talib-c.path} (an
 * absolute {@code XDG_CACHE_HOME} only, as the XDG rule says), else {@code ~/.cache/hybridta/talib-c.path}.
 * When none loads, {@link #available()} is false and {@link #whyUnavailable()} says why; tests skip with
 * that reason ({@link TaLibCLoaded}).
 *
 * <p><b>Settings</b> (TA-Lib's globals) stay at TA-Lib's defaults: no unstable periods, default candle
 * settings, default compatibility. {@link #setUnstablePeriod} and {@link #setCandleSetting} change them for
 * the whole process; a test that does so must restore them and run alone
 * ({@code @ResourceLock(TaLibC.SETTINGS)}).
 *
 * <p><b>Threads.</b> TA-Lib's functions are re-entrant (they keep no state between calls) except for
 * reading those globals. Calls therefore run concurrently, and a settings change waits for running calls
 * and holds new ones back until it is done (a read-write lock).
 */
public final class TaLibC {
    /** System property naming the {@code libta-lib.so} to load, overriding the install script's. */
    public static final String LIBRARY_PROPERTY = "hybridta.talib.c";
    /** A JUnit {@code @ResourceLock} name for tests that change TA-Lib's global settings. */
    public static final String SETTINGS = "org.hybridta.conformance.TaLibC.settings";
    /** The TA-Lib version the reference is: the library must report this prefix. */
    static final String VERSION_PREFIX = "0.6.";

    /** {@code TA_FuncUnstId}: the functions with an unstable period, in the enum's order (ta_defs.h). */
    private static final List<String> UNSTABLE = List.of("ADX", "ADXR", "ATR", "CMO", "DX", "EMA", "HT_DCPERIOD",
            "HT_DCPHASE", "HT_PHASOR", "HT_SINE", "HT_TRENDLINE", "HT_TRENDMODE", "IMI", "KAMA", "MAMA", "MFI",
            "MINUS_DI", "MINUS_DM", "NATR", "PLUS_DI", "PLUS_DM", "RSI", "STOCHRSI", "T3");
    private static final int UNSTABLE_ALL = UNSTABLE.size();

    private static final ReentrantReadWriteLock SETTINGS_LOCK = new ReentrantReadWriteLock();
    private static final Map<String, Function> FUNCTIONS = new ConcurrentHashMap<>();

    private TaLibC() {}

    /** A function's handle and metadata. */
    private record Function(Pointer handle, TaLibCMeta meta) {}

    /** The library, loaded and initialised once, or the reason it is not there. */
    private static final class Loaded {
        static final TaLibCNative LIB;
        static final Path PATH;
        static final String VERSION;
        static final String WHY_NOT;
        static final List<String> NAMES;

        static {
            TaLibCNative lib = null;
            Path path = null;
            String version = "", why = "";
            List<String> names = List.of();
            try {
                path = locate();
                lib = Native.load(path.toString(), TaLibCNative.class);
                version = lib.TA_GetVersionString();
                if (!version.startsWith(VERSION_PREFIX)) {
                    throw new IllegalStateException(path + " is TA-Lib " + version + ", the reference is " + VERSION_PREFIX
                            + "x; run scripts/install-talib-c.sh");
                }
                int rc = lib.TA_Initialize();
                if (rc != 0) throw new IllegalStateException("TA_Initialize failed with " + rc);
                List<String> all = new ArrayList<>();
                lib.TA_ForEachFunc((info, opaque) -> all.add(new TaLibCNative.FuncInfo(info).name), null);
                names = List.copyOf(all);
            } catch (NoClassDefFoundError e) {
                lib = null;
                why = "JNA (net.java.dev.jna:jna) is not on the class path; add it as a test dependency";
            } catch (LinkageError e) {                   // UnsatisfiedLinkError: not a loadable library
                lib = null;
                why = "cannot load " + path + ": " + e.getMessage().lines().findFirst().orElse("") + "; run scripts/install-talib-c.sh";
            } catch (RuntimeException e) {
                lib = null;
                why = e.getMessage();
            }
            LIB = lib;
            PATH = path;
            VERSION = version;
            WHY_NOT = why;
            NAMES = names;
        }
    }

    /**
     * Where the library is: {@value #LIBRARY_PROPERTY}, else the path in the install script's
     * {@code talib-c.path}. Throws with the fix when there is none.
     */
    private static Path locate() {
        String property = System.getProperty(LIBRARY_PROPERTY, "");
        if (!property.isBlank()) {
            Path lib = Path.of(property);
            if (!Files.isRegularFile(lib)) throw new IllegalStateException("-D" + LIBRARY_PROPERTY + "=" + property + ": no such file");
            return lib;
        }
        Path pointer = cacheRoot(System.getenv(), System.getProperty("user.home")).resolve("talib-c.path");
        if (!Files.isRegularFile(pointer)) {
            throw new IllegalStateException("TA-Lib C is not built (no " + pointer + "); run scripts/setup.sh or scripts/install-talib-c.sh");
        }
        String named;
        try {
            named = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pointer + ": " + e.getMessage());
        }
        Path lib = Path.of(named);
        if (!Files.isRegularFile(lib)) {
            throw new IllegalStateException(pointer + " names " + named + ", which does not exist; run scripts/install-talib-c.sh");
        }
        return lib;
    }

    /**
     * The folder the install script builds into: {@code $XDG_CACHE_HOME/hybridta} for an absolute
     * {@code XDG_CACHE_HOME}, else {@code ~/.cache/hybridta} (the same rule as the script and the CLI's cache).
     */
    static Path cacheRoot(Map<String, String> env, String userHome) {
        String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
        if (xdg.startsWith("/")) return Path.of(xdg, "hybridta");
        return Path.of(userHome, ".cache", "hybridta");
    }

    /** Whether the library is loaded and usable; never throws. */
    public static boolean available() {
        try {
            return Loaded.LIB != null;
        } catch (Throwable t) {                  // an Error while loading: report it through whyUnavailable()
            return false;
        }
    }

    /** Why the library is not available, with the fix (empty when it is available). */
    public static String whyUnavailable() {
        try {
            return Loaded.WHY_NOT;
        } catch (Throwable t) {
            return "TA-Lib C could not be loaded: " + t;
        }
    }

    /** The loaded library file. */
    public static Path library() {
        lib();
        return Loaded.PATH;
    }

    /** TA-Lib's version string ({@code "0.6.0-dev (date time)"}). */
    public static String version() {
        lib();
        return Loaded.VERSION;
    }

    /** Every function of TA-Lib's abstract interface (161 in 0.6), upper case, in TA-Lib's (alphabetical) order. */
    public static List<String> functionNames() {
        lib();
        return Loaded.NAMES;
    }

    /** TA-Lib's metadata of {@code function} (any case: {@code "sma"} or {@code "SMA"}). */
    public static TaLibCMeta meta(String function) {
        return function(function).meta();
    }

    /**
     * TA-Lib's lookback ({@code TA_GetLookback}) for these optional inputs (in TA-Lib's order; those not
     * given take TA-Lib's defaults): the number of bars before the first value. -1 when TA-Lib refuses the
     * parameters (out of range).
     */
    public static int lookback(String function, double... optInputs) {
        try (TaLibCCall call = prepare(function, 0, optInputs)) {
            return call.lookback();
        }
    }

    /**
     * Calls {@code function} over whole series and returns every output as long as the input (see
     * {@link TaLibCResult}).
     *
     * @param inputs    the input series in the order of {@link TaLibCMeta#series()} ({@code high, low, close}
     *                  for STOCH; {@code real} for SMA; {@code real0, real1} for CORREL), all of one length
     * @param optInputs the optional inputs in TA-Lib's order; those not given take TA-Lib's defaults. Integer
     *                  ones (periods, MA types: 0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 7 MAMA,
     *                  8 T3) must be whole numbers
     * @throws IllegalArgumentException when the inputs do not fit the function or TA-Lib refuses the call
     */
    public static TaLibCResult call(String function, double[][] inputs, double... optInputs) {
        TaLibCMeta meta = meta(function);
        List<String> series = meta.series();
        if (inputs.length != series.size()) {
            throw new IllegalArgumentException(meta.name() + " takes " + series.size() + " input series " + series + ", got " + inputs.length);
        }
        int length = inputs.length == 0 ? 0 : inputs[0].length;
        try (TaLibCCall call = prepare(function, length, optInputs)) {
            for (int i = 0; i < inputs.length; i++) call.input(i, inputs[i]);
            call.run();
            return call.result();
        }
    }

    /**
     * The input series of {@code meta} taken from {@code bars} the way TA-Lib's abstract interface (and
     * python's {@code talib.abstract}) takes them by default: price fields by name, {@code real} the close,
     * {@code real0} and {@code real1} the high and the low; {@code overrides} replaces any of them by series
     * name ({@code Map.of("real", bars.volume())} for an SMA of volume) and must give those without a default
     * (MAVP's {@code periods}).
     */
    public static double[][] inputs(TaLibCMeta meta, BarSeries bars, Map<String, double[]> overrides) {
        List<String> series = meta.series();
        double[][] inputs = new double[series.size()][];
        for (int i = 0; i < inputs.length; i++) {
            String s = series.get(i);
            double[] given = overrides.get(s);
            inputs[i] = given != null ? given : switch (s) {
                case "open" -> bars.open();
                case "high", "real0" -> bars.high();
                case "low", "real1" -> bars.low();
                case "close", "real" -> bars.close();
                case "volume" -> bars.volume();
                default -> throw new IllegalArgumentException(meta.name() + "'s input series " + s + " has no default; give it in overrides");
            };
        }
        return inputs;
    }

    /**
     * Prepares {@code function} for series of {@code length} bars: a reusable call whose
     * {@link TaLibCCall#run()} is TA-Lib's alone (for benchmarks). Close it.
     */
    public static TaLibCCall prepare(String function, int length, double... optInputs) {
        Function f = function(function);
        return TaLibCCall.open(lib(), f.handle(), f.meta(), length, optInputs);
    }

    /**
     * Sets TA-Lib's unstable period of {@code function} (one of those with the {@link TaLibCMeta.Flag#UNSTABLE_PERIOD}
     * flag, or {@code "ALL"}) for the whole process. The reference keeps every unstable period at 0, TA-Lib's
     * default; a test that changes it must set it back and hold {@link #SETTINGS}.
     */
    public static void setUnstablePeriod(String function, int period) {
        int id = unstableId(function);
        if (period < 0) throw new IllegalArgumentException("unstable period of " + function + " must be ≥ 0, was " + period);
        withSettingsLock(() -> check(lib().TA_SetUnstablePeriod(id, period), "TA_SetUnstablePeriod(" + function + ", " + period + ")", "TA_SetUnstablePeriod"));
    }

    /** TA-Lib's current unstable period of {@code function} (0 unless {@link #setUnstablePeriod} changed it). */
    public static int unstablePeriod(String function) {
        int id = unstableId(function);
        if (id == UNSTABLE_ALL) throw new IllegalArgumentException("unstablePeriod takes one function, not ALL");
        return lib().TA_GetUnstablePeriod(id);
    }

    private static int unstableId(String function) {
        String name = function.toUpperCase(Locale.ROOT);
        if (name.equals("ALL")) return UNSTABLE_ALL;
        int id = UNSTABLE.indexOf(name);
        if (id < 0) throw new IllegalArgumentException(name + " has no unstable period in TA-Lib; those that have: " + UNSTABLE);
        return id;
    }

    /** The functions with an unstable period, in {@code TA_FuncUnstId}'s order. */
    static List<String> unstableFunctions() { return UNSTABLE; }

    /** {@code TA_CandleSettingType}: which part of a candle a setting measures. */
    public enum CandleSetting {
        BODY_LONG, BODY_VERY_LONG, BODY_SHORT, BODY_DOJI, SHADOW_LONG, SHADOW_VERY_LONG, SHADOW_SHORT,
        SHADOW_VERY_SHORT, NEAR, FAR, EQUAL
    }

    /** {@code TA_RangeType}: what a candle setting compares with. */
    public enum CandleRange { REAL_BODY, HIGH_LOW, SHADOWS }

    /**
     * Changes one of TA-Lib's candle settings for the whole process ({@code TA_SetCandleSettings}): a candle
     * part counts as {@code setting} when it compares with {@code factor} times the average {@code range} of
     * the {@code avgPeriod} previous candles. Restore with {@link #restoreCandleDefaults()}; hold {@link #SETTINGS}.
     */
    public static void setCandleSetting(CandleSetting setting, CandleRange range, int avgPeriod, double factor) {
        withSettingsLock(() -> check(lib().TA_SetCandleSettings(setting.ordinal(), range.ordinal(), avgPeriod, factor),
                "TA_SetCandleSettings(" + setting + ", " + range + ", " + avgPeriod + ", " + factor + ")", "TA_SetCandleSettings"));
    }

    /** Puts every candle setting back to TA-Lib's default ({@code TA_RestoreCandleDefaultSettings(TA_AllCandleSettings)}). */
    public static void restoreCandleDefaults() {
        withSettingsLock(() -> check(lib().TA_RestoreCandleDefaultSettings(CandleSetting.values().length),
                "TA_RestoreCandleDefaultSettings", "TA_RestoreCandleDefaultSettings"));
    }

    private static void withSettingsLock(Runnable change) {
        Lock lock = SETTINGS_LOCK.writeLock();
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }

    /** The lock a TA-Lib call holds while it runs: shared between calls, exclusive to a settings change. */
    static Lock callLock() { return SETTINGS_LOCK.readLock(); }

    /** The loaded library; throws with {@link #whyUnavailable()} when there is none. */
    static TaLibCNative lib() {
        if (!available()) throw new IllegalStateException("TA-Lib C is not available: " + whyUnavailable());
        return Loaded.LIB;
    }

    /** Throws, naming the call, the TA-Lib function and its return code, unless {@code retCode} is {@code TA_SUCCESS}. */
    static void check(int retCode, String what, String taFunction) {
        if (retCode == 0) return;
        TaLibCNative.RetCodeInfo info = new TaLibCNative.RetCodeInfo();
        lib().TA_SetRetCodeInfo(retCode, info);
        throw new IllegalArgumentException("TA-Lib refused " + what + ": " + taFunction + " returned " + info.enumStr
                + " (" + retCode + ", " + info.infoStr + ")");
    }

    private static Function function(String function) {
        String name = function.toUpperCase(Locale.ROOT);
        TaLibCNative lib = lib();
        return FUNCTIONS.computeIfAbsent(name, n -> {
            PointerByReference handle = new PointerByReference();
            if (lib.TA_GetFuncHandle(n, handle) != 0) {
                throw new IllegalArgumentException("TA-Lib C has no function \"" + function + "\" (TaLibC.functionNames() lists its "
                        + Loaded.NAMES.size() + ")");
            }
            return new Function(handle.getValue(), readMeta(lib, handle.getValue()));
        });
    }

    private static TaLibCMeta readMeta(TaLibCNative lib, Pointer handle) {
        PointerByReference p = new PointerByReference();
        check(lib.TA_GetFuncInfo(handle, p), "TA_GetFuncInfo", "TA_GetFuncInfo");
        TaLibCNative.FuncInfo info = new TaLibCNative.FuncInfo(p.getValue());
        Set<TaLibCMeta.Flag> flags = EnumSet.noneOf(TaLibCMeta.Flag.class);
        for (TaLibCMeta.Flag f : TaLibCMeta.Flag.values()) if ((info.flags & f.bit) != 0) flags.add(f);

        List<TaLibCMeta.Input> inputs = new ArrayList<>();
        for (int i = 0; i < info.nbInput; i++) {
            check(lib.TA_GetInputParameterInfo(handle, i, p), info.name, "TA_GetInputParameterInfo");
            TaLibCNative.ParameterInfo in = new TaLibCNative.ParameterInfo(p.getValue());
            List<TaLibCMeta.PriceField> fields = new ArrayList<>();
            TaLibCMeta.InputType type = TaLibCMeta.InputType.values()[in.type];
            if (type == TaLibCMeta.InputType.PRICE) {
                for (TaLibCMeta.PriceField f : TaLibCMeta.PriceField.values()) if ((in.flags & f.bit) != 0) fields.add(f);
            }
            inputs.add(new TaLibCMeta.Input(in.paramName, type, fields));
        }

        List<TaLibCMeta.OptInput> optInputs = new ArrayList<>();
        for (int i = 0; i < info.nbOptInput; i++) {
            check(lib.TA_GetOptInputParameterInfo(handle, i, p), info.name, "TA_GetOptInputParameterInfo");
            optInputs.add(readOptInput(new TaLibCNative.OptInputParameterInfo(p.getValue())));
        }

        List<TaLibCMeta.Output> outputs = new ArrayList<>();
        for (int i = 0; i < info.nbOutput; i++) {
            check(lib.TA_GetOutputParameterInfo(handle, i, p), info.name, "TA_GetOutputParameterInfo");
            TaLibCNative.ParameterInfo out = new TaLibCNative.ParameterInfo(p.getValue());
            outputs.add(new TaLibCMeta.Output(out.paramName, out.type == 1));        // TA_Output_Integer
        }
        return new TaLibCMeta(info.name, info.group, info.hint, info.camelCaseName, flags, inputs, optInputs, outputs);
    }

    private static TaLibCMeta.OptInput readOptInput(TaLibCNative.OptInputParameterInfo opt) {
        TaLibCMeta.OptInputType type = TaLibCMeta.OptInputType.values()[opt.type];
        double min, max;
        List<TaLibCMeta.Choice> choices = new ArrayList<>();
        switch (type) {
            case REAL_RANGE -> {
                TaLibCNative.RealRange r = new TaLibCNative.RealRange(opt.dataSet);
                min = r.min;
                max = r.max;
            }
            case INTEGER_RANGE -> {
                TaLibCNative.IntegerRange r = new TaLibCNative.IntegerRange(opt.dataSet);
                min = r.min;
                max = r.max;
            }
            default -> {
                TaLibCNative.DataList list = new TaLibCNative.DataList(opt.dataSet);
                boolean integer = type == TaLibCMeta.OptInputType.INTEGER_LIST;
                long size = 0;
                for (int k = 0; k < list.nbElement; k++) {
                    Pointer at = list.data.share(k * size);
                    if (integer) {
                        TaLibCNative.IntegerDataPair pair = new TaLibCNative.IntegerDataPair(at);
                        size = pair.size();
                        choices.add(new TaLibCMeta.Choice(pair.value, pair.string));
                    } else {
                        TaLibCNative.RealDataPair pair = new TaLibCNative.RealDataPair(at);
                        size = pair.size();
                        choices.add(new TaLibCMeta.Choice(pair.value, pair.string));
                    }
                }
                min = choices.stream().mapToDouble(TaLibCMeta.Choice::value).min().orElse(Double.NaN);
                max = choices.stream().mapToDouble(TaLibCMeta.Choice::value).max().orElse(Double.NaN);
            }
        }
        return new TaLibCMeta.OptInput(opt.paramName, opt.displayName, opt.hint, type, opt.defaultValue, min, max, choices);
    }
}
