package org.hybridta.benchmarks.sweep;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.hybridta.Universe;
import org.hybridta.WarmUp;
import org.hybridta.source.SyntheticQuoteSource;
import org.hybridta.sweep.Screen;
import org.hybridta.sweep.SweepEngine;
import org.hybridta.sweep.Sweeps;
import org.hybridta.sweep.UniverseBars;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

/**
 * A screen of {@code symbols} synthetic symbols with {@code years} years of history and three conditions, as
 * {@code hybridta screen} runs it: {@code endToEnd} fetches the bars (the synthetic market generates them, warm-up
 * included) and screens; {@code screenOnly} screens bars already in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx64g"})
@Warmup(iterations = 1, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
public class ScreenBenchmarks {
    @Param({"cpu", "cuda"}) public String backend;
    @Param({"10000"}) public int symbols;
    @Param({"10"}) public int years;
    @Param({"rsi:14 < 30 and close > sma:200 and cci:20 < -100"}) public String where;

    private Universe universe;
    private Screen screen;
    private SweepEngine engine;
    private SyntheticQuoteSource source;
    private UniverseBars bars;
    private LocalDate day;

    static String[] names(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) s[i] = "S" + i;
        return s;
    }

    @Setup public void setUp() {
        universe = Universe.of(names(symbols));
        screen = Screen.parse(where);
        engine = Sweeps.open(backend);
        source = SyntheticQuoteSource.builder().anySymbol(true).build();
        day = LocalDate.of(2024, 12, 31);
        bars = fetch();
    }

    private UniverseBars fetch() {
        // years of history before the day (the warm-up is within them)
        int history = Math.max(WarmUp.bars(screen.indicators()) + 1, 252 * years);
        return UniverseBars.fetch(universe, source, day, day.plusDays(1), history);
    }

    @TearDown public void tearDown() {
        engine.close();
        source.close();
    }

    @Benchmark public void endToEnd(Blackhole bh) {
        UniverseBars b = fetch();
        bh.consume(engine.screen(b.panel(), screen, b.barsOn(day)));
    }

    @Benchmark public void screenOnly(Blackhole bh) {
        bh.consume(engine.screen(bars.panel(), screen, bars.barsOn(day)));
    }
}
