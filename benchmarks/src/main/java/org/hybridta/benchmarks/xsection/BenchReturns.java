package org.hybridta.benchmarks.xsection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hybridta.xsection.AlignedReturns;

/** Seeded returns for the benchmarks: a market factor plus noise, no missing days (the one-DSYRK path). */
final class BenchReturns {
    private BenchReturns() {}

    /** {@code "500x2520"} as {symbols, days}. */
    static int[] shape(String shape) {
        String[] p = shape.split("x");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    static AlignedReturns of(int symbols, int days, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] market = new double[days];
        for (int t = 0; t < days; t++) market[t] = 0.01 * r.nextGaussian();
        List<double[]> rows = new ArrayList<>(symbols);
        List<String> names = new ArrayList<>(symbols);
        for (int s = 0; s < symbols; s++) {
            double beta = 0.5 + r.nextDouble(), vol = 0.01 + 0.02 * r.nextDouble();
            double[] row = new double[days];
            for (int t = 0; t < days; t++) row[t] = beta * market[t] + vol * r.nextGaussian();
            rows.add(row);
            names.add("S" + s);
        }
        List<LocalDate> dates = new ArrayList<>(days);
        for (int t = 0; t < days; t++) dates.add(LocalDate.of(2000, 1, 1).plusDays(t));
        return AlignedReturns.of(names, dates, rows);
    }

    /** The same values day-major ({@code m[t * symbols + s]}), as a {@link org.hybridta.xsection.GramEngine} takes them. */
    static double[] dayMajor(AlignedReturns a) {
        int symbols = a.size(), days = a.days();
        double[] m = new double[symbols * days];
        for (int s = 0; s < symbols; s++) for (int t = 0; t < days; t++) m[t * symbols + s] = a.get(s, t);
        return m;
    }

    /** Floating-point operations of one symmetric product of {@code symbols} series over {@code days} days: {@code n(n+1)/2} dot products of {@code 2·days}. */
    static double syrkFlops(int symbols, int days) {
        return (double) symbols * (symbols + 1) * days;
    }
}
