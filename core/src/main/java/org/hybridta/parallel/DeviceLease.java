package org.hybridta.parallel;

/**
 * Exclusive use of one accelerator by one worker until {@link #close()}. While a lease is open no other
 * worker — thread or process — holds a lease on the same device. Closing twice is safe.
 */
public interface DeviceLease extends AutoCloseable {

    /** The device ordinal this lease grants, in {@code [0, deviceCount)}. */
    int device();

    /** Gives the device back. Safe to call twice. */
    @Override void close();
}
