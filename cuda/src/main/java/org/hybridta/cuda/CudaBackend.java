package org.hybridta.cuda;

import java.lang.ref.Cleaner;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import jcuda.Pointer;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;
import org.hybridta.Field;
import org.hybridta.HostPanel;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.ComputeRequests;
import org.hybridta.backend.HostBuffers;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes on one NVIDIA GPU. A call cuts the panel into chunks of whole groups of 32 series
 * ({@link ChunkPlan}); for each chunk the host copies the inputs (series-major, as the panel holds them)
 * into pinned staging, one upload per field moves them, a tiled kernel transposes them to the grouped
 * time-major layout, one kernel per indicator computes all its outputs (the kernels of a chunk side by side
 * on up to {@value #MAX_LANES} streams, each with its time axis cut into {@link Segments} where that keeps the
 * device busy), a transpose brings the outputs back to series-major and one download per output returns them.
 * Chunks rotate through up to six buffer sets, each with its own stream, so that the host copies of one
 * chunk, the transfers of another and the kernels of a third overlap. The result arrays are allocated on the
 * pool meanwhile (the JVM zeroes each on one thread); until they exist, finished chunks park their outputs in
 * spare device buffers, within the device memory budget, so that the slots go on with the next chunks.
 * Buffers are kept between calls and grown when needed.
 *
 * <p>{@link #computeInto} runs the same chunk loop from and into direct buffers: those page-locked by
 * {@link #allocateHostBuffer} (kept in a {@link HostRegistry}) move by DMA straight between their chunk regions and
 * the device, with no host copy and no array to allocate; other direct buffers go through the pinned staging.
 *
 * <p>Not for concurrent use: calls are serialized.
 */
final class CudaBackend implements ComputeBackend {
    private static final Logger log = LoggerFactory.getLogger(CudaBackend.class);
    private static final Cleaner CLEANER = Cleaner.create();
    /** Side streams per slot for the indicator kernels of a chunk. */
    static final int MAX_LANES = 8;

    private final CudaDevice device;
    private final Precision precision;
    private final int elementBytes;
    private final long budget;
    private volatile long hostSlotBytes;
    private final ForkJoinPool pool;
    private final List<Slot> slots = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Cleaner.Cleanable cleanable;
    /** Host buffers this backend page-locked for {@link #computeInto}, unregistered on close. */
    private final HostRegistry hosts = new HostRegistry();
    /**
     * Device buffers that hold a chunk's outputs while the result arrays are still being allocated (the JVM zeroes
     * a new array on one thread: about 240 ms for 2 GB), so that the slots can take the next chunks meanwhile.
     * Kept between calls, all of {@link #spareBytes} bytes; within the device memory budget left by the slots
     * and a quarter of the budget.
     */
    private final List<DeviceArena.DeviceBuffer> spares = new ArrayList<>();
    private final java.util.ArrayDeque<DeviceArena.DeviceBuffer> freeSpares = new java.util.ArrayDeque<>();
    private long spareBytes;
    /** Tests: treat the result arrays as not yet allocated until every chunk is queued, to exercise the spares. */
    private volatile boolean holdOutputsOnDevice;
    /** Segments per kernel launch instead of the planned count (0: plan), for tests of the segmented path. */
    private volatile int forcedSegments;
    /**
     * Nanoseconds of the last call: host fill, waiting for the device, host drain, queueing, total, result
     * allocation (summed over columns, in parallel), main thread waiting for the allocation; and the number of
     * chunks whose outputs waited on the device in spare buffers; and ({@code computeInto}) the host columns moved
     * directly (page-locked) and all host columns.
     */
    private final long[] profile = new long[10];

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

    private CudaBackend(CudaDevice device, BackendOptions options) {
        this.device = device;
        this.precision = options.precision();
        this.elementBytes = precision == Precision.FLOAT ? Float.BYTES : Double.BYTES;
        long free = device.memInfo()[0];
        this.budget = options.deviceMemoryBudget() > 0 ? options.deviceMemoryBudget() : (long) (free * 0.8);
        this.hostSlotBytes = ChunkPlan.DEFAULT_HOST_SLOT_BYTES;
        this.pool = new ForkJoinPool(options.effectiveThreads());
        String what = "a cuda backend on " + device.info.describe();
        AtomicBoolean closedFlag = closed;  // the action must not hold the backend itself
        this.cleanable = CLEANER.register(this, () -> {
            if (!closedFlag.get()) log.error("{} was never closed: its device memory stays allocated until the process ends", what);
        });
    }

    /** Opens the backend on the device {@code options.device()} (or the first usable one). */
    static CudaBackend open(BackendOptions options) {
        CudaDevice device = CudaDevice.open(options.device());
        try {
            CudaBackend b = new CudaBackend(device, options);
            log.info("cuda backend open: {}, {} precision, device memory budget {} MiB", device.info.describe(),
                    b.precision.name().toLowerCase(java.util.Locale.ROOT), b.budget >> 20);
            return b;
        } catch (RuntimeException | Error e) {
            try {
                device.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override public String name() { return CudaBackendProvider.NAME; }

    @Override public String description() {
        // the device ordinal, so that a multi-GPU run's summary shows which GPU computed what
        return "cuda (device " + device.info.ordinal() + ": " + device.info.name() + ", " + precision.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    Precision precision() { return precision; }

    /** Cuts every segmentable kernel's time axis into {@code count} segments instead of the planned number (0: plan again); for tests. */
    void forceSegments(int count) { this.forcedSegments = count; }

    /** Tests: pinned staging per slot (smaller: more, smaller chunks). */
    void hostSlotBytes(long bytes) { this.hostSlotBytes = bytes; }

    /** Tests: park every chunk's outputs in spare device buffers (as far as the budget allows) until all chunks are queued. */
    void holdOutputsOnDevice(boolean hold) { this.holdOutputsOnDevice = hold; }

    CudaDevice device() { return device; }

    @Override public boolean supports(Indicator indicator) {
        return KernelCall.find(indicator).isPresent();
    }

    @Override public synchronized IndicatorValues compute(Panel panel, List<? extends Indicator> indicators) {
        if (closed.get()) throw new IllegalStateException("the cuda backend is closed");
        requireKernels(indicators);
        List<String> columns = ComputeRequests.check(panel.fields(), indicators);
        java.util.Arrays.fill(profile, 0);
        long start = System.nanoTime();
        int nSeries = panel.seriesCount(), bars = panel.barCount();
        if (nSeries == 0 || bars == 0) return IndicatorValues.of(panel, columns, new double[columns.size()][nSeries * bars]);
        // Java zeroes new arrays, gigabytes for large panels: let the pool do it while the first chunks go to the GPU
        double[][] out = new double[columns.size()][];
        List<Future<?>> allocations = new ArrayList<>();
        for (int j = 0; j < out.length; j++) {
            int col = j;
            allocations.add(pool.submit(() -> {
                long a0 = System.nanoTime();
                out[col] = new double[nSeries * bars];
                synchronized (profile) {
                    profile[5] += System.nanoTime() - a0;
                }
            }));
        }
        List<List<Indicator>> batches = batches(indicators, bars, elementBytes, budget);
        if (batches.size() > 1) awaitTimed(allocations);  // the batches take their columns of the result arrays
        int first = 0;
        for (List<Indicator> batch : batches) {
            Request req = Request.of(batch);
            double[][] in = new double[req.fields().size()][];
            for (int i = 0; i < in.length; i++) in[i] = panel.data(req.fields().get(i));
            double[][] columnsOut = batches.size() == 1 ? out : java.util.Arrays.copyOfRange(out, first, first + req.outputs());
            runChunks("compute", nSeries, bars, req, HostSide.arrays(panel.shape().lengths(), in, columnsOut), batches.size() == 1 ? allocations : List.of());
            first += req.outputs();
        }
        profile[4] = System.nanoTime() - start;
        return IndicatorValues.of(panel, columns, out);
    }

    /**
     * The indicators in consecutive batches that each fit one group of 32 series in a staging buffer and the device
     * budget ({@link ChunkPlan#fits}), so that a request too large for one pass (say 100 columns of 100,000-bar
     * series: 2.6 GB of staging a group) runs in several, each uploading its own inputs. One batch when all fit; an
     * indicator that does not fit even alone gets a batch of its own, which {@link ChunkPlan#plan} refuses with
     * its reason.
     */
    static List<List<Indicator>> batches(List<? extends Indicator> indicators, int bars, int elementBytes, long budget) {
        List<List<Indicator>> batches = new ArrayList<>();
        List<Indicator> batch = new ArrayList<>();
        for (Indicator ind : indicators) {
            batch.add(ind);
            Request r = Request.of(batch);
            if (batch.size() > 1 && !ChunkPlan.fits(bars, r.fields().size(), r.outputs(), r.ring(), elementBytes, budget)) {
                batch.remove(batch.size() - 1);
                batches.add(batch);
                batch = new ArrayList<>(List.of(ind));
            }
        }
        if (!batch.isEmpty()) batches.add(batch);
        if (batches.size() > 1) {
            log.info("{} indicators of {}-bar series do not fit one pass (a group of 32 series needs more than a 2 GiB staging buffer"
                    + " or the device memory budget): computing them in {} passes", indicators.size(), bars, batches.size());
        }
        return batches;
    }

    /**
     * Page-locks the buffer ({@code cuMemHostRegister}) until the backend is closed, so that {@link #computeInto} moves
     * it between host and device by DMA, chunk by chunk, without staging copies. The registration keeps the buffer
     * reachable; on close it is undone and the memory stays valid (pageable) for as long as the buffer is reachable.
     */
    @Override public synchronized ByteBuffer allocateHostBuffer(long bytes) {
        if (closed.get()) throw new IllegalStateException("the cuda backend is closed");
        ByteBuffer b = HostBuffers.allocate(bytes);
        if (bytes > 0) {
            device.makeCurrent();
            hosts.register(b);
        }
        return b;
    }

    /**
     * Computes from and into direct buffers. A buffer that lies in memory page-locked by this backend's
     * {@link #allocateHostBuffer} is transferred directly (each chunk's series are one contiguous region of it);
     * any other direct buffer goes through the pinned staging with a host copy, as {@link #compute} does. The
     * outputs must be DoubleBuffers in double precision, FloatBuffers in float precision.
     */
    @Override public synchronized void computeInto(HostPanel panel, List<? extends Indicator> indicators, List<? extends Buffer> outputs) {
        if (closed.get()) throw new IllegalStateException("the cuda backend is closed");
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(indicators, "indicators");
        requireKernels(indicators);
        List<String> columns = ComputeRequests.check(panel.fields(), indicators);
        HostBuffers.checkOutputs(panel, columns, outputs, precision);
        java.util.Arrays.fill(profile, 0);
        long start = System.nanoTime();
        int nSeries = panel.seriesCount(), bars = panel.barCount();
        if (nSeries == 0 || bars == 0) return;
        device.makeCurrent();
        long cells = panel.shape().cells();
        Buffer[] out = new Buffer[columns.size()];
        Pointer[] outDirect = new Pointer[out.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = outputs.get(j).duplicate().clear();
            outDirect[j] = direct(out[j], cells * elementBytes);
            if (outDirect[j] != null) profile[8]++;
        }
        profile[9] = out.length;
        int first = 0;
        for (List<Indicator> batch : batches(indicators, bars, elementBytes, budget)) {
            Request req = Request.of(batch);
            // duplicates up to the capacity: absolute copies never touch the caller's positions or trip on its limits
            DoubleBuffer[] in = new DoubleBuffer[req.fields().size()];
            Pointer[] inDirect = new Pointer[in.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = panel.data(req.fields().get(i)).duplicate().clear();
                inDirect[i] = direct(in[i], cells * Double.BYTES);
                if (inDirect[i] != null) profile[8]++;
            }
            profile[9] += in.length;
            int to = first + req.outputs();
            runChunks("computeInto", nSeries, bars, req, HostSide.buffers(panel.shape().lengths(), in, inDirect,
                    java.util.Arrays.copyOfRange(out, first, to), java.util.Arrays.copyOfRange(outDirect, first, to)), List.of());
            first = to;
        }
        profile[4] = System.nanoTime() - start;
    }

    /** A pointer to the buffer's index 0 if its first {@code bytes} lie in memory this backend page-locked, else null (staging). */
    private Pointer direct(Buffer buffer, long bytes) {
        return hosts.find(HostRegistry.mappedAddress(buffer), bytes) != null ? Pointer.to(buffer) : null;
    }

    /** Buffers this backend page-locked (tests). */
    int hostBuffersRegistered() { return hosts.size(); }

    /** The kernels of a request and the fields they read, in enum order (the order of the uploads). */
    private record Request(List<KernelCall> calls, List<Field> fields, EnumMap<Field, Integer> fieldIndex, int ring, int outputs) {
        static Request of(List<? extends Indicator> indicators) {
            List<KernelCall> calls = new ArrayList<>();
            EnumMap<Field, Integer> fieldIndex = new EnumMap<>(Field.class);
            int ring = 0, outputs = 0;
            for (Indicator ind : indicators) {
                KernelCall c = KernelCall.of(ind);
                calls.add(c);
                ring += c.globalRingDoubles();  // each kernel its own scratch: they run concurrently
                outputs += c.outputs();
                for (Field f : c.inputs()) fieldIndex.putIfAbsent(f, 0);
            }
            List<Field> fields = new ArrayList<>(fieldIndex.keySet());  // enum order
            for (int i = 0; i < fields.size(); i++) fieldIndex.put(fields.get(i), i);
            return new Request(calls, fields, fieldIndex, ring, outputs);
        }
    }

    /**
     * Where a call's values live on the host: inputs (in field order) and outputs (in column order) as Java arrays
     * ({@link #compute}) or direct buffers ({@link #computeInto}). A buffer with a {@code direct} pointer is
     * page-locked and moves by DMA between its chunk regions and the device; every other column goes through the
     * slots' pinned staging with a host copy.
     */
    private static final class HostSide {
        final int[] lengths;
        final double[][] inArrays;
        final DoubleBuffer[] inBuffers;
        final Pointer[] inDirect;
        /** The result arrays, filled in by the pool while the first chunks run (read only after they are allocated). */
        final double[][] outArrays;
        final Buffer[] outBuffers;
        final Pointer[] outDirect;

        private HostSide(int[] lengths, double[][] inArrays, DoubleBuffer[] inBuffers, Pointer[] inDirect, double[][] outArrays,
                         Buffer[] outBuffers, Pointer[] outDirect) {
            this.lengths = lengths;
            this.inArrays = inArrays;
            this.inBuffers = inBuffers;
            this.inDirect = inDirect;
            this.outArrays = outArrays;
            this.outBuffers = outBuffers;
            this.outDirect = outDirect;
        }

        static HostSide arrays(int[] lengths, double[][] in, double[][] out) {
            return new HostSide(lengths, in, null, new Pointer[in.length], out, null, new Pointer[out.length]);
        }

        static HostSide buffers(int[] lengths, DoubleBuffer[] in, Pointer[] inDirect, Buffer[] out, Pointer[] outDirect) {
            return new HostSide(lengths, null, in, inDirect, null, out, outDirect);
        }
    }

    /**
     * Plans the chunks and runs them through the slots: host copies (where a column is not page-locked), upload,
     * kernels and download of successive chunks overlap, one slot and stream each. While {@code allocations} (the
     * result arrays of {@link #compute}) are pending, finished chunks park their outputs in spare device buffers.
     */
    private void runChunks(String what, int nSeries, int bars, Request req, HostSide host, List<Future<?>> allocations) {
        int nIn = req.fields().size(), nOut = req.outputs();
        ChunkPlan plan = ChunkPlan.plan(nSeries, bars, nIn, nOut, req.ring(), elementBytes, budget, hostSlotBytes);
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
                profile[7]++;
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
                    profile());
        }
    }

    /** Waits for the result arrays, timing the wait; true. */
    private boolean awaitTimed(List<Future<?>> allocations) {
        long w0 = System.nanoTime();
        await(allocations);
        profile[6] += System.nanoTime() - w0;
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

    private void releaseSpares() {
        for (DeviceArena.DeviceBuffer b : spares) device.arena.free(b);
        spares.clear();
        freeSpares.clear();
    }

    /** Where the last call's time went (host copies in and out, waiting for the device, queueing), for diagnostics. */
    String profile() {
        return String.format(java.util.Locale.ROOT,
                "total %.1f ms: host fill %.1f, wait for device %.1f, host drain %.1f, queueing %.1f, wait for the result arrays %.1f;"
                        + " allocating the result arrays %.1f (in parallel); %d chunks parked on the device meanwhile;"
                        + " %d of %d host buffers transferred directly (page-locked)",
                profile[4] / 1e6, profile[0] / 1e6, profile[1] / 1e6, profile[2] / 1e6, profile[3] / 1e6, profile[6] / 1e6,
                profile[5] / 1e6, profile[7], profile[8], profile[9]);
    }

    /** Waits for the slot's chunk, if any, and copies its outputs (those not downloaded directly) to the host side. */
    private void finish(Slot slot, int bars, int cap, HostSide host) {
        Chunk chunk = slot.pending;
        if (chunk == null) {
            // no outputs to collect, but the slot's last chunk may still read its pinned inputs (it was parked)
            long w0 = System.nanoTime();
            Cuda.check(JCudaDriver.cuStreamSynchronize(slot.stream), "cuStreamSynchronize");
            profile[1] += System.nanoTime() - w0;
            return;
        }
        long w0 = System.nanoTime();
        Cuda.check(JCudaDriver.cuStreamSynchronize(slot.stream), "cuStreamSynchronize (kernels and copies of chunk " + chunk.index() + ")");
        profile[1] += System.nanoTime() - w0;
        slot.pending = null;
        if (slot.pendingSpare != null) {
            freeSpares.add(slot.pendingSpare);
            slot.pendingSpare = null;
        }
        long t0 = System.nanoTime();
        long n = (long) chunk.count() * bars;
        List<Runnable> tasks = new ArrayList<>();
        for (int j = 0; j < host.outDirect.length; j++) {
            if (host.outDirect[j] != null) continue;  // already there
            int col = j;
            long base = (long) j * cap * bars;  // in output elements
            long dst = (long) chunk.from() * bars;
            if (host.outArrays != null) {
                split(n, (off, len) -> {
                    double[] o = host.outArrays[col];
                    int s = (int) (base + off), d = (int) (dst + off);
                    if (precision == Precision.FLOAT) {
                        FloatBuffer fb = slot.hostF;
                        for (int i = 0; i < len; i++) o[d + i] = fb.get(s + i);
                    } else {
                        slot.hostD.get(s, o, d, len);
                    }
                }, tasks);
            } else if (precision == Precision.FLOAT) {
                FloatBuffer o = (FloatBuffer) host.outBuffers[col];
                split(n, (off, len) -> o.put((int) (dst + off), slot.hostF, (int) (base + off), len), tasks);
            } else {
                DoubleBuffer o = (DoubleBuffer) host.outBuffers[col];
                split(n, (off, len) -> o.put((int) (dst + off), slot.hostD, (int) (base + off), len), tasks);
            }
        }
        run(tasks);
        profile[2] += System.nanoTime() - t0;
    }

    /** Copies the chunk's lengths, and its inputs that are not uploaded directly, into the slot's pinned staging. */
    private void fill(Slot slot, Chunk chunk, int bars, int cap, HostSide host) {
        long t0 = System.nanoTime();
        long n = (long) chunk.count() * bars;
        List<Runnable> tasks = new ArrayList<>();
        for (int k = 0; k < host.inDirect.length; k++) {
            if (host.inDirect[k] != null) continue;  // uploaded from where it is
            long base = (long) k * cap * bars;
            long from = (long) chunk.from() * bars;
            if (host.inArrays != null) {
                double[] src = host.inArrays[k];
                split(n, (off, len) -> slot.hostD.put((int) (base + off), src, (int) (from + off), len), tasks);
            } else {
                DoubleBuffer src = host.inBuffers[k];
                split(n, (off, len) -> slot.hostD.put((int) (base + off), src, (int) (from + off), len), tasks);
            }
        }
        run(tasks);
        for (int i = 0; i < cap; i++) slot.hostLens.put(i, i < chunk.count() ? host.lengths[chunk.from() + i] : 0);
        profile[0] += System.nanoTime() - t0;
    }

    /**
     * Queues upload, transposes, kernels and transposes of one chunk on the slot's stream; its outputs end up
     * series-major in the slot's device staging, output j at {@code j * cap * bars} elements.
     */
    private void enqueue(Slot slot, Chunk chunk, int bars, int cap, int nIn, List<KernelCall> calls, EnumMap<Field, Integer> fieldIndex,
                         HostSide host) {
        long t0 = System.nanoTime();
        long inRegion = (long) cap * bars * Double.BYTES, outRegion = (long) cap * bars * elementBytes;  // one field, one output
        long inUsed = (long) chunk.count() * bars * Double.BYTES;
        int groups = (chunk.count() + ChunkPlan.GROUP - 1) / ChunkPlan.GROUP;
        int tiles = (bars + 31) / 32;
        String sfx = precision == Precision.FLOAT ? "_f32" : "_f64";  // of the outputs
        CUstream st = slot.stream;
        Cuda.check(JCudaDriver.cuMemcpyHtoDAsync(slot.lens.ptr, slot.pinnedLens.ptr, (long) cap * Integer.BYTES, st), "cuMemcpyHtoDAsync(lengths)");
        for (int k = 0; k < nIn; k++) {
            Pointer src = host.inDirect[k] != null ? host.inDirect[k].withByteOffset((long) chunk.from() * bars * Double.BYTES)
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
        profile[3] += System.nanoTime() - t0;
    }

    /**
     * Queues the download of a chunk's outputs, laid out as {@link #enqueue} leaves them in {@code src}, into the
     * page-locked output buffers where they are, else into the slot's pinned staging.
     */
    private void download(Slot slot, Chunk chunk, DeviceArena.DeviceBuffer src, int bars, int cap, int nOut, HostSide host) {
        long t0 = System.nanoTime();
        long outRegion = (long) cap * bars * elementBytes, outUsed = (long) chunk.count() * bars * elementBytes;
        for (int j = 0; j < nOut; j++) {
            Pointer dst = host.outDirect[j] != null ? host.outDirect[j].withByteOffset((long) chunk.from() * bars * elementBytes)
                    : slot.pinned.at(j * outRegion);
            Cuda.check(JCudaDriver.cuMemcpyDtoHAsync(dst, src.at(j * outRegion), outUsed, slot.stream),
                    "cuMemcpyDtoHAsync(" + outUsed + " bytes of output " + j + ", chunk " + chunk.index() + ")");
        }
        profile[3] += System.nanoTime() - t0;
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
    private void split(long n, RangeTask task, List<Runnable> tasks) {
        int threads = pool.getParallelism();
        long piece = Math.max(1L << 17, (n + 2L * threads - 1) / (2L * threads));
        for (long off = 0; off < n; off += piece) {
            long o = off;
            int len = (int) Math.min(piece, n - off);
            tasks.add(() -> task.run(o, len));
        }
    }

    private interface RangeTask {
        void run(long offset, int length);
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

    private static void await(List<Future<?>> futures) {
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

    /** Refuses, naming them all, the specs no kernel computes (before the request's other checks). */
    static void requireKernels(List<? extends Indicator> indicators) {
        List<String> lacking = new ArrayList<>();
        for (Indicator ind : indicators) if (KernelCall.find(ind).isEmpty()) lacking.add(ind.spec());
        if (!lacking.isEmpty()) {
            throw new IllegalArgumentException("the cuda backend has no kernel for " + String.join(", ", lacking)
                    + "; use --backend auto to compute them on the cpu, or --backend cpu");
        }
    }

    /** Device bytes the backend holds now (buffers kept between calls). */
    long deviceBytesInUse() { return device.arena.deviceBytesInUse(); }

    @Override public synchronized void close() {
        if (!closed.compareAndSet(false, true)) return;
        cleanable.clean();  // nothing to warn about any more
        RuntimeException failure = null;
        try {
            device.makeCurrent();
            for (Slot s : slots) s.synchronize();
            releaseSpares();
            for (Slot s : slots) {
                releaseBuffers(s);
                s.destroyStreams();
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            device.makeCurrent();
            // the buffers' memory stays valid (it belongs to them), merely pageable again
            CudaException e = hosts.unregisterAll();
            if (e != null && failure == null) failure = e;
        } catch (RuntimeException e) {
            if (failure == null) failure = e;
            else failure.addSuppressed(e);
        }
        hosts.removeAll();  // whatever happened: let go of the buffers
        slots.clear();
        pool.shutdownNow();
        try {
            device.close();
        } catch (RuntimeException e) {
            if (failure == null) failure = e;
            else failure.addSuppressed(e);
        }
        if (failure != null) throw failure;
    }
}
