package org.hybridta.cuda;

import org.hybridta.backend.Availability;

/** Whether this machine can run the GPU tests, and why not (for the skip message). */
final class Gpu {
    private Gpu() {}

    static boolean available() { return availability().available(); }

    static String whyNot() { return availability().reason(); }

    private static Availability availability() { return new CudaBackendProvider().availability(); }
}
