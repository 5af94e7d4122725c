package org.hybridta.parallel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Leases devices to threads of this process. Waiters queue in arrival order and only the head of the
 * queue may take a free device, so the lease is fair: nobody is overtaken.
 */
final class LocalDeviceLeaser implements DeviceLeaser {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final boolean[] busy;

    LocalDeviceLeaser(int deviceCount) {
        if (deviceCount < 1) throw new IllegalArgumentException("deviceCount must be >= 1, was " + deviceCount);
        this.busy = new boolean[deviceCount];
    }

    @Override public int deviceCount() { return busy.length; }

    @Override public DeviceLease acquire(Duration timeout) throws LeaseTimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object me = new Object();
        lock.lock();
        try {
            queue.addLast(me);
            try {
                while (true) {
                    if (queue.peekFirst() == me) {
                        for (int d = 0; d < busy.length; d++) {
                            if (!busy[d]) {
                                busy[d] = true;
                                return new Lease(d);
                            }
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new LeaseTimeoutException("no device of " + busy.length + " became free within " + timeout);
                    }
                    changed.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LeaseTimeoutException("interrupted while waiting for a device");
            } finally {
                queue.remove(me);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void release(int device) {
        lock.lock();
        try {
            busy[device] = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private final class Lease implements DeviceLease {
        private final int device;
        private boolean closed;

        Lease(int device) { this.device = device; }

        @Override public int device() { return device; }

        @Override public synchronized void close() {
            if (closed) return;
            closed = true;
            release(device);
        }
    }
}
