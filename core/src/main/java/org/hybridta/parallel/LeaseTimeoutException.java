package org.hybridta.parallel;

/** No device became free within the requested time. */
public final class LeaseTimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    public LeaseTimeoutException(String message) {
        super(message);
    }
}
