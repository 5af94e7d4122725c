package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hybridta.Panel;
import org.hybridta.conformance.RandomBars;
import org.hybridta.indicator.MaType;
import org.hybridta.Field;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.conformance.BackendConformanceTest;
import org.junit.jupiter.api.Test;

/** The mapping from specs to kernel launches. Runs without a GPU. */
class KernelCallTest {
    /**
     * The catalog functions with a CUDA kernel (for some or all of their parameters): every other function of the
     * catalog is unsupported on the GPU, computed on the CPU by {@code auto} and refused, with its name, by an
     * explicit {@code --backend cuda}. A new kernel adds its function here.
     */
    static final Set<String> KERNELS = kernels();

    private static Set<String> kernels() {
        Set<String> k = new TreeSet<>(Set.of("sma", "ema", "wma", "dema", "tema", "rsi", "macd", "bbands", "atr", "trange",
                "stoch", "cci", "willr", "roc", "mom", "obv", "mfi"));   // hand-tuned
        k.addAll(KernelCall.FRAMEWORK);                          // on the kernel framework
        for (Indicator i : Indicators.catalog()) if (KernelCall.isPattern(i)) k.add(i.name());   // the candlestick patterns
        return java.util.Collections.unmodifiableSet(k);
    }

    /** Parameter sets of functions in {@link #KERNELS} that the kernels do not cover. */
    static boolean uncovered(Indicator ind) {
        return switch (ind.name()) {
            case "macd" -> ind.param("fastperiod") == ind.param("slowperiod");
            case "mavp" -> mavpRing(ind) > KernelCall.MAVP_MAX_RING;  // its averages' states too large for the rings
            default -> false;   // BBANDS, STOCH, APO, PPO: every MA type (the *_ma kernels where the faster ones do not apply)
        };
    }

    /**
     * MAVP's ring doubles a series: a state per period, and the window of the types that keep one (MAMA: none; SMA:
     * the last maxperiod inputs and a total per period).
     */
    static long mavpRing(Indicator ind) {
        MaType type = MaType.of(ind.intParam("matype"));
        if (type == MaType.MAMA) return 0;
        if (type == MaType.SMA) return ind.intParam("maxperiod") + (ind.intParam("maxperiod") - ind.intParam("minperiod") + 1L);
        boolean window = type == MaType.SMA || type == MaType.WMA || type == MaType.TRIMA || type == MaType.KAMA;
        long total = 0;
        for (int p = ind.intParam("minperiod"); p <= ind.intParam("maxperiod"); p++) total += KernelCall.MAVP_STATE + (window ? p : 0);
        return total;
    }

    @Test void everyCatalogSpecHasAKernelOrIsNamedUnsupported() {
        List<Indicator> all = new ArrayList<>(Indicators.catalog());
        all.addAll(BackendConformanceTest.specs());
        all.addAll(Indicators.parseList("bbands:20:2:1,stoch:5:3:ema:3:sma,macd:12:12:9"));
        Set<String> withKernel = new TreeSet<>(), without = new TreeSet<>();
        for (Indicator ind : all) {
            boolean expected = KERNELS.contains(ind.name()) && !uncovered(ind);
            assertThat(KernelCall.find(ind).isPresent()).as("%s has a kernel", ind.spec()).isEqualTo(expected);
            if (expected) {
                KernelCall c = KernelCall.of(ind);
                assertThat(c.inputs()).as(ind.spec()).isEqualTo(ind.inputFields());
                assertThat(c.outputs()).as(ind.spec()).isEqualTo(ind.outputs().size());
                Indicator same = KernelCall.sameKernelAs(ind);
                assertThat(c.kernel()).isIn(ind.name(), ind.name() + "_s", ind.name() + "_ma", ind.name() + "_ma_s",
                        same == null ? ind.name() : same.name());
                withKernel.add(ind.name());
            } else {
                without.add(ind.spec());
            }
        }
        assertThat(withKernel).as("every listed kernel is exercised").isEqualTo(new TreeSet<>(KERNELS));
        System.out.println("no cuda kernel (auto computes these on the cpu): " + without);
    }

    /** pattern2.cuh's CDL_PATTERNS (the pattern kernels' entry points, and the emulator's) names every candlestick pattern of the catalog. */
    @Test void everyCandlestickPatternHasAKernel() throws Exception {
        java.nio.file.Path src = null;
        for (String d : List.of("src/main/cuda/pattern2.cuh", "cuda/src/main/cuda/pattern2.cuh")) {
            if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(d))) src = java.nio.file.Path.of(d);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(src != null, "skipped: pattern2.cuh is not in this working directory");
        String text = java.nio.file.Files.readString(src);
        String list = text.substring(text.indexOf("#define CDL_PATTERNS(X)"), text.indexOf("#define CDL_ENTRIES"));
        Set<String> kernels = new TreeSet<>(), patterns = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("X\\((\\w+)\\)").matcher(list);
        while (m.find()) kernels.add(m.group(1));
        for (Indicator i : Indicators.catalog()) if (KernelCall.isPattern(i)) patterns.add(i.name());
        assertThat(patterns).hasSize(61);
        assertThat(kernels).as("the pattern kernels").isEqualTo(patterns);
    }

    /** docs/cuda.md lists exactly the functions that have kernels (between its cuda-functions markers). */
    @Test void theDocsListTheFunctionsWithKernels() throws Exception {
        java.nio.file.Path doc = null;
        for (String d : List.of("docs/cuda.md", "../docs/cuda.md")) if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(d))) doc = java.nio.file.Path.of(d);
        org.junit.jupiter.api.Assumptions.assumeTrue(doc != null, "skipped: docs/cuda.md is not in this working directory");
        String text = java.nio.file.Files.readString(doc);
        int from = text.indexOf("<!-- cuda-functions -->"), to = text.indexOf("<!-- /cuda-functions -->");
        assertThat(from).as("docs/cuda.md has the cuda-functions markers").isNotNegative();
        Set<String> listed = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([a-z0-9_]+)`").matcher(text.substring(from, to));
        while (m.find()) listed.add(m.group(1));
        assertThat(listed).as("the functions docs/cuda.md lists as running on the GPU").isEqualTo(new TreeSet<>(KERNELS));
        assertThat(text).contains(KERNELS.size() + " of the catalog's functions have a CUDA kernel");
    }

    @Test void anExplicitCudaBackendNamesTheSpecsItCannotCompute() {
        List<Indicator> specs = Indicators.parseList("ema:5,mavp:2:100000:ema");   // MAVP's rings over 2 MiB a series
        assertThatThrownBy(() -> CudaBackend.requireKernels(specs)).hasMessage(
                "the cuda backend has no kernel for " + specs.get(1).spec() + "; use --backend auto to compute them on the cpu, or --backend cpu");
    }

    @Test void anMaOfItsOwnTypeAndStochfWithAnSmaRunOnThoseFunctionsKernels() {
        KernelCall ma = KernelCall.of(Indicators.parse("ma:30:ema@volume"));
        assertThat(ma.kernel()).isEqualTo("ema");
        assertThat(ma.inputs()).containsExactly(Field.VOLUME);
        assertThat(ma.ints()).containsExactly(30);
        assertThat(ma.halo()).isEqualTo(KernelCall.of(Indicators.ema(30)).halo());
        assertThat(KernelCall.of(Indicators.parse("ma:14:wma")).ints()).containsExactly(KernelCall.of(Indicators.wma(14)).ints());
        for (String own : List.of("ma:1:sma", "ma:1:ema", "ma:30:kama", "ma:30:trima", "ma:30:t3", "ma:30:mama")) {
            assertThat(KernelCall.of(Indicators.parse(own)).kernel()).as(own).isEqualTo("ma");
        }
        KernelCall stochf = KernelCall.of(Indicators.parse("stochf:14:3:sma"));
        assertThat(stochf.kernel()).isEqualTo("stoch");
        assertThat(stochf.ints()).containsExactly(14, 1, 3);
        assertThat(stochf.outputs()).isEqualTo(2);
        assertThat(KernelCall.of(Indicators.parse("stochf:14:3:ema")).kernel()).isEqualTo("stochf_s");
        assertThat(KernelCall.of(Indicators.parse("stochf:14:3:kama")).kernel()).isEqualTo("stochf");
    }

    /**
     * A function with moving averages of any type runs on its {@code _s} kernel (averages.cuh's SimpleMa, state in
     * registers) exactly when every average is an SMA, EMA, WMA, DEMA or TEMA, or has period 1.
     */
    @Test
    void averagesOfTheFiveSimpleTypesTakeTheSimpleKernels() {
        Map<String, String> kernels = new java.util.LinkedHashMap<>();
        kernels.put("macdext", "macdext_s");   // TA-Lib's defaults: three SMAs
        kernels.put("macdext:12:ema:26:tema:9:dema", "macdext_s");
        kernels.put("macdext:12:ema:26:tema:9:kama", "macdext");
        kernels.put("macdext:12:t3:26:ema:1:sma", "macdext");
        kernels.put("macdext:12:ema:26:ema:1:mama", "macdext_s");  // a period-1 average of any type is a copy
        kernels.put("stochrsi", "stochrsi_s");
        kernels.put("stochrsi:14:5:3:trima", "stochrsi");
        kernels.put("stochf:5:3:wma", "stochf_s");
        kernels.put("stochf:5:3:mama", "stochf");
        kernels.put("stoch:5:3:ema:3:wma", "stoch_ma_s");
        kernels.put("stoch:5:3:ema:3:t3", "stoch_ma");
        kernels.put("bbands:20:2:1", "bbands_ma_s");
        kernels.put("bbands:20:2:2:kama", "bbands_ma");
        kernels.put("apo:12:26:dema", "apo_ma_s");
        kernels.put("ppo:12:26:trima", "ppo_ma");
        kernels.forEach((spec, kernel) -> assertThat(KernelCall.of(Indicators.parse(spec)).kernel()).as(spec).isEqualTo(kernel));
        assertThat(KernelCall.withAverages("x", KernelCall.ma(MaType.TEMA, 30), KernelCall.ma(MaType.SMA, 2))).isEqualTo("x_s");
        assertThat(KernelCall.withAverages("x", KernelCall.ma(MaType.TEMA, 30), KernelCall.ma(MaType.TRIMA, 2))).isEqualTo("x");
    }

    /** The trend family (trend.cuh): its framework parameters, rings and segments. */
    @Test void trendFamilyParametersFollowTrendCuh() {
        assertThat(KernelCall.of(Indicators.adx(14)).ints()).containsExactly(14, 0, 0);
        assertThat(KernelCall.of(Indicators.adx(14)).outputs()).isEqualTo(1);
        assertThat(KernelCall.of(Indicators.parse("adxr:14")).ringDoubles()).isEqualTo(13);
        assertThat(KernelCall.of(Indicators.parse("aroon:14")).ringDoubles()).isEqualTo(4 * 15);
        assertThat(KernelCall.of(Indicators.parse("minmaxindex:30")).ringDoubles()).isEqualTo(120);
        assertThat(KernelCall.of(Indicators.parse("maxindex:30")).ringDoubles()).isEqualTo(60);
        assertThat(KernelCall.of(Indicators.parse("accbands:20")).ringDoubles()).isEqualTo(60);
        assertThat(KernelCall.of(Indicators.parse("correl:30")).ringDoubles()).isEqualTo(30);
        assertThat(KernelCall.of(Indicators.parse("macdfix:9")).ints()).containsExactly(9, 0, 0);
        assertThat(KernelCall.of(Indicators.parse("sar:0.03:0.3")).doubles()).containsExactly(0.03, 0.3);
        // SAREXT's own entry point takes its eight doubles in TA-Lib's order
        assertThat(KernelCall.of(Indicators.parse("sarext:50:0.01:0.02:0.03:0.25:0.04:0.05:0.3")).doubles())
                .containsExactly(50, 0.01, 0.02, 0.03, 0.25, 0.04, 0.05, 0.3);
        assertThat(KernelCall.of(Indicators.parse("sarext")).takesScratch()).isTrue();
        // windows are segmented, ADX with its decay halo, the other recursions and running sums not; large rings go to global memory
        assertThat(KernelCall.of(Indicators.parse("aroon:14")).halo()).isEqualTo(14);
        assertThat(KernelCall.of(Indicators.parse("avgdev:14")).halo()).isEqualTo(13);
        assertThat(KernelCall.of(Indicators.parse("macdfix:9")).halo()).isEqualTo(33 + Segments.decay(0.075, 2));
        assertThat(KernelCall.of(Indicators.adx(14)).halo()).isEqualTo(27 + Segments.decay(1.0 / 14, 2));
        for (String s : List.of("adxr:14", "sar", "sarext", "maxindex:30", "beta:5", "correl:30", "imi:14", "accbands:20")) {
            assertThat(KernelCall.of(Indicators.parse(s)).halo()).as(s).isEqualTo(-1);
        }
        assertThat(KernelCall.of(Indicators.parse("aroon:200")).globalRingDoubles()).isEqualTo(4 * 201);
    }

    @Test void parametersFollowTheKernelSignatures() {
        assertThat(KernelCall.of(Indicators.ema(12)).ints()).containsExactly(12);
        assertThat(KernelCall.of(Indicators.wma(10)).ints()).containsExactly(10, 55);
        assertThat(KernelCall.of(Indicators.macd(12, 26, 9)).ints()).containsExactly(12, 26, 9);
        assertThat(KernelCall.of(Indicators.bbands(20, 2.5)).doubles()).containsExactly(2.5);
        assertThat(KernelCall.of(Indicators.stoch(14, 3, 5)).ringDoubles()).isEqualTo(2 * 14 + 8);
        assertThat(KernelCall.of(Indicators.willr(14)).ringDoubles()).isEqualTo(28);
        // the sliding extremes of WILLR and STOCH keep their rings in shared memory, whatever the window
        assertThat(KernelCall.of(Indicators.willr(14)).ringInRegisters()).isFalse();
        assertThat(KernelCall.of(Indicators.willr(14)).ringInShared()).isTrue();
        assertThat(KernelCall.of(Indicators.willr(14)).sharedBytes()).isEqualTo(28 * 8 * 32);
        assertThat(KernelCall.of(Indicators.willr(14)).globalRingDoubles()).isZero();
        assertThat(KernelCall.of(Indicators.stoch(14, 3, 3)).sharedBytes()).isEqualTo((28 + 3 + 3) * 8 * 32);
        assertThat(KernelCall.of(Indicators.willr(200)).ringInShared()).isFalse();
        assertThat(KernelCall.of(Indicators.willr(200)).globalRingDoubles()).isEqualTo(400);
        // CCI keeps rings of up to 32 slots in registers: no memory reserved for them
        assertThat(KernelCall.of(Indicators.cci(20)).ringInRegisters()).isTrue();
        assertThat(KernelCall.of(Indicators.cci(32)).sharedBytes()).isZero();
        assertThat(KernelCall.of(Indicators.cci(33)).sharedBytes()).isEqualTo(33 * 8 * 32);
        assertThat(KernelCall.of(Indicators.mfi(2)).sharedBytes()).isEqualTo(4 * 8 * 32);
        // MFI runs on two warps a group (mfiSplit), everything else on one
        assertThat(KernelCall.of(Indicators.mfi(2)).warps()).isEqualTo(2);
        assertThat(KernelCall.of(Indicators.ema(10)).warps()).isEqualTo(1);
        assertThat(KernelCall.of(Indicators.cci(1000)).ringInShared()).isFalse();
        assertThat(KernelCall.of(Indicators.cci(1000)).globalRingDoubles()).isEqualTo(1000);
        assertThat(KernelCall.of(Indicators.ema(10)).sharedBytes()).isZero();
        assertThat(KernelCall.of(Indicators.cci(20)).ringDoubles()).isEqualTo(20);
        assertThat(KernelCall.of(Indicators.mfi(14)).ringDoubles()).isEqualTo(28);
        assertThat(KernelCall.of(Indicators.mfi(14)).inputs()).containsExactly(Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME);
        assertThat(KernelCall.of(Indicators.obv()).inputs()).containsExactly(Field.CLOSE, Field.VOLUME);
        assertThat(KernelCall.of(Indicators.parse("sma:9@volume")).inputs()).containsExactly(Field.VOLUME);
        assertThat(KernelCall.of(Indicators.macd(26, 12, 9)).ints()).containsExactly(12, 26, 9);   // TA-Lib swaps them
        assertThat(KernelCall.of(Indicators.rsi(14)).entry(Precision.DOUBLE)).isEqualTo("rsi_f64");
        assertThat(KernelCall.of(Indicators.rsi(14)).entry(Precision.FLOAT)).isEqualTo("rsi_f32");
        // moving averages of any type: the type packed with its period, the windows of SMA, WMA, TRIMA, KAMA in rings
        assertThat(KernelCall.of(Indicators.parse("ma:10:kama")).ints()).containsExactly(10 * 16 + 6, 0, 0);
        assertThat(KernelCall.of(Indicators.parse("ma:10:kama")).ringDoubles()).isEqualTo(10);
        assertThat(KernelCall.of(Indicators.parse("ma:10:t3")).ringDoubles()).isZero();
        assertThat(KernelCall.of(Indicators.parse("macdext:26:ema:12:wma:9:sma")).ints()).containsExactly(12 * 16 + 2, 26 * 16 + 1, 9 * 16);
        assertThat(KernelCall.of(Indicators.parse("macdext:26:ema:12:wma:9:sma")).ringDoubles()).isEqualTo(12 + 9);
        assertThat(KernelCall.of(Indicators.parse("stoch:14:3:ema:3:wma")).kernel()).isEqualTo("stoch_ma_s");
        assertThat(KernelCall.of(Indicators.parse("stoch:14:3:ema:3:wma")).halo()).isEqualTo(-1);
        assertThat(KernelCall.of(Indicators.parse("stoch:14:3:sma:3:sma")).kernel()).isEqualTo("stoch");
        assertThat(KernelCall.of(Indicators.parse("bbands:20:2:1")).kernel()).isEqualTo("bbands_ma_s");
        assertThat(KernelCall.of(Indicators.parse("bbands:20:2:1")).doubles()).containsExactly(2.0, 1.0);
        assertThat(KernelCall.of(Indicators.parse("apo:26:12:trima")).ints()).containsExactly(12, 26, 5);
        assertThat(KernelCall.of(Indicators.parse("ht_trendmode")).ringDoubles()).isEqualTo(100);
        // MAVP: one average's state (and window) per period; a range of periods too wide for the rings has no kernel
        assertThat(KernelCall.of(Indicators.parse("mavp:2:4:ema")).ringDoubles()).isEqualTo(3 * KernelCall.MAVP_STATE);
        assertThat(KernelCall.of(Indicators.parse("mavp:2:4:wma")).ringDoubles()).isEqualTo(3 * KernelCall.MAVP_STATE + 2 + 3 + 4);
        assertThat(KernelCall.of(Indicators.parse("mavp:2:4:sma")).ringDoubles()).isEqualTo(4 + 3);  // the inputs, a total per period
        assertThat(KernelCall.of(Indicators.parse("mavp:2:100000:mama")).ringDoubles()).isZero();
        assertThat(KernelCall.find(Indicators.parse("mavp:2:700:wma"))).isPresent();
        assertThat(KernelCall.find(Indicators.parse("mavp:2:720:wma"))).isEmpty();
        assertThat(KernelCall.find(Indicators.parse("mavp:2:100000:ema"))).isEmpty();
        assertThat(KernelCall.find(Indicators.parse("mavp:2:100000:sma"))).isPresent();
    }
}
