package org.hybridta;

/**
 * A run that failed as a whole (an unwritable output, no usable backend, a failed worker). Failures of
 * single symbols are not exceptions: they are listed in the {@link PipelineResult}.
 */
public final class PipelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineException(String message) {
        super(message);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
