package org.hybridta.cuda;

import org.hybridta.cuda.driver.Cuda;
import org.hybridta.cuda.driver.CudaProbe;
import org.hybridta.cuda.driver.DeviceArena;
import org.hybridta.cuda.driver.CudaDevice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import jcuda.driver.CUevent;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;

/**
 * Measurements below the public API, for benchmarks and for diagnosing a GPU: kernels timed on
 * device-resident data, device-to-device copy bandwidth, pinned host-device transfer bandwidth.
 *
 * <p><b>Not part of HybridTA's API</b>: it lives in the {@code benchmarks} module (in this package, whose package-private
 * internals it uses; the cuda artifact does not contain it) and may change or disappear in any release. Use
 * {@link org.hybridta.backend.Backends} to compute indicators.
 */
public final class CudaDiagnostics implements AutoCloseable {
    private final CudaDevice device;
    private final CUstream stream;
    private final CUevent start = new CUevent(), stop = new CUevent();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private CudaDiagnostics(CudaDevice device) {
        this.device = device;
        this.stream = device.newStream();
        Cuda.check(JCudaDriver.cuEventCreate(start, 0), "cuEventCreate");
        Cuda.check(JCudaDriver.cuEventCreate(stop, 0), "cuEventCreate");
    }

    /**
     * Opens device {@code ordinal} ({@code -1}: the first usable one).
     *
     * @throws org.hybridta.backend.BackendUnavailableException if the CUDA backend cannot run here
     */
    public static CudaDiagnostics open(int ordinal) {
        CudaDevice d = CudaDevice.open(ordinal);
        try {
            return new CudaDiagnostics(d);
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** The device, e.g. {@code NVIDIA H100 80GB HBM3 (compute capability 9.0, 79 GiB)}. */
    public String deviceDescription() { return device.info.describe(); }

    /** The driver's CUDA version, e.g. {@code CUDA 13.0}. */
    public static String driverVersion() {
        int[] v = new int[1];
        Cuda.check(JCudaDriver.cuDriverGetVersion(v), "cuDriverGetVersion");
        return CudaProbe.versionText(v[0]);
    }

    /** Free and total device memory in bytes ({@code cuMemGetInfo}). */
    public long[] memoryInfo() {
        device.makeCurrent();
        return device.memInfo();
    }

    /** Something that runs on the device and can be timed. */
    public interface Timed extends AutoCloseable {
        /** Runs once and waits for the device. */
        void runAndSync();

        /** Bytes it moves through device memory: each input read once (double) plus each output written once. */
        long bytesMoved();

        /** How the work is laid out on the device, e.g. the kernel's grid, for logs. */
        default String layout() { return ""; }

        /** Median time of {@code reps} runs after {@code warmups}, in milliseconds, from CUDA events. */
        double medianMillis(int warmups, int reps);

        @Override void close();
    }

    private abstract class TimedBase implements Timed {
        abstract void enqueue();

        @Override public void runAndSync() {
            device.makeCurrent();
            enqueue();
            Cuda.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize");
        }

        @Override public double medianMillis(int warmups, int reps) {
            device.makeCurrent();
            for (int i = 0; i < warmups; i++) enqueue();
            double[] ms = new double[reps];
            float[] t = new float[1];
            for (int i = 0; i < reps; i++) {
                Cuda.check(JCudaDriver.cuEventRecord(start, stream), "cuEventRecord");
                enqueue();
                Cuda.check(JCudaDriver.cuEventRecord(stop, stream), "cuEventRecord");
                Cuda.check(JCudaDriver.cuEventSynchronize(stop), "cuEventSynchronize");
                Cuda.check(JCudaDriver.cuEventElapsedTime(t, start, stop), "cuEventElapsedTime");
                ms[i] = t[0];
            }
            Arrays.sort(ms);
            return ms[reps / 2];
        }
    }

    /**
     * The kernel of {@code indicator} over a panel of {@code series x bars} synthetic OHLCV random walks
     * (distinct per series, generated on the device), already in the kernels' grouped layout: timing it
     * measures the kernel alone.
     */
    public Timed kernel(Indicator indicator, Precision precision, int series, int bars, long seed) {
        return kernel(indicator, precision, series, bars, seed, 0);
    }

    /**
     * Like {@link #kernel(Indicator, Precision, int, int, long)}, with the kernel's time axis cut into
     * {@code segments} segments (0: as the backend plans it; kernels that cannot be segmented always get 1).
     */
    public Timed kernel(Indicator indicator, Precision precision, int series, int bars, long seed, int segments) {
        device.makeCurrent();
        KernelCall call = KernelCall.of(indicator);
        int groups = (series + ChunkPlan.GROUP - 1) / ChunkPlan.GROUP;
        int padded = groups * ChunkPlan.GROUP;
        int es = precision == Precision.FLOAT ? Float.BYTES : Double.BYTES;
        long inColumn = (long) padded * bars * Double.BYTES, outColumn = (long) padded * bars * es;
        DeviceArena arena = device.arena;
        List<DeviceArena.DeviceBuffer> buffers = new ArrayList<>();
        DeviceArena.DeviceBuffer[] ohlcv = new DeviceArena.DeviceBuffer[5];  // open, high, low, close, volume
        for (int i = 0; i < 5; i++) buffers.add(ohlcv[i] = arena.allocDevice(inColumn, "diagnostic input " + i));
        DeviceArena.DeviceBuffer[] outs = new DeviceArena.DeviceBuffer[call.outputs()];
        for (int j = 0; j < outs.length; j++) buffers.add(outs[j] = arena.allocDevice(outColumn, "diagnostic output " + j));
        DeviceArena.DeviceBuffer lens = arena.allocDevice((long) padded * Integer.BYTES, "diagnostic lengths");
        buffers.add(lens);
        DeviceArena.DeviceBuffer ring = call.globalRingDoubles() > 0
                ? arena.allocDevice((long) padded * 8 * call.globalRingDoubles(), "diagnostic ring") : null;
        if (ring != null) buffers.add(ring);
        int[] l = new int[padded];
        Arrays.fill(l, 0, series, bars);
        Cuda.check(JCudaDriver.cuMemcpyHtoD(lens.ptr, jcuda.Pointer.to(l), (long) padded * Integer.BYTES), "cuMemcpyHtoD(lengths)");
        device.launch("synth_f64", groups, 1, ChunkPlan.GROUP, 1, stream, ohlcv[0].ptr, ohlcv[1].ptr, ohlcv[2].ptr, ohlcv[3].ptr, ohlcv[4].ptr,
                bars, seed);
        Cuda.check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize(synth)");

        List<Object> args = new ArrayList<>();
        for (var f : call.inputs()) {
            args.add(switch (f) {
                case OPEN -> ohlcv[0].ptr;
                case HIGH -> ohlcv[1].ptr;
                case LOW -> ohlcv[2].ptr;
                case CLOSE -> ohlcv[3].ptr;
                case VOLUME -> ohlcv[4].ptr;
                default -> throw new IllegalStateException("no synthetic " + f);
            });
        }
        for (var o : outs) args.add(o.ptr);
        args.add(lens.ptr);
        String entry = call.entry(precision);
        int shared = call.sharedBytes();
        Segments seg = Segments.plan(call, groups, bars, device.residentBlocks(entry, ChunkPlan.GROUP * call.warps(), shared), segments);
        call.addScalars(args, bars, seg);
        if (call.takesScratch()) args.add(ring != null ? ring.ptr : new jcuda.driver.CUdeviceptr());
        Object[] a = args.toArray();
        long bytes = (long) series * bars * ((long) Double.BYTES * call.inputs().size() + (long) es * call.outputs());
        String layout = String.format(java.util.Locale.ROOT, "%s %s: %d groups x %d segments of %d bars (halo %d), %d blocks resident",
                indicator.spec(), precision, groups, seg.count(), seg.length(), seg.halo(), device.residentBlocks(entry, ChunkPlan.GROUP * call.warps(), shared));
        Timed t = new TimedBase() {
            @Override void enqueue() { device.launchShared(entry, groups, seg.count(), ChunkPlan.GROUP, call.warps(), shared, stream, a); }

            @Override public long bytesMoved() { return bytes; }

            @Override public String layout() { return layout; }

            @Override public void close() { release(this, buffers); }
        };
        open.add(t);
        return t;
    }

    /** A device-to-device copy of {@code bytes} ({@code cuMemcpyDtoDAsync}); it moves twice that (read and write). */
    public Timed deviceCopy(long bytes) {
        device.makeCurrent();
        List<DeviceArena.DeviceBuffer> buffers = new ArrayList<>();
        DeviceArena.DeviceBuffer src = device.arena.allocDevice(bytes, "copy source");
        buffers.add(src);
        DeviceArena.DeviceBuffer dst = device.arena.allocDevice(bytes, "copy target");
        buffers.add(dst);
        Cuda.check(JCudaDriver.cuMemsetD32Async(src.ptr, 0x3f800000, bytes / 4, stream), "cuMemsetD32Async");
        Timed t = new TimedBase() {
            @Override void enqueue() {
                Cuda.check(JCudaDriver.cuMemcpyDtoDAsync(dst.ptr, src.ptr, bytes, stream), "cuMemcpyDtoDAsync(" + bytes + " bytes)");
            }

            @Override public long bytesMoved() { return 2 * bytes; }

            @Override public void close() { release(this, buffers); }
        };
        open.add(t);
        return t;
    }

    /** A copy of {@code bytes} between pinned host memory and the device, one way. */
    public Timed pinnedCopy(long bytes, boolean toDevice) {
        device.makeCurrent();
        DeviceArena.DeviceBuffer dev = device.arena.allocDevice(bytes, "transfer target");
        DeviceArena.HostBuffer host;
        try {
            host = device.arena.allocHost(bytes, "pinned transfer buffer");
        } catch (RuntimeException e) {
            device.arena.free(dev);
            throw e;
        }
        Timed t = new TimedBase() {
            @Override void enqueue() {
                if (toDevice) Cuda.check(JCudaDriver.cuMemcpyHtoDAsync(dev.ptr, host.ptr, bytes, stream), "cuMemcpyHtoDAsync");
                else Cuda.check(JCudaDriver.cuMemcpyDtoHAsync(host.ptr, dev.ptr, bytes, stream), "cuMemcpyDtoHAsync");
            }

            @Override public long bytesMoved() { return bytes; }

            @Override public void close() {
                if (open.remove(this)) {
                    device.makeCurrent();
                    device.arena.free(dev);
                    device.arena.free(host);
                }
            }
        };
        open.add(t);
        return t;
    }

    private void release(Timed t, List<DeviceArena.DeviceBuffer> buffers) {
        if (!open.remove(t)) return;
        device.makeCurrent();
        for (DeviceArena.DeviceBuffer b : buffers) device.arena.free(b);
    }

    /** Frees everything this object made. Safe twice. */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) return;
        device.makeCurrent();
        for (AutoCloseable c : new ArrayList<>(open)) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the arena reports anything left below
            }
        }
        JCudaDriver.cuEventDestroy(start);
        JCudaDriver.cuEventDestroy(stop);
        CudaDevice.destroy(stream);
        device.close();
    }
}
