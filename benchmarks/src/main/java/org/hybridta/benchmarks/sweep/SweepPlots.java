package org.hybridta.benchmarks.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hybridta.Universe;
import org.hybridta.benchmarks.cuda.CudaCopyBenchmarks;
import org.hybridta.benchmarks.cuda.CudaPlots;
import org.hybridta.source.SyntheticQuoteSource;
import org.hybridta.sweep.Sweep;
import org.hybridta.sweep.UniverseBars;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The chart of {@link SweepBenchmarks}' results: values written per second (sets x outputs x symbols x bars over the
 * time) of the CPU's cube, the CUDA cube downloaded into Java arrays and the cube written on the device, for each grid
 * and precision, on a log scale; and the reduced form's time on each backend. Prints the values behind it.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.sweep.SweepPlots sweep.json sweep-device.json [copy.json] OUTDIR</pre>
 *
 * <p>With the device copy's result ({@code CudaCopyBenchmarks.deviceCopy}) among the files, the rate chart also draws
 * issue 17's goal: 60% of the copy's bytes per second, in values of each precision.
 */
public final class SweepPlots {
    private SweepPlots() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SweepPlots RESULT.json... OUTDIR");
            System.exit(2);
        }
        Map<String, Double> ms = new LinkedHashMap<>();   // "benchmark backend grid precision" -> ms per operation
        double copyBytesPerSecond = Double.NaN;           // the device copy, where a file has it: the goal's line
        for (int i = 0; i < args.length - 1; i++) {
            for (CudaPlots.Result r : CudaPlots.read(Path.of(args[i]))) {
                String b = r.benchmark();
                if (b.equals("CudaCopyBenchmarks.deviceCopy")) copyBytesPerSecond = 2.0 * CudaCopyBenchmarks.COPY_BYTES / (r.ms() / 1e3);
                else ms.put(key(b.substring(b.lastIndexOf('.') + 1), r.param("backend"), r.param("grid"), r.param("precision")), r.ms());
            }
        }
        // the benchmark's universe: the S&P 500 on the synthetic market, 2015 to 2024
        long cells;
        try (var source = SyntheticQuoteSource.builder().anySymbol(true).build()) {
            cells = UniverseBars.fetch(Universe.sp500(), source, LocalDate.of(2015, 1, 1), LocalDate.of(2025, 1, 1), 0).panel().shape().cells();
        }
        List<String> labels = new ArrayList<>();
        Map<String, List<Double>> rate = new LinkedHashMap<>(), reduced = new LinkedHashMap<>();
        List<Double> goal = new ArrayList<>();
        for (String grid : List.of("ema:2..201", "bbands:10..29:0.75..3/0.25:nbdevup")) {
            Sweep sweep = Sweep.parse(grid);
            double values = (double) sweep.size() * sweep.function().outputs().size() * cells;
            for (String precision : List.of("double", "float")) {
                labels.add(sweep.function().name().toUpperCase(Locale.ROOT) + " " + (precision.equals("double") ? "float64" : "float32"));
                add(rate, "cpu cube", values, ms.get(key("cube", "cpu", grid, precision)));
                add(rate, "cuda cube (into Java arrays)", values, ms.get(key("cube", "cuda", grid, precision)));
                add(rate, "cuda cube on the device", values, ms.get(key("cubeOnDevice", "cuda", grid, precision)));
                add(rate, "cuda cube, kernels alone", values, ms.get(key("cubeKernels", "cuda", grid, precision)));
                if (!Double.isNaN(copyBytesPerSecond)) {   // 60% of the copy's bytes per second, in values of this precision
                    goal.add(0.6 * copyBytesPerSecond / (precision.equals("double") ? Double.BYTES : Float.BYTES) / 1e9);
                }
                reduced.computeIfAbsent("cpu reduced", k -> new ArrayList<>()).add(ms.get(key("reduced", "cpu", grid, precision)));
                reduced.computeIfAbsent("cuda reduced", k -> new ArrayList<>()).add(ms.get(key("reduced", "cuda", grid, precision)));
            }
        }
        if (cells <= 0) throw new IllegalStateException("the benchmark's universe came out empty");
        for (int i = 0; i < labels.size(); i++) {
            int k = i;
            StringBuilder line = new StringBuilder(labels.get(i));
            rate.forEach((name, v) -> line.append(String.format(Locale.ROOT, "; %s %.1f G values/s", name, v.get(k))));
            line.append(String.format(Locale.ROOT, "; reduced cpu/cuda %.1fx", reduced.get("cpu reduced").get(k) / reduced.get("cuda reduced").get(k)));
            System.out.println(line);
        }
        Path out = Path.of(args[args.length - 1]);
        Files.createDirectories(out);
        CategoryChart r = new CategoryChartBuilder().width(900).height(450)
                .title(String.format(Locale.ROOT, "Parameter sweeps over %,d symbol-bars: values written per second", cells))
                .xAxisTitle("grid (200 parameter sets)").yAxisTitle("G values / s (log scale)").build();
        r.getStyler().setYAxisLogarithmic(true);
        r.getStyler().setYAxisMin(0.1);
        r.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        rate.forEach((name, v) -> r.addSeries(name, labels, v));
        if (!goal.isEmpty()) {
            r.addSeries("60% of the device copy (the goal)", labels, goal)
                    .setChartCategorySeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
        }
        BitmapEncoder.saveBitmap(r, out.resolve("sweep-rate").toString(), BitmapEncoder.BitmapFormat.PNG);
        CategoryChart d = new CategoryChartBuilder().width(900).height(450).title("The reduced form (last, mean, min, max, a count, the latest crossing)")
                .xAxisTitle("grid (200 parameter sets)").yAxisTitle("ms per sweep (log scale)").build();
        d.getStyler().setYAxisLogarithmic(true);
        d.getStyler().setYAxisMin(1.0);
        d.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        reduced.forEach((name, v) -> d.addSeries(name, labels, v));
        BitmapEncoder.saveBitmap(d, out.resolve("sweep-reduced").toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String key(String benchmark, String backend, String grid, String precision) {
        return benchmark + " " + backend + " " + grid + " " + precision;
    }

    private static void add(Map<String, List<Double>> series, String name, double values, Double ms) {
        if (ms == null) throw new IllegalArgumentException("no result for " + name);
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(values / (ms / 1e3) / 1e9);
    }
}
