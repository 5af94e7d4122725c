package org.hybridta.cuda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;

/**
 * The kernels of {@code hybridta.cu} run on the CPU by {@code cuda/emu} (compiled here with g++), launched the
 * way {@link CudaBackend} launches them: same arguments, same segment plans. Lets the kernels, and the segmented
 * path in particular, be tested bit for bit on a machine without a GPU; see {@link EmulatedKernelsTest}.
 */
final class Emulator {
    private static final Path EMU_DIR = locate("emu/emu.cpp");
    /** The binary and the runs' job folders: under java.io.tmpdir, deleted when the JVM exits (JvmScopedFolder). */
    private static Path folder;
    private static Path binary;
    private static String unavailable;

    private Emulator() {}

    private static Path locate(String rel) {
        for (Path p : List.of(Path.of(rel), Path.of("cuda").resolve(rel))) if (Files.isRegularFile(p)) return p.getParent();
        return null;
    }

    /** Null if the emulator can run here, else why not. */
    static synchronized String unavailable() {
        if (binary != null || unavailable != null) return unavailable;
        if (EMU_DIR == null) return unavailable = "cuda/emu/emu.cpp is not in this working directory";
        try {
            folder = JvmScopedFolder.create("hybridta-emu");
            Path out = folder.resolve("emu");
            Process p = new ProcessBuilder("g++", "-std=c++20", "-O2", "-ffp-contract=off", "-DHYBRIDTA_EMULATION", "-include", "emu.h",
                    "-o", out.toString(), "emu.cpp").directory(EMU_DIR.toFile()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) return unavailable = "g++ could not build cuda/emu: " + log;
            binary = out;
            return null;
        } catch (IOException e) {
            return unavailable = "no g++ to build cuda/emu (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable = "interrupted";
        }
    }

    /** Where the emulator is built and runs its jobs, once {@link #unavailable()} has built it. */
    static synchronized Path folder() {
        if (folder == null) throw new IllegalStateException("the emulator has not been built");
        return folder;
    }

    /**
     * A backend computing on the emulator. {@code residentBlocks} stands for the device's capacity in the segment
     * plan (the H100 holds about 2,200 of the narrow kernels' blocks); {@code forcedSegments} > 0 overrides the plan.
     */
    static ComputeBackend backend(Precision precision, int residentBlocks, int forcedSegments) {
        return new ComputeBackend() {
            @Override public String name() { return "cuda-emulated"; }

            @Override public String description() { return "the cuda kernels emulated on the CPU"; }

            @Override public boolean supports(Indicator indicator) { return KernelCall.find(indicator).isPresent(); }

            @Override public IndicatorValues compute(Panel panel, List<? extends Indicator> indicators) {
                List<String> columns = org.hybridta.backend.ComputeRequests.check(panel.fields(), indicators);
                return IndicatorValues.of(panel, columns, run(panel, indicators, precision, residentBlocks, forcedSegments));
            }

            @Override public void close() {}
        };
    }

    /** The outputs of every indicator, in column order. */
    static double[][] run(Panel panel, List<? extends Indicator> indicators, Precision precision, int residentBlocks, int forcedSegments) {
        return run(panel, indicators, precision, call -> Segments.plan(call, groups(panel), panel.barCount(), residentBlocks, forcedSegments));
    }

    /** The same, each indicator launched with the segments {@code plan} gives its call. */
    static double[][] run(Panel panel, List<? extends Indicator> indicators, Precision precision, java.util.function.Function<KernelCall, Segments> plan) {
        int nOut = 0;
        for (Indicator ind : indicators) nOut += ind.outputs().size();
        return job(panel, "job", nOut, (dir, job) -> {
            int bars = panel.barCount(), groups = groups(panel);
            EnumMap<Field, Boolean> written = new EnumMap<>(Field.class);
            String sfx = precision == Precision.FLOAT ? "f32" : "f64";
            int o = 0;
            for (Indicator ind : indicators) {
                KernelCall call = KernelCall.of(ind);
                for (Field f : call.inputs()) {
                    if (written.put(f, true) == null) input(dir, job, panel, f);
                }
                Segments seg = plan.apply(call);
                StringBuilder launch = new StringBuilder();
                launch.append(String.format(Locale.ROOT, "launch %s %d %d %d", call.entry(precision), groups, seg.count(), call.sharedBytes()));
                for (Field f : call.inputs()) launch.append(" in:").append(f.name());
                for (int j = 0; j < call.outputs(); j++) {
                    job.append("output o").append(o + j).append(' ').append(sfx).append('\n');
                    launch.append(" out:o").append(o + j);
                }
                launch.append(" lens");
                List<Object> scalars = new ArrayList<>();
                call.addScalars(scalars, bars, seg);
                for (Object v : scalars) {
                    if (v instanceof Integer i) launch.append(" int:").append(i);
                    else launch.append(" double:").append(Double.toString((Double) v));
                }
                if (call.takesScratch()) launch.append(call.globalRingDoubles() > 0 ? " scratch:" + call.ringDoubles() : " null");
                job.append(launch).append('\n');
                for (int j = 0; j < call.outputs(); j++) {
                    job.append("write o").append(o + j).append(' ').append(dir.resolve("o" + (o + j))).append('\n');
                }
                o += call.outputs();
            }
        });
    }

    /**
     * A sweep's parameter sets of one kernel in one launch of its sets entry point ({@link KernelCall#setsEntry}: a grid
     * plane per set, the parameters from tables) with {@code segments}, as {@link CudaSweepEngine} launches them; the
     * outputs of set {@code i}, output {@code j} at {@code i * outputs + j}.
     */
    static double[][] runSets(Panel panel, List<Indicator> sets, Precision precision, Segments segments) {
        List<KernelCall> calls = sets.stream().map(KernelCall::of).toList();
        KernelCall first = calls.get(0);
        int outs = first.outputs(), regions = sets.size() * outs;
        return job(panel, "sets", regions, (dir, job) -> {
            int bars = panel.barCount(), groups = groups(panel);
            for (Field f : first.inputs()) input(dir, job, panel, f);
            job.append("output o ").append(precision == Precision.FLOAT ? "f32" : "f64").append(' ').append(regions).append('\n');
            int shared = calls.stream().mapToInt(KernelCall::sharedBytes).max().orElse(0);
            int[] blocks = KernelCall.setBlocks(calls);
            StringBuilder launch = new StringBuilder(String.format(Locale.ROOT, "launchz %s %d %d %d %d", first.setsEntry(precision), groups,
                    segments.count(), blocks == null ? sets.size() : blocks.length / 2, shared));
            for (Field f : first.inputs()) launch.append(" in:").append(f.name());
            for (int j = 0; j < outs; j++) launch.append(" out:o@").append(j);
            launch.append(" long:").append((long) outs * groups * ChunkPlan.GROUP * bars).append(" lens");
            launch.append(String.format(Locale.ROOT, " int:%d int:%d int:%d int:%d", bars, segments.length(), segments.halo(), segments.align()));
            StringBuilder ints = new StringBuilder(), doubles = new StringBuilder();
            for (KernelCall k : calls) {
                for (int v : k.ints()) ints.append(ints.length() == 0 ? "" : ",").append(v);
                for (double v : k.doubles()) doubles.append(doubles.length() == 0 ? "" : ",").append(Double.toString(v));
            }
            launch.append(" ints:").append(ints.length() == 0 ? "0" : ints).append(" doubles:").append(doubles.length() == 0 ? "0" : doubles);
            if (blocks != null) launch.append(" ints:").append(java.util.Arrays.stream(blocks).mapToObj(Integer::toString)
                    .collect(java.util.stream.Collectors.joining(",")));
            job.append(launch).append('\n');
            for (int r = 0; r < regions; r++) job.append("write o ").append(dir.resolve("o" + r)).append(' ').append(r).append('\n');
        });
    }

    /** The commands of one job after its panel line, written into its folder; they write outputs o0, o1, ... there. */
    private interface JobCommands {
        void write(Path dir, StringBuilder job) throws IOException;
    }

    private static int groups(Panel panel) {
        return (panel.seriesCount() + ChunkPlan.GROUP - 1) / ChunkPlan.GROUP;
    }

    /**
     * Runs one emulator job on {@code panel} in a folder of its own (deleted afterwards): its lengths and panel line,
     * then {@code commands}; returns the {@code outputs} series-major outputs o0, o1, ... they wrote.
     */
    private static double[][] job(Panel panel, String name, int outputs, JobCommands commands) {
        if (unavailable() != null) throw new IllegalStateException(unavailable);
        int series = panel.seriesCount(), bars = panel.barCount();
        if (series == 0 || bars == 0) return new double[outputs][series * bars];
        Path dir = null;
        try {
            dir = Files.createTempDirectory(folder(), name);
            StringBuilder job = new StringBuilder();
            ByteBuffer lens = ByteBuffer.allocate(series * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int s = 0; s < series; s++) lens.putInt(panel.length(s));
            Files.write(dir.resolve("lens"), lens.array());
            job.append(String.format(Locale.ROOT, "panel %d %d %d %s%n", series, bars, groups(panel), dir.resolve("lens")));
            commands.write(dir, job);
            execute(dir, job);
            double[][] out = new double[outputs][];
            for (int j = 0; j < outputs; j++) out[j] = readDoubles(dir.resolve("o" + j), series * bars);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try {
                    JvmScopedFolder.deleteTree(dir);
                } catch (UncheckedIOException ignored) {
                    // left in the emulator's folder, which goes when the JVM exits
                }
            }
        }
    }

    /** Writes field {@code f} of the panel into the job's folder and the command that loads it. */
    private static void input(Path dir, StringBuilder job, Panel panel, Field f) throws IOException {
        writeDoubles(dir.resolve(f.name()), panel.data(f));
        job.append("input ").append(f.name()).append(' ').append(dir.resolve(f.name())).append('\n');
    }

    /** Runs the job in {@code dir}; fails with the emulator's output if it does. */
    private static void execute(Path dir, CharSequence job) throws IOException {
        Files.writeString(dir.resolve("job"), job);
        Process p = new ProcessBuilder(binary.toString(), dir.resolve("job").toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("cuda/emu failed: " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeDoubles(Path file, double[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        Files.write(file, b.array());
    }

    private static double[] readDoubles(Path file, int n) throws IOException {
        double[] v = new double[n];
        ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }
}
