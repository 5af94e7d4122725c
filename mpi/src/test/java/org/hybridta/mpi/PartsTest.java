package org.hybridta.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        List<List<Constituent>> parts = List.of(members, List.of(), List.of(Constituent.of("MSFT")));
        assertThat(Parts.decodePlan(Parts.encodePlan(parts))).isEqualTo(parts);
        assertThat(Parts.decodePlan(Parts.encodePlan(List.of()))).isEmpty();
    }

    @Test void aRefusalBecomesTheSameErrorOnTheReceivingRank() {
        assertThatThrownBy(() -> Parts.decodePlan(Parts.encodeRefusal("part 2 of the plan is missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("part 2 of the plan is missing");
    }

    @Test void outcomesKeepNullApartFromEveryString() {
        assertThat(Parts.decodeOutcome(Parts.encodeOutcome(null))).isNull();
        assertThat(Parts.decodeOutcome(Parts.encodeOutcome(""))).isEmpty();
        assertThat(Parts.decodeOutcome(Parts.encodeOutcome("out/indicators.csv: disk full ✗"))).isEqualTo("out/indicators.csv: disk full ✗");
    }

    @Test void aFailedPartNamesEveryMember() {
        PartResult failed = Parts.failed(3, "rank 3@node", List.of(Constituent.of("A"), Constituent.of("B")), "rank 3@node: boom");
        assertThat(failed.part()).isEqualTo(3);
        assertThat(failed.series()).isEmpty();
        assertThat(failed.values()).isNull();
        assertThat(failed.statuses()).containsExactly(SymbolStatus.failed("A", FailureKind.ERROR, "rank 3@node: boom"),
                SymbolStatus.failed("B", FailureKind.ERROR, "rank 3@node: boom"));
    }

    @Test void announcementsCarryLengthsBeyondTwoGibibytes() {
        Parts.Announcement a = Parts.decodeAnnouncement(Parts.encodeAnnouncement(5L << 30, 4 << 20));
        assertThat(a).isEqualTo(new Parts.Announcement(5L << 30, 4 << 20));
        assertThatThrownBy(() -> Parts.decodeAnnouncement(new byte[3])).hasMessageStartingWith("corrupt result announcement");
    }
}
