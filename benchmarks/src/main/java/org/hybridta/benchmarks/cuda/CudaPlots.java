package org.hybridta.benchmarks.cuda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hybridta.conformance.FirstIndicators;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Turns the JSON results of the CUDA benchmarks into Markdown tables (printed) and PNG charts.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.cuda.CudaPlots [before:]RESULT.json... OUTDIR</pre>
 *
 * <p>Where several files hold the same benchmark with the same parameters, the later file wins. Kernel results of
 * files named with {@code before:} fill the kernel table's "before" column instead (an earlier version of the kernels).
 */
public final class CudaPlots {
    private CudaPlots() {}

    /**
     * One JMH result: the benchmark as {@code Class.method}, its parameters, its score in ms per operation.
     */
    public record Result(String benchmark, Map<String, String> params, double ms) {
        /** A parameter's value, empty where the benchmark has none. */
        public String param(String k) { return params.getOrDefault(k, ""); }
    }

    /** The results of one JMH JSON file, in its order; every score must be in ms/op (the reports' unit). */
    public static List<Result> read(Path json) throws IOException {
        List<Result> results = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(json.toFile())) {
            Map<String, String> params = new LinkedHashMap<>();
            n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            String name = n.get("benchmark").asText();
            double score = n.path("primaryMetric").path("score").asDouble();
            String unit = n.path("primaryMetric").path("scoreUnit").asText();
            if (!unit.equals("ms/op")) throw new IllegalArgumentException(name + ": unit " + unit + ", expected ms/op");
            results.add(new Result(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), params, score));
        }
        return results;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CudaPlots RESULT.json... OUTDIR");
            System.exit(2);
        }
        Map<String, Result> byKey = new LinkedHashMap<>();  // a later file's result replaces an earlier one's
        Map<String, Double> before = new LinkedHashMap<>();
        for (int i = 0; i < args.length - 1; i++) {
            boolean earlier = args[i].startsWith("before:");
            for (Result r : read(Path.of(earlier ? args[i].substring(7) : args[i]))) {
                if (earlier) {
                    if (r.benchmark().equals("CudaKernelBenchmarks.kernel")) before.put(r.param("indicator") + "/" + r.param("precision"), r.ms());
                    continue;
                }
                byKey.remove(r.benchmark() + r.params());
                byKey.put(r.benchmark() + r.params(), r);
            }
        }
        List<Result> results = new ArrayList<>(byKey.values());
        Path out = Path.of(args[args.length - 1]);
        Files.createDirectories(out);
        double copyBw = bandwidth(results, "CudaCopyBenchmarks.deviceCopy", 2.0 * CudaCopyBenchmarks.COPY_BYTES);
        double up = bandwidth(results, "CudaCopyBenchmarks.pinnedToDevice", CudaCopyBenchmarks.PINNED_BYTES);
        double down = bandwidth(results, "CudaCopyBenchmarks.pinnedToHost", CudaCopyBenchmarks.PINNED_BYTES);
        System.out.printf(Locale.ROOT, "device copy %.2f TB/s (read + write); pinned host->device %.1f GB/s, device->host %.1f GB/s%n%n",
                copyBw / 1e12, up / 1e9, down / 1e9);
        kernels(results, before, copyBw, out);
        endToEnd(results, up, down);
        crossover(results, out);
    }

    private static double bandwidth(List<Result> rs, String bench, double bytes) {
        for (Result r : rs) if (r.benchmark().equals(bench)) return bytes / (r.ms() / 1e3);
        return Double.NaN;
    }

    /**
     * The kernel table and chart. Results with a {@code segments} parameter are the current kernels; {@code before}
     * (indicator/precision to ms) fills the "before" column.
     */
    private static void kernels(List<Result> rs, Map<String, Double> before, double copyBw, Path out) throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, List<Double>> tbps = new LinkedHashMap<>();
        System.out.println("| kernel | precision | time (ms) | bytes moved (GB) | effective TB/s | of copy bandwidth | before (ms) | speed-up |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        List<String> catalog = FirstIndicators.all().stream().map(Indicator::name).toList();
        List<Result> sorted = new ArrayList<>(rs);  // catalog order, double before float
        sorted.sort(java.util.Comparator.comparingInt((Result r) -> r.param("indicator").isEmpty() ? -1
                : catalog.indexOf(Indicators.parse(r.param("indicator")).name())).thenComparing(r -> r.param("precision")));
        for (Result r : sorted) {
            if (!r.benchmark().equals("CudaKernelBenchmarks.kernel") || !r.params().containsKey("segments")) continue;
            Indicator ind = Indicators.parse(r.param("indicator"));
            int es = r.param("precision").equals("FLOAT") ? 4 : 8;
            double cells = Double.parseDouble(r.param("series")) * Double.parseDouble(r.param("bars"));
            double bytes = cells * (8.0 * ind.inputs().size() + es * ind.outputs().size());  // inputs are always double
            double bw = bytes / (r.ms() / 1e3);
            Double old = before.get(r.param("indicator") + "/" + r.param("precision"));
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.1f | %.2f | %.0f%% | %s | %s |%n", ind.spec(),
                    r.param("precision").toLowerCase(Locale.ROOT), r.ms(), bytes / 1e9, bw / 1e12, 100 * bw / copyBw,
                    old == null ? "–" : String.format(Locale.ROOT, "%.2f", old), old == null ? "–" : String.format(Locale.ROOT, "%.1fx", old / r.ms()));
            if (!names.contains(ind.name())) names.add(ind.name());
            tbps.computeIfAbsent(r.param("precision").toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(bw / 1e12);
            if (old != null && es == 8) tbps.computeIfAbsent("double, before", k -> new ArrayList<>()).add(bytes / (old / 1e3) / 1e12);
        }
        System.out.println();
        if (names.isEmpty()) return;
        CategoryChart chart = new CategoryChartBuilder().width(1100).height(500).title("CUDA kernels, 10,000 x 25,000 panel: effective bandwidth")
                .xAxisTitle("indicator").yAxisTitle("TB/s (bytes read once + written once)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        chart.getStyler().setXAxisLabelRotation(45);
        for (var e : tbps.entrySet()) if (e.getValue().size() == names.size()) chart.addSeries(e.getKey(), names, e.getValue());
        List<Double> copy = new ArrayList<>(), goal = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            copy.add(copyBw / 1e12);
            goal.add(0.6 * copyBw / 1e12);
        }
        chart.addSeries("device-to-device copy", names, copy)
                .setChartCategorySeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
        chart.addSeries("60% of copy (goal)", names, goal)
                .setChartCategorySeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
        BitmapEncoder.saveBitmap(chart, out.resolve("cuda-kernel-bandwidth").toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void endToEnd(List<Result> rs, double up, double down) {
        System.out.println("| end to end (EMA 20, public API) | precision | time (ms) | bytes over PCIe (GB) | transfer floor (ms) | time / floor |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: |");
        for (Result r : rs) {
            boolean host = r.benchmark().equals("CudaTransferBenchmarks.endToEndHost");
            if (!host && !r.benchmark().equals("CudaTransferBenchmarks.endToEnd")) continue;
            int[] s = BenchPanels.shape(r.param("shape"));
            int es = r.param("precision").equals("FLOAT") ? 4 : 8;
            double in = (double) s[0] * s[1] * 8, outBytes = (double) s[0] * s[1] * es;
            double floor = 1e3 * (in / up + outBytes / down);
            System.out.printf(Locale.ROOT, "| %s, %s | %s | %.1f | %.2f | %.1f | %.2f |%n", r.param("shape"),
                    host ? "computeInto, page-locked buffers" : "compute, Java arrays", r.param("precision").toLowerCase(Locale.ROOT),
                    r.ms(), (in + outBytes) / 1e9, floor, r.ms() / floor);
        }
        System.out.println();
    }

    private static void crossover(List<Result> rs, Path out) throws IOException {
        Map<String, Map<String, Double>> byShape = new LinkedHashMap<>();
        for (Result r : rs) {
            String what;
            if (r.benchmark().equals("CudaCrossoverBenchmarks.panel")) what = r.param("backend") + " per panel";
            else if (r.benchmark().equals("CudaPerSymbolBenchmarks.perSymbol")) what = r.param("backend") + " per symbol";
            else continue;
            byShape.computeIfAbsent(r.param("shape"), k -> new LinkedHashMap<>()).put(what, r.ms());
        }
        if (byShape.isEmpty()) return;
        List<String> columns = List.of("cpu per panel", "cuda per panel", "cuda-float per panel", "cpu per symbol", "cuda per symbol");
        System.out.println("| panel (series x bars), all 18 indicators | " + String.join(" (ms) | ", columns) + " (ms) | cpu / cuda per panel |");
        System.out.println("| --- |" + " ---: |".repeat(columns.size() + 1));
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (var e : byShape.entrySet()) {
            int[] s = BenchPanels.shape(e.getKey());
            StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
            for (String c : columns) {
                Double v = e.getValue().get(c);
                row.append(v == null ? " – |" : String.format(Locale.ROOT, " %.3g |", v));
                if (v != null) lines.computeIfAbsent(c, k -> new ArrayList<>()).add(new double[] {(double) s[0] * s[1], v});
            }
            Double cpu = e.getValue().get("cpu per panel"), gpu = e.getValue().get("cuda per panel");
            row.append(cpu != null && gpu != null ? String.format(Locale.ROOT, " %.2f |", cpu / gpu) : " – |");
            System.out.println(row);
        }
        System.out.println();
        XYChart chart = new XYChartBuilder().width(900).height(600).title("CPU (16 cores) vs CUDA, all 18 catalog indicators")
                .xAxisTitle("panel cells (series x bars)").yAxisTitle("time per call (ms)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        for (var e : lines.entrySet()) {
            List<double[]> pts = e.getValue();
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = pts.stream().mapToDouble(p -> p[0]).toArray(), y = pts.stream().mapToDouble(p -> p[1]).toArray();
            chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        BitmapEncoder.saveBitmap(chart, out.resolve("cuda-crossover").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
