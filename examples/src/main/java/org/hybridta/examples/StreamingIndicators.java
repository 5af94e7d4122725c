package org.hybridta.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.BarCsv;
import org.hybridta.stream.Bar;
import org.hybridta.stream.IndicatorStream;
import org.hybridta.stream.StreamSnapshot;
import org.hybridta.stream.Tick;
import org.hybridta.stream.TickValues;
import org.hybridta.stream.UniverseStream;
import org.hybridta.stream.UniverseStreams;

/**
 * Indicators updated bar by bar, as a live program does: a stream seeded from a file's history except its last
 * {@code LIVE} bars, which then arrive one at a time (each peeked at first, as a still-forming bar, then committed);
 * a snapshot taken midway, as bytes, and restored into a new stream that carries on; then the same bars as ticks of a
 * small universe in which a second symbol joins late.
 *
 * <pre>java -cp examples/target/hybridta.jar org.hybridta.examples.StreamingIndicators [FILE [LIVE]]</pre>
 */
public final class StreamingIndicators {
    private StreamingIndicators() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/data/sample.csv");
        int live = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        BarSeries series = BarCsv.read(file, "SAMPLE");
        int history = series.size() - live;
        List<Indicator> specs = Indicators.parseList("rsi:14,macd:12:26:9,cdlengulfing");

        // warm start: the history in one call
        IndicatorStream stream = IndicatorStream.warm(specs, series.between(series.date(0), series.date(history)));
        System.out.println("columns: " + String.join(",", Indicators.columns(specs)));
        for (int t = history; t < series.size(); t++) {
            Bar bar = bar(series, t);
            // intrabar: the values if the bar closed at its open, without committing it
            Bar forming = new Bar(bar.open(), bar.open(), bar.open(), bar.open(), bar.open(), 0);
            double[] peeked = stream.peek(forming);
            double[] values = stream.update(bar);
            System.out.printf(Locale.ROOT, "%s  peek rsi %.4f  close rsi %.4f  macd %.4f  engulfing %.0f%n",
                    series.date(t), peeked[0], values[0], values[1], values[4]);
            if (t == history + live / 2) {
                byte[] saved = stream.snapshot().bytes();             // store these anywhere; restart; then:
                stream = IndicatorStream.from(StreamSnapshot.of(saved));
                System.out.println("restored from a snapshot of " + saved.length + " bytes after " + stream.bars() + " bars");
            }
        }

        // a universe: SAMPLE trades every tick; LATE (the same bars halved) joins at the third of the live ticks
        List<String> symbols = List.of("SAMPLE", "LATE");
        // auto: the GPU universe stream where a GPU can run it (hybridta-cuda on the class path), else the CPU's; same values
        try (UniverseStream universe = UniverseStreams.builder().symbols(symbols).indicators(specs).backend("auto")
                .history(series.between(series.date(0), series.date(history))).build()) {
            Tick tick = Tick.allocate(symbols.size());
            for (int t = history; t < series.size(); t++) {
                tick.clear().set(0, bar(series, t));
                if (t >= history + 2) {
                    Bar b = bar(series, t);
                    tick.set(1, new Bar(b.open() / 2, b.high() / 2, b.low() / 2, b.close() / 2, b.adjClose() / 2, b.volume()));
                }
                TickValues v = universe.tick(tick);
                String late = !tick.has(1) ? "no bar yet" : Double.isNaN(v.get(1, 0)) ? "rsi warming up" : String.format(Locale.ROOT, "rsi %.4f", v.get(1, 0));
                System.out.printf(Locale.ROOT, "%s  tick: SAMPLE rsi %.4f, LATE %s%n", series.date(t), v.get(0, 0), late);
            }
        }
    }

    private static Bar bar(BarSeries s, int t) {
        return new Bar(s.get(Field.OPEN, t), s.get(Field.HIGH, t), s.get(Field.LOW, t), s.get(Field.CLOSE, t),
                s.get(Field.ADJ_CLOSE, t), s.get(Field.VOLUME, t));
    }
}
