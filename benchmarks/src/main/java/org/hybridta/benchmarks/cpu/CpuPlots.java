package org.hybridta.benchmarks.cpu;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.benchmarks.cpu.JmhScores.Score;
import org.hybridta.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Turns JMH JSON results of the CPU benchmarks into the write-up's plots and tables: writes
 * {@code cpu-series.png} (time per call of each indicator on a million bars, three libraries side by
 * side, log scale) and {@code cpu-catalog.png} (the whole catalog per panel shape) into the output
 * folder, and prints Markdown tables with errors and speed-ups. Given several result files of the same
 * benchmarks, it takes each benchmark's best run (see {@link JmhScores#best}). Benchmarks it does not know are
 * ignored, so a result file of a larger run serves as well.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.cpu.CpuPlots [--label TEXT] docs/img cpu.json [cpu2.json ...]</pre>
 */
public final class CpuPlots {
    private static final Color HYBRIDTA = new Color(0x1f77b4), HYBRIDTA_ONE = new Color(0x9ecae1),
            TALIB = new Color(0xff7f0e), TALIB_PAR = new Color(0xfdd0a2), TA4J = new Color(0x2ca02c), TA4J_PAR = new Color(0xa1d99b);

    private CpuPlots() {}

    public static void main(String[] args) throws IOException {
        String label = "";
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.size() >= 2 && rest.get(0).equals("--label")) {
            label = " — " + rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.size() < 2) {
            System.err.println("usage: CpuPlots [--label TEXT] OUTPUT_DIR RESULTS.json [MORE_RESULTS.json ...]");
            System.exit(2);
        }
        Path outDir = Path.of(rest.get(0));
        List<Map<String, Score>> runs = new ArrayList<>();
        for (String file : rest.subList(1, rest.size())) {
            Path json = Path.of(file);
            if (!Files.isRegularFile(json)) {
                System.err.println("CpuPlots: " + json + ": no such file (give the JSON written by JMH's -rf json -rff FILE)");
                System.exit(2);
            }
            runs.add(JmhScores.read(json));
        }
        Map<String, Score> scores = JmhScores.best(runs);
        Files.createDirectories(outDir);
        if (runs.size() > 1) System.out.println("Best of " + runs.size() + " runs: each benchmark's lowest median.");
        printTables(scores, System.out);
        if (hasAny(scores, "FunctionBenchmarks.")) save(seriesChart(scores, label), outDir.resolve("cpu-series.png"));
        if (hasAny(scores, "CatalogBenchmarks.")) save(catalogChart(scores, label), outDir.resolve("cpu-catalog.png"));
    }

    private static boolean hasAny(Map<String, Score> scores, String prefix) {
        return scores.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    private static Score series(Map<String, Score> s, String method, String indicator) {
        return s.get("FunctionBenchmarks." + method + "[bars=1000000,function=" + indicator + "]");
    }

    private static Score catalog(Map<String, Score> s, String method, String shape) {
        return s.get("CatalogBenchmarks." + method + "[shape=" + shape + "]");
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Indicator i : Indicators.catalog()) names.add(i.name());
        return names;
    }

    static void printTables(Map<String, Score> s, PrintStream out) {
        out.println("Times in ms per call: median of the measured iterations (JMH's mean ± 99.9% confidence half-width).");
        out.println();
        if (hasAny(s, "FunctionBenchmarks.")) {
            out.println("| function | TA-Lib C function | ta4j 0.17 |");
            out.println("|---|---|---|");
            for (Indicator ind : Indicators.catalog()) {
                out.printf("| %s | `%s` | %s |%n", ind.spec(), TaLibCalls.function(ind), Ta4jCalls.classes(ind));
            }
            out.println();
            out.println("| function | HybridTA kernel, reused outputs | HybridTA compute, new outputs | TA-Lib C | ta4j "
                    + "| kernel vs TA-Lib C | compute vs TA-Lib C | kernel vs ta4j |");
            out.println("|---|--:|--:|--:|--:|--:|--:|--:|");
            for (Indicator ind : Indicators.catalog()) {
                String n = ind.name();
                Score h = series(s, "hybridta", n), c = series(s, "hybridtaCompute", n), t = series(s, "talibC", n), j = series(s, "ta4j", n);
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", ind.spec(), text(h), text(c), text(t), text(j),
                        ratio(t, h), ratio(t, c), ratio(j, h));
            }
            out.println();
        }
        if (hasAny(s, "CatalogBenchmarks.")) {
            String[] shapes = {"500x2520", "1x1000000"};
            out.println("| library, threads | 500 × 2,520 (ms) | HybridTA (all cores) faster by | 1 × 1,000,000 (ms) | HybridTA (all cores) faster by |");
            out.println("|---|--:|--:|--:|--:|");
            String[][] rows = {{"hybridta", "HybridTA, all cores (one call)"}, {"hybridtaOneThread", "HybridTA, 1 thread (one call)"},
                    {"talib", "TA-Lib C, 1 thread"}, {"talibParallel", "TA-Lib C, parallel stream"}, {"ta4j", "ta4j, 1 thread"},
                    {"ta4jParallel", "ta4j, parallel stream"}};
            for (String[] r : rows) {
                out.printf("| %s", r[1]);
                for (String shape : shapes) {
                    Score x = catalog(s, r[0], shape), h = catalog(s, "hybridta", shape);
                    out.printf(Locale.ROOT, " | %s | %s", text(x), r[0].equals("hybridta") ? "—" : ratio(x, h));
                }
                out.println(" |");
            }
            out.println();
        }
        if (hasAny(s, "Ta4jQuadraticBenchmarks.")) {
            out.println("| ta4j indicator | bars | ta4j class (ms) | composed (ms) |");
            out.println("|---|--:|--:|--:|");
            for (String ind : List.of("stoch", "willr")) {
                for (String bars : List.of("10000", "40000")) {
                    String p = "[bars=" + bars + ",indicator=" + ind + "]";
                    out.printf("| %s | %s | %s | %s |%n", ind.equals("stoch") ? "StochasticOscillatorKIndicator" : "WilliamsRIndicator",
                            bars, text(s.get("Ta4jQuadraticBenchmarks.ta4jClass" + p)), text(s.get("Ta4jQuadraticBenchmarks.ta4jComposed" + p)));
                }
            }
            out.println();
        }
    }

    private static String text(Score s) {
        return s == null ? "n/a" : s.text();
    }

    private static String ratio(Score slower, Score faster) {
        if (slower == null || faster == null) return "n/a";
        double r = slower.median() / faster.median();
        return String.format(Locale.ROOT, r >= 100 ? "%.0f×" : r >= 10 ? "%.1f×" : "%.2f×", r);
    }

    private static CategoryChart seriesChart(Map<String, Score> s, String label) {
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(620)
                .title("One indicator on 1,000,000 bars, one thread: median time per call (log scale, lower is better)" + label)
                .xAxisTitle("indicator (default parameters)").yAxisTitle("milliseconds per call").build();
        style(chart);
        List<String> names = names();
        List<Double> all = new ArrayList<>();
        all.addAll(addSeries(chart, "HybridTA CPU kernel", names, n -> series(s, "hybridta", n), HYBRIDTA));
        all.addAll(addSeries(chart, "TA-Lib C 0.6 -O3", names, n -> series(s, "talibC", n), TALIB));
        all.addAll(addSeries(chart, "ta4j 0.17 (DoubleNum)", names, n -> series(s, "ta4j", n), TA4J));
        logBounds(chart, all);
        return chart;
    }

    private static CategoryChart catalogChart(Map<String, Score> s, String label) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
                .title("The 18 first indicators: median time per computation (log scale, lower is better)" + label)
                .xAxisTitle("symbols × bars").yAxisTitle("milliseconds").build();
        style(chart);
        List<String> shapes = List.of("500x2520", "1x1000000");
        List<String> axis = List.of("500 × 2,520", "1 × 1,000,000");
        String[][] rows = {{"hybridta", "HybridTA, all cores"}, {"hybridtaOneThread", "HybridTA, 1 thread"},
                {"talib", "TA-Lib C, 1 thread"}, {"talibParallel", "TA-Lib C, parallel stream"},
                {"ta4j", "ta4j, 1 thread"}, {"ta4jParallel", "ta4j, parallel stream"}};
        Color[] colors = {HYBRIDTA, HYBRIDTA_ONE, TALIB, TALIB_PAR, TA4J, TA4J_PAR};
        List<Double> all = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            String method = rows[r][0];
            List<Double> y = new ArrayList<>();
            for (String shape : shapes) {
                Score x = catalog(s, method, shape);
                y.add(x == null ? Double.NaN : x.median());
            }
            if (y.stream().allMatch(v -> v.isNaN())) continue;
            chart.addSeries(rows[r][1], axis, y).setFillColor(colors[r]);
            all.addAll(y);
        }
        logBounds(chart, all);
        return chart;
    }

    private static List<Double> addSeries(CategoryChart chart, String name, List<String> x,
                                          java.util.function.Function<String, Score> score, Color color) {
        List<Double> y = new ArrayList<>();
        for (String n : x) {
            Score sc = score.apply(n);
            y.add(sc == null ? Double.NaN : sc.median());
        }
        chart.addSeries(name, x, y).setFillColor(color);
        return y;
    }

    private static void style(CategoryChart chart) {
        var st = chart.getStyler();
        st.setYAxisLogarithmic(true);
        st.setLegendPosition(Styler.LegendPosition.InsideNW);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridVerticalLinesVisible(false);
        st.setAvailableSpaceFill(0.8);
        st.setOverlapped(false);
        st.setLabelsVisible(false);
        st.setXAxisTickMarkSpacingHint(40);   // else XChart labels only every other of 18 indicators
    }

    /** Bars on a log axis need explicit bounds (XChart otherwise starts bars at 0): whole decades around the data. */
    static void logBounds(CategoryChart chart, List<Double> values) {
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (max == 0) throw new IllegalArgumentException("nothing to plot in \"" + chart.getTitle() + "\"");
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
    }

    static void save(CategoryChart chart, Path target) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(target, out -> out.write(png));
        System.err.println("wrote " + target);
    }
}
