package org.hybridta.mpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.hybridta.mpi.internal.SharedLongs;
import org.hybridta.mpi.internal.Transport.Reduction;
import org.hybridta.mpi.internal.Transport.Scope;
import org.hybridta.parallel.DeviceLease;
import org.hybridta.parallel.DeviceLeaser;
import org.hybridta.parallel.LeaseTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases the devices (GPUs) of each host to the MPI ranks on that host.
 *
 * <p>With no more ranks on a host than devices, each rank has a device of its own: local rank {@code i} gets
 * device {@code i}, and a lease only keeps the threads of that rank from using it at the same time.
 *
 * <p>With more ranks than devices, the host's ranks share an MPI window (shared memory, hosted by local rank 0)
 * with one owner slot per device and one request flag per rank, changed only by {@code MPI_Compare_and_swap}
 * and {@code MPI_Fetch_and_op}. A rank that wants a device raises its flag and takes a free slot if there is
 * one. A rank that gives a device back hands it straight to the next rank with a raised flag, looking at the
 * ranks after itself in circular order, and frees the slot only when nobody waits. So while ranks wait no device
 * is ever free, and a waiting rank is served before any rank is served twice by the same device: every rank gets
 * its turn, whatever the timing (random back-off alone would only make starvation unlikely). The hand-over and
 * a waiter's timeout race through one compare-and-swap on the waiter's flag, so a device is never both handed
 * over and abandoned. Waiters poll their flag with exponential back-off and jitter (20 µs to 1 ms).
 *
 * <p>Creating and closing a leaser are collective over the ranks of a host (the window is allocated and freed
 * by all of them); every rank must create and close its leasers in the same order. Grants and releases are
 * logged at INFO (shared devices) or DEBUG (own devices) with rank, device, time and wait.
 */
public final class MpiDeviceLeaser implements DeviceLeaser {
    private static final Logger LOG = LoggerFactory.getLogger(MpiDeviceLeaser.class);
    private static final long FREE = 0;
    private static final long IDLE = 0;
    private static final long WAITING = 1;
    private static final long MIN_BACKOFF_NANOS = 20_000;
    private static final long MAX_BACKOFF_NANOS = 1_000_000;

    private final MpiRuntime runtime;
    private final int devices;
    private final int localRank;
    private final int localSize;
    private final SharedLongs window;          // null when every rank has its own device
    private final Semaphore ownDevice;          // in that case: one holder at a time among this rank's threads
    private final ReentrantLock requesting = new ReentrantLock(true);  // one request flag per rank: one request at a time
    private final Set<Lease> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private MpiDeviceLeaser(MpiRuntime runtime, int devices, SharedLongs window) {
        this.runtime = runtime;
        this.devices = devices;
        this.localRank = runtime.localRank();
        this.localSize = runtime.localSize();
        this.window = window;
        this.ownDevice = window == null ? new Semaphore(1, true) : null;
    }

    /**
     * A leaser over {@code deviceCount} devices per host. Collective over the ranks of each host, which must all
     * pass the same count.
     *
     * @throws IllegalArgumentException on every rank of a host alike, when its ranks disagree on the count
     */
    public static MpiDeviceLeaser create(MpiRuntime runtime, int deviceCount) {
        runtime.requireOpen();
        if (deviceCount < 1) throw new IllegalArgumentException("deviceCount must be ≥ 1, was " + deviceCount);
        var mpi = runtime.transport();
        long[] range = mpi.allReduce(Scope.NODE, new long[] {deviceCount, -deviceCount}, Reduction.MAX);
        if (range[0] != -range[1]) {
            throw new IllegalArgumentException("the ranks on " + runtime.host() + " asked for different device counts ("
                    + -range[1] + " to " + range[0] + "); every rank of a host must pass the same count");
        }
        int localSize = runtime.localSize();
        if (localSize <= deviceCount) {
            if (runtime.localRank() == 0) {
                LOG.debug("device leases on {}: {} ranks, {} devices: each rank has its own device", runtime.host(), localSize, deviceCount);
            }
            return new MpiDeviceLeaser(runtime, deviceCount, null);
        }
        SharedLongs window = mpi.sharedLongs(deviceCount + localSize);
        if (runtime.localRank() == 0) {
            LOG.info("device leases on {}: {} ranks share {} device{} through an MPI window", runtime.host(), localSize,
                    deviceCount, deviceCount == 1 ? "" : "s");
        }
        return new MpiDeviceLeaser(runtime, deviceCount, window);
    }

    @Override public int deviceCount() {
        return devices;
    }

    /** Whether this host's ranks share devices through an MPI window (more ranks than devices). */
    public boolean shared() {
        return window != null;
    }

    @Override public DeviceLease acquire(Duration timeout) throws LeaseTimeoutException {
        if (closed.get()) throw new IllegalStateException(runtime.describe() + ": device leaser already closed");
        long start = System.nanoTime();
        long deadline = start + Math.max(0, timeout.toNanos());
        if (window == null) return acquireOwn(timeout, start, deadline);
        try {
            if (!requesting.tryLock(remaining(deadline), TimeUnit.NANOSECONDS)) throw timedOut(timeout, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut(timeout, start);
        }
        try {
            long grant = claim(deadline);
            if (grant < 0) throw timedOut(timeout, start);
            int device = (int) (grant % devices);
            int from = (int) (grant / devices) - 1;   // -1: a free device
            Lease lease = new Lease(device);
            LOG.info("lease: {} (local rank {}) got device {} at {} after {} ms ({})", runtime.describe(), localRank, device,
                    Instant.now(), millis(System.nanoTime() - start), from < 0 ? "free" : "handed over by local rank " + from);
            return lease;
        } finally {
            requesting.unlock();
        }
    }

    private DeviceLease acquireOwn(Duration timeout, long start, long deadline) throws LeaseTimeoutException {
        try {
            if (!ownDevice.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) throw timedOut(timeout, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut(timeout, start);
        }
        Lease lease = new Lease(localRank);
        LOG.debug("lease: {} got its own device {} at {} after {} ms", runtime.describe(), localRank, Instant.now(),
                millis(System.nanoTime() - start));
        return lease;
    }

    /**
     * Raises this rank's flag, then waits for a free device or a hand-over. Returns {@code device + devices * (from + 1)}
     * ({@code from}: the local rank that handed it over, or -1 for a free device), or -1 after the deadline.
     */
    private long claim(long deadline) {
        int flag = devices + localRank;
        long me = localRank + 1;
        window.getAndSet(flag, WAITING);
        long backoff = MIN_BACKOFF_NANOS;
        while (true) {
            long state = window.get(flag);
            if (state > WAITING) return takeHandOver(flag, state);
            for (int k = 0; k < devices; k++) {
                int d = (localRank + k) % devices;   // start at "our" device: no crowding on device 0
                if (window.compareAndSwap(d, FREE, me) == FREE) {
                    long before = window.compareAndSwap(flag, WAITING, IDLE);
                    if (before == WAITING) return d;
                    // handed a device while taking this one: keep the hand-over, give this one back
                    release(d);
                    return takeHandOver(flag, before);
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                long before = window.compareAndSwap(flag, WAITING, IDLE);
                return before == WAITING ? -1 : takeHandOver(flag, before);   // handed over at the last moment
            }
            long pause = ThreadLocalRandom.current().nextLong(backoff / 2, backoff + backoff / 2 + 1);
            LockSupport.parkNanos(Math.min(pause, Math.max(0, deadline - System.nanoTime())));
            backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
        }
    }

    /** A hand-over found in our flag ({@code 2 + device + devices * from}): clear the flag, own the device. */
    private long takeHandOver(int flag, long state) {
        window.getAndSet(flag, IDLE);
        long code = state - 2;
        int device = (int) (code % devices);
        int from = (int) (code / devices);
        return device + (long) devices * (from + 1);
    }

    /** Hands {@code device} to the next waiting rank after this one (circularly), else frees it. */
    private int release(int device) {
        long me = localRank + 1;
        for (int k = 1; k <= localSize; k++) {
            int w = (localRank + k) % localSize;   // ends with this rank: another of its threads may wait
            int flag = devices + w;
            if (window.get(flag) != WAITING) continue;
            // Owner first, then the flag: the waiter learns of the device only once the slot already names it.
            window.getAndSet(device, w + 1);
            if (window.compareAndSwap(flag, WAITING, 2 + device + (long) devices * localRank) == WAITING) return w;
            window.getAndSet(device, me);   // it withdrew or was served meanwhile: take the slot back, look further
        }
        long before = window.compareAndSwap(device, me, FREE);
        if (before != me) {
            throw new IllegalStateException(runtime.describe() + ": device " + device + " was held by local rank "
                    + (before - 1) + " when local rank " + localRank + " gave it back");
        }
        return -1;
    }

    private LeaseTimeoutException timedOut(Duration timeout, long start) {
        return new LeaseTimeoutException(runtime.describe() + " (local rank " + localRank + " of " + localSize
                + "): no device free within " + timeout.toMillis() + " ms (" + devices + " device" + (devices == 1 ? "" : "s")
                + (window == null ? ", this rank's own" : " shared by " + localSize + " ranks") + "); waited "
                + millis(System.nanoTime() - start) + " ms");
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static String millis(long nanos) {
        return String.format("%.3f", nanos / 1e6);
    }

    /**
     * Frees the window, collectively over the host's ranks. A lease still open is given back first and reported
     * by an {@link IllegalStateException} once the window is freed. Safe to call twice.
     */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) return;
        int leaked = 0;
        for (Lease l : open) {
            leaked++;
            LOG.error("lease: {} still held device {} when its leaser closed", runtime.describe(), l.device);
            l.close();
        }
        if (window != null && runtime.isOpen()) window.free();
        if (leaked > 0) throw new IllegalStateException(runtime.describe() + ": " + leaked + " device lease(s) still open when the leaser closed");
    }

    private final class Lease implements DeviceLease {
        private final int device;
        private final long granted = System.nanoTime();
        private final AtomicBoolean released = new AtomicBoolean();

        Lease(int device) {
            this.device = device;
            open.add(this);
        }

        @Override public int device() {
            return device;
        }

        @Override public void close() {
            if (!released.compareAndSet(false, true)) return;
            open.remove(this);
            Instant at = Instant.now();   // before the hand-over: the log never shows two holders at once
            String held = millis(System.nanoTime() - granted);
            if (window == null) {
                ownDevice.release();
                LOG.debug("lease: {} released its own device {} at {} after {} ms", runtime.describe(), device, at, held);
                return;
            }
            int to = release(device);
            LOG.info("lease: {} (local rank {}) released device {} at {} after {} ms ({})", runtime.describe(), localRank, device,
                    at, held, to < 0 ? "now free" : "handed to local rank " + to);
        }

        @Override public String toString() {
            return "device " + device + " leased by " + runtime.describe();
        }
    }
}
