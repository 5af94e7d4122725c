package org.hybridta.sink;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders one PNG per requested symbol ({@code <directory>/<SYMBOL>.png}): a candlestick price panel with the
 * requested indicators on the price's scale (moving averages, Bollinger bands, …) and markers on the bars where the
 * requested candlestick patterns fire (bullish ▲ below the low, bearish ▼ above the high), a volume panel, and one
 * panel per other requested function (RSI, MACD, …), all on one date axis labelled at month or year starts. Only the
 * run's indicators are drawn, with the run's values.
 *
 * <p>Drawn with Java 2D alone (no charting library); {@link #checkDependencies()} draws a small chart when the
 * pipeline is built, so that a Java without its graphics libraries or fonts fails then, not after the computation.
 * Each PNG is encoded in memory and then written whole or not at all: a full disk leaves no partial PNG.
 */
public final class ChartSink implements ResultSink {
    private static final Logger log = LoggerFactory.getLogger(ChartSink.class);

    private final Path directory;
    private final List<String> symbols;

    private ChartSink(Path directory, List<String> symbols) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.symbols = List.copyOf(symbols);
    }

    /** Charts {@code symbols} into {@code directory}. */
    public static ChartSink to(Path directory, List<String> symbols) {
        return new ChartSink(directory, symbols);
    }

    /**
     * Draws a small chart in memory, through every part a chart has.
     *
     * @throws IllegalStateException saying why charts cannot be drawn on this machine
     */
    @Override public void checkDependencies() {
        try {
            BarSeries s = sample();
            Indicator bb = Indicators.bbands(20, 2), rsi = Indicators.rsi(14), doji = Indicators.parse("cdldoji");
            double[] signal = new double[s.size()];
            signal[30] = 100;
            signal[40] = -100;
            render(s, column -> column.equals(doji.column()) ? signal : s.close(), List.of(bb, rsi, doji), false);
        } catch (RuntimeException | LinkageError e) {   // e.g. AWT without its native libraries or fonts
            throw new IllegalStateException("charts cannot be drawn here: Java's graphics do not start (" + e
                    + "); install the JDK's desktop libraries and fonts (e.g. fontconfig), or drop the charts", e);
        }
    }

    /**
     * Draws the chart of one series with its indicators' values (series 0 of {@code values}, as a backend computes
     * them for {@code series}) into {@code png}, written whole or not at all; its folder is created if missing.
     */
    public static void write(Path png, BarSeries series, List<? extends Indicator> indicators, IndicatorValues values, boolean synthetic)
            throws IOException {
        byte[] bytes = png(render(series, column -> values.series(column, 0), List.copyOf(indicators), synthetic));
        Path dir = png.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        AtomicFiles.write(png, out -> out.write(bytes));
    }

    @Override public void check() throws IOException {
        AtomicFiles.checkWritable(directory);
    }

    /**
     * Keeps the charted symbols' bars and values as their parts pass (copies: a few symbols, not their parts) and
     * draws the charts on commit, after the tables before it in the pipeline's sinks are published.
     */
    @Override public Session open(List<? extends Indicator> indicators, boolean synthetic) {
        List<Indicator> specs = List.copyOf(indicators);
        Map<String, BarSeries> bars = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> values = new HashMap<>();
        return new Session() {
            @Override public void write(RunOutput part) {
                for (String symbol : symbols) {
                    int i = part.indexOf(symbol);
                    if (i < 0) continue;
                    bars.put(symbol, part.series(i));
                    Map<String, double[]> columns = new HashMap<>();
                    for (String c : part.columns()) columns.put(c, part.values(i, c));
                    values.put(symbol, columns);
                }
            }

            @Override public List<Path> commit() throws IOException {
                List<Path> written = new ArrayList<>();
                for (String symbol : symbols) {
                    BarSeries s = bars.get(symbol);
                    if (s == null || s.isEmpty()) {
                        log.warn("no chart for {}: it has no results in this run", symbol);
                        continue;
                    }
                    Path file = directory.resolve(symbol.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
                    byte[] png = png(render(s, values.get(symbol)::get, specs, synthetic));
                    Files.createDirectories(directory);
                    AtomicFiles.write(file, out -> out.write(png));
                    written.add(file);
                }
                return written;
            }

            @Override public void close() {
                bars.clear();
                values.clear();
            }
        };
    }

    /**
     * Encodes {@code image} as PNG in memory: never through ImageIO's file cache, whose streams a failed write
     * leaves to a JDK thread that then fails on its own.
     */
    static byte[] png(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer in this Java runtime");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Override public String toString() { return "charts " + directory + " " + symbols; }

    /** The name a chart shows for its symbol: made-up prices say so, so that no one takes the chart for a stock's. */
    static String title(String symbol, boolean synthetic) {
        return synthetic ? symbol + " (synthetic prices, not market data)" : symbol;
    }

    /** Sixty bars of a gentle wave, a line and a pattern: enough for every part of a chart, for {@link #checkDependencies()}. */
    static BarSeries sample() {
        int n = 60;
        int[] days = new int[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        for (int t = 0; t < n; t++) {
            days[t] = 19_000 + t;
            c[t] = 100 + 5 * Math.sin(t / 6.0);
            o[t] = t == 0 ? c[t] : c[t - 1];
            h[t] = Math.max(o[t], c[t]) + 0.5;
            l[t] = Math.min(o[t], c[t]) - 0.5;
            v[t] = 1_000 + t;
        }
        return BarSeries.of("SAMPLE", days, o, h, l, c, c.clone(), v);
    }

    /** The chart of {@code s}: the plan of what it shows, drawn. */
    static BufferedImage render(BarSeries s, Function<String, double[]> values, List<Indicator> indicators, boolean synthetic) {
        return ChartPainter.paint(ChartPlan.of(s, values, indicators, synthetic, ChartPainter.PLOT_WIDTH));
    }
}
