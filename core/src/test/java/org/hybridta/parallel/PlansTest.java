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

    private static List<String> flat(List<List<Constituent>> plan) {
        List<String> all = new ArrayList<>();
        for (List<Constituent> p : plan) for (Constituent c : p) all.add(c.symbol());
        return all;
    }

    @Test
    void slicesKeepUniverseOrderAndBalanceTheWeight() {
        SplittableRandom r = new SplittableRandom(1);
        List<Constituent> m = members(503);
        long[] w = new long[503];
        for (int i = 0; i < w.length; i++) w[i] = r.nextInt(100) < 15 ? r.nextInt(2520) : 2520;
        long total = 0;
        for (long x : w) total += x;
        for (int parts : new int[] {1, 2, 3, 4, 16, 100}) {
            List<List<Constituent>> plan = Plans.slices(m, w, parts);
            assertThat(plan).hasSize(parts).noneMatch(List::isEmpty);
            assertThat(flat(plan)).isEqualTo(flat(List.of(m)));
            int at = 0;
            for (List<Constituent> p : plan) {
                long load = 0;
                for (int i = 0; i < p.size(); i++) load += w[at + i];
                at += p.size();
                assertThat((double) load).as("a slice's weight").isLessThanOrEqualTo(total / (double) parts + 2 * 2520);
            }
        }
    }

    @Test
    void aHeavyMemberGetsItsOwnSliceAndNothingWeighsSlicesByCount() {
        List<List<Constituent>> plan = Plans.slices(members(5), new long[] {10, 10, 1000, 10, 10}, 3);
        assertThat(plan).extracting(p -> p.stream().map(Constituent::symbol).toList())
                .containsExactly(List.of("S0", "S1"), List.of("S2"), List.of("S3", "S4"));
        assertThat(Plans.slices(members(6), new long[6], 3)).extracting(List::size).containsExactly(2, 2, 2);
    }

    @Test
    void morePartsThanMembersGivesOneMemberEachAndBadArgumentsAreNamed() {
        assertThat(Plans.slices(members(2), new long[] {5, 5}, 4)).hasSize(2);
        assertThat(Plans.slices(members(0), new long[0], 4)).containsExactly(List.of());
        assertThatThrownBy(() -> Plans.slices(members(2), new long[] {5}, 2)).hasMessageContaining("1 weights for 2 members");
        assertThatThrownBy(() -> Plans.slices(members(2), new long[] {5, 5}, 0)).hasMessageContaining("parts must be >= 1");
        List<List<Constituent>> withHole = new ArrayList<>();
        withHole.add(members(1));
        withHole.add(null);
        assertThatThrownBy(() -> Plans.check(withHole)).hasMessage("part 1 of the plan is missing");
    }
}
