package org.hybridta.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.SymbolStatus;
import org.hybridta.parallel.PartResult;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A result through the piece stream without MPI: pieces are handed over in memory. */
class ResultStreamTest {

    /** Pieces in flight, in order; each post copies the piece, as MPI would. */
    private static final class Wire implements ResultStream.Outbox, ResultStream.Inbox {
        final Deque<byte[]> pieces = new ArrayDeque<>();
        int posted, maxPiece;

        @Override public ResultStream.Awaitable post(ByteBuffer piece, int length) {
            byte[] b = new byte[length];
            piece.duplicate().position(0).get(b);
            pieces.add(b);
            posted++;
            maxPiece = Math.max(maxPiece, length);
            return () -> {};
        }

        @Override public int take(ByteBuffer piece) {
            byte[] b = pieces.removeFirst();
            piece.put(b);
            return b.length;
        }
    }

    /** A result with series of different lengths, NaNs, a failed member and UTF-8 text. */
    private static PartResult sample() {
        List<Constituent> members = new ArrayList<>();
        for (String s : List.of("AAPL", "BRK.B", "ÄÖÜ", "MSFT", "X")) members.add(Constituent.of(s));
        PartResult healthy = Fixtures.part(2, "rank 2@node – ✓", members);
        List<SymbolStatus> statuses = new ArrayList<>(healthy.statuses());
        statuses.add(SymbolStatus.failed("ZZZZ", FailureKind.NOT_FOUND, "no file quotes/ZZZZ.csv ✗"));
        return new PartResult(2, healthy.worker(), healthy.series(), healthy.values(), statuses, 123, 456, "cpu (1 thread, double)");
    }

    private static PartResult trip(PartResult r, int pieceBytes, Wire wire) {
        ResultStream stream = ResultStream.of(r);
        stream.writeTo(new ResultStream.PieceWriter(wire, pieceBytes));
        long sent = wire.pieces.stream().mapToLong(b -> b.length).sum();
        assertThat(sent).as("the announced length is what is sent").isEqualTo(stream.length());
        ResultStream.PieceReader in = new ResultStream.PieceReader(wire, pieceBytes, stream.length());
        PartResult back = ResultStream.read(in);
        assertThat(in.atEnd()).isTrue();
        assertThat(wire.pieces).isEmpty();
        return back;
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {8, 13, 1000, 4 << 20})
    void everyBitArrives(int pieceBytes) {
        PartResult sent = sample();
        Wire wire = new Wire();
        PartResult back = trip(sent, pieceBytes, wire);
        assertThat(wire.maxPiece).isLessThanOrEqualTo(Math.max(8, pieceBytes));
        assertThat(back.part()).isEqualTo(2);
        assertThat(back.worker()).isEqualTo("rank 2@node – ✓");
        assertThat(back.backend()).isEqualTo("cpu (1 thread, double)");
        assertThat(back.fetchNanos()).isEqualTo(123);
        assertThat(back.computeNanos()).isEqualTo(456);
        assertThat(back.statuses()).isEqualTo(sent.statuses());
        assertThat(back.series()).isEqualTo(sent.series());
        assertThat(back.series().stream().map(BarSeries::size).distinct().count()).as("series of different lengths").isGreaterThan(1);
        IndicatorValues a = sent.values(), b = back.values();
        assertThat(b.columns()).isEqualTo(a.columns());
        assertThat(b.barCount()).isEqualTo(a.barCount());
        for (int s = 0; s < a.seriesCount(); s++) {
            assertThat(b.symbol(s)).isEqualTo(a.symbol(s));
            assertThat(b.length(s)).isEqualTo(a.length(s));
        }
        // bit for bit, NaNs included (Arrays.equals compares doubles by their bits)
        assertThat(Arrays.equals(b.data(0), a.data(0))).isTrue();
        assertThat(Arrays.stream(b.data(0)).anyMatch(Double::isNaN)).isTrue();
        if (pieceBytes == 8) assertThat(wire.posted).as("many pieces").isGreaterThan(1000);
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {8, 4 << 20})
    void aPartWithoutSeriesTravelsToo(int pieceBytes) {
        PartResult failed = Parts.failed(1, "rank 1@node", List.of(Constituent.of("A"), Constituent.of("B")), "rank 1@node: boom");
        PartResult back = trip(failed, pieceBytes, new Wire());
        assertThat(back.series()).isEmpty();
        assertThat(back.values()).isNull();
        assertThat(back.statuses()).isEqualTo(failed.statuses());
        PartResult empty = trip(Fixtures.part(3, "rank 3@node", List.of()), pieceBytes, new Wire());
        assertThat(empty.statuses()).isEmpty();
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {64, 4096})
    void anUnreadableStreamIsTakenWholeAndRefused(int pieceBytes) {
        Wire wire = new Wire();
        ResultStream stream = ResultStream.of(sample());
        stream.writeTo(new ResultStream.PieceWriter(wire, pieceBytes));
        wire.pieces.peekFirst()[0] ^= 0x55;   // the magic number is broken
        ResultStream.PieceReader in = new ResultStream.PieceReader(wire, pieceBytes, stream.length());
        assertThatThrownBy(() -> ResultStream.read(in)).isInstanceOf(IllegalArgumentException.class).hasMessage("not a HybridTA result stream");
        in.drain();
        assertThat(wire.pieces).as("every piece taken: the sender is not left waiting").isEmpty();
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {64})
    void aStreamOfTheOtherByteOrderIsNamedAsSuch(int pieceBytes) {
        Wire wire = new Wire();
        ResultStream stream = ResultStream.of(sample());
        stream.writeTo(new ResultStream.PieceWriter(wire, pieceBytes));
        byte[] first = wire.pieces.peekFirst();
        for (int i = 0; i < 2; i++) {   // the magic number as the other byte order writes it
            byte t = first[i];
            first[i] = first[3 - i];
            first[3 - i] = t;
        }
        ResultStream.PieceReader in = new ResultStream.PieceReader(wire, pieceBytes, stream.length());
        assertThatThrownBy(() -> ResultStream.read(in)).hasMessageContaining("byte order differs");
    }
}
