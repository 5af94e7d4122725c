package org.hybridta.xsection;

/**
 * The textbook definitions, pair by pair, for the tests: over the days on which both series have a value, the means,
 * then the sums of products of deviations (two passes, no matrices).
 */
final class PearsonReference {
    private PearsonReference() {}

    /** {covariance, correlation, common days} of rows {@code a} and {@code b} over {@code [from, to)}. */
    static double[] pair(double[] a, double[] b, int from, int to) {
        int n = 0;
        double sa = 0, sb = 0;
        for (int t = from; t < to; t++) {
            if (!Double.isNaN(a[t]) && !Double.isNaN(b[t])) {
                n++;
                sa += a[t];
                sb += b[t];
            }
        }
        if (n < 2) return new double[] {Double.NaN, Double.NaN, n};
        double ma = sa / n, mb = sb / n, aa = 0, bb = 0, ab = 0;
        for (int t = from; t < to; t++) {
            if (!Double.isNaN(a[t]) && !Double.isNaN(b[t])) {
                aa += (a[t] - ma) * (a[t] - ma);
                bb += (b[t] - mb) * (b[t] - mb);
                ab += (a[t] - ma) * (b[t] - mb);
            }
        }
        return new double[] {ab / (n - 1), ab / Math.sqrt(aa * bb), n};
    }

    /** Random returns (about 2% a day, correlated through a common factor), with {@code missingShare} of them NaN and a late listing. */
    static double[][] returns(long seed, int symbols, int days, double missingShare) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] market = new double[days];
        for (int t = 0; t < days; t++) market[t] = 0.01 * r.nextGaussian();
        double[][] rows = new double[symbols][days];
        for (int s = 0; s < symbols; s++) {
            double beta = 0.5 + r.nextDouble(), vol = 0.005 + 0.02 * r.nextDouble();
            int listed = missingShare > 0 && s % 7 == 3 ? r.nextInt(days / 2) : 0;
            for (int t = 0; t < days; t++) {
                rows[s][t] = t < listed || r.nextDouble() < missingShare ? Double.NaN : 0.0003 + beta * market[t] + vol * r.nextGaussian();
            }
        }
        return rows;
    }
}
