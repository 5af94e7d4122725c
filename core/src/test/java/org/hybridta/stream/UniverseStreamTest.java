package org.hybridta.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.conformance.RandomBars;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

/** The CPU universe stream: the conformance suite, its threads, and the API's edges (wrapped arrays, mistakes, the choice of backend). */
class UniverseStreamTest extends UniverseStreamConformanceTest {
    @Override protected String backend() { return "cpu"; }

    @Test void largeUniversesAreSplitAcrossThreads() {
        List<String> many = new ArrayList<>(), few = List.of("A", "B");
        for (int s = 0; s < 260; s++) many.add("S" + s);
        assertThat(260L * SPECS.size()).as("the conformance suite's threaded case is split").isGreaterThanOrEqualTo(CpuUniverseStream.PARALLEL_UPDATES);
        try (UniverseStream big = UniverseStreams.builder().symbols(many).indicators(SPECS).backend("cpu").threads(3).build();
             UniverseStream small = UniverseStreams.builder().symbols(few).indicators(SPECS).backend("cpu").threads(3).build();
             UniverseStream one = UniverseStreams.builder().symbols(many).indicators(SPECS).backend("cpu").threads(1).build()) {
            assertThat(((CpuUniverseStream) big).parts()).isEqualTo(12);
            assertThat(((CpuUniverseStream) small).parts()).isEqualTo(1);
            assertThat(((CpuUniverseStream) one).parts()).isEqualTo(1);
        }
    }

    @Test void wrappedArraysAreReadAtEachTick() {
        double[] o = {1, 2}, h = {1, 2}, l = {1, 2}, c = {1, Double.NaN}, v = {10, 10};
        try (UniverseStream u = UniverseStreams.builder().symbols(List.of("A", "B")).indicators("sma:2").threads(1).backend("cpu").build()) {
            assertThat(u.tick(Tick.wrap(o, h, l, c, v)).column(0)).containsExactly(Double.NaN, Double.NaN);
            c[0] = 3;
            c[1] = 5;
            TickValues values = u.tick(Tick.wrap(o, h, l, c, v));
            assertThat(values.get(0, 0)).isEqualTo(2.0);
            assertThat(values.get(1, 0)).isNaN();                       // B's first bar
            double[] row = new double[1];
            values.row(0, row);
            assertThat(row).containsExactly(2.0);
        }
    }

    @Test void mistakesAreNamed() {
        UniverseStream u = UniverseStreams.builder().symbols(List.of("A", "B")).indicators("rsi").backend("cpu").build();
        assertThatThrownBy(() -> u.tick(Tick.allocate(3))).hasMessage("the tick has 3 bars, the universe 2 symbols");
        u.close();
        u.close();
        assertThatThrownBy(() -> u.tick(Tick.allocate(2))).hasMessageContaining("closed");
        assertThatThrownBy(() -> UniverseStreams.builder().symbols(List.of("A", "A")).indicators("rsi").build()).hasMessageContaining("A is listed twice");
        assertThatThrownBy(() -> UniverseStreams.builder().symbols(List.of("A")).build()).hasMessageContaining("at least one indicator");
        assertThatThrownBy(() -> UniverseStreams.builder().symbols(List.of("A")).indicators("rsi").history(RandomBars.randomWalk("B", 1, 5)).build())
                .hasMessageContaining("history of B");
        assertThatThrownBy(() -> Tick.wrap(new double[2], new double[2], new double[2], new double[3], new double[2]))
                .hasMessageContaining("one value per symbol");
    }

    @Test void backendsAreChosenByTheComputeBackendsRule() {
        List<Indicator> specs = Indicators.parseList("rsi");
        UniverseStreamProvider cpu = new CpuUniverseStreamProvider();
        UniverseStreamProvider gpu = fake("cuda", 100, Availability.yes("H200"), false);
        UniverseStreamProvider missing = fake("cuda", 100, Availability.no("no NVIDIA driver found"), true);
        assertThat(UniverseStreams.select(null, List.of(gpu, cpu), specs, null, null).name()).as("auto passes over a GPU lacking a function").isEqualTo("cpu");
        assertThat(UniverseStreams.select(null, List.of(missing, cpu), specs, null, null).name()).isEqualTo("cpu");
        assertThat(UniverseStreams.select(null, List.of(fake("cuda", 100, Availability.yes("H200"), true), cpu), specs, null, null).name()).isEqualTo("cuda");
        assertThatThrownBy(() -> UniverseStreams.select("cuda", List.of(missing, cpu), specs, null, null)).isInstanceOf(BackendUnavailableException.class)
                .hasMessage("universe stream cuda cannot run here: no NVIDIA driver found; choose another with --backend (cuda, cpu) or use --backend auto");
        assertThatThrownBy(() -> UniverseStreams.select(null, List.of(cpu), specs, "cuda", null))
                .hasMessage("unknown universe stream 'cuda' (known: cpu, auto); add org.hybridta:hybridta-cuda to the class path");
        assertThat(UniverseStreams.providers()).extracting(UniverseStreamProvider::name).contains("cpu");
    }

    private static UniverseStreamProvider fake(String name, int priority, Availability availability, boolean supports) {
        return new UniverseStreamProvider() {
            @Override public String name() { return name; }
            @Override public int priority() { return priority; }
            @Override public Availability availability() { return availability; }
            @Override public boolean supports(List<Indicator> indicators) { return supports; }
            @Override public UniverseStream open(UniverseSpec spec) { throw new UnsupportedOperationException(); }
        };
    }

    @Test void tickBarsRoundTrip() {
        Tick t = Tick.allocate(2).set(1, new Bar(1, 2, 0.5, 1.5, 1.4, 100));
        assertThat(t.has(0)).isFalse();
        assertThat(t.has(1)).isTrue();
        assertThat(t.bar(1)).isEqualTo(new Bar(1, 2, 0.5, 1.5, 1.4, 100));
        assertThat(t.values(Field.ADJ_CLOSE)[1]).isEqualTo(1.4);
    }
}
