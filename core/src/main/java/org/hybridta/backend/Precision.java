package org.hybridta.backend;

/** Floating-point precision of a backend's arithmetic. Inputs and outputs are {@code double} either way. */
public enum Precision {
    /** IEEE double: results equal the CPU backend within 1e-12 relative. The default. */
    DOUBLE,
    /** IEEE single on the device, for GPU speed; results within about 1e-5 relative. The CPU backend always computes in double. */
    FLOAT
}
