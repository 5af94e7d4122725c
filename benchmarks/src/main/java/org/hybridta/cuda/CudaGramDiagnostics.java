package org.hybridta.cuda;

import org.hybridta.xsection.GramEngine;

/**
 * Internal entry point for the benchmarks (not part of HybridTA's API; in the benchmarks module, in this package for its
 * package-private internals): the cross-sectional products on the GPU with
 * the operands already on the device and nothing downloaded, so that the time of cuBLAS alone can be measured.
 */
public final class CudaGramDiagnostics implements AutoCloseable {
    private final CudaGramEngine engine;

    private CudaGramDiagnostics(CudaGramEngine engine) {
        this.engine = engine;
    }

    /** Opens the GPU engine on device {@code ordinal} ({@code -1}: the first usable one). */
    public static CudaGramDiagnostics open(int ordinal) {
        return new CudaGramDiagnostics(CudaGramEngine.open(ordinal));
    }

    /** The engine itself, e.g. to load operands or to compute with downloads. */
    public GramEngine engine() { return engine; }

    /** One product into the device's result buffer, waited for (DSYRK when {@code a == b}, else DGEMM); nothing downloaded. */
    public void productOnDevice(GramEngine.Operands operands, int a, int b, int from, int to) {
        engine.productOnDevice(operands, a, b, from, to);
    }

    @Override public void close() { engine.close(); }

    /** Prints whether the GPU engine can run here and through which cuBLAS binding (what {@code hybridta --version} says). */
    public static void main(String[] args) {
        var a = new CudaGramEngineProvider().availability();
        System.out.println("xsection cuda: " + (a.available() ? "available (" : "not available (") + a.reason() + ")");
    }
}
