package org.hybridta.mpi;

/**
 * An MPI operation failed, or MPI could not be started. The message names the rank and the operation (or what
 * is missing and how to fix it); the cause, where there is one, is Open MPI's checked {@code mpi.MPIException}.
 */
public final class MpiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MpiException(String message) {
        super(message);
    }

    public MpiException(String message, Throwable cause) {
        super(message, cause);
    }
}
