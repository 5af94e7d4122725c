package org.hybridta.cuda;

import org.hybridta.cuda.driver.*;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;
import org.hybridta.Field;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.ComputeRequests;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.hybridta.sweep.Reduction;
import org.hybridta.sweep.Screen;
import org.hybridta.sweep.ScreenResult;
import org.hybridta.sweep.Sweep;
import org.hybridta.sweep.SweepCube;
import org.hybridta.sweep.SweepEngine;
import org.hybridta.sweep.SweepSummary;
import org.hybridta.sweep.Sweeps;

/**
 * Sweeps and screens on one NVIDIA GPU. A call cuts the panel into chunks of whole groups of 32 series; for each chunk
 * the inputs are uploaded once and transposed to the grouped time-major layout, then the parameter sets are computed
 * in batches (as many as the device memory budget holds): where the function's kernel has a sweep entry point
 * ({@link KernelCall#batchable}: the moving averages, RSI, ROC, MOM, ATR, BBANDS) a batch is one launch whose grid has a
 * plane per set, else its kernels run side by side on several streams ({@value #LANES} by default). What leaves the
 * device is then, per batch: the whole cube (transposed back and downloaded), the {@link Reduction.Stat stats} of every
 * output series ({@code sweep_reduce} in {@code sweep.cu}: 80 bytes a series instead of its bars), or for a screen only
 * the matching series and their operands' values ({@code screen_eval}).
 *
 * <p>The indicator kernels are those of the CUDA backend ({@link KernelCall}); a function without one is refused
 * ({@link #supports}). Not for concurrent use; calls are serialized.
 */
final class CudaSweepEngine implements SweepEngine {
    /**
     * Streams the indicator kernels of a batch run on side by side, by default, where the kernel has no sweep entry point.
     * A sweep's kernels are small (a universe of 500 series is 16 groups of 32, and recursive kernels with long halos run
     * unsegmented), so the device is filled only by running many at once. Measured on an H100 with one launch per set
     * (EMA 2..201 and a BBANDS grid, 500 series, {@code gpu-run.sh lanes}): 8 streams 8.4 and 10.6 ms, 32 streams 5.8
     * and 6.6 ms, 128 no better; the benchmarks' {@code CudaSweepDiagnostics.open(int, int)} tries other counts.
     */
    static final int LANES = 32;
    /** Hopper and Blackwell run at most 128 kernels at once. */
    static final int MAX_LANES = 128;
    private static final int STATS = SweepSummary.STATS;

    private final CudaDevice device;
    private final PtxModule module;
    private final CUstream stream;
    private final List<CUstream> lanes = new ArrayList<>();
    private final int laneCount;
    private final long budget;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Buffers kept between calls, by what they hold ({@link #keep}). */
    private final java.util.Map<String, DeviceArena.DeviceBuffer> kept = new java.util.HashMap<>();
    private final java.util.Map<String, DeviceArena.HostBuffer> keptHost = new java.util.HashMap<>();
    /** Counts the times the kept buffers were allocated anew: what {@link #kernelsOnDevice} returned is stale after one. */
    private int keptGeneration;

    private CudaSweepEngine(CudaDevice device, BackendOptions options, int laneCount) {
        this.device = device;
        this.laneCount = laneCount;
        this.module = new PtxModule(PtxModule.SWEEP);
        this.stream = device.newStream();
        for (int i = 0; i < laneCount; i++) lanes.add(device.newStream());
        long free = device.memInfo()[0];
        this.budget = options.deviceMemoryBudget() > 0 ? options.deviceMemoryBudget() : (long) (free * 0.7);
    }

    /** Opens the engine on device {@code options.device()} (or the first usable one). */
    static CudaSweepEngine open(BackendOptions options) {
        return open(options, LANES);
    }

    /** Opens the engine with {@code laneCount} streams for the kernels of a batch (1 to {@value #MAX_LANES}). */
    static CudaSweepEngine open(BackendOptions options, int laneCount) {
        if (laneCount < 1 || laneCount > MAX_LANES) {
            throw new IllegalArgumentException("lanes must be 1 to " + MAX_LANES + " streams, was " + laneCount);
        }
        CudaDevice device = CudaDevice.open(options.device());
        try {
            return new CudaSweepEngine(device, options, laneCount);
        } catch (RuntimeException | Error e) {
            try {
                device.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override public String description() {
        return "cuda (device " + device.info.ordinal() + ": " + device.info.name() + ")";
    }

    @Override public boolean supports(Indicator indicator) {
        return KernelCall.find(indicator).isPresent();
    }

    @Override public synchronized SweepCube cube(Panel panel, Sweep sweep, Precision precision) {
        List<Indicator> specs = checked(panel, sweep.specs());
        int n = panel.seriesCount(), bars = panel.barCount(), outs = sweep.function().outputs().size();
        int cells = Math.toIntExact(panel.shape().cells());
        boolean single = precision == Precision.FLOAT;
        double[][] d = single ? null : new double[specs.size() * outs][];
        float[][] f = single ? new float[specs.size() * outs][] : null;
        IntStream.range(0, specs.size() * outs).parallel().forEach(i -> {
            if (single) f[i] = new float[cells];
            else d[i] = new double[cells];
        });
        if (n == 0 || bars == 0) return single ? SweepCube.ofFloats(sweep, panel.shape(), f) : SweepCube.ofDoubles(sweep, panel.shape(), d);
        run(panel, specs, List.of(), precision, true, null, (c, b) -> {
            String sfx = single ? "_f32" : "_f64";
            int tiles = (bars + 31) / 32;
            long used = (long) c.count * bars * c.elem;
            for (int r = 0; r < b.regions; r++) {
                device.launch("from_grouped" + sfx, tiles, c.groups, 32, 8, stream, c.gout.at(r * c.outRegion), c.stage.at(r * c.outRegion),
                        c.count, bars);
                Cuda.check(JCudaDriver.cuMemcpyDtoHAsync(c.hostOut.at(r * c.outRegion), c.stage.at(r * c.outRegion), used, stream),
                        "cuMemcpyDtoHAsync(cube)");
            }
            Cuda.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize(cube download)");
            IntStream.range(0, b.regions).parallel().forEach(r -> {
                int column = b.setFrom * outs + r, dst = c.from * bars, len = c.count * bars;
                var bb = c.hostOut.ptr.getByteBuffer(r * c.outRegion, used).order(ByteOrder.nativeOrder());
                if (single) bb.asFloatBuffer().get(0, f[column], dst, len);
                else bb.asDoubleBuffer().get(0, d[column], dst, len);
            });
        });
        return single ? SweepCube.ofFloats(sweep, panel.shape(), f) : SweepCube.ofDoubles(sweep, panel.shape(), d);
    }

    @Override public synchronized SweepSummary reduce(Panel panel, Sweep sweep, int[] from, List<Reduction> reductions, Precision precision) {
        List<Indicator> specs = checked(panel, sweep.specs());
        Sweeps.checkReduce(panel, from, reductions);
        int n = panel.seriesCount(), bars = panel.barCount(), outs = sweep.function().outputs().size();
        double[] values = new double[Math.multiplyExact(Math.multiplyExact(specs.size() * outs, n), STATS)];
        double[] levels = Reduction.levels(reductions);
        boolean close = panel.has(Field.CLOSE);
        if (n == 0 || bars == 0) return SweepSummary.of(sweep, panel.shape(), from, reductions, precision, values);
        run(panel, specs, close ? List.of(Field.CLOSE) : List.of(), precision, false, from, (c, b) -> {
            CUdeviceptr closePtr = close ? c.gin.at(c.fieldIndex.get(Field.CLOSE) * c.inRegion) : new CUdeviceptr();
            module.launch("sweep_reduce" + (precision == Precision.FLOAT ? "_f32" : "_f64"), c.groups, b.regions, stream, c.gout.ptr, closePtr,
                    c.lens.ptr, c.ints.ptr, c.count, bars, (long) c.cap * bars, levels[0], levels[1], levels[2], c.dst.ptr);
            // into kept page-locked memory (a DMA at full PCIe speed, no Java array to allocate), then straight into place
            long bytes = (long) b.regions * c.count * STATS * Double.BYTES;
            Cuda.check(JCudaDriver.cuMemcpyDtoHAsync(c.hostStats.ptr, c.dst.ptr, bytes, stream), "cuMemcpyDtoHAsync(stats)");
            Cuda.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize(stats)");
            DoubleBuffer got = c.hostStats.ptr.getByteBuffer(0, bytes).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            for (int r = 0; r < b.regions; r++) {
                int column = b.setFrom * outs + r;
                got.get(r * c.count * STATS, values, ((column * n) + c.from) * STATS, c.count * STATS);
            }
        });
        return SweepSummary.of(sweep, panel.shape(), from, reductions, precision, values);
    }

    @Override public synchronized ScreenResult screen(Panel panel, Screen screen, int[] at) {
        ensureOpen();
        Sweeps.checkScreen(panel, screen, at);
        requireKernels(screen.indicators());
        List<Field> prices = new ArrayList<>();
        for (Screen.Operand o : screen.operands()) if (o.field() != null) prices.add(o.field());
        int nOps = screen.operands().size();
        List<ScreenResult.Match> matches = new ArrayList<>();
        if (panel.seriesCount() == 0 || panel.barCount() == 0) return new ScreenResult(screen, matches);
        Screen.Program program = screen.program();
        int[] firstRegion = new int[screen.indicators().size()];
        for (int i = 1; i < firstRegion.length; i++) firstRegion[i] = firstRegion[i - 1] + screen.indicators().get(i - 1).outputs().size();
        int[] kinds = new int[nOps];
        int bars = panel.barCount();
        run(panel, screen.indicators(), prices, Precision.DOUBLE, false, at, (c, b) -> {
            if (b.setFrom != 0 || b.setTo != screen.indicators().size()) {
                throw new IllegalArgumentException("the screen's " + screen.indicators().size() + " indicators of " + bars
                        + "-bar series do not fit the device memory together; screen fewer, or use --backend cpu");
            }
            long[] offsets = new long[nOps];
            for (int i = 0; i < nOps; i++) {
                Screen.Operand o = screen.operands().get(i);
                kinds[i] = o.field() != null ? 0 : 1;
                offsets[i] = o.field() != null ? (long) c.fieldIndex.get(o.field()) * c.cap * bars
                        : (long) (firstRegion[o.indicator()] + o.output()) * c.cap * bars;
            }
            DeviceArena arena = device.arena;
            int[] code = program.code();
            double[] constants = program.constants();
            DeviceArena.DeviceBuffer dCode = arena.allocDevice(Math.max(4, code.length * 4L), "screen program");
            DeviceArena.DeviceBuffer dConst = arena.allocDevice(Math.max(8, constants.length * 8L), "screen constants");
            DeviceArena.DeviceBuffer dOff = arena.allocDevice(Math.max(8, nOps * 8L), "screen operand offsets");
            DeviceArena.DeviceBuffer dKinds = arena.allocDevice(Math.max(4, nOps * 4L), "screen operand kinds");
            DeviceArena.DeviceBuffer dFound = arena.allocDevice(4, "screen match count");
            DeviceArena.DeviceBuffer dMatches = arena.allocDevice((long) c.count * 4, "screen matches");
            DeviceArena.DeviceBuffer dValues = arena.allocDevice(Math.max(8, (long) c.count * nOps * 8), "screen values");
            try {
                if (code.length > 0) Cuda.check(JCudaDriver.cuMemcpyHtoD(dCode.ptr, Pointer.to(code), code.length * 4L), "cuMemcpyHtoD(program)");
                if (constants.length > 0) Cuda.check(JCudaDriver.cuMemcpyHtoD(dConst.ptr, Pointer.to(constants), constants.length * 8L), "cuMemcpyHtoD(constants)");
                if (nOps > 0) {
                    Cuda.check(JCudaDriver.cuMemcpyHtoD(dOff.ptr, Pointer.to(offsets), nOps * 8L), "cuMemcpyHtoD(offsets)");
                    Cuda.check(JCudaDriver.cuMemcpyHtoD(dKinds.ptr, Pointer.to(kinds), nOps * 4L), "cuMemcpyHtoD(kinds)");
                }
                Cuda.check(JCudaDriver.cuMemsetD32(dFound.ptr, 0, 1), "cuMemsetD32(match count)");
                module.launch("screen_eval_f64", c.groups, 1, stream, dCode.ptr, code.length, dConst.ptr, c.gin.ptr, c.gout.ptr, dOff.ptr, dKinds.ptr,
                        nOps, c.ints.ptr, c.count, bars, dFound.ptr, dMatches.ptr, dValues.ptr);
                Cuda.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize(screen)");
                int[] found = new int[1];
                Cuda.check(JCudaDriver.cuMemcpyDtoH(Pointer.to(found), dFound.ptr, 4), "cuMemcpyDtoH(match count)");
                if (found[0] > 0) {
                    int[] idx = new int[found[0]];
                    double[] vals = new double[found[0] * nOps];
                    Cuda.check(JCudaDriver.cuMemcpyDtoH(Pointer.to(idx), dMatches.ptr, idx.length * 4L), "cuMemcpyDtoH(matches)");
                    if (nOps > 0) Cuda.check(JCudaDriver.cuMemcpyDtoH(Pointer.to(vals), dValues.ptr, vals.length * 8L), "cuMemcpyDtoH(values)");
                    for (int k = 0; k < idx.length; k++) {
                        int s = c.from + idx[k];
                        matches.add(new ScreenResult.Match(s, panel.symbol(s), at[s], java.util.Arrays.copyOfRange(vals, k * nOps, (k + 1) * nOps)));
                    }
                }
            } finally {
                for (DeviceArena.DeviceBuffer buf : List.of(dCode, dConst, dOff, dKinds, dFound, dMatches, dValues)) arena.free(buf);
            }
        });
        matches.sort(Comparator.comparingInt(ScreenResult.Match::series));   // found in any order by the device's atomics
        return new ScreenResult(screen, matches);
    }

    /** Computes every set of the sweep into device memory and waits, downloading nothing: the device side of {@link #cube}. */
    synchronized void computeOnDevice(Panel panel, Sweep sweep, Precision precision) {
        List<Indicator> specs = checked(panel, sweep.specs());
        if (panel.seriesCount() == 0 || panel.barCount() == 0) return;
        run(panel, specs, List.of(), precision, false, null, (c, b) -> { });
    }

    /** The buffers of one chunk: series [from, from + count) in slots of {@code cap}. */
    private static final class Chunk {
        int from, count, groups, cap, elem;
        /** Ring doubles per series of one lane: the largest any kernel of the request needs. */
        int ringDoubles;
        long inRegion, outRegion;
        EnumMap<Field, Integer> fieldIndex;
        DeviceArena.DeviceBuffer stage, gin, gout, lens, ints, dst, ring, setInts, setDoubles, setBlocks;
        DeviceArena.HostBuffer hostIn, hostOut, hostStats;
    }

    /** Sets {@code [setFrom, setTo)} computed, their outputs in the first {@code regions} regions of {@code gout}. */
    private record Batch(int setFrom, int setTo, int regions) {}

    private interface BatchWork {
        void done(Chunk chunk, Batch batch);
    }

    /**
     * Uploads the panel chunk by chunk, computes the specs batch by batch and hands each batch to {@code work}.
     *
     * @param extra     fields uploaded besides the specs' inputs (the close for crossings, a screen's prices)
     * @param cube      whether the outputs go back whole (then a transposed copy and pinned host memory per batch)
     * @param perSeries ints uploaded per series (a reduction's first bars, a screen's bars), or null
     */
    private void run(Panel panel, List<Indicator> specs, List<Field> extra, Precision precision, boolean cube, int[] perSeries, BatchWork work) {
        Plan plan = plan(panel, specs, extra, precision, cube);
        Chunk c = plan.chunk;
        int n = panel.seriesCount();
        for (int from = 0; from < n; from += c.cap) {
            upload(panel, plan, from, perSeries);
            computeBatches(plan, panel.barCount(), precision, work);
        }
    }

    /** Computes the uploaded chunk's sets batch by batch, handing each batch to {@code work}. */
    private void computeBatches(Plan plan, int bars, Precision precision, BatchWork work) {
        int sets = plan.calls.size();
        for (int a = 0; a == 0 || a < sets; a += plan.setsPerBatch) {   // once for a screen of prices only
            int b = Math.min(sets, a + plan.setsPerBatch);
            int regionCount = launchKernels(plan.calls.subList(a, b), plan.chunk, bars, plan.chunk.fieldIndex, precision);
            work.done(plan.chunk, new Batch(a, b, regionCount));
        }
    }

    /** A call's chunk size, buffers and batches. */
    private record Plan(Chunk chunk, List<Field> fields, List<KernelCall> calls, int setsPerBatch, DoubleBuffer hostIn) {}

    /** Sizes the chunks and batches within the budget and makes the kept buffers large enough for them. */
    private Plan plan(Panel panel, List<Indicator> specs, List<Field> extra, Precision precision, boolean cube) {
        device.makeCurrent();
        int n = panel.seriesCount(), bars = panel.barCount();
        Set<Field> fieldSet = new LinkedHashSet<>();
        for (Indicator ind : specs) fieldSet.addAll(ind.inputFields());
        fieldSet.addAll(extra);
        List<Field> fields = new ArrayList<>(fieldSet);
        EnumMap<Field, Integer> fieldIndex = new EnumMap<>(Field.class);
        for (int i = 0; i < fields.size(); i++) fieldIndex.put(fields.get(i), i);
        List<KernelCall> calls = new ArrayList<>();
        int maxOuts = 1, maxRing = 0;
        for (Indicator ind : specs) {
            KernelCall call = KernelCall.of(ind);
            calls.add(call);
            maxOuts = Math.max(maxOuts, call.outputs());
            maxRing = Math.max(maxRing, call.globalRingDoubles());
        }
        int elem = precision == Precision.FLOAT ? Float.BYTES : Double.BYTES;
        // device bytes per series slot: inputs staged and grouped, one set's outputs (twice for a cube: grouped and
        // transposed back), scratch rings, stats
        long inPerSeries = 2L * fields.size() * bars * Double.BYTES;
        long setPerSeries = (long) maxOuts * bars * elem * (cube ? 2 : 1) + (long) maxOuts * STATS * Double.BYTES;
        long ringPerSeries = (long) maxRing * Double.BYTES * laneCount;
        int cap = roundUp(n);
        // within the budget, and the pinned inputs within one ByteBuffer view (1 GiB)
        while (cap > ChunkPlan.GROUP && ((long) cap * (inPerSeries + setPerSeries + ringPerSeries) > budget
                || (long) cap * fields.size() * bars * Double.BYTES > (1L << 30))) {
            cap = roundUp(cap / 2);
        }
        if ((long) cap * (inPerSeries + setPerSeries + ringPerSeries) > budget) {
            throw new IllegalArgumentException("one group of 32 series of " + bars + " bars does not fit the device memory budget ("
                    + (budget >> 20) + " MiB); use --backend cpu");
        }
        long left = budget / cap - inPerSeries - ringPerSeries;
        // a batch's regions are the reduction's grid rows: at most 65,535
        int setsPerBatch = (int) Math.max(1, Math.min(Math.min(specs.size(), 65_535 / maxOuts), left / setPerSeries));
        // pinned host memory for a batch's outputs or stats: at most 1 GiB (JCuda's cuMemAllocHost wraps it in one ByteBuffer, int-sized)
        long hostPerSet = cube ? (long) cap * maxOuts * bars * elem : (long) cap * maxOuts * STATS * Double.BYTES;
        setsPerBatch = (int) Math.max(1, Math.min(setsPerBatch, (1L << 30) / hostPerSet));
        Chunk c = new Chunk();
        c.cap = cap;
        c.elem = elem;
        c.ringDoubles = maxRing;
        c.fieldIndex = fieldIndex;
        c.inRegion = (long) cap * bars * Double.BYTES;
        c.outRegion = (long) cap * bars * elem;
        long regions = (long) setsPerBatch * maxOuts;
        java.util.Map<String, Long> need = new java.util.LinkedHashMap<>();
        need.put("series-major staging", Math.max(fields.size() * c.inRegion, cube ? regions * c.outRegion : 0));
        need.put("grouped inputs", fields.size() * c.inRegion);
        need.put("grouped outputs", regions * c.outRegion);
        need.put("series lengths", (long) cap * Integer.BYTES);
        need.put("first or evaluated bars", (long) cap * Integer.BYTES);
        need.put("stats", regions * cap * STATS * Double.BYTES);
        need.put("kernel scratch rings", (long) maxRing * Double.BYTES * cap * laneCount);
        need.put("set ints", (long) setsPerBatch * 3 * Integer.BYTES);    // a batch's parameters (launchSets): at most 3 ints
        need.put("set doubles", (long) setsPerBatch * 2 * Double.BYTES);  // and 2 doubles a set
        need.put("set blocks", (long) setsPerBatch * 2 * Integer.BYTES);  // at most a block a set (KernelCall.setBlocks)
        java.util.Map<String, Long> needHost = new java.util.LinkedHashMap<>();
        needHost.put("pinned inputs", fields.size() * c.inRegion);
        needHost.put("pinned cube outputs", cube ? regions * c.outRegion : 0L);
        needHost.put("pinned stats", cube ? 0L : regions * cap * STATS * Double.BYTES);
        keep(need, needHost);
        c.stage = kept.get("series-major staging");
        c.gin = kept.get("grouped inputs");
        c.gout = kept.get("grouped outputs");
        c.lens = kept.get("series lengths");
        c.ints = kept.get("first or evaluated bars");
        c.dst = kept.get("stats");
        c.ring = kept.get("kernel scratch rings");
        c.setInts = kept.get("set ints");
        c.setDoubles = kept.get("set doubles");
        c.setBlocks = kept.get("set blocks");
        c.hostIn = keptHost.get("pinned inputs");
        c.hostOut = keptHost.get("pinned cube outputs");
        c.hostStats = keptHost.get("pinned stats");
        DoubleBuffer hostIn = c.hostIn.ptr.getByteBuffer(0, fields.size() * c.inRegion).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        return new Plan(c, fields, calls, setsPerBatch, hostIn);
    }

    /**
     * Uploads the panel's inputs, which must fit one chunk, and returns what computes every set of the sweep on them and
     * waits: the kernels alone, for timing them against the copy bandwidth. Valid until a call needs larger buffers.
     */
    synchronized Runnable kernelsOnDevice(Panel panel, Sweep sweep, Precision precision) {
        List<Indicator> specs = checked(panel, sweep.specs());
        if (panel.seriesCount() == 0 || panel.barCount() == 0) return () -> { };
        Plan plan = plan(panel, specs, List.of(), precision, false);
        if (plan.chunk.cap < panel.seriesCount()) {
            throw new IllegalArgumentException(panel.seriesCount() + " series do not fit one chunk of the device memory budget ("
                    + plan.chunk.cap + " do)");
        }
        upload(panel, plan, 0, null);
        int generation = keptGeneration;
        return () -> {
            synchronized (this) {
                ensureOpen();
                if (generation != keptGeneration) throw new IllegalStateException("the engine's buffers changed since kernelsOnDevice");
                computeBatches(plan, panel.barCount(), precision, (c, b) -> { });
            }
        };
    }

    /**
     * Makes the kept buffers at least as large as asked, so that repeated calls of one shape allocate nothing (a
     * 4 GiB pinned buffer takes about a second to allocate). When one is too small, all are freed first and
     * allocated anew, so that what is kept never exceeds one call's needs, which the budget bounds.
     */
    private void keep(java.util.Map<String, Long> need, java.util.Map<String, Long> needHost) {
        boolean fits = true;
        for (var e : need.entrySet()) fits &= kept.containsKey(e.getKey()) && kept.get(e.getKey()).bytes >= e.getValue();
        for (var e : needHost.entrySet()) fits &= keptHost.containsKey(e.getKey()) && keptHost.get(e.getKey()).bytes >= e.getValue();
        if (fits) return;
        releaseKept();
        keptGeneration++;
        for (var e : need.entrySet()) kept.put(e.getKey(), device.arena.allocDevice(Math.max(8, e.getValue()), e.getKey()));
        for (var e : needHost.entrySet()) keptHost.put(e.getKey(), device.arena.allocHost(Math.max(8, e.getValue()), e.getKey()));
    }

    private void releaseKept() {
        for (DeviceArena.DeviceBuffer b : kept.values()) device.arena.free(b);
        for (DeviceArena.HostBuffer b : keptHost.values()) device.arena.free(b);
        kept.clear();
        keptHost.clear();
    }

    /**
     * Copies the inputs of the chunk at series {@code from} into pinned memory (in parallel by series ranges: one field
     * is one large copy), uploads them with its lengths and ints, and groups them.
     */
    private void upload(Panel panel, Plan plan, int from, int[] perSeries) {
        Chunk c = plan.chunk;
        List<Field> fields = plan.fields;
        int bars = panel.barCount();
        c.from = from;
        c.count = Math.min(c.cap, panel.seriesCount() - from);
        c.groups = (c.count + ChunkPlan.GROUP - 1) / ChunkPlan.GROUP;
        int pieces = Math.max(1, Math.min(c.count, 4 * Runtime.getRuntime().availableProcessors() / fields.size()));
        IntStream.range(0, fields.size() * pieces).parallel().forEach(i -> {
            int k = i / pieces, piece = i % pieces;
            int s0 = (int) ((long) c.count * piece / pieces), s1 = (int) ((long) c.count * (piece + 1) / pieces);
            plan.hostIn.put((int) (k * (c.inRegion / Double.BYTES) + (long) s0 * bars), panel.data(fields.get(k)), (c.from + s0) * bars,
                    (s1 - s0) * bars);
        });
        int len = c.count * bars;
        int tiles = (bars + 31) / 32;
        for (int k = 0; k < fields.size(); k++) {
            Cuda.check(JCudaDriver.cuMemcpyHtoDAsync(c.stage.at(k * c.inRegion), c.hostIn.at(k * c.inRegion), (long) len * Double.BYTES, stream),
                    "cuMemcpyHtoDAsync(inputs)");
            device.launch("to_grouped_f64", tiles, c.groups, 32, 8, stream, c.stage.at(k * c.inRegion), c.gin.at(k * c.inRegion), c.count, bars);
        }
        int[] lens = new int[c.cap], ints = new int[c.cap];
        for (int s = 0; s < c.count; s++) {
            lens[s] = panel.length(c.from + s);
            ints[s] = perSeries == null ? 0 : perSeries[c.from + s];
        }
        Cuda.check(JCudaDriver.cuMemcpyHtoD(c.lens.ptr, Pointer.to(lens), (long) c.cap * Integer.BYTES), "cuMemcpyHtoD(lengths)");
        Cuda.check(JCudaDriver.cuMemcpyHtoD(c.ints.ptr, Pointer.to(ints), (long) c.cap * Integer.BYTES), "cuMemcpyHtoD(bars)");
        Cuda.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize(inputs)");
    }

    /** Launches the batch's kernels on the lanes, outputs in consecutive regions of gout; waits for them; returns the regions used. */
    private int launchKernels(List<KernelCall> calls, Chunk c, int bars, EnumMap<Field, Integer> fieldIndex, Precision precision) {
        if (calls.size() > 1 && calls.stream().allMatch(k -> k.kernel().equals(calls.get(0).kernel()) && k.batchable())) {
            return launchSets(calls, c, bars, fieldIndex, precision);
        }
        int region = 0, lane = 0;
        for (KernelCall call : calls) {
            CUstream ks = lanes.get(lane % laneCount);
            String entry = call.entry(precision);
            Segments seg = Segments.plan(call, c.groups, bars, device.residentBlocks(entry, ChunkPlan.GROUP * call.warps(), call.sharedBytes()), 0);
            List<Object> args = new ArrayList<>();
            for (Field f : call.inputs()) args.add(c.gin.at(fieldIndex.get(f) * c.inRegion));
            for (int j = 0; j < call.outputs(); j++) args.add(c.gout.at((region + j) * c.outRegion));
            args.add(c.lens.ptr);
            call.addScalars(args, bars, seg);
            if (call.ringDoubles() > 0) {
                // each lane its own ring region, of the batch's largest ring: kernels on different lanes run at once
                args.add(call.globalRingDoubles() > 0 ? c.ring.at((long) (lane % laneCount) * c.ringDoubles * c.cap * Double.BYTES) : new CUdeviceptr());
            }
            device.launchShared(entry, c.groups, seg.count(), ChunkPlan.GROUP, call.warps(), call.sharedBytes(), ks, args.toArray());
            region += call.outputs();
            lane++;
        }
        for (int i = 0; i < Math.min(laneCount, calls.size()); i++) Cuda.check(JCudaDriver.cuStreamSynchronize(lanes.get(i)), "cuStreamSynchronize(kernels)");
        return region;
    }

    /**
     * Launches the batch's parameter sets of one kernel as one grid ({@link KernelCall#setsEntry}: blockIdx.z the set, or
     * the block of sets of {@link KernelCall#setBlocks}), their parameters in a table on the device; waits for it;
     * returns the regions used. One segment plan serves every set: the longest halo's (a longer halo than a set needs
     * only starts it earlier), and with many sets the grid fills the device without cutting the series at all.
     */
    private int launchSets(List<KernelCall> calls, Chunk c, int bars, EnumMap<Field, Integer> fieldIndex, Precision precision) {
        KernelCall first = calls.get(0);
        int sets = calls.size(), ki = first.ints().length, kd = first.doubles().length, shared = 0;
        int[] ip = new int[Math.max(1, sets * ki)];
        double[] dp = new double[Math.max(1, sets * kd)];
        for (int i = 0; i < sets; i++) {
            KernelCall k = calls.get(i);
            System.arraycopy(k.ints(), 0, ip, i * ki, ki);
            System.arraycopy(k.doubles(), 0, dp, i * kd, kd);
            shared = Math.max(shared, k.sharedBytes());
        }
        Cuda.check(JCudaDriver.cuMemcpyHtoD(c.setInts.ptr, Pointer.to(ip), (long) ip.length * Integer.BYTES), "cuMemcpyHtoD(set ints)");
        Cuda.check(JCudaDriver.cuMemcpyHtoD(c.setDoubles.ptr, Pointer.to(dp), (long) dp.length * Double.BYTES), "cuMemcpyHtoD(set doubles)");
        int[] blocks = KernelCall.setBlocks(calls);
        int planes = blocks == null ? sets : blocks.length / 2;
        if (blocks != null) {
            Cuda.check(JCudaDriver.cuMemcpyHtoD(c.setBlocks.ptr, Pointer.to(blocks), (long) blocks.length * Integer.BYTES), "cuMemcpyHtoD(set blocks)");
        }
        String entry = first.setsEntry(precision);
        Segments seg = Segments.plan(KernelCall.widest(calls), c.groups * planes, bars, device.residentBlocks(entry, ChunkPlan.GROUP, shared), 0);
        List<Object> args = new ArrayList<>();
        for (Field f : first.inputs()) args.add(c.gin.at(fieldIndex.get(f) * c.inRegion));
        for (int j = 0; j < first.outputs(); j++) args.add(c.gout.at(j * c.outRegion));
        args.add(first.outputs() * c.outRegion / c.elem);   // elements from one set's outputs to the next's
        args.add(c.lens.ptr);
        args.add(bars);
        args.add(seg.length());
        args.add(seg.halo());
        args.add(seg.align());
        args.add(c.setInts.ptr);
        args.add(c.setDoubles.ptr);
        if (blocks != null) args.add(c.setBlocks.ptr);
        CUstream ks = lanes.get(0);
        device.launch3(entry, c.groups, seg.count(), planes, ChunkPlan.GROUP, 1, shared, ks, args.toArray());
        Cuda.check(JCudaDriver.cuStreamSynchronize(ks), "cuStreamSynchronize(kernels)");
        return sets * first.outputs();
    }

    private static int roundUp(int n) {
        return Math.max(ChunkPlan.GROUP, (n + ChunkPlan.GROUP - 1) / ChunkPlan.GROUP * ChunkPlan.GROUP);
    }

    private List<Indicator> checked(Panel panel, List<Indicator> specs) {
        ensureOpen();
        Objects.requireNonNull(panel, "panel");
        ComputeRequests.check(panel.fields(), specs.subList(0, 1));
        requireKernels(specs);
        return specs;
    }

    private static void requireKernels(List<Indicator> specs) {
        for (Indicator ind : specs) {
            if (KernelCall.find(ind).isEmpty()) {
                throw new IllegalArgumentException("the cuda sweep engine has no kernel for " + ind.spec() + "; use --backend auto or cpu");
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) throw new IllegalStateException("the cuda sweep engine is closed");
    }

    @Override public synchronized void close() {
        if (!closed.compareAndSet(false, true)) return;
        RuntimeException failure = null;
        try {
            device.makeCurrent();
            releaseKept();
            for (CUstream l : lanes) CudaDevice.destroy(l);
            CudaDevice.destroy(stream);
            module.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            device.close();
        } catch (RuntimeException e) {
            if (failure == null) failure = e;
            else failure.addSuppressed(e);
        }
        if (failure != null) throw failure;
    }
}
