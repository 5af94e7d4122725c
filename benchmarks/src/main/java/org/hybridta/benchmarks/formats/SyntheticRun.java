package org.hybridta.benchmarks.formats;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.FirstIndicators;
import org.hybridta.formats.RowBatch;
import org.hybridta.formats.TableSchema;
import org.hybridta.formats.TableWriter;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.source.Constituent;
import org.hybridta.source.FetchResult;
import org.hybridta.source.SyntheticQuoteSource;

/**
 * The large run, part by part: synthetic symbols {@code S0000…} from 2015-01-01 to 2026-07-01
 * (about 2,900 bars each), the 18 catalog indicators at their defaults computed on the CPU, in the run's
 * long layout (date, symbol, open, high, low, close, adj_close, volume, then one float64 column per
 * indicator output).
 */
final class SyntheticRun {
    static final LocalDate FROM = LocalDate.of(2015, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 7, 1);
    static final List<Indicator> INDICATORS = FirstIndicators.all();
    private static final Field[] BARS = {Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.ADJ_CLOSE, Field.VOLUME};

    /** One part's bars and the values computed from them. */
    record Part(List<BarSeries> series, IndicatorValues values) {
        long rows() {
            return series.stream().mapToLong(BarSeries::size).sum();
        }
    }

    private SyntheticRun() {}

    static TableSchema schema() {
        TableSchema.Builder b = TableSchema.builder().date("date").symbol("symbol");
        for (Field f : BARS) b.float64(f.columnName());
        for (String c : Indicators.columns(INDICATORS)) b.float64(c);
        return b.build();
    }

    /** Symbols {@code [first, first + count)}: fetched from the synthetic market, computed on {@code backend}. */
    static Part part(int first, int count, ComputeBackend backend) {
        SyntheticQuoteSource source = SyntheticQuoteSource.create();
        List<BarSeries> series = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            FetchResult r = source.fetch(Constituent.of(String.format("S%04d", i)), FROM, TO);
            series.add(((FetchResult.Ok) r).series());
        }
        return new Part(series, backend.compute(Panel.of(series), INDICATORS));
    }

    /**
     * Appends a part one symbol per batch, bound to the part's own arrays (the bars' copies aside), each
     * symbol suffixed with {@code suffix}.
     */
    static void append(TableWriter out, RowBatch batch, Part part, String suffix) throws IOException {
        IndicatorValues values = part.values();
        int outputs = values.columns().size();
        for (int s = 0; s < part.series().size(); s++) {
            BarSeries bars = part.series().get(s);
            batch.rows(bars.size()).dates(0, bars.epochDays(), 0).symbol(1, bars.symbol() + suffix);
            for (int f = 0; f < BARS.length; f++) batch.float64(2 + f, bars.values(BARS[f]), 0);
            for (int c = 0; c < outputs; c++) batch.float64(2 + BARS.length + c, values.data(c), s * values.barCount());
            out.append(batch);
        }
    }
}
