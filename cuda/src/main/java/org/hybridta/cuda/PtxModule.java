package org.hybridta.cuda;

import org.hybridta.cuda.driver.*;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/**
 * Kernels of their own translation unit with their own checked-in PTX ({@code sweep.cu}: reductions of sweeps and
 * screens; {@code stream.cu}: the universe stream), loaded into the context of a {@link CudaDevice}, beside the
 * indicator kernels' module. Unloaded on close.
 */
final class PtxModule implements AutoCloseable {
    /** The sweep and screen kernels' PTX. */
    static final String SWEEP = "sweep.ptx";
    /** The universe stream's kernels' PTX. */
    static final String STREAM = "stream.ptx";

    private final String resource;
    private final CUmodule module = new CUmodule();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private boolean loaded;

    /** Loads the PTX resource {@code resource} into the current context (the device's, made current by the caller). */
    PtxModule(String resource) {
        this.resource = resource;
        byte[] ptx = ptxBytes(resource);
        Cuda.check(JCudaDriver.cuModuleLoadData(module, java.util.Arrays.copyOf(ptx, ptx.length + 1)), "cuModuleLoadData(" + resource + ")");
        loaded = true;
    }

    static byte[] ptxBytes(String resource) {
        try (InputStream in = PtxModule.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the hybridta-cuda jar");
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Launches {@code kernel} with blocks of 32 threads (one warp per group of 32 series). Arguments: device pointers,
     * {@link Integer}, {@link Long} ({@code long long}), {@link Double}.
     */
    void launch(String kernel, int gridX, int gridY, CUstream stream, Object... args) {
        launch(kernel, gridX, gridY, 32, stream, args);
    }

    /** Launches {@code kernel} with blocks of {@code blockX} threads. */
    void launch(String kernel, int gridX, int gridY, int blockX, CUstream stream, Object... args) {
        NativePointerObject[] params = new NativePointerObject[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof NativePointerObject p) params[i] = Pointer.to(p);
            else if (a instanceof Integer v) params[i] = Pointer.to(new int[] {v});
            else if (a instanceof Long v) params[i] = Pointer.to(new long[] {v});
            else if (a instanceof Double v) params[i] = Pointer.to(new double[] {v});
            else throw new IllegalArgumentException("kernel argument " + i + " of " + kernel + ": " + a);
        }
        CUfunction f = functions.computeIfAbsent(kernel, n -> {
            CUfunction fn = new CUfunction();
            Cuda.check(JCudaDriver.cuModuleGetFunction(fn, module, n), "cuModuleGetFunction(" + n + ")");
            return fn;
        });
        Cuda.check(JCudaDriver.cuLaunchKernel(f, gridX, gridY, 1, blockX, 1, 1, 0, stream, Pointer.to(params), null),
                "cuLaunchKernel(" + kernel + ", grid " + gridX + "x" + gridY + ")");
    }

    /** Unloads the module (the device's context current). Safe twice. */
    @Override public void close() {
        if (!loaded) return;
        loaded = false;
        Cuda.check(JCudaDriver.cuModuleUnload(module), "cuModuleUnload(" + resource + ")");
    }
}
