package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.sweep.Reduction;
import org.hybridta.sweep.Screen;
import org.hybridta.sweep.ScreenResult;
import org.hybridta.sweep.Sweep;
import org.hybridta.sweep.SweepCube;
import org.hybridta.sweep.SweepEngine;
import org.hybridta.sweep.Sweeps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernels of {@code sweep.cu} run on the CPU by {@code cuda/emu/sweep_emu.cpp} (compiled here with g++), on the
 * grouped layout the engine gives them: the reductions equal the CPU's pass over the same values bit for bit, the
 * screen finds the CPU engine's matches with the same values. Runs without a GPU; skipped without g++.
 */
class SweepKernelsEmulatedTest {
    private static Path binary;
    private static String unavailable;
    @TempDir Path dir;

    @BeforeAll static void build() throws Exception {
        Path src = null;
        for (Path p : List.of(Path.of("emu/sweep_emu.cpp"), Path.of("cuda/emu/sweep_emu.cpp"))) if (Files.isRegularFile(p)) src = p;
        if (src == null) {
            unavailable = "cuda/emu/sweep_emu.cpp is not in this working directory";
            return;
        }
        Path out = JvmScopedFolder.create("hybridta-sweep-emu").resolve("sweep_emu");
        try {
            Process p = new ProcessBuilder("g++", "-std=c++20", "-O2", "-ffp-contract=off", "-DHYBRIDTA_EMULATION", "-o", out.toString(),
                    src.getFileName().toString()).directory(src.getParent().toFile()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) unavailable = "g++ could not build sweep_emu: " + log;
            else binary = out;
        } catch (IOException e) {
            unavailable = "no g++: " + e.getMessage();
        }
    }

    private static final Panel PANEL = RandomPanels.of(20_241_205, 70, 300, true);

    /** Series-major values (series of {@code bars}) into the grouped layout of {@code cap} lanes: NaN in the empty lanes. */
    private static void group(double[] src, int count, int bars, ByteBuffer dst) {
        int cap = (count + 31) / 32 * 32;
        for (int g = 0; g < cap / 32; g++) {
            for (int t = 0; t < bars; t++) {
                for (int l = 0; l < 32; l++) {
                    int s = g * 32 + l;
                    dst.putDouble(s < count ? src[s * bars + t] : Double.NaN);
                }
            }
        }
    }

    private ByteBuffer run(String mode, ByteBuffer job) throws Exception {
        Path in = dir.resolve(mode + ".in"), out = dir.resolve(mode + ".out");
        Files.write(in, java.util.Arrays.copyOf(job.array(), job.position()));
        Process p = new ProcessBuilder(binary.toString(), mode, in.toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as(log).isTrue();
        return ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.nativeOrder());
    }

    @Test void reductionsEqualTheCpuPassBitForBit() throws Exception {
        assumeTrue(binary != null, () -> "skipped: " + unavailable);
        int count = PANEL.seriesCount(), bars = PANEL.barCount(), cap = (count + 31) / 32 * 32;
        Sweep sweep = Sweep.parse("bbands:5..20/5:1,2:nbdevup");
        List<Reduction> rs = Reduction.parseList("last,mean,min,max,count:>100,count:<90,cross,cross:100");
        double[] levels = Reduction.levels(rs);
        int[] from = new int[count];
        for (int s = 0; s < count; s++) from[s] = Math.min(PANEL.length(s), (s * 37) % 120);
        try (SweepEngine cpu = Sweeps.open("cpu")) {
            SweepCube cube = cpu.cube(PANEL, sweep, Precision.DOUBLE);
            int regions = sweep.size() * cube.outputCount();
            for (boolean single : new boolean[] {false, true}) {
                ByteBuffer job = ByteBuffer.allocate(1 << 26).order(ByteOrder.nativeOrder());
                job.putInt(count).putInt(bars).putInt(regions).putInt(single ? 1 : 0);
                for (double l : levels) job.putDouble(l);
                for (int s = 0; s < count; s++) job.putInt(PANEL.length(s));
                for (int s = 0; s < count; s++) job.putInt(from[s]);
                group(PANEL.data(Field.CLOSE), count, bars, job);
                List<double[]> values = new ArrayList<>();
                for (int set = 0; set < sweep.size(); set++) {
                    for (int o = 0; o < cube.outputCount(); o++) {
                        double[] v = cube.doubles(set, o).clone();
                        if (single) for (int i = 0; i < v.length; i++) v[i] = (float) v[i];
                        values.add(v);
                        group(v, count, bars, job);
                    }
                }
                ByteBuffer got = run("reduce", job);
                for (int r = 0; r < regions; r++) {
                    for (int s = 0; s < count; s++) {
                        double[] want = StatReference.run(values.get(r), s * bars, PANEL.data(Field.CLOSE), s * bars, from[s], PANEL.length(s), levels);
                        for (int k = 0; k < want.length; k++) {
                            double g = got.getDouble(((r * count + s) * 10 + k) * 8);
                            assertThat(Double.doubleToLongBits(g)).as("region " + r + " series " + s + " stat " + k + " float " + single + ": " + g
                                    + " vs " + want[k]).isEqualTo(Double.doubleToLongBits(want[k]));
                        }
                    }
                }
                assertThat(cap).isEqualTo(96);
            }
        }
    }

    @Test void theScreenKernelFindsTheCpuMatches() throws Exception {
        assumeTrue(binary != null, () -> "skipped: " + unavailable);
        int count = PANEL.seriesCount(), bars = PANEL.barCount(), cap = (count + 31) / 32 * 32;
        int[] at = Sweeps.lastBars(PANEL);
        for (int s = 0; s < count; s += 5) at[s] = Math.min(at[s], s);
        at[3] = -1;
        for (String text : new String[] {"rsi:14 < 50 and close > sma:20", "close crosses above ema:10 or not cci:14 > -50",
                "bbands:20:2.upperband < close or macd:12:26:9.macd crosses below macd:12:26:9.macdsignal", "close > open", "(volume > 1e9)"}) {
            Screen screen = Screen.parse(text);
            ScreenResult want;
            IndicatorValues values;
            try (SweepEngine cpu = Sweeps.open("cpu"); ComputeBackend backend = Backends.open("cpu")) {
                want = cpu.screen(PANEL, screen, at);
                values = screen.indicators().isEmpty() ? null : backend.compute(PANEL, screen.indicators());
            }
            List<Field> prices = new ArrayList<>();
            for (Screen.Operand o : screen.operands()) if (o.field() != null && !prices.contains(o.field())) prices.add(o.field());
            int nOut = values == null ? 0 : values.columns().size();
            int[] firstRegion = new int[screen.indicators().size()];
            for (int i = 1; i < firstRegion.length; i++) firstRegion[i] = firstRegion[i - 1] + screen.indicators().get(i - 1).outputs().size();
            Screen.Program program = screen.program();
            int nOps = screen.operands().size();
            ByteBuffer job = ByteBuffer.allocate(1 << 26).order(ByteOrder.nativeOrder());
            job.putInt(count).putInt(bars).putInt(program.code().length).putInt(program.constants().length).putInt(nOps)
                    .putInt(prices.size() * cap * bars).putInt(nOut * cap * bars);
            for (int c : program.code()) job.putInt(c);
            for (double c : program.constants()) job.putDouble(c);
            for (Screen.Operand o : screen.operands()) job.putInt(o.field() != null ? 0 : 1);
            for (Screen.Operand o : screen.operands()) {
                job.putLong(o.field() != null ? (long) prices.indexOf(o.field()) * cap * bars : (long) (firstRegion[o.indicator()] + o.output()) * cap * bars);
            }
            for (int t : at) job.putInt(t);
            for (Field f : prices) group(PANEL.data(f), count, bars, job);
            for (int c = 0; c < nOut; c++) group(values.data(c), count, bars, job);
            ByteBuffer got = run("screen", job);
            int found = got.getInt(0);
            List<Integer> series = new ArrayList<>();
            for (int k = 0; k < found; k++) series.add(got.getInt(4 + 4 * k));
            List<Integer> sorted = new ArrayList<>(series);
            sorted.sort(null);
            assertThat(sorted).as(text).containsExactlyElementsOf(want.matches().stream().map(ScreenResult.Match::series).toList());
            for (int k = 0; k < found; k++) {
                ScreenResult.Match m = want.matches().get(sorted.indexOf(series.get(k)));
                for (int i = 0; i < nOps; i++) {
                    assertThat(Double.doubleToLongBits(got.getDouble(4 + 4 * found + 8 * (k * nOps + i)))).as(text + " " + m.symbol() + " operand " + i)
                            .isEqualTo(Double.doubleToLongBits(m.value(i)));
                }
            }
        }
    }
}
