package org.hybridta.parallel;

import java.util.ArrayList;
import java.util.List;
import org.hybridta.source.Constituent;

/** How a universe is cut into parts for the workers. */
public final class Plans {
    private Plans() {}

    /**
     * Cuts {@code members} into at most {@code parts} consecutive slices of about equal total weight (e.g. expected
     * bars), in universe order, none empty unless {@code members} is: results written part by part then come out
     * in universe order. A member heavier than a slice's share gets a slice of its own.
     *
     * @param weights one non-negative weight per member
     */
    public static List<List<Constituent>> slices(List<Constituent> members, long[] weights, int parts) {
        if (parts < 1) throw new IllegalArgumentException("parts must be >= 1, was " + parts);
        if (weights.length != members.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + members.size() + " members");
        }
        double total = 0;
        for (long w : weights) total += Math.max(0, w);
        List<List<Constituent>> plan = new ArrayList<>();
        List<Constituent> current = new ArrayList<>();
        int slice = 0;
        double before = 0;
        for (int i = 0; i < members.size(); i++) {
            double w = Math.max(0, weights[i]);
            // the slice whose share holds the middle of this member's weight (by count when nothing weighs)
            int target = total > 0 ? (int) Math.min(parts - 1, Math.floor((before + w / 2) * parts / total))
                    : (int) ((long) i * parts / members.size());
            if (target > slice && !current.isEmpty()) {
                plan.add(List.copyOf(current));
                current.clear();
            }
            slice = Math.max(slice, target);
            current.add(members.get(i));
            before += w;
        }
        if (!current.isEmpty() || plan.isEmpty()) plan.add(List.copyOf(current));
        return List.copyOf(plan);
    }

    /**
     * Refuses a plan a partitioner cannot run: missing, or with a missing part.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static void check(List<List<Constituent>> plan) {
        if (plan == null) throw new IllegalArgumentException("the plan is missing");
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i) == null) throw new IllegalArgumentException("part " + i + " of the plan is missing");
        }
    }
}
