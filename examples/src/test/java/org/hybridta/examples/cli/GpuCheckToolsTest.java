package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools scripts/gpu-mpi-check.sh runs on the GPU machine: {@link CsvCompare} and {@link LeaseLog}. */
class GpuCheckToolsTest {
    @TempDir Path dir;

    private static final String HEADER = "date,symbol,open,high,low,close,adj_close,volume,ema_3,macd_12_26_9_hist";

    private Path csv(String name, String... rows) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String row : rows) text.append(row).append('\n');
        return Files.writeString(dir.resolve(name), text);
    }

    private CsvCompare.Report compare(String[] a, String[] b) throws IOException {
        return CsvCompare.compare(csv("a.csv", a), csv("b.csv", b), 1e-12);
    }

    @Test void identicalFilesAreSaidToBe() throws IOException {
        String[] rows = {"2024-01-02,AAPL,1,2,0.5,1.5,1.5,100,,", "2024-01-03,AAPL,1,2,0.5,1.5,1.5,100,1.25,0.5"};
        CsvCompare.Report r = compare(rows, rows);
        assertThat(r.identical()).isTrue();
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.columns()).isEqualTo(10);
    }

    @Test void lastBitDifferencesAndNearZeroValuesPass() throws IOException {
        CsvCompare.Report r = compare(new String[] {"2024-01-02,AAPL,1,2,0.5,1.5,1.5,100,101.25,3.0", "2024-01-03,AAPL,1,2,0.5,1.5,1.5,100,101.5,1e-17"},
                new String[] {"2024-01-02,AAPL,1,2,0.5,1.5,1.5,100,101.25000000000001,3.0", "2024-01-03,AAPL,1,2,0.5,1.5,1.5,100,101.5,-2e-17"});
        assertThat(r.equalWithinTolerance()).as(r.toString()).isTrue();
        assertThat(r.identical()).isFalse();
        assertThat(r.differingCells()).isEqualTo(2);
        assertThat(r.nearZeroCells()).as("1e-17 vs -2e-17: relative to the column's scale 3").isEqualTo(1);
    }

    @Test void realDifferencesAreNamed() throws IOException {
        String[] a = {"2024-01-02,AAPL,1,2,0.5,1.5,1.5,100,101.25,3.0"};
        assertThat(compare(a, new String[] {"2024-01-02,AAPL,1,2,0.5,1.5,1.5,100,101.2500001,3.0"}).mismatch())
                .contains("line 2 (2024-01-02 AAPL), column ema_3: 101.25 vs 101.2500001");
        assertThat(compare(a, new String[] {"2024-01-02,AAPL,1,2,0.5,1.5,1.5,100,,3.0"}).mismatch()).contains("a value where the other has none");
        assertThat(compare(a, new String[] {"2024-01-02,AAPL,1,2,0.5,1.5,1.5,101,101.25,3.0"}).mismatch()).contains("column volume").contains("not an indicator value");
        assertThat(compare(a, new String[] {}).mismatch()).contains("actual ends before line 2");
    }

    @Test void theSyntheticMarkerColumnIsTextNotAValue() throws IOException {
        String header = "date,symbol,open,high,low,close,adj_close,volume,ema_3,source";
        Path a = Files.writeString(dir.resolve("sa.csv"), header + "\n2024-01-02,AAPL,1,2,0.5,1.5,1.5,100,101.25,synthetic\n");
        Path b = Files.writeString(dir.resolve("sb.csv"), header + "\n2024-01-02,AAPL,1,2,0.5,1.5,1.5,100,101.25000000000001,synthetic\n");
        assertThat(CsvCompare.compare(a, b, 1e-12).equalWithinTolerance()).isTrue();
        Path c = Files.writeString(dir.resolve("sc.csv"), header + "\n2024-01-02,AAPL,1,2,0.5,1.5,1.5,100,101.25,real\n");
        assertThat(CsvCompare.compare(a, c, 1e-12).mismatch()).contains("column source: synthetic vs real (not an indicator value)");
    }

    private static String line(int rank, String what, String at, String how) {
        return "INFO lease: rank " + rank + " of 4 on gpu1 (local rank " + rank + ") " + what + " device 0 at " + at + " after 1.5 ms (" + how + ")";
    }

    @Test void leasesOneAfterTheOtherHaveOneHolder() {
        List<String> log = List.of(
                line(0, "got", "2026-01-01T00:00:00.000100Z", "free"),
                line(0, "released", "2026-01-01T00:00:00.000200Z", "handed to local rank 1"),
                line(1, "got", "2026-01-01T00:00:00.000200Z", "handed over by local rank 0"),   // the same microsecond: no overlap
                line(1, "released", "2026-01-01T00:00:00.000300Z", "now free"),
                "some other line");
        assertThat(LeaseLog.maxHolders(log)).isEqualTo(1);
        assertThat(LeaseLog.holds(LeaseLog.events(log))).hasSize(2);
    }

    @Test void anOverlapIsCounted() {
        List<String> log = List.of(
                line(0, "got", "2026-01-01T00:00:00.000100Z", "free"),
                line(1, "got", "2026-01-01T00:00:00.000150Z", "free"),
                line(0, "released", "2026-01-01T00:00:00.000200Z", "now free"),
                line(1, "released", "2026-01-01T00:00:00.000300Z", "now free"));
        assertThat(LeaseLog.maxHolders(log)).isEqualTo(2);
        assertThat(LeaseLog.maxHolders(List.of("no lease here"))).isZero();
    }
}
