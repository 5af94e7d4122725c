package org.hybridta.cuda;

/**
 * Compares the CUDA backend's output with the CPU backend's (which follows TA-Lib operation by operation), per series.
 *
 * <p>Tolerance: at every bar, {@code |actual - expected| <= rel * |expected| + scaleRel * scale}, where
 * {@code scale} is the largest {@code |expected|} of that output over the series (its magnitude). For
 * double, {@code rel = 1e-12} and {@code scaleRel = 1e-15}: the kernels repeat TA-Lib's operations in
 * the same order without fused multiply-adds, so results agree to the last bits. For float outputs,
 * {@code rel = 2^-24}: the kernels compute in double from double inputs and round each result to
 * single precision once, so a float output is within half a unit in the last place of the double one.
 * NaN must meet NaN.
 */
final class Compare {
    private Compare() {}

    /** Null when equal within tolerance, else a description of the first difference. */
    static String check(String column, double[] actual, double[] expected, int series, int bars, double rel, double scaleRel) {
        for (int s = 0; s < series; s++) {
            double scale = 0;
            for (int t = 0; t < bars; t++) {
                double e = expected[s * bars + t];
                if (!Double.isNaN(e)) scale = Math.max(scale, Math.abs(e));
            }
            for (int t = 0; t < bars; t++) {
                int i = s * bars + t;
                double a = actual[i], e = expected[i];
                if (Double.isNaN(e) || Double.isNaN(a)) {
                    if (Double.isNaN(e) != Double.isNaN(a)) {
                        return column + ": series " + s + " bar " + t + ": got " + a + ", expected " + e;
                    }
                    continue;
                }
                double tol = rel * Math.abs(e) + scaleRel * scale;
                if (!(Math.abs(a - e) <= tol)) {
                    return column + ": series " + s + " bar " + t + ": got " + a + ", expected " + e + " (difference "
                            + Math.abs(a - e) + " > tolerance " + tol + ", series scale " + scale + ")";
                }
            }
        }
        return null;
    }
}
