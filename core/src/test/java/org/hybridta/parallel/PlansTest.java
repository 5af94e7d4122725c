package org.hybridta.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hybridta.source.Constituent;
import org.junit.jupiter.api.Test;

class PlansTest {

    private static List<Constituent> members(int n) {
        List<Constituent> m = new ArrayList<>();
        for (int i = 0; i < n; i++) m.add(Constituent.of("S" + i));
        return m;
    }

    @Test
    void balancesByWeightNotCount() {
        List<Constituent> m = members(5);
        long[] w = {1000, 10, 10, 10, 10};
        List<List<Constituent>> plan = Plans.balanced(m, w, 2);
        assertThat(plan.get(0)).extracting(Constituent::symbol).containsExactly("S0");
        assertThat(plan.get(1)).extracting(Constituent::symbol).containsExactly("S1", "S2", "S3", "S4");
    }

    @Test
    void everyMemberOnceInUniverseOrderAndLoadsClose() {
        SplittableRandom r = new SplittableRandom(1);
        List<Constituent> m = members(503);
        long[] w = new long[503];
        for (int i = 0; i < w.length; i++) w[i] = r.nextInt(100) < 15 ? r.nextInt(2520) : 2520;
        for (int parts : new int[] {1, 2, 3, 4, 16}) {
            List<List<Constituent>> plan = Plans.balanced(m, w, parts);
            assertThat(plan).hasSize(parts);
            List<String> all = new ArrayList<>();
            long max = 0, total = 0;
            for (List<Constituent> p : plan) {
                long load = 0;
                int last = -1;
                for (Constituent c : p) {
                    int idx = Integer.parseInt(c.symbol().substring(1));
                    assertThat(idx).isGreaterThan(last);
                    last = idx;
                    load += w[idx];
                    all.add(c.symbol());
                }
                max = Math.max(max, load);
                total += load;
            }
            assertThat(all).hasSize(503).doesNotHaveDuplicates();
            assertThat((double) max).isLessThanOrEqualTo(total / (double) parts + 2520);
        }
    }

    @Test
    void morePartsThanMembersLeavesEmptyParts() {
        List<List<Constituent>> plan = Plans.balanced(members(2), new long[] {5, 5}, 4);
        assertThat(plan).hasSize(4);
        assertThat(plan.stream().filter(List::isEmpty).count()).isEqualTo(2);
        assertThatThrownBy(() -> Plans.balanced(members(2), new long[] {5}, 2)).hasMessageContaining("1 weights for 2 members");
        assertThatThrownBy(() -> Plans.balanced(members(2), new long[] {5, 5}, 0)).hasMessageContaining("parts must be >= 1");
    }
}
