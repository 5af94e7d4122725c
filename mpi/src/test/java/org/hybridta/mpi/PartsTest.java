package org.hybridta.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hybridta.SymbolStatus;
import org.hybridta.parallel.PartResult;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.junit.jupiter.api.Test;

/** The messages of a distributed run, without MPI. */
class PartsTest {

    @Test void planPartsSurviveTheTrip() {
        List<Constituent> members = List.of(new Constituent("BRK.B", "Berkshire Hathaway – Class B", "Financials", "BRK-B"),
                Constituent.of("AAPL"), new Constituent("X", "n".repeat(70_000), "", "X"));
        assertThat(Parts.decodePlan(Parts.encodePlan(members))).isEqualTo(members);
        assertThat(Parts.decodePlan(Parts.encodePlan(List.of()))).isEmpty();
    }

    @Test void aRefusalBecomesTheSameErrorOnTheReceivingRank() {
        assertThatThrownBy(() -> Parts.decodePlan(Parts.encodeRefusal("the plan has 3 parts for 2 MPI ranks")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the plan has 3 parts for 2 MPI ranks");
    }

    @Test void outcomesKeepNullApartFromEveryString() {
        assertThat(Parts.decodeOutcome(Parts.encodeOutcome(null))).isNull();
        assertThat(Parts.decodeOutcome(Parts.encodeOutcome(""))).isEmpty();
        assertThat(Parts.decodeOutcome(Parts.encodeOutcome("out/indicators.csv: disk full ✗"))).isEqualTo("out/indicators.csv: disk full ✗");
    }

    @Test void aFailedPartNamesEveryMemberAndTravels() {
        PartResult failed = Parts.failed(3, "rank 3@node", List.of(Constituent.of("A"), Constituent.of("B")), "rank 3@node: boom");
        PartResult back = PartResult.fromBytes(failed.toBytes());
        assertThat(back.part()).isEqualTo(3);
        assertThat(back.series()).isEmpty();
        assertThat(back.statuses()).containsExactly(SymbolStatus.failed("A", FailureKind.ERROR, "rank 3@node: boom"),
                SymbolStatus.failed("B", FailureKind.ERROR, "rank 3@node: boom"));
    }

    @Test void theSizeEstimateIsAnUpperBoundOfTheSerializedSize() {
        List<Constituent> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) members.add(Constituent.of("SYM" + i));
        PartResult full = Fixtures.part(0, "rank 0@host", members);
        long actual = full.toBytes().length;
        assertThat(Parts.estimatedBytes(full)).isGreaterThanOrEqualTo(actual).isLessThan(2 * actual);
        PartResult empty = Fixtures.part(1, "rank 1@host", List.of());
        assertThat(Parts.estimatedBytes(empty)).isGreaterThanOrEqualTo(empty.toBytes().length);
    }
}
