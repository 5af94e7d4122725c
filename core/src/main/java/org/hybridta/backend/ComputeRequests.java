package org.hybridta.backend;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hybridta.Field;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;

/**
 * The one check of a compute request, with one set of messages, that every backend makes before it computes (and
 * {@link ComputeBackend#computeInto}'s default): so that all refuse the same requests with the same words.
 */
public final class ComputeRequests {
    private ComputeRequests() {}

    /**
     * Checks that there is something to compute, that the panel has every field the indicators read, and that no two
     * outputs share a column.
     *
     * @param fields the fields the panel holds
     * @return the output columns, in order ({@link Indicators#columns})
     * @throws IllegalArgumentException naming the indicator and the fields it lacks, or the column computed twice
     */
    public static List<String> check(Set<Field> fields, List<? extends Indicator> indicators) {
        if (indicators.isEmpty()) throw new IllegalArgumentException("no indicators to compute");
        for (Indicator ind : indicators) {
            // in Field order: inputs() is a Set.of, whose iteration order changes from run to run
            List<String> missing = new ArrayList<>();
            for (Field f : Field.values()) {
                if (ind.inputs().contains(f) && !fields.contains(f)) missing.add(f.columnName());
            }
            if (!missing.isEmpty()) {
                int last = missing.size() - 1;
                String names = last == 0 ? missing.get(0) : String.join(", ", missing.subList(0, last)) + " and " + missing.get(last);
                throw new IllegalArgumentException(ind.spec() + " needs " + names + " values, which the panel lacks");
            }
        }
        List<String> columns = Indicators.columns(indicators);
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!seen.add(c)) throw new IllegalArgumentException("column " + c + " would be computed twice; list each indicator once");
        }
        return columns;
    }
}
