package org.hybridta.cuda;

import org.hybridta.cuda.driver.Cuda;
import org.hybridta.cuda.driver.DeviceArena;
import org.hybridta.cuda.driver.CudaDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;
import org.hybridta.xsection.CrossSectionException;
import org.hybridta.xsection.GramEngine;

/**
 * Cross-sectional products on an NVIDIA GPU with cuBLAS, on the device's primary context and in its
 * {@link DeviceArena} (the CUDA backend's memory model): operands are uploaded once; a symmetric product is one DSYRK
 * (its lower triangle, column-major, is the upper one of the row-major result), any other one DGEMM; the result is
 * downloaded into the caller's array. A window {@code [from, to)} of days is a pointer offset into the uploaded
 * operand, so rolling windows upload nothing more. A day-major operand ({@code m[t * n + i]}) is, for cuBLAS, the
 * column-major {@code n × days} matrix {@code A} whose column {@code t} is day {@code t}: the product is
 * {@code A · Aᵀ}.
 */
final class CudaGramEngine implements GramEngine {
    private final CudaDevice device;
    private final Cublas blas;
    private final String description;
    private final List<DeviceOperands> open = new ArrayList<>();
    private DeviceArena.DeviceBuffer result;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CudaGramEngine(CudaDevice device, Cublas blas, String description) {
        this.device = device;
        this.blas = blas;
        this.description = description;
    }

    /** Opens device {@code ordinal} ({@code -1}: the first usable one) with the chosen cuBLAS binding. */
    static CudaGramEngine open(int ordinal) {
        CublasBindings.Choice c = CublasBindings.choice();
        if (c.binding() == null) throw new org.hybridta.backend.BackendUnavailableException("cross-section engine cuda cannot run here: " + c.describe());
        CudaDevice device = CudaDevice.openForLibraries(ordinal);
        try {
            device.makeCurrent();
            return new CudaGramEngine(device, c.binding().open(), "cuda: " + device.info.describe() + ", " + c.describe());
        } catch (RuntimeException | Error e) {
            device.close();
            throw e;
        }
    }

    @Override public String description() { return description; }

    private final class DeviceOperands implements Operands {
        final int days, columns;
        final List<DeviceArena.DeviceBuffer> buffers = new ArrayList<>();
        boolean closedOps;

        DeviceOperands(int days, int columns) {
            this.days = days;
            this.columns = columns;
        }

        @Override public int days() { return days; }

        @Override public int columns() { return columns; }

        @Override public void close() {
            if (closedOps || closed.get()) return;
            closedOps = true;
            device.makeCurrent();
            for (DeviceArena.DeviceBuffer b : buffers) device.arena.free(b);
            open.remove(this);
        }
    }

    @Override public Operands load(int days, int columns, double[]... matrices) {
        ensureOpen();
        device.makeCurrent();
        long each = 8L * days * columns, needed = each * matrices.length + 8L * columns * columns;
        long free = device.memInfo()[0];
        if (needed > free - (256L << 20)) {
            throw new CrossSectionException(String.format(java.util.Locale.ROOT, "cuda: %,d symbols x %,d days need %.1f GB of GPU memory, "
                    + "%.1f GB are free: use --backend cpu, fewer symbols or a shorter range", columns, days, needed / 1e9, free / 1e9));
        }
        DeviceOperands ops = new DeviceOperands(days, columns);
        try {
            for (int i = 0; i < matrices.length; i++) {
                double[] m = matrices[i];
                if (m.length != (long) days * columns) throw new IllegalArgumentException("operand " + i + " has " + m.length + " values, not " + days + " x " + columns);
                DeviceArena.DeviceBuffer b = device.arena.allocDevice(each, "xsection operand " + i);
                ops.buffers.add(b);
                Cuda.check(JCudaDriver.cuMemcpyHtoD(b.ptr, Pointer.to(m), each), "cuMemcpyHtoD(xsection operand " + i + ", " + each + " bytes)");
            }
        } catch (RuntimeException e) {
            ops.close();
            throw e;
        }
        open.add(ops);
        return ops;
    }

    @Override public void product(Operands operands, int a, int b, int from, int to, double[] out) {
        productOnDevice(operands, a, b, from, to);
        int n = operands.columns();
        long bytes = 8L * n * n;
        Cuda.check(JCudaDriver.cuMemcpyDtoH(Pointer.to(out), result.ptr, bytes), "cuMemcpyDtoH(xsection product, " + bytes + " bytes)");
    }

    /** The product into the device's result buffer, waited for; nothing downloaded (for the benchmarks, through their {@code CudaGramDiagnostics}). */
    void productOnDevice(Operands operands, int a, int b, int from, int to) {
        ensureOpen();
        DeviceOperands ops = (DeviceOperands) Objects.requireNonNull(operands, "operands");
        if (ops.closedOps) throw new IllegalStateException("the operands are closed");
        Objects.checkFromToIndex(from, to, ops.days);
        int n = ops.columns;
        device.makeCurrent();
        long bytes = 8L * n * n;
        if (result == null || result.bytes < bytes) {
            device.arena.free(result);
            result = null;
            result = device.arena.allocDevice(bytes, "xsection product");
        }
        CUdeviceptr pa = ops.buffers.get(a).at(8L * from * n), pb = ops.buffers.get(b).at(8L * from * n);
        int k = to - from;
        if (k == 0) {
            Cuda.check(JCudaDriver.cuMemsetD8(result.ptr, (byte) 0, bytes), "cuMemsetD8(xsection product)");
        } else if (a == b) {
            blas.syrkLower(n, k, pa, result.ptr);
        } else {
            blas.gemmNT(n, k, pb, pa, result.ptr);   // column-major C = B·Aᵀ is row-major out = AᵀB
        }
        Cuda.check(JCudaDriver.cuCtxSynchronize(), "cuCtxSynchronize(after cuBLAS)");
    }

    private void ensureOpen() {
        if (closed.get()) throw new IllegalStateException("the cuda cross-section engine is closed");
    }

    /** Frees the operands and the result buffer, destroys the cuBLAS handle and releases the context. Safe twice. */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) return;
        RuntimeException failure = null;
        try {
            device.makeCurrent();
            for (DeviceOperands o : List.copyOf(open)) for (DeviceArena.DeviceBuffer b : o.buffers) device.arena.free(b);
            open.clear();
            device.arena.free(result);
            blas.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            device.close();
        } catch (RuntimeException e) {
            if (failure == null) failure = e;
        }
        if (failure != null) throw failure;
    }
}
