package org.hybridta.functions;

import java.util.Arrays;
import org.hybridta.indicator.MaType;

/**
 * The parameter values of one function call, in TA-Lib's order, already checked against the function's ranges.
 * Integer and MA-type values are held exactly as doubles; read each with the accessor of its type.
 */
final class Args {
    private final double[] values;

    private Args(double[] values) {
        this.values = values;
    }

    /** Wraps values in TA-Lib's parameter order (copied). */
    static Args of(double... values) {
        return new Args(values.clone());
    }

    int size() { return values.length; }

    int integer(int k) { return (int) values[k]; }

    double real(int k) { return values[k]; }

    MaType maType(int k) { return MaType.of((int) values[k]); }

    /** The values (a copy). */
    double[] values() { return values.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof Args a && Arrays.equals(values, a.values);
    }

    @Override public int hashCode() { return Arrays.hashCode(values); }

    @Override public String toString() { return Arrays.toString(values); }
}
