package org.hybridta.xsection;

import java.util.stream.IntStream;

/**
 * Correlation and covariance matrices of many series from Gram products, computed by a {@link GramEngine}; the
 * method, in one place for every engine.
 *
 * <p><b>Operands.</b> Each series is first shifted by its mean over all its days: {@code x = r - mean(r)}. A shift
 * changes no covariance or correlation, and with it the sums below hold small numbers, so their differences
 * cancel little (the textbook {@code Σxy - ΣxΣy/n} on raw data loses digits to the mean). Then:
 * <ul>
 * <li>Complete data (no missing day in the sample, or {@link MissingDays#DROP}): one symmetric product
 * {@code P = XᵀX} (a DSYRK), and per series its sum {@code s_i} over the window:
 * {@code cov_ij = (P_ij - s_i s_j / w) / (w - 1)}, {@code corr_ij = cov_ij / sqrt(cov_ii cov_jj)}.</li>
 * <li>Pairwise-complete: with {@code X} zero where a return is missing, {@code M} its mask (1 where present) and
 * {@code X2} the squares of {@code X}, four products: {@code N = MᵀM} (common days of each pair, a DSYRK),
 * {@code P = XᵀX} (a DSYRK), {@code S = XᵀM} ({@code S_ij}: the sum of series i over the days j has too, a DGEMM)
 * and {@code Q = X2ᵀM} (its sum of squares over those days, a DGEMM). Over the common days of i and j:
 * {@code cov_ij = (P_ij - S_ij S_ji / N_ij) / (N_ij - 1)}, {@code var_i = (Q_ij - S_ij² / N_ij) / (N_ij - 1)},
 * {@code var_j = (Q_ji - S_ji² / N_ij) / (N_ij - 1)} and {@code corr_ij = cov_ij / sqrt(var_i var_j)}: exactly the
 * pairwise means, variances and covariance (pandas' {@code DataFrame.corr()}), with six times the arithmetic of one
 * DSYRK.</li>
 * </ul>
 * A pair with fewer than {@link CrossSection#MIN_DAYS} common days, or a series flat over them (a variance not above
 * the rounding of its sum of squares, {@link #flat}), has NaN; the diagonal of the correlation is exactly 1.
 */
final class Moments {
    /** A sum of squared deviations at most this many units in the last place of the sum of squares is zero. */
    private static final double FLAT = 64 * Math.ulp(1.0);

    /** The prepared operands of one analysis, loaded into the engine. */
    private final GramEngine engine;
    private final GramEngine.Operands operands;
    private final boolean masked;
    private final int n;
    /** The shifted values, day-major (for the window sums of complete data). */
    private final double[] x;
    private final double[] p, nn, s, q;

    private Moments(GramEngine engine, GramEngine.Operands operands, boolean masked, int n, double[] x) {
        this.engine = engine;
        this.operands = operands;
        this.masked = masked;
        this.n = n;
        this.x = x;
        long cells = (long) n * n;
        this.p = new double[(int) cells];
        this.nn = masked ? new double[(int) cells] : null;
        this.s = masked ? new double[(int) cells] : null;
        this.q = masked ? new double[(int) cells] : null;
    }

    /** Prepares {@code r}'s operands (the pairwise-complete ones only where a day is missing) and loads them into {@code engine}. */
    static Moments prepare(AlignedReturns r, GramEngine engine) {
        int n = r.size(), t = r.days();
        double[] v = r.values();
        boolean missing = false;
        for (double d : v) {
            if (Double.isNaN(d)) {
                missing = true;
                break;
            }
        }
        double[] x = new double[n * t];
        double[] m = missing ? new double[n * t] : null, x2 = missing ? new double[n * t] : null;
        boolean masked = missing;
        IntStream.range(0, n).parallel().forEach(i -> {
            double sum = 0;
            int count = 0;
            for (int d = 0; d < t; d++) {
                double val = v[i * t + d];
                if (!Double.isNaN(val)) {
                    sum += val;
                    count++;
                }
            }
            double mean = count == 0 ? 0 : sum / count;
            for (int d = 0; d < t; d++) {
                double val = v[i * t + d];
                boolean present = !Double.isNaN(val);
                double shifted = present ? val - mean : 0;
                x[d * n + i] = shifted;
                if (masked) {
                    m[d * n + i] = present ? 1 : 0;
                    x2[d * n + i] = shifted * shifted;
                }
            }
        });
        GramEngine.Operands ops = masked ? engine.load(t, n, x, m, x2) : engine.load(t, n, x);
        return new Moments(engine, ops, masked, n, x);
    }

    /** Whether the pairwise-complete products are used (some day is missing). */
    boolean masked() { return masked; }

    /**
     * The covariance and correlation matrices (row-major, full) over days {@code [from, to)}; either may be skipped
     * ({@code wantCov}, {@code wantCorr}).
     */
    double[][] window(int from, int to, boolean wantCov, boolean wantCorr) {
        engine.product(operands, 0, 0, from, to, p);
        double[] cov = wantCov ? new double[n * n] : null, corr = wantCorr ? new double[n * n] : null;
        if (masked) {
            engine.product(operands, 1, 1, from, to, nn);
            engine.product(operands, 0, 1, from, to, s);
            engine.product(operands, 2, 1, from, to, q);
            IntStream.range(0, n).parallel().forEach(i -> {
                for (int j = i; j < n; j++) {
                    int ij = i * n + j, ji = j * n + i;
                    double days = nn[ij];
                    double c = Double.NaN, r = Double.NaN;
                    if (days >= CrossSection.MIN_DAYS) {
                        double sij = s[ij], sji = s[ji];
                        double ssi = q[ij] - sij * sij / days, ssj = q[ji] - sji * sji / days;
                        c = (p[ij] - sij * sji / days) / (days - 1);
                        r = i == j ? (flat(ssi, q[ij]) ? Double.NaN : 1.0)
                                : flat(ssi, q[ij]) || flat(ssj, q[ji]) ? Double.NaN : c * (days - 1) / Math.sqrt(ssi * ssj);
                    }
                    store(cov, corr, ij, ji, c, r);
                }
            });
        } else {
            int w = to - from;
            double[] sum = new double[n];
            for (int d = from; d < to; d++) {
                int o = d * n;
                for (int i = 0; i < n; i++) sum[i] += x[o + i];
            }
            double[] ss = new double[n];
            for (int i = 0; i < n; i++) ss[i] = p[i * n + i] - sum[i] * sum[i] / w;
            IntStream.range(0, n).parallel().forEach(i -> {
                boolean flatI = flat(ss[i], p[i * n + i]);
                for (int j = i; j < n; j++) {
                    int ij = i * n + j, ji = j * n + i;
                    double c = Double.NaN, r = Double.NaN;
                    if (w >= CrossSection.MIN_DAYS) {
                        c = (p[ij] - sum[i] * sum[j] / w) / (w - 1);
                        r = i == j ? (flatI ? Double.NaN : 1.0)
                                : flatI || flat(ss[j], p[j * n + j]) ? Double.NaN : c * (w - 1) / Math.sqrt(ss[i] * ss[j]);
                    }
                    store(cov, corr, ij, ji, c, r);
                }
            });
        }
        return new double[][] {cov, corr};
    }

    private static void store(double[] cov, double[] corr, int ij, int ji, double c, double r) {
        if (cov != null) cov[ij] = cov[ji] = c;
        if (corr != null) corr[ij] = corr[ji] = r;
    }

    /**
     * Whether a sum of squared deviations {@code ss} from a mean is zero but for rounding, given the sum of squares
     * {@code sumSquares} it was computed from: then the series is flat (its correlation undefined).
     */
    static boolean flat(double ss, double sumSquares) {
        return !(ss > FLAT * sumSquares);
    }

    /** Frees the operands in the engine. */
    void close() { operands.close(); }
}
