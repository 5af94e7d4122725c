package org.hybridta.cuda.driver;

import org.hybridta.cuda.CudaException;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;
import org.hybridta.backend.BackendUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GPU as the backend uses it: the device's primary context (retained here, released on close), the
 * kernels' module loaded from the shipped fatbin ({@link KernelImage}), and the {@link DeviceArena} of its memory.
 */
public final class CudaDevice implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CudaDevice.class);
    /** Dynamic shared memory a kernel may use (opted in per kernel): rings of up to 64 KB a block. */
    public static final int MAX_DYNAMIC_SHARED_BYTES = 64 << 10;
    public final CudaProbe.Device info;
    public final DeviceArena arena = new DeviceArena();
    private final CUdevice device;
    private final CUcontext context;
    private final CUmodule module;
    private final Map<String, CUfunction> functions = new HashMap<>();
    private final java.util.Set<String> sharedOptIn = new java.util.HashSet<>();
    private final Map<String, Integer> resident = new java.util.concurrent.ConcurrentHashMap<>();
    private final int multiprocessors;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CudaDevice(CudaProbe.Device info, CUdevice device, CUcontext context, CUmodule module) {
        this.info = info;
        this.device = device;
        this.context = context;
        this.module = module;
        int[] sms = new int[1];
        Cuda.check(JCudaDriver.cuDeviceGetAttribute(sms, jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, device),
                "cuDeviceGetAttribute(multiprocessor count)");
        this.multiprocessors = sms[0];
    }

    /** Opens device {@code ordinal} ({@code -1}: the first usable one). */
    public static CudaDevice open(int ordinal) {
        return open(ordinal, true);
    }

    /**
     * Opens device {@code ordinal} without the kernels' module, for libraries that bring their own kernels (cuBLAS)
     * and need only the primary context and the device memory; {@link #function} is then unavailable.
     */
    public static CudaDevice openForLibraries(int ordinal) {
        return open(ordinal, false);
    }

    private static CudaDevice open(int ordinal, boolean kernels) {
        var availability = CudaProbe.availability();
        if (!availability.available()) throw new BackendUnavailableException("backend cuda cannot run here: " + availability.reason());
        var usable = CudaProbe.usableDevices();
        CudaProbe.Device info = null;
        for (CudaProbe.Device d : usable) {
            if (ordinal < 0 || d.ordinal() == ordinal) {
                info = d;
                break;
            }
        }
        if (info == null) {
            throw new BackendUnavailableException("no usable CUDA device " + ordinal + " (usable: "
                    + usable.stream().map(d -> d.ordinal() + " " + d.describe()).toList() + ")");
        }
        CUdevice dev = new CUdevice();
        Cuda.check(JCudaDriver.cuDeviceGet(dev, info.ordinal()), "cuDeviceGet(" + info.ordinal() + ")");
        CUcontext ctx = new CUcontext();
        Cuda.check(JCudaDriver.cuDevicePrimaryCtxRetain(ctx, dev), "cuDevicePrimaryCtxRetain(device " + info.ordinal() + ")");
        try {
            Cuda.check(JCudaDriver.cuCtxSetCurrent(ctx), "cuCtxSetCurrent");
            return new CudaDevice(info, dev, ctx, kernels ? loadModule(info) : null);
        } catch (RuntimeException | Error e) {
            JCudaDriver.cuDevicePrimaryCtxRelease(dev);
            throw e;
        }
    }

    private static CUmodule loadModule(CudaProbe.Device info) {
        long t0 = System.nanoTime();
        KernelImage image = KernelImage.load();
        CUmodule m = new CUmodule();
        int r = JCudaDriver.cuModuleLoadData(m, image.fatbin());
        if (r == CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION) {
            int[] v = new int[1];
            JCudaDriver.cuDriverGetVersion(v);
            throw new BackendUnavailableException("backend cuda cannot run here: the NVIDIA driver (" + CudaProbe.versionText(v[0])
                    + ") cannot read the kernels' PTX (ISA 9.0, built by nvcc 13.0), which needs " + CudaProbe.REQUIRED_DRIVER_TEXT
                    + ": update the driver or use --backend cpu");
        }
        Cuda.check(r, "cuModuleLoadData(" + KernelImage.FATBIN + ")");
        int cc = info.computeCapability();
        log.info("cuda kernels loaded in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, image.hasSass(cc)
                ? "machine code (SASS) for sm_" + cc + ", no JIT"
                : "no SASS for sm_" + cc + " in " + KernelImage.FATBIN + " (it has " + image.sass() + "): the driver JIT-compiled its PTX");
        return m;
    }

    /** Makes this device's context current on the calling thread (cheap; done at the start of every call). */
    public void makeCurrent() {
        if (closed.get()) throw new IllegalStateException("the CUDA backend is closed");
        Cuda.check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    public CUfunction function(String name) {
        if (module == null) throw new IllegalStateException("this CudaDevice was opened without the kernels' module");
        return functions.computeIfAbsent(name, n -> {
            CUfunction f = new CUfunction();
            Cuda.check(JCudaDriver.cuModuleGetFunction(f, module, n), "cuModuleGetFunction(" + n + ")");
            return f;
        });
    }

    /**
     * Launches a kernel. Arguments: {@link CUdeviceptr} (or any pointer object), {@link Integer}, {@link Long}, {@link Double}.
     */
    public void launch(String kernel, int gridX, int gridY, int blockX, int blockY, CUstream stream, Object... args) {
        launchShared(kernel, gridX, gridY, blockX, blockY, 0, stream, args);
    }

    /** Like {@link #launch} with {@code sharedBytes} of dynamic shared memory per block. */
    public void launchShared(String kernel, int gridX, int gridY, int blockX, int blockY, int sharedBytes, CUstream stream, Object... args) {
        launch3(kernel, gridX, gridY, 1, blockX, blockY, sharedBytes, stream, args);
    }

    /** Like {@link #launchShared} on a grid of {@code gridZ} planes (a sweep's parameter sets). */
    public void launch3(String kernel, int gridX, int gridY, int gridZ, int blockX, int blockY, int sharedBytes, CUstream stream, Object... args) {
        NativePointerObject[] params = new NativePointerObject[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof NativePointerObject p) params[i] = Pointer.to(p);
            else if (a instanceof Integer v) params[i] = Pointer.to(new int[] {v});
            else if (a instanceof Double v) params[i] = Pointer.to(new double[] {v});
            else if (a instanceof Long v) params[i] = Pointer.to(new long[] {v});
            else throw new IllegalArgumentException("kernel argument " + i + " of " + kernel + ": " + a);
        }
        CUfunction f = function(kernel);
        optInShared(kernel, f, sharedBytes);
        Cuda.check(JCudaDriver.cuLaunchKernel(f, gridX, gridY, gridZ, blockX, blockY, 1, sharedBytes, stream, Pointer.to(params), null),
                "cuLaunchKernel(" + kernel + ", grid " + gridX + "x" + gridY + "x" + gridZ + ", block " + blockX + "x" + blockY + ")");
    }

    /** Multiprocessors of the device. */
    public int multiprocessors() { return multiprocessors; }

    /**
     * Blocks of {@code blockThreads} threads of {@code kernel} with {@code sharedBytes} of dynamic shared memory
     * that the whole device holds at a time (the driver's occupancy calculation: registers, shared memory,
     * block slots), at least 1.
     */
    public int residentBlocks(String kernel, int blockThreads, int sharedBytes) {
        return resident.computeIfAbsent(kernel + "/" + blockThreads + "/" + sharedBytes, k -> {
            CUfunction f = function(kernel);
            optInShared(kernel, f, sharedBytes);
            int[] perSm = new int[1];
            Cuda.check(JCudaDriver.cuOccupancyMaxActiveBlocksPerMultiprocessor(perSm, f, blockThreads, sharedBytes),
                    "cuOccupancyMaxActiveBlocksPerMultiprocessor(" + kernel + ")");
            return Math.max(1, perSm[0] * multiprocessors);
        });
    }

    /**
     * Allows up to {@link #MAX_DYNAMIC_SHARED_BYTES} of dynamic shared memory. Needed as soon as the kernel's static
     * tiles and its dynamic rings together pass 48 KB (not only when the rings alone do), e.g. MFI 80 (32 KB of tiles,
     * 40 KB of rings): without it that launch fails.
     */
    private void optInShared(String kernel, CUfunction f, int sharedBytes) {
        if (sharedBytes > 0 && sharedOptIn.add(kernel)) {
            Cuda.check(JCudaDriver.cuFuncSetAttribute(f, jcuda.driver.CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
                    MAX_DYNAMIC_SHARED_BYTES), "cuFuncSetAttribute(" + kernel + ", max dynamic shared memory)");
        }
    }

    /** Free and total device memory, from {@code cuMemGetInfo}. */
    public long[] memInfo() {
        long[] free = new long[1], total = new long[1];
        Cuda.check(JCudaDriver.cuMemGetInfo(free, total), "cuMemGetInfo");
        return new long[] {free[0], total[0]};
    }

    public CUstream newStream() {
        CUstream s = new CUstream();
        Cuda.check(JCudaDriver.cuStreamCreate(s, jcuda.driver.CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate");
        return s;
    }

    public static void destroy(CUstream s) {
        if (s != null) Cuda.check(JCudaDriver.cuStreamDestroy(s), "cuStreamDestroy");
    }

    public boolean isClosed() { return closed.get(); }

    /** Frees the memory (failing loudly on leaks), unloads the module and releases the primary context. Safe twice. */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) return;
        RuntimeException failure = null;
        try {
            Cuda.check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
            arena.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        CudaException e1 = module == null ? null : Cuda.checkLater(JCudaDriver.cuModuleUnload(module), "cuModuleUnload");
        CudaException e2 = Cuda.checkLater(JCudaDriver.cuDevicePrimaryCtxRelease(device), "cuDevicePrimaryCtxRelease");
        if (failure == null) failure = e1 != null ? e1 : e2;
        if (failure != null) throw failure;
    }
}
