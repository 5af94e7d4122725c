package org.hybridta.cuda;

import org.hybridta.cuda.driver.Cuda;
import org.hybridta.cuda.driver.DeviceArena;
import org.hybridta.cuda.driver.CudaDevice;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import jcuda.Pointer;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;
import org.hybridta.Field;
import org.hybridta.backend.Precision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunk scheduling of a {@link CudaBackend}: a pass over a panel is cut into chunks of whole groups of 32 series
 * ({@link ChunkPlan}); chunks rotate through up to six slots, each a set of device buffers and pinned staging with
 * its stream, so that the host copies of one chunk, the transfers of another and the kernels of a third overlap. For
 * each chunk the host copies the inputs that are not page-locked into the slot's staging ({@link HostColumns}), one
 * upload per field moves them, a tiled kernel transposes them to the grouped time-major layout, one kernel per
 * indicator computes all its outputs (side by side on up to {@value #MAX_LANES} streams, each with its time axis cut
 * into {@link Segments}), a transpose brings the outputs back to series-major and one download per output returns them.
 * While the result arrays of {@link CudaBackend#compute} are being allocated, finished chunks park their outputs in
 * spare device buffers, within the device memory budget. Buffers are kept between calls and grown when needed.
 * Not for concurrent use.
 */
final class ChunkPipeline {
    private static final Logger log = LoggerFactory.getLogger(CudaBackend.class);  // the backend's log, as before the split
    /** Side streams per slot for the indicator kernels of a chunk. */
    static final int MAX_LANES = 8;

    private final CudaDevice device;
    private final Precision precision;
    private final int elementBytes;
    private final long budget;
    private final ForkJoinPool pool;
    private final CallProfile.Counters times;
    private final List<Slot> slots = new ArrayList<>();
    /**
     * Device buffers that hold a chunk's outputs while the result arrays are still being allocated (the JVM zeroes
     * a new array on one thread: about 240 ms for 2 GB), so that the slots can take the next chunks meanwhile.
     * Kept between calls, all of {@link #spareBytes} bytes; within the device memory budget left by the slots
     * and a quarter of the budget.
     */
    private final List<DeviceArena.DeviceBuffer> spares = new ArrayList<>();
    private final java.util.ArrayDeque<DeviceArena.DeviceBuffer> freeSpares = new java.util.ArrayDeque<>();
    private long spareBytes;
    /** Pinned staging per slot. */
    volatile long hostSlotBytes = ChunkPlan.DEFAULT_HOST_SLOT_BYTES;
    /** Groups a chunk holds at least where the pinned ceiling allows ({@link ChunkPlan#MIN_CHUNK_GROUPS}; tests: 1). */
    volatile int minChunkGroups = ChunkPlan.MIN_CHUNK_GROUPS;
    /** Pinned staging all slots may take together for chunks of {@link #minChunkGroups} groups. */
    private final long pinnedCeiling = ChunkPlan.pinnedCeiling();
    /** Tests: treat the result arrays as not yet allocated until every chunk is queued, to exercise the spares. */
    volatile boolean holdOutputsOnDevice;
    /** Segments per kernel launch instead of the planned count (0: plan), for tests of the segmented path. */
    volatile int forcedSegments;

    ChunkPipeline(CudaDevice device, Precision precision, long budget, ForkJoinPool pool, CallProfile.Counters times) {
        this.device = device;
        this.precision = precision;
        this.elementBytes = precision == Precision.FLOAT ? Float.BYTES : Double.BYTES;
        this.budget = budget;
        this.pool = pool;
        this.times = times;
    }

    /** Waits for everything in flight, then frees the slots' buffers and streams and the spares. */
    void close() {
        for (Slot s : slots) s.synchronize();
        releaseSpares();
        for (Slot s : slots) {
            releaseBuffers(s);
            s.destroyStreams();
        }
        slots.clear();
    }

    /** One set of buffers with its stream. */
    private static final class Slot {
        final CUstream stream;
        /** Streams the indicator kernels of a chunk run on side by side, joined through events. */
        final List<CUstream> lanes = new ArrayList<>();
        final List<jcuda.driver.CUevent> laneDone = new ArrayList<>();
        final jcuda.driver.CUevent inputsReady = new jcuda.driver.CUevent();
        DeviceArena.DeviceBuffer stage, gin, gout, lens, ring;
        DeviceArena.HostBuffer pinned, pinnedLens;
        DoubleBuffer hostD;
        FloatBuffer hostF;
        IntBuffer hostLens;
        /** The chunk whose outputs are on their way into this slot's pinned staging (null: none). */
        Chunk pending;
        /** The spare buffer those outputs come from, returned to the pool once they arrived (null: the slot's own staging). */
        DeviceArena.DeviceBuffer pendingSpare;

        Slot(CUstream stream) {
            this.stream = stream;
            Cuda.check(JCudaDriver.cuEventCreate(inputsReady, jcuda.driver.CUevent_flags.CU_EVENT_DISABLE_TIMING), "cuEventCreate");
        }

        /** At least {@code n} side streams, created on first need. */
        void ensureLanes(CudaDevice device, int n) {
            while (lanes.size() < n) {
                lanes.add(device.newStream());
                jcuda.driver.CUevent e = new jcuda.driver.CUevent();
                Cuda.check(JCudaDriver.cuEventCreate(e, jcuda.driver.CUevent_flags.CU_EVENT_DISABLE_TIMING), "cuEventCreate");
                laneDone.add(e);
            }
        }

        void synchronize() {
            JCudaDriver.cuStreamSynchronize(stream);
            for (CUstream l : lanes) JCudaDriver.cuStreamSynchronize(l);
        }

        void destroyStreams() {
            synchronize();
            for (CUstream l : lanes) CudaDevice.destroy(l);
            for (jcuda.driver.CUevent e : laneDone) JCudaDriver.cuEventDestroy(e);
            JCudaDriver.cuEventDestroy(inputsReady);
            CudaDevice.destroy(stream);
        }

        boolean fits(ChunkPlan p) {
            return stage != null && stage.bytes >= p.stageBytes() && gin.bytes >= p.inputBytes() && gout.bytes >= p.outputBytes()
                    && lens.bytes >= p.lengthBytes() && (p.ringBytes() == 0 || (ring != null && ring.bytes >= p.ringBytes()))
                    && (hostD != null || hostF != null);
        }
    }

    /** A chunk whose outputs wait in a spare device buffer, copied there when {@code copied} completes. */
    private record Parked(Chunk chunk, DeviceArena.DeviceBuffer spare, jcuda.driver.CUevent copied) {}

    /** One chunk in flight: series [from, to) of the panel. */
    private record Chunk(int index, int from, int to) {
        int count() { return to - from; }
    }


    /**
     * Plans the chunks and runs them through the slots: host copies (where a column is not page-locked), upload,
     * kernels and download of successive chunks overlap, one slot and stream each. While {@code allocations} (the
     * result arrays of {@link #compute}) are pending, finished chunks park their outputs in spare device buffers.
     */
    void runChunks(String what, int nSeries, int bars, KernelRequest req, HostColumns host, List<Future<?>> allocations) {
        int nIn = req.fields().size(), nOut = req.outputs();
        ChunkPlan plan = ChunkPlan.plan(nSeries, bars, nIn, nOut, req.ring(), elementBytes, budget, hostSlotBytes, minChunkGroups, pinnedCeiling);
        device.makeCurrent();
        prepareSlots(plan);
        int cap = plan.capacity();
        long outputsPerChunk = (long) nOut * cap * bars * elementBytes;  // a chunk's outputs, series-major
        int spareLimit = allocations.isEmpty() ? 0 : prepareSpares(plan, outputsPerChunk);
        java.util.ArrayDeque<Parked> parked = new java.util.ArrayDeque<>();
        try {
            int perChunk = plan.seriesPerChunk();
            boolean allocated = allocations.isEmpty();
            for (int c = 0; c < plan.chunks(); c++) {
                Chunk chunk = new Chunk(c, c * perChunk, Math.min(nSeries, (c + 1) * perChunk));
                Slot slot = slots.get(c % plan.slots());
                if (slot.pending != null && !allocated) {
                    allocated = awaitTimed(allocations);  // its outputs go to the result arrays now
                }
                finish(slot, bars, cap, host);
                fill(slot, chunk, bars, cap, host);
                enqueue(slot, chunk, bars, cap, nIn, req.calls(), req.fieldIndex(), host);
                if (!allocated && !holdOutputsOnDevice && allDone(allocations)) allocated = true;
                if (!allocated && parked.size() < spareLimit) {
                    // the result arrays are not there yet: park the outputs on the device and let the slot go on
                    DeviceArena.DeviceBuffer spare = takeSpare();
                    Cuda.check(JCudaDriver.cuMemcpyDtoDAsync(spare.ptr, slot.stage.ptr, outputsPerChunk, slot.stream),
                            "cuMemcpyDtoDAsync(outputs of chunk " + c + " to a spare buffer)");
                    jcuda.driver.CUevent copied = new jcuda.driver.CUevent();
                    Cuda.check(JCudaDriver.cuEventCreate(copied, jcuda.driver.CUevent_flags.CU_EVENT_DISABLE_TIMING), "cuEventCreate");
                    parked.add(new Parked(chunk, spare, copied));
                    Cuda.check(JCudaDriver.cuEventRecord(copied, slot.stream), "cuEventRecord");
                } else {
                    download(slot, chunk, slot.stage, bars, cap, nOut, host);
                    slot.pending = chunk;
                }
            }
            if (!allocated) allocated = awaitTimed(allocations);
            // the parked chunks, through the slots in turn, while the last ones finish
            int next = plan.chunks();
            while (!parked.isEmpty()) {
                Parked pk = parked.poll();
                Slot slot = slots.get(next++ % plan.slots());
                finish(slot, bars, cap, host);
                // the spare was filled on the stream of the slot that computed the chunk
                Cuda.check(JCudaDriver.cuStreamWaitEvent(slot.stream, pk.copied(), 0), "cuStreamWaitEvent");
                JCudaDriver.cuEventDestroy(pk.copied());  // released once it has completed
                download(slot, pk.chunk(), pk.spare(), bars, cap, nOut, host);
                slot.pending = pk.chunk();
                slot.pendingSpare = pk.spare();
                times.parkedChunks++;
            }
            for (int i = 0; i < plan.slots(); i++) finish(slots.get(i), bars, cap, host);
        } catch (RuntimeException | Error e) {
            for (Slot s : slots) {
                s.pending = null;
                s.pendingSpare = null;
                s.synchronize();  // let nothing run on into buffers we may free
            }
            for (Parked pk : parked) JCudaDriver.cuEventDestroy(pk.copied());
            freeSpares.clear();
            freeSpares.addAll(spares);
            throw e;
        }
        if (log.isDebugEnabled()) {
            log.debug("{} {} x {}, {} chunks of {} in {} slots: {}", what, nSeries, bars, plan.chunks(), plan.seriesPerChunk(), plan.slots(),
                    times.snapshot());
        }
    }

    /** Waits for the result arrays, timing the wait; true. */
    boolean awaitTimed(List<Future<?>> allocations) {
        long w0 = System.nanoTime();
        await(allocations);
        times.allocationWait += System.nanoTime() - w0;
        return true;
    }

    private static boolean allDone(List<Future<?>> futures) {
        for (Future<?> f : futures) if (!f.isDone()) return false;
        return true;
    }

    /**
     * Makes the spare buffers {@code bytes} each (dropping kept ones of another size) and returns how many chunks
     * may be parked: as many as the device memory budget left by the slots holds, within a quarter of the budget,
     * at most all but the chunks the slots themselves hold.
     */
    private int prepareSpares(ChunkPlan plan, long bytes) {
        if (bytes != spareBytes) {
            releaseSpares();
            spareBytes = bytes;
        }
        long room = Math.min(budget - plan.deviceBytes(), budget / 4);  // most of the budget stays free between calls
        long fit = bytes > 0 ? room / bytes : 0;
        return (int) Math.max(0, Math.min(fit, plan.chunks() - plan.slots()));
    }

    private DeviceArena.DeviceBuffer takeSpare() {
        DeviceArena.DeviceBuffer b = freeSpares.poll();
        if (b == null) {
            b = device.arena.allocDevice(spareBytes, "spare outputs");
            spares.add(b);
        }
        return b;
    }

    void releaseSpares() {
        for (DeviceArena.DeviceBuffer b : spares) device.arena.free(b);
        spares.clear();
        freeSpares.clear();
    }


    /** Waits for the slot's chunk, if any, and copies its outputs (those not downloaded directly) to the host side. */
    private void finish(Slot slot, int bars, int cap, HostColumns host) {
        Chunk chunk = slot.pending;
        if (chunk == null) {
            // no outputs to collect, but the slot's last chunk may still read its pinned inputs (it was parked)
            long w0 = System.nanoTime();
            Cuda.check(JCudaDriver.cuStreamSynchronize(slot.stream), "cuStreamSynchronize");
            times.deviceWait += System.nanoTime() - w0;
            return;
        }
        long w0 = System.nanoTime();
        Cuda.check(JCudaDriver.cuStreamSynchronize(slot.stream), "cuStreamSynchronize (kernels and copies of chunk " + chunk.index() + ")");
        times.deviceWait += System.nanoTime() - w0;
        slot.pending = null;
        if (slot.pendingSpare != null) {
            freeSpares.add(slot.pendingSpare);
            slot.pendingSpare = null;
        }
        long t0 = System.nanoTime();
        long n = (long) chunk.count() * bars;
        List<Runnable> tasks = new ArrayList<>();
        FloatBuffer f = precision == Precision.FLOAT ? slot.hostF : null;
        for (int j = 0; j < host.outputs(); j++) {
            if (host.outDirect(j) != null) continue;  // already there
            host.drain(j, slot.hostD, f, (long) j * cap * bars, (long) chunk.from() * bars, n, (len, task) -> split(len, task, tasks));
        }
        run(tasks);
        times.hostDrain += System.nanoTime() - t0;
    }

    /** Copies the chunk's lengths, and its inputs that are not uploaded directly, into the slot's pinned staging. */
    private void fill(Slot slot, Chunk chunk, int bars, int cap, HostColumns host) {
        long t0 = System.nanoTime();
        long n = (long) chunk.count() * bars;
        List<Runnable> tasks = new ArrayList<>();
        for (int k = 0; k < host.inputs(); k++) {
            if (host.inDirect(k) != null) continue;  // uploaded from where it is
            host.fill(k, slot.hostD, (long) k * cap * bars, (long) chunk.from() * bars, n, (len, task) -> split(len, task, tasks));
        }
        run(tasks);
        for (int i = 0; i < cap; i++) slot.hostLens.put(i, i < chunk.count() ? host.lengths()[chunk.from() + i] : 0);
        times.hostFill += System.nanoTime() - t0;
    }

    /**
     * Queues upload, transposes, kernels and transposes of one chunk on the slot's stream; its outputs end up
     * series-major in the slot's device staging, output j at {@code j * cap * bars} elements.
     */
    private void enqueue(Slot slot, Chunk chunk, int bars, int cap, int nIn, List<KernelCall> calls, EnumMap<Field, Integer> fieldIndex,
                         HostColumns host) {
        long t0 = System.nanoTime();
        long inRegion = (long) cap * bars * Double.BYTES, outRegion = (long) cap * bars * elementBytes;  // one field, one output
        long inUsed = (long) chunk.count() * bars * Double.BYTES;
        int groups = (chunk.count() + ChunkPlan.GROUP - 1) / ChunkPlan.GROUP;
        int tiles = (bars + 31) / 32;
        String sfx = precision == Precision.FLOAT ? "_f32" : "_f64";  // of the outputs
        CUstream st = slot.stream;
        Cuda.check(JCudaDriver.cuMemcpyHtoDAsync(slot.lens.ptr, slot.pinnedLens.ptr, (long) cap * Integer.BYTES, st), "cuMemcpyHtoDAsync(lengths)");
        for (int k = 0; k < nIn; k++) {
            Pointer src = host.inDirect(k) != null ? host.inDirect(k).withByteOffset((long) chunk.from() * bars * Double.BYTES)
                    : slot.pinned.at(k * inRegion);
            Cuda.check(JCudaDriver.cuMemcpyHtoDAsync(slot.stage.at(k * inRegion), src, inUsed, st),
                    "cuMemcpyHtoDAsync(" + inUsed + " bytes of input " + k + ", chunk " + chunk.index() + ")");
            device.launch("to_grouped_f64", tiles, groups, 32, 8, st, slot.stage.at(k * inRegion), slot.gin.at(k * inRegion),
                    chunk.count(), bars);
        }
        // the kernels read the grouped inputs and write disjoint outputs: run them side by side, so that a
        // small panel (few warps per kernel) keeps the GPU busy with all its indicators at once
        int nLanes = Math.min(calls.size(), MAX_LANES);
        slot.ensureLanes(device, nLanes);
        Cuda.check(JCudaDriver.cuEventRecord(slot.inputsReady, st), "cuEventRecord");
        for (int i = 0; i < nLanes; i++) Cuda.check(JCudaDriver.cuStreamWaitEvent(slot.lanes.get(i), slot.inputsReady, 0), "cuStreamWaitEvent");
        int firstOut = 0;
        long ringOffset = 0;
        int lane = 0;
        for (KernelCall call : calls) {
            CUstream ks = slot.lanes.get(lane++ % nLanes);
            String entry = call.entry(precision);
            Segments seg = Segments.plan(call, groups, bars, device.residentBlocks(entry, ChunkPlan.GROUP * call.warps(), call.sharedBytes()), forcedSegments);
            List<Object> args = new ArrayList<>();
            for (Field f : call.inputs()) args.add(slot.gin.at(fieldIndex.get(f) * inRegion));
            for (int j = 0; j < call.outputs(); j++) args.add(slot.gout.at((firstOut + j) * outRegion));
            args.add(slot.lens.ptr);
            call.addScalars(args, bars, seg);
            if (call.takesScratch()) args.add(call.globalRingDoubles() > 0 ? slot.ring.at(ringOffset) : new jcuda.driver.CUdeviceptr());
            ringOffset += (long) call.globalRingDoubles() * cap * Double.BYTES;
            device.launchShared(entry, groups, seg.count(), ChunkPlan.GROUP, call.warps(), call.sharedBytes(), ks, args.toArray());
            firstOut += call.outputs();
        }
        for (int i = 0; i < nLanes; i++) {
            Cuda.check(JCudaDriver.cuEventRecord(slot.laneDone.get(i), slot.lanes.get(i)), "cuEventRecord");
            Cuda.check(JCudaDriver.cuStreamWaitEvent(st, slot.laneDone.get(i), 0), "cuStreamWaitEvent");
        }
        for (int j = 0; j < firstOut; j++) {
            device.launch("from_grouped" + sfx, tiles, groups, 32, 8, st, slot.gout.at(j * outRegion), slot.stage.at(j * outRegion),
                    chunk.count(), bars);
        }
        times.queueing += System.nanoTime() - t0;
    }

    /**
     * Queues the download of a chunk's outputs, laid out as {@link #enqueue} leaves them in {@code src}, into the
     * page-locked output buffers where they are, else into the slot's pinned staging.
     */
    private void download(Slot slot, Chunk chunk, DeviceArena.DeviceBuffer src, int bars, int cap, int nOut, HostColumns host) {
        long t0 = System.nanoTime();
        long outRegion = (long) cap * bars * elementBytes, outUsed = (long) chunk.count() * bars * elementBytes;
        for (int j = 0; j < nOut; j++) {
            Pointer dst = host.outDirect(j) != null ? host.outDirect(j).withByteOffset((long) chunk.from() * bars * elementBytes)
                    : slot.pinned.at(j * outRegion);
            Cuda.check(JCudaDriver.cuMemcpyDtoHAsync(dst, src.at(j * outRegion), outUsed, slot.stream),
                    "cuMemcpyDtoHAsync(" + outUsed + " bytes of output " + j + ", chunk " + chunk.index() + ")");
        }
        times.queueing += System.nanoTime() - t0;
    }

    /** Makes sure there are {@code plan.slots()} slots with buffers large enough for the plan. */
    private void prepareSlots(ChunkPlan plan) {
        boolean fits = true;
        for (int i = 0; i < plan.slots() && fits; i++) fits = i < slots.size() && slots.get(i).fits(plan);
        if (!fits) {
            releaseSpares();
            spareBytes = 0;
            for (Slot s : slots) releaseBuffers(s);  // start over, so that the slots never exceed the budget together
            while (slots.size() < plan.slots()) slots.add(new Slot(device.newStream()));
            for (int i = 0; i < plan.slots(); i++) allocateBuffers(slots.get(i), plan);
        }
    }

    private void allocateBuffers(Slot s, ChunkPlan plan) {
        DeviceArena arena = device.arena;
        s.stage = arena.allocDevice(plan.stageBytes(), "series-major staging");
        s.gin = arena.allocDevice(plan.inputBytes(), "grouped inputs");
        s.gout = arena.allocDevice(plan.outputBytes(), "grouped outputs");
        s.lens = arena.allocDevice(plan.lengthBytes(), "series lengths");
        s.ring = plan.ringBytes() > 0 ? arena.allocDevice(plan.ringBytes(), "kernel scratch rings") : null;
        s.pinned = arena.allocHost(plan.stageBytes(), "pinned staging");
        s.pinnedLens = arena.allocHost(plan.lengthBytes(), "pinned lengths");
        var bb = s.pinned.ptr.getByteBuffer(0, plan.stageBytes()).order(ByteOrder.nativeOrder());
        s.hostD = bb.asDoubleBuffer();  // inputs on the way in (always double), double outputs on the way out
        s.hostF = bb.asFloatBuffer();   // float outputs on the way out
        s.hostLens = s.pinnedLens.ptr.getByteBuffer(0, plan.lengthBytes()).order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    private void releaseBuffers(Slot s) {
        DeviceArena arena = device.arena;
        arena.free(s.stage);
        arena.free(s.gin);
        arena.free(s.gout);
        arena.free(s.lens);
        arena.free(s.ring);
        arena.free(s.pinned);
        arena.free(s.pinnedLens);
        s.stage = s.gin = s.gout = s.lens = s.ring = null;
        s.pinned = s.pinnedLens = null;
        s.hostD = null;
        s.hostF = null;
        s.hostLens = null;
    }

    /** Cuts {@code n} elements into about two pieces per copy thread, of at least 128K elements. */
    private void split(long n, HostColumns.RangeTask task, List<Runnable> tasks) {
        int threads = pool.getParallelism();
        long piece = Math.max(1L << 17, (n + 2L * threads - 1) / (2L * threads));
        for (long off = 0; off < n; off += piece) {
            long o = off;
            int len = (int) Math.min(piece, n - off);
            tasks.add(() -> task.run(o, len));
        }
    }

    private void run(List<Runnable> tasks) {
        if (tasks.size() <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks.size());
        for (Runnable t : tasks) futures.add(pool.submit(t));
        await(futures);
    }

    static void await(List<Future<?>> futures) {
        try {
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying to or from pinned memory", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }
}
