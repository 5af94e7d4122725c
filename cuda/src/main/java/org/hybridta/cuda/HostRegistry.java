package org.hybridta.cuda;

import org.hybridta.cuda.driver.Cuda;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The host buffers one backend has page-locked ({@code cuMemHostRegister}) for
 * {@link CudaBackend#computeInto computeInto}'s direct transfers. Each entry keeps its buffer strongly
 * reachable, so that the garbage collector cannot free memory that is still registered; {@link #unregisterAll}
 * (on close) makes every range pageable again and lets go of the buffers, whose memory stays valid for their
 * owners.
 *
 * <p>Ranges are keyed by their address as the driver maps them ({@code cuMemHostGetDevicePointer}: with
 * unified addressing, the host address itself). Java offers no address of a direct buffer, but the driver knows
 * the address of any registered one, so a buffer that the driver does not find is not registered and goes
 * through the backend's pinned staging. Lookups and bookkeeping need no GPU ({@link #add}, {@link #find});
 * {@link #register}, {@link #mappedAddress} and {@link #unregisterAll} call the driver, with the backend's
 * context current.
 */
final class HostRegistry {
    /** Flags of every registration: usable from any context (another backend on the device), mapped. */
    static final int FLAGS = JCudaDriver.CU_MEMHOSTREGISTER_PORTABLE | JCudaDriver.CU_MEMHOSTREGISTER_DEVICEMAP;

    /**
     * One page-locked range.
     *
     * @param address its first byte as the driver maps it
     * @param bytes   its length
     * @param buffer  the buffer whose memory it is (kept reachable while registered)
     */
    record Range(long address, long bytes, ByteBuffer buffer) {
        /** Whether {@code [from, from + length)} lies inside this range. */
        boolean contains(long from, long length) {
            return length >= 0 && from >= address && from - address <= bytes - length;
        }
    }

    private final TreeMap<Long, Range> ranges = new TreeMap<>();

    /**
     * Records a range.
     *
     * @throws IllegalArgumentException if it overlaps one already recorded (the driver refuses to register a page twice)
     */
    synchronized void add(Range r) {
        Map.Entry<Long, Range> below = ranges.floorEntry(r.address() + Math.max(r.bytes(), 1) - 1);
        if (below != null && below.getValue().address() + below.getValue().bytes() > r.address()) {
            throw new IllegalArgumentException("host range of " + r.bytes() + " bytes at 0x" + Long.toHexString(r.address())
                    + " overlaps one registered before (" + below.getValue().bytes() + " bytes at 0x" + Long.toHexString(below.getKey()) + ")");
        }
        ranges.put(r.address(), r);
    }

    /** The recorded range holding all of {@code [address, address + bytes)}, or null (also for a negative address: not registered). */
    synchronized Range find(long address, long bytes) {
        if (address < 0) return null;
        Map.Entry<Long, Range> e = ranges.floorEntry(address);
        return e != null && e.getValue().contains(address, bytes) ? e.getValue() : null;
    }

    synchronized int size() { return ranges.size(); }

    /** Takes every range out of the registry. */
    synchronized List<Range> removeAll() {
        List<Range> all = new ArrayList<>(ranges.values());
        ranges.clear();
        return all;
    }

    /**
     * Page-locks all of {@code buffer}'s bytes and records them.
     *
     * @throws CudaException if the driver refuses (the message says what to do)
     */
    void register(ByteBuffer buffer) {
        long bytes = buffer.capacity();
        Pointer p = Pointer.to(buffer);
        int rc = JCudaDriver.cuMemHostRegister(p, bytes, FLAGS);
        if (rc != CUresult.CUDA_SUCCESS) {
            throw new CudaException("cuMemHostRegister(" + bytes + " bytes of a host buffer; page-locked memory may be limited by"
                    + " 'ulimit -l' or the machine's memory: a plain direct buffer works too, through staging, more slowly)", rc);
        }
        long address = mappedAddress(buffer);
        if (address < 0) {
            JCudaDriver.cuMemHostUnregister(p);
            throw new IllegalStateException("a host buffer of " + bytes + " bytes was page-locked but the driver gives no mapped address for it");
        }
        add(new Range(address, bytes, buffer));
    }

    /** Makes every recorded range pageable again and forgets it; returns the first error of the driver, or null. */
    CudaException unregisterAll() {
        CudaException first = null;
        for (Range r : removeAll()) {
            CudaException e = Cuda.checkLater(JCudaDriver.cuMemHostUnregister(Pointer.to(r.buffer())),
                    "cuMemHostUnregister(" + r.bytes() + " bytes of a host buffer)");
            if (first == null) first = e;
        }
        return first;
    }

    /**
     * The address the driver maps the start of a direct buffer to, or -1 if it lies in no registered range (of any
     * backend: {@link #find} tells whether it is one of ours).
     */
    static long mappedAddress(Buffer buffer) {
        Mapped m = new Mapped();
        int rc = JCudaDriver.cuMemHostGetDevicePointer(m, Pointer.to(buffer), 0);
        return rc == CUresult.CUDA_SUCCESS ? m.value() : -1;
    }

    /** A device pointer whose value can be read (JCuda keeps it protected). */
    private static final class Mapped extends CUdeviceptr {
        long value() { return getNativePointer(); }
    }
}
