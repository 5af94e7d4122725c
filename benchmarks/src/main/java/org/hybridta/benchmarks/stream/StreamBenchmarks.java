package org.hybridta.benchmarks.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.benchmarks.cpu.SeededBars;
import org.hybridta.conformance.FirstIndicators;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.stream.Bar;
import org.hybridta.stream.IndicatorStream;
import org.hybridta.stream.Tick;
import org.hybridta.stream.TickValues;
import org.hybridta.stream.UniverseStream;
import org.hybridta.stream.UniverseStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Streaming latency on the CPU.
 * <ul>
 *   <li>{@link Series}: one series, one function at TA-Lib's defaults, nanoseconds per {@code update} (a closed bar
 *       committed) and per {@code peek} (the values of a forming bar: a copy of the state plus an update). The stream
 *       is warmed with 10,000 bars first; the bars then cycle through a seeded random walk.</li>
 *   <li>{@link Universe}: one tick of 10,000 symbols × the 18 original indicators at their defaults
 *       ({@link FirstIndicators}), every symbol trading, on the CPU universe stream with its threads (all processors by
 *       default) or, with {@code -p backend=cuda}, the GPU's (state on the device: one upload, one launch, one
 *       download a tick); a tick and a peek (the same bars, nothing committed); sampled, so JMH reports p50, p99 and
 *       p99.9 per call.</li>
 * </ul>
 * {@link #main} runs the series benchmarks over the whole catalog (derived from {@link Indicators#catalog()}), then
 * the universe tick; the {@code @Param} defaults are a sample for a plain JMH run.
 */
public class StreamBenchmarks {

    /** One series and one function. */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @Warmup(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
    @Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
    public static class Series {
        /** A catalog function, at TA-Lib's default parameters. */
        @Param({"sma", "ema", "rsi", "macd", "bbands", "stoch", "adx", "cci", "willr", "cdlengulfing"})
        public String function;

        private static final int BARS = 1 << 16;
        private IndicatorStream stream;
        private double[] open, high, low, close, volume, values;
        private int t;

        @Setup
        public void setUp() {
            BarSeries s = SeededBars.series("BENCH", 42, BARS);
            open = s.open();
            high = s.high();
            low = s.low();
            close = s.close();
            volume = s.volume();
            stream = IndicatorStream.warm(List.of(Indicators.parse(function)), s.between(s.date(0), s.date(10_000)));
            values = new double[stream.width()];
            t = 10_000;
        }

        /** Commits the next bar. */
        @Benchmark
        public double update() {
            int i = t++ & (BARS - 1);
            stream.update(open[i], high[i], low[i], close[i], close[i], volume[i], values);
            return values[0];
        }

        /** The values of a forming bar, not committed (the state copied, then updated). */
        @Benchmark
        public double peek() {
            int i = t++ & (BARS - 1);
            stream.peek(new Bar(open[i], high[i], low[i], close[i], close[i], volume[i]), values);
            return values[0];
        }
    }

    /** A universe stream and its ticks. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 10, time = 1)
    public static class Universe {
        @Param("10000")
        public int symbols;

        /** Threads of the CPU universe stream; 0: all processors. */
        @Param("0")
        public int threads;

        /** {@code cpu}, or {@code cuda} (the GPU universe stream of hybridta-cuda, on the class path here). */
        @Param("cpu")
        public String backend;

        private static final int TICKS = 64, HISTORY = 300;
        private UniverseStream stream;
        private Tick[] ticks;
        private int next;

        @Setup(Level.Trial)
        public void setUp() {
            List<String> names = new ArrayList<>(symbols);
            List<BarSeries> history = new ArrayList<>(symbols);
            ticks = new Tick[TICKS];
            for (int k = 0; k < TICKS; k++) ticks[k] = Tick.allocate(symbols);
            for (int s = 0; s < symbols; s++) {
                BarSeries all = SeededBars.series("S" + s, 1000 + s, HISTORY + TICKS);
                names.add(all.symbol());
                history.add(all.between(all.date(0), all.date(HISTORY)));
                for (int k = 0; k < TICKS; k++) {
                    int t = HISTORY + k;
                    ticks[k].set(s, new Bar(all.get(Field.OPEN, t), all.get(Field.HIGH, t), all.get(Field.LOW, t), all.get(Field.CLOSE, t),
                            all.get(Field.CLOSE, t), all.get(Field.VOLUME, t)));
                }
            }
            UniverseStreams.Builder b = UniverseStreams.builder().symbols(names).indicators(FirstIndicators.all()).backend(backend).history(history);
            if (threads > 0) b.threads(threads);
            stream = b.build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            stream.close();
        }

        /** One tick: every symbol's bar in, every symbol's 18 indicators (23 columns) out. */
        @Benchmark
        public void universeTick(Blackhole bh) {
            TickValues v = stream.tick(ticks[next++ & (TICKS - 1)]);
            bh.consume(v.column(0));
        }

        /** The values of one tick's bars as if they closed now, every symbol, nothing committed (intrabar). */
        @Benchmark
        public void universePeek(Blackhole bh) {
            TickValues v = stream.peek(ticks[next++ & (TICKS - 1)]);
            bh.consume(v.column(0));
        }
    }

    /** Runs update and peek for every catalog function, then the universe tick. Argument: JMH's result file (JSON), optional. */
    public static void main(String[] args) throws RunnerException {
        List<String> all = new ArrayList<>();
        for (Indicator i : Indicators.catalog()) all.add(i.name());
        OptionsBuilder series = new OptionsBuilder();
        series.include(StreamBenchmarks.class.getName() + "\\.Series\\.").param("function", all.toArray(String[]::new));
        if (args.length > 0) series.resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON).result(args[0]);
        new Runner(series.build()).run();
        OptionsBuilder universe = new OptionsBuilder();
        universe.include(StreamBenchmarks.class.getName() + "\\.Universe\\.");
        if (args.length > 0) universe.resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON).result(args[0].replace(".json", "-universe.json"));
        new Runner(universe.build()).run();
    }
}
