package org.hybridta.cuda.driver;

import org.hybridta.cuda.CudaException;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/**
 * Owns every device buffer and pinned host buffer of one backend. Buffers are freed by their owner
 * through {@link #free}; {@link #close()} frees whatever is left and then fails loudly, naming each
 * buffer that was not given back (a leak in the backend). Closing twice is a no-op. Not thread-safe:
 * one backend uses it from one thread at a time, with its context current.
 */
public final class DeviceArena implements AutoCloseable {
    /** A block of device memory. */
    public static final class DeviceBuffer {
        public final CUdeviceptr ptr;
        public final long bytes;
        final String what;

        private DeviceBuffer(CUdeviceptr ptr, long bytes, String what) {
            this.ptr = ptr;
            this.bytes = bytes;
            this.what = what;
        }

        public CUdeviceptr at(long byteOffset) { return byteOffset == 0 ? ptr : ptr.withByteOffset(byteOffset); }
    }

    /** A block of page-locked host memory (the staging area of asynchronous copies). */
    public static final class HostBuffer {
        public final Pointer ptr;
        public final long bytes;
        final String what;

        private HostBuffer(Pointer ptr, long bytes, String what) {
            this.ptr = ptr;
            this.bytes = bytes;
            this.what = what;
        }

        public Pointer at(long byteOffset) { return byteOffset == 0 ? ptr : ptr.withByteOffset(byteOffset); }
    }

    private final Map<DeviceBuffer, Boolean> device = new IdentityHashMap<>();
    private final Map<HostBuffer, Boolean> host = new IdentityHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long deviceBytes, hostBytes;

    public DeviceBuffer allocDevice(long bytes, String what) {
        ensureOpen();
        CUdeviceptr p = new CUdeviceptr();
        Cuda.check(JCudaDriver.cuMemAlloc(p, Math.max(bytes, 1)), "cuMemAlloc(" + bytes + " bytes for " + what + ")");
        DeviceBuffer b = new DeviceBuffer(p, bytes, what);
        device.put(b, Boolean.TRUE);
        deviceBytes += bytes;
        return b;
    }

    public HostBuffer allocHost(long bytes, String what) {
        ensureOpen();
        Pointer p = new Pointer();
        Cuda.check(JCudaDriver.cuMemAllocHost(p, Math.max(bytes, 1)), "cuMemAllocHost(" + bytes + " bytes for " + what + ")");
        HostBuffer b = new HostBuffer(p, bytes, what);
        host.put(b, Boolean.TRUE);
        hostBytes += bytes;
        return b;
    }

    public void free(DeviceBuffer b) {
        if (b == null || device.remove(b) == null) return;
        deviceBytes -= b.bytes;
        Cuda.check(JCudaDriver.cuMemFree(b.ptr), "cuMemFree(" + b.what + ")");
    }

    public void free(HostBuffer b) {
        if (b == null || host.remove(b) == null) return;
        hostBytes -= b.bytes;
        Cuda.check(JCudaDriver.cuMemFreeHost(b.ptr), "cuMemFreeHost(" + b.what + ")");
    }

    public long deviceBytesInUse() { return deviceBytes; }

    public long hostBytesInUse() { return hostBytes; }

    public boolean isClosed() { return closed.get(); }

    private void ensureOpen() {
        if (closed.get()) throw new IllegalStateException("the CUDA backend is closed");
    }

    /**
     * Frees everything still held. Throws {@link IllegalStateException} naming the buffers that were still
     * allocated (they are freed all the same), or the first error of the driver while freeing.
     */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) return;
        List<String> leaked = new ArrayList<>();
        CudaException firstError = null;
        long leakedBytes = 0;
        for (DeviceBuffer b : device.keySet()) {
            leaked.add(b.what + " (" + b.bytes + " bytes on the device)");
            leakedBytes += b.bytes;
            CudaException e = Cuda.checkLater(JCudaDriver.cuMemFree(b.ptr), "cuMemFree(" + b.what + ")");
            if (firstError == null) firstError = e;
        }
        for (HostBuffer b : host.keySet()) {
            leaked.add(b.what + " (" + b.bytes + " bytes pinned on the host)");
            leakedBytes += b.bytes;
            CudaException e = Cuda.checkLater(JCudaDriver.cuMemFreeHost(b.ptr), "cuMemFreeHost(" + b.what + ")");
            if (firstError == null) firstError = e;
        }
        device.clear();
        host.clear();
        deviceBytes = hostBytes = 0;
        if (!leaked.isEmpty()) {
            throw new IllegalStateException("CUDA memory leaked: " + leakedBytes + " bytes in " + leaked.size()
                    + " buffers were not freed by their owner (now freed): " + String.join(", ", leaked));
        }
        if (firstError != null) throw firstError;
    }
}
