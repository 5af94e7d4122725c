package org.hybridta.parallel;

import java.time.Duration;

/**
 * Hands out {@link DeviceLease}s over a fixed number of devices: fairly (waiters are served in arrival
 * order, as far as the implementation can tell), and with a timeout.
 */
public interface DeviceLeaser extends AutoCloseable {

    /** Number of devices leased out. */
    int deviceCount();

    /**
     * Waits for a free device and leases it.
     *
     * @throws LeaseTimeoutException if none became free within {@code timeout}
     */
    DeviceLease acquire(Duration timeout) throws LeaseTimeoutException;

    /** Releases what the leaser holds (e.g. an MPI window). Safe to call twice. */
    @Override default void close() {}
}
