package org.hybridta.cuda;

import jcuda.driver.CUdeviceptr;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Run by {@link CublasFakeLibrariesTest} in a JVM of its own (the dynamic linker reads LD_LIBRARY_PATH once, at
 * start): one cuBLAS binding against the stand-in libcublas.so.13, with host memory for "device" memory. Prints
 * {@code OK <version>} or the first mismatch, and exits 0 or 1.
 */
final class FakeCublasMain {
    private FakeCublasMain() {}

    public static void main(String[] args) {
        CublasBindings.Choice choice = CublasBindings.choice();   // chosen by HYBRIDTA_CUBLAS, as in production
        if (choice.binding() == null || !choice.binding().name().equals(args[0])) {
            System.out.println("FAIL chose " + choice.describe());
            System.exit(1);
        }
        int n = 5, k = 7;
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double[] a = new double[n * k], b = new double[n * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
            b[i] = r.nextGaussian();
        }
        try (DoublePointer pa = new DoublePointer(a); DoublePointer pb = new DoublePointer(b); DoublePointer pc = new DoublePointer((long) n * n);
             Cublas blas = choice.binding().open()) {
            blas.syrkLower(n, k, device(pa), device(pc));
            double[] c = new double[n * n];
            pc.get(c);
            for (int col = 0; col < n; col++) {
                for (int row = col; row < n; row++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += a[p * n + row] * a[p * n + col];
                    check(c[col * n + row], s, "syrk " + row + "," + col);
                }
            }
            blas.gemmNT(n, k, device(pa), device(pb), device(pc));
            pc.get(c);
            for (int col = 0; col < n; col++) {
                for (int row = 0; row < n; row++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += a[p * n + row] * b[p * n + col];
                    check(c[col * n + row], s, "gemm " + row + "," + col);
                }
            }
        }
        System.out.println("OK " + choice.describe());
    }

    /** A JCuda device pointer at a host address (a null pointer offset by the address). */
    private static CUdeviceptr device(DoublePointer p) {
        return new CUdeviceptr().withByteOffset(p.address());
    }

    private static void check(double actual, double expected, String what) {
        if (Math.abs(actual - expected) > 1e-12 * (1 + Math.abs(expected))) {
            System.out.println("FAIL " + what + ": " + actual + " instead of " + expected);
            System.exit(1);
        }
    }
}
