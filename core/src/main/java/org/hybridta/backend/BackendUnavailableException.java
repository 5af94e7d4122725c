package org.hybridta.backend;

/** A named backend is unknown or cannot run here; the message says why and how to fix it. */
public final class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message) {
        super(message);
    }
}
