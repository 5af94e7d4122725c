package org.hybridta.benchmarks.cpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JMH's JSON results of this package's benchmarks, read into medians; no AWT here, so a headless runtime reads them. */
final class JmhScores {
    private static final String PACKAGE = JmhScores.class.getPackageName() + ".";

    private JmhScores() {}

    /**
     * One benchmark's result in its unit (ms/op for all of these): the median of the measured iterations
     * (the figure used for tables, speed-ups and plots) and JMH's score, the mean with its 99.9% confidence
     * half-width. On a shared machine other processes take the CPU in bursts of seconds, which shows as a
     * run of iterations several times slower; the median is robust to them, the mean is not.
     */
    record Score(double median, double mean, double error, String unit) {
        /** {@code median (mean ± error)}. */
        String text() {
            String m = Double.isNaN(error) ? fmt(mean) : fmt(mean) + " ± " + fmt(error);
            return fmt(median) + " (" + m + ")";
        }
    }

    /**
     * Per benchmark, the run with the lowest median. On a shared machine a whole trial can run while another
     * process holds the cores; the best of several identical runs is the estimate of the undisturbed time,
     * and the rule is the same for every library.
     */
    static Map<String, Score> best(List<Map<String, Score>> runs) {
        Map<String, Score> best = new LinkedHashMap<>();
        for (Map<String, Score> run : runs) {
            run.forEach((k, v) -> best.merge(k, v, (a, b) -> b.median() < a.median() ? b : a));
        }
        return best;
    }

    /**
     * The scores keyed by benchmark method (without the package) and parameters, e.g.
     * {@code FunctionBenchmarks.talibC[function=ema,bars=1000000]}.
     */
    static Map<String, Score> read(Path json) throws IOException {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String bench = run.path("benchmark").asText();
            if (!bench.startsWith(PACKAGE)) continue;
            StringBuilder key = new StringBuilder(bench.substring(PACKAGE.length())).append('[');
            List<String> params = new ArrayList<>();
            run.path("params").fields().forEachRemaining(e -> params.add(e.getKey() + "=" + e.getValue().asText()));
            key.append(String.join(",", params)).append(']');
            JsonNode m = run.path("primaryMetric");
            double err = m.path("scoreError").asDouble(Double.NaN);
            List<Double> raw = new ArrayList<>();
            for (JsonNode fork : m.path("rawData")) for (JsonNode x : fork) raw.add(x.asDouble());
            double mean = m.path("score").asDouble();
            scores.put(key.toString(), new Score(raw.isEmpty() ? mean : median(raw), mean, err, m.path("scoreUnit").asText()));
        }
        return scores;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int h = v.length / 2;
        return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
    }

    static String fmt(double v) {
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (v >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
