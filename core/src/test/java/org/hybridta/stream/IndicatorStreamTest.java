package org.hybridta.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hybridta.BarSeries;
import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function of the catalog at its defaults, streamed bar by bar over the conformance series (random walks at
 * ordinary, tiny and huge prices, flat stretches): the values equal the batch kernel's at every bar, bit for bit,
 * with peeks between updates and a snapshot taken midway, turned into bytes and restored into a new stream.
 */
class IndicatorStreamTest {
    private static final int BARS = 600;

    @TestFactory Stream<DynamicTest> everyFunctionStreamsTheBatchValues() {
        List<BarSeries> series = StreamSeries.conformance(11, BARS);
        return Indicators.catalog().stream().map(i -> DynamicTest.dynamicTest(i.spec(), () -> {
            for (BarSeries s : series) check(List.of(i), s, new Random(s.symbol().hashCode()));
        }));
    }

    @Test void severalSpecsInOneStream() {
        List<Indicator> specs = Indicators.parseList("sma:5,macd,bbands:20:2:2,stoch,cdlengulfing,mavp:3:12@close/volume,sar,ht_sine");
        for (BarSeries s : StreamSeries.conformance(3, 400)) check(specs, s, new Random(5));
    }

    /** Streams {@code s}, peeking at random bars (the real one among them), with a byte snapshot restored midway. */
    static void check(List<Indicator> specs, BarSeries s, Random r) {
        double[][] batch = StreamSeries.batch(specs, s);
        IndicatorStream stream = IndicatorStream.of(specs);
        int n = s.size();
        double[] values = new double[stream.width()];
        for (int t = 0; t < n; t++) {
            Bar bar = StreamSeries.bar(s, t);
            if (t % 3 == 1) {
                stream.peek(StreamSeries.bar(s, r.nextInt(n)), values);
                expect(specs, s, batch, t, stream.peek(bar), "peek");
                stream.peek(StreamSeries.bar(s, r.nextInt(n)), values);
            }
            if (t == n / 2) {
                byte[] saved = stream.snapshot().bytes();
                stream = IndicatorStream.from(StreamSnapshot.of(saved));
                assertThat(stream.bars()).isEqualTo(t);
            }
            stream.update(bar, values);
            expect(specs, s, batch, t, values, "update");
            assertThat(stream.last()).isEqualTo(values);
        }
    }

    private static void expect(List<Indicator> specs, BarSeries s, double[][] batch, int t, double[] values, String how) {
        for (int k = 0; k < batch.length; k++) {
            if (!StreamSeries.same(batch[k][t], values[k])) {
                throw new AssertionError(specs + " on " + s.symbol() + ", bar " + t + " (" + how + "), column " + k + ": batch " + batch[k][t] + ", stream " + values[k]);
            }
        }
    }

    @Test void warmStartEqualsUpdatingEveryBar() {
        List<Indicator> specs = Indicators.parseList("rsi,adx,cdlhikkake");
        BarSeries s = StreamSeries.conformance(21, 300).get(0);
        double[][] batch = StreamSeries.batch(specs, s);
        IndicatorStream warm = IndicatorStream.warm(specs, s.between(s.date(0), s.date(200)));
        assertThat(warm.bars()).isEqualTo(200);
        for (int k = 0; k < batch.length; k++) assertThat(warm.last()[k]).isEqualTo(batch[k][199]);
        for (int t = 200; t < 300; t++) {
            double[] v = warm.update(StreamSeries.bar(s, t));
            for (int k = 0; k < batch.length; k++) assertThat(StreamSeries.same(v[k], batch[k][t])).as("bar %d column %d", t, k).isTrue();
        }
    }

    @Test void outputsAreTheSpecsColumns() {
        IndicatorStream s = IndicatorStream.of("rsi:14,macd");
        assertThat(s.outputs().stream().map(o -> o.column()).toList())
                .containsExactly("rsi_14", "macd_12_26_9_macd", "macd_12_26_9_macdsignal", "macd_12_26_9_macdhist");
        assertThat(s.width()).isEqualTo(4);
        assertThat(s.last()).containsOnly(Double.NaN);
    }

    @Test void corruptOrForeignSnapshotsAreRefused() {
        IndicatorStream s = IndicatorStream.of("ema:5,willr");
        for (int t = 0; t < 20; t++) s.update(100 + t, 101 + t, 99 + t, 100.5 + t, 1000);
        byte[] good = s.snapshot().bytes();

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        assertThatThrownBy(() -> StreamSnapshot.of(flipped)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 9);
        assertThatThrownBy(() -> StreamSnapshot.of(truncated)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt");
        assertThatThrownBy(() -> StreamSnapshot.of("date,symbol\n".getBytes())).hasMessageContaining("not a HybridTA stream snapshot");
        byte[] future = good.clone();
        future[7] = 9;
        assertThatThrownBy(() -> StreamSnapshot.of(future)).hasMessageContaining("format version 9");

        StreamSnapshot snapshot = StreamSnapshot.of(good);
        assertThat(snapshot.specs()).containsExactly("ema:5", "willr:14");
        assertThat(snapshot.bars()).isEqualTo(20);
        IndicatorStream other = IndicatorStream.of("ema:6,willr");
        assertThatThrownBy(() -> other.restore(snapshot)).hasMessageContaining("[ema:5, willr:14]").hasMessageContaining("ema:6");
        IndicatorStream again = IndicatorStream.of("ema:5,willr");
        again.restore(snapshot);
        assertThat(again.update(130, 131, 129, 130.5, 1000)).isEqualTo(s.update(130, 131, 129, 130.5, 1000));
    }

    @Test void patternStateUnderOtherCandleSettingsIsRefused() {
        IndicatorStream s = IndicatorStream.of("cdldoji");
        BarSeries bars = StreamSeries.conformance(2, 50).get(0);
        s.updateAll(bars);
        StreamSnapshot snapshot = s.snapshot();
        CandleSettings before = CandleSettings.current();
        try {
            CandleSettings.use(before.with(CandleSettings.Setting.BODY_DOJI, new CandleSettings.Rule(CandleSettings.RangeType.HIGH_LOW, 10, 0.2)));
            assertThatThrownBy(() -> IndicatorStream.from(snapshot)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cdldoji").hasMessageContaining("CandleSettings");
        } finally {
            CandleSettings.use(before);
        }
        assertThat(IndicatorStream.from(snapshot).bars()).isEqualTo(50);
    }

    @Test void aStreamKeepsTheCandleSettingsItWasMadeUnder() {
        List<Indicator> specs = Indicators.parseList("cdldoji,cdlengulfing");
        BarSeries bars = StreamSeries.conformance(4, 120).get(3);
        double[][] batch = StreamSeries.batch(specs, bars);
        IndicatorStream s = IndicatorStream.of(specs);
        CandleSettings before = CandleSettings.current();
        try {
            CandleSettings.use(before.with(CandleSettings.Setting.BODY_DOJI, new CandleSettings.Rule(CandleSettings.RangeType.HIGH_LOW, 3, 0.3)));
            for (int t = 0; t < bars.size(); t++) {
                double[] peeked = s.peek(StreamSeries.bar(bars, t));
                if (t == 60) s.restore(s.snapshot());
                double[] v = s.update(StreamSeries.bar(bars, t));
                for (int k = 0; k < v.length; k++) {
                    assertThat(StreamSeries.same(v[k], batch[k][t]) && StreamSeries.same(peeked[k], batch[k][t])).as("bar %d column %d", t, k).isTrue();
                }
            }
        } finally {
            CandleSettings.use(before);
        }
    }

    @Test void valuesArrayTooShortIsRefused() {
        IndicatorStream s = IndicatorStream.of("bbands");
        assertThatThrownBy(() -> s.update(Bar.of(1, 1, 1, 1, 1), new double[2])).hasMessageContaining("room for 2 outputs");
    }

    @Test void snapshotsGoToFilesWholeAndComeBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        IndicatorStream s = IndicatorStream.of("rsi:5,cdlhammer");
        s.updateAll(StreamSeries.conformance(8, 40).get(0));
        java.nio.file.Path file = dir.resolve("state.htss");
        s.snapshot().writeTo(file);
        IndicatorStream back = IndicatorStream.from(StreamSnapshot.read(file));
        assertThat(back.bars()).isEqualTo(40);
        assertThat(back.update(100, 101, 99, 100.5, 10)).isEqualTo(s.update(100, 101, 99, 100.5, 10));
        java.nio.file.Files.writeString(file, "not a snapshot");
        assertThatThrownBy(() -> StreamSnapshot.read(file)).hasMessage(file + ": not a HybridTA stream snapshot (no HTSS header)");
    }

    @Test void aSnapshotIsIndependentOfLaterUpdates() {
        IndicatorStream s = IndicatorStream.of("sma:3");
        List<double[]> seen = new ArrayList<>();
        for (int t = 0; t < 5; t++) seen.add(s.update(t, t, t, t, 1));
        StreamSnapshot snap = s.snapshot();
        s.update(100, 100, 100, 100, 1);
        IndicatorStream back = IndicatorStream.from(snap);
        assertThat(back.last()).isEqualTo(seen.get(4));
        assertThat(back.update(5, 5, 5, 5, 1)).containsExactly(4.0);
    }
}
