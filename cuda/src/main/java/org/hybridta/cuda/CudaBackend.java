package org.hybridta.cuda;

import org.hybridta.cuda.driver.CudaDevice;
import java.lang.ref.Cleaner;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import jcuda.Pointer;
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
 * Computes on one NVIDIA GPU. A call checks the request, splits it into passes that fit the device ({@link #batches},
 * {@link KernelRequest}) and hands each to the {@link ChunkPipeline}, which cuts the panel into chunks of whole groups
 * of 32 series and overlaps their host copies, transfers and kernels. For {@link #compute} the result arrays are
 * allocated on the pool meanwhile (the JVM zeroes each on one thread), for {@link #computeInto} they are the caller's
 * buffers; either way the host side of a pass is a {@link HostColumns}.
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
    private final CudaDevice device;
    private final Precision precision;
    private final int elementBytes;
    private final long budget;
    private final ForkJoinPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Cleaner.Cleanable cleanable;
    /** Host buffers this backend page-locked for {@link #computeInto}, unregistered on close. */
    private final HostRegistry hosts = new HostRegistry();
    /** The last call's profile, counted as it goes. */
    private final CallProfile.Counters times = new CallProfile.Counters();
    /** Chunks, slots and spare buffers: the scheduling of a call's passes. */
    private final ChunkPipeline pipeline;

    private CudaBackend(CudaDevice device, BackendOptions options) {
        this.device = device;
        this.precision = options.precision();
        this.elementBytes = precision == Precision.FLOAT ? Float.BYTES : Double.BYTES;
        long free = device.memInfo()[0];
        this.budget = options.deviceMemoryBudget() > 0 ? options.deviceMemoryBudget() : (long) (free * 0.8);
        this.pool = new ForkJoinPool(options.effectiveThreads());
        this.pipeline = new ChunkPipeline(device, precision, budget, pool, times);
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
    void forceSegments(int count) { pipeline.forcedSegments = count; }

    /** Tests: pinned staging per slot (smaller: more, smaller chunks), chunks no wider than it allows. */
    void hostSlotBytes(long bytes) {
        pipeline.hostSlotBytes = bytes;
        pipeline.minChunkGroups = 1;
    }

    /** Tests: park every chunk's outputs in spare device buffers (as far as the budget allows) until all chunks are queued. */
    void holdOutputsOnDevice(boolean hold) { pipeline.holdOutputsOnDevice = hold; }

    CudaDevice device() { return device; }

    @Override public boolean supports(Indicator indicator) {
        return KernelCall.find(indicator).isPresent();
    }

    @Override public synchronized IndicatorValues compute(Panel panel, List<? extends Indicator> indicators) {
        if (closed.get()) throw new IllegalStateException("the cuda backend is closed");
        requireKernels(indicators);
        List<String> columns = ComputeRequests.check(panel.fields(), indicators);
        times.reset();
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
                times.addAllocation(System.nanoTime() - a0);
            }));
        }
        List<List<Indicator>> batches = batches(indicators, bars, elementBytes, budget);
        if (batches.size() > 1) pipeline.awaitTimed(allocations);  // the batches take their columns of the result arrays
        int first = 0;
        for (List<Indicator> batch : batches) {
            KernelRequest req = KernelRequest.of(batch);
            double[][] in = new double[req.fields().size()][];
            for (int i = 0; i < in.length; i++) in[i] = panel.data(req.fields().get(i));
            double[][] columnsOut = batches.size() == 1 ? out : java.util.Arrays.copyOfRange(out, first, first + req.outputs());
            pipeline.runChunks("compute", nSeries, bars, req, new HostColumns.Arrays(panel.shape().lengths(), in, columnsOut), batches.size() == 1 ? allocations : List.of());
            first += req.outputs();
        }
        times.total = System.nanoTime() - start;
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
            KernelRequest r = KernelRequest.of(batch);
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
        times.reset();
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
            if (outDirect[j] != null) times.directColumns++;
        }
        times.columns = out.length;
        int first = 0;
        for (List<Indicator> batch : batches(indicators, bars, elementBytes, budget)) {
            KernelRequest req = KernelRequest.of(batch);
            // duplicates up to the capacity: absolute copies never touch the caller's positions or trip on its limits
            DoubleBuffer[] in = new DoubleBuffer[req.fields().size()];
            Pointer[] inDirect = new Pointer[in.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = panel.data(req.fields().get(i)).duplicate().clear();
                inDirect[i] = direct(in[i], cells * Double.BYTES);
                if (inDirect[i] != null) times.directColumns++;
            }
            times.columns += in.length;
            int to = first + req.outputs();
            pipeline.runChunks("computeInto", nSeries, bars, req, new HostColumns.Buffers(panel.shape().lengths(), in, inDirect,
                    java.util.Arrays.copyOfRange(out, first, to), java.util.Arrays.copyOfRange(outDirect, first, to)), List.of());
            first = to;
        }
        times.total = System.nanoTime() - start;
    }

    /** A pointer to the buffer's index 0 if its first {@code bytes} lie in memory this backend page-locked, else null (staging). */
    private Pointer direct(Buffer buffer, long bytes) {
        return hosts.find(HostRegistry.mappedAddress(buffer), bytes) != null ? Pointer.to(buffer) : null;
    }

    /** Where the last call's time went (host copies in and out, waiting for the device, queueing), for diagnostics. */
    CallProfile lastProfile() { return times.snapshot(); }

    /** {@link #lastProfile} as one line. */
    String profile() { return lastProfile().toString(); }

    /** Buffers this backend page-locked (tests). */
    int hostBuffersRegistered() { return hosts.size(); }

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
            pipeline.close();
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

