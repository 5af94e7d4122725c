package org.hybridta.cuda;

/** A cuBLAS call failed; the message names the call and the {@code cublasStatus_t}. */
public final class CublasException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    CublasException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The {@code cublasStatus_t} code. */
    public int status() { return status; }
}
