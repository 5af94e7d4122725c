package org.hybridta.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.hybridta.source.Constituent;

/** How a universe is cut into parts for the workers. */
public final class Plans {
    private Plans() {}

    /**
     * Splits {@code members} into {@code parts} lists of about equal total weight (e.g. expected bars):
     * heaviest first, each to the currently lightest part (greedy LPT, within 4/3 of the best split).
     * Each part keeps universe order; ties go to the lower part index, so the plan is deterministic.
     *
     * @param weights one non-negative weight per member
     */
    public static List<List<Constituent>> balanced(List<Constituent> members, long[] weights, int parts) {
        if (parts < 1) throw new IllegalArgumentException("parts must be >= 1, was " + parts);
        if (weights.length != members.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + members.size() + " members");
        }
        Integer[] order = IntStream.range(0, members.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -weights[i]).thenComparingInt(i -> i));
        long[] load = new long[parts];
        int[] owner = new int[members.size()];
        for (int i : order) {
            int best = 0;
            for (int p = 1; p < parts; p++) if (load[p] < load[best]) best = p;
            owner[i] = best;
            load[best] += Math.max(0, weights[i]);
        }
        List<List<Constituent>> plan = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) plan.add(new ArrayList<>());
        for (int i = 0; i < members.size(); i++) plan.get(owner[i]).add(members.get(i));
        List<List<Constituent>> frozen = new ArrayList<>(parts);
        for (List<Constituent> part : plan) frozen.add(List.copyOf(part));
        return List.copyOf(frozen);
    }
}
