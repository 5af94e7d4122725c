package org.hybridta.xsection;

/** A cross-sectional analysis cannot be done with this data: the message names the problem and the fix, in one line. */
public final class CrossSectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CrossSectionException(String message) { super(message); }

    public CrossSectionException(String message, Throwable cause) { super(message, cause); }
}
