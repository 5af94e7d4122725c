package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared Hilbert-transform stages on a pure cycle, and the sine table against the C library TA-Lib calls. */
class HilbertTransformTest {

    /** {@code 100 + 10 sin(2 pi t / period)}. */
    private static double wave(int t, int period) {
        return 100 + 10 * Math.sin(2 * Math.PI * t / period);
    }

    @ParameterizedTest @ValueSource(ints = {8, 12, 20, 30, 48})
    void measuresThePeriodPhaseAndMeanOfASineWave(int period) {
        HilbertTransform ht = HilbertTransform.phase();
        HilbertTransform.Phase phase = new HilbertTransform.Phase();
        HilbertTransform.Trendline trendline = new HilbertTransform.Trendline();
        for (int t = 0; t < 600; t++) {
            double x = wave(t, period);
            trendline.add(x);
            if (!ht.next(x)) continue;
            double degrees = phase.next(ht);
            double line = trendline.next(ht);
            if (t < 300) continue;
            assertThat(ht.smoothPeriod()).as("period of a %d-bar cycle at bar %d", period, t).isCloseTo(period, within(0.02 * period));
            // the phase of sin(2 pi t / period), modulo a turn
            double error = Math.abs(Math.IEEEremainder(degrees - 360.0 * t / period, 360.0));
            assertThat(error).as("phase of a %d-bar cycle at bar %d (%s degrees)", period, t, degrees).isLessThan(5.0);
            assertThat(line).as("trendline of a %d-bar cycle around 100 at bar %d", period, t).isCloseTo(100.0, within(1.0));
        }
    }

    /** The table is glibc's (TA-Lib C on Linux, python's talib there); on another C library the test does not apply. */
    @Test void anglesAreGlibcsSinesAndCosines() {
        Function sin, cos;
        try {
            NativeLibrary.getInstance("c").getFunction("gnu_get_libc_version");
            NativeLibrary libm = NativeLibrary.getInstance("m");
            sin = libm.getFunction("sin");
            cos = libm.getFunction("cos");
        } catch (UnsatisfiedLinkError e) {
            assumeThat(e).as("skipped: no glibc libm here (" + e.getMessage() + ")").isNull();
            return;
        }
        List<String> differ = new ArrayList<>();
        for (int n = 1; n < HilbertTransform.Phase.SIN.length; n++) {
            for (int i = 0; i < n; i++) {
                double angle = HilbertTransform.Phase.angle(i, n);
                double s = sin.invokeDouble(new Object[] {angle}), c = cos.invokeDouble(new Object[] {angle});
                if (HilbertTransform.Phase.SIN[n][i] != s) differ.add(n + "/" + i + "s" + (s > HilbertTransform.Phase.SIN[n][i] ? "+" : "-"));
                if (HilbertTransform.Phase.COS[n][i] != c) differ.add(n + "/" + i + "c" + (c > HilbertTransform.Phase.COS[n][i] ? "+" : "-"));
            }
        }
        assertThat(differ).as("table entries that differ from libm's sin and cos (fix them in HilbertTransform.Phase.GLIBC)").isEmpty();
    }
}
