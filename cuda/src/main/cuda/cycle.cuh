// Cycle functions (TA-Lib's group) and the Hilbert transform they share with MAMA and HT_TRENDLINE, on the kernel
// framework: HT_DCPERIOD, HT_DCPHASE, HT_PHASOR, HT_SINE, HT_TRENDMODE, HT_TRENDLINE. Each is core's HilbertTransform
// (and its Phase and Trendline stages) ported operation by operation; the filters carry state from bar 0, so none is
// ever segmented (Segments.java: halo -1).
//
// The arctangent is fdlibm's (core's Atan, Java's StrictMath.atan) in plain double arithmetic, so HT_DCPERIOD,
// HT_PHASOR, HT_DCPHASE, HT_TRENDLINE and MAMA repeat the CPU's bits. The phase's DFT reads core's table of sin and
// cos of (i * 2pi) / n (glibc's values: ht_tables.cuh, checked against core by HtTablesTest). HT_SINE (and
// HT_TRENDMODE's sine crossings) take sin() of the phase: CUDA's sin is within 2 ulps of the CPU's Math.sin (1 ulp is
// 1.1e-16 of a value of magnitude 1), far inside the 1e-12 tolerance; a crossing of the sine and its lead decided by
// that last bit could flip a trend-mode bar, which no test series has shown.
#pragma once
#include "framework.cuh"
#include "ht_tables.cuh"

// A function called rather than inlined where its code is large and its work per bar outweighs a call (the emulator
// leaves the choice to g++).
#ifdef HYBRIDTA_EMULATION
#define HYBRIDTA_NOINLINE
#else
#define HYBRIDTA_NOINLINE __noinline__
#endif

namespace {

// fdlibm's s_atan.c (core's Atan): the same double as Java's StrictMath.atan for every argument.
__device__ __forceinline__ double atanFdlibm(double x) {
    const double HI[4] = {__longlong_as_double(0x3FDDAC670561BB4FLL), __longlong_as_double(0x3FE921FB54442D18LL),
                          __longlong_as_double(0x3FEF730BD281F69BLL), __longlong_as_double(0x3FF921FB54442D18LL)};
    const double LO[4] = {__longlong_as_double(0x3C7A2B7F222F65E2LL), __longlong_as_double(0x3C81A62633145C07LL),
                          __longlong_as_double(0x3C7007887AF0CBBDLL), __longlong_as_double(0x3C91A62633145C07LL)};
    const double AT0 = __longlong_as_double(0x3FD555555555550DLL), AT1 = __longlong_as_double(0xBFC999999998EBC4LL),
                 AT2 = __longlong_as_double(0x3FC24924920083FFLL), AT3 = __longlong_as_double(0xBFBC71C6FE231671LL),
                 AT4 = __longlong_as_double(0x3FB745CDC54C206ELL), AT5 = __longlong_as_double(0xBFB3B0F2AF749A6DLL),
                 AT6 = __longlong_as_double(0x3FB10D66A0D03D51LL), AT7 = __longlong_as_double(0xBFADDE2D52DEFD9ALL),
                 AT8 = __longlong_as_double(0x3FA97B4B24760DEBLL), AT9 = __longlong_as_double(0xBFA2B4442C6A6C2FLL),
                 AT10 = __longlong_as_double(0x3F90AD3AE322DA11LL);
    const int hx = (int) (__double_as_longlong(x) >> 32), ix = hx & 0x7fffffff;
    int id;
    if (ix >= 0x44100000) {  // |x| >= 2^66, or NaN
        if (x != x) return x + x;
        return hx > 0 ? HI[3] + LO[3] : -HI[3] - LO[3];
    }
    if (ix < 0x3fdc0000) {  // |x| < 0.4375
        if (ix < 0x3e200000) return x;
        id = -1;
    } else {
        x = fabs(x);
        if (ix < 0x3ff30000) {
            if (ix < 0x3fe60000) {
                id = 0;
                x = (2.0 * x - 1.0) / (2.0 + x);
            } else {
                id = 1;
                x = (x - 1.0) / (x + 1.0);
            }
        } else if (ix < 0x40038000) {
            id = 2;
            x = (x - 1.5) / (1.0 + 1.5 * x);
        } else {
            id = 3;
            x = -1.0 / x;
        }
    }
    double z = x * x, w = z * z;
    double s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
    double s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
    if (id < 0) return x - x * (s1 + s2);
    z = HI[id] - ((x * (s1 + s2) - LO[id]) - x);
    return hx < 0 ? -z : z;
}

// TA-Lib's radians-to-degrees factor 45 / atan(1) (core's HilbertTransform.RAD_TO_DEG).
__device__ __forceinline__ double radToDeg() { return 45.0 / atanFdlibm(1.0); }

// One of the four filters of DO_HILBERT_TRANSFORM for the bars of one parity (core's HilbertTransform.Filter).
struct HtFilter {
    double ring[3] = {0.0, 0.0, 0.0};
    double prev = 0.0, prevInput = 0.0;
    __device__ __forceinline__ double next(double input, int idx, double adjustedPrevPeriod) {
        double h = 0.0962 * input;
        double v = -ring[idx];
        ring[idx] = h;
        v += h;
        v -= prev;
        prev = 0.5769 * prevInput;
        v += prev;
        prevInput = input;
        return v * adjustedPrevPeriod;
    }
};

// core's HilbertTransform: the 4-bar WMA of the price, the detrender, Q1 and I1 (by bar parity, as TA-Lib), the
// homodyne discriminator's period. Phase = false: HT_DCPERIOD's and HT_PHASOR's (and MAMA's) transform, values from bar
// 32, filters from bar 12; true: the phase functions', values from bar 63, filters from bar 37.
struct Hilbert {
    int lookback, firstBar, today = 0, hilbertIdx = 0;
    bool hasValue = false;
    double rad;
    double wmaSub = 0.0, wmaSum = 0.0, trailing = 0.0, x1 = 0.0, x2 = 0.0, x3 = 0.0, smoothed = 0.0;
    HtFilter detrender[2], q1[2], ji[2], jq[2];
    double i1Prev2[2] = {0.0, 0.0}, i1Prev3[2] = {0.0, 0.0};
    double quadrature = 0.0, inPhase = 0.0, prevI2 = 0.0, prevQ2 = 0.0, re = 0.0, im = 0.0, period = 0.0, smoothPeriod = 0.0;

    __device__ explicit Hilbert(bool phase) : lookback(phase ? 63 : 32), firstBar(phase ? 37 : 12), rad(radToDeg()) {}

    __device__ __forceinline__ void shift(double x) {
        x3 = x2;
        x2 = x1;
        x1 = x;
    }

    // Consumes the next bar; true when the filters ran on it.
    __device__ bool next(double x) {
        const int t = today++;
        if (t < 3) {
            if (t == 0) {
                wmaSub = x;
                wmaSum = x;
            } else {
                wmaSub += x;
                wmaSum += x * (t == 1 ? 2.0 : 3.0);
            }
            shift(x);
            return false;
        }
        wmaSub += x;
        wmaSub -= trailing;
        wmaSum += x * 4.0;
        trailing = x3;
        smoothed = wmaSum * 0.1;
        wmaSum -= wmaSub;
        shift(x);
        if (t < firstBar) return false;

        double adjustedPrevPeriod = (0.075 * period) + 0.54;
        const int parity = t % 2, other = 1 - parity;
        double i1 = i1Prev3[parity];
        double d = detrender[parity].next(smoothed, hilbertIdx, adjustedPrevPeriod);
        double q = q1[parity].next(d, hilbertIdx, adjustedPrevPeriod);
        double jI = ji[parity].next(i1, hilbertIdx, adjustedPrevPeriod);
        double jQ = jq[parity].next(q, hilbertIdx, adjustedPrevPeriod);
        if (parity == 0 && ++hilbertIdx == 3) hilbertIdx = 0;
        double q2 = (0.2 * (q + jI)) + (0.8 * prevQ2);
        double i2 = (0.2 * (i1 - jQ)) + (0.8 * prevI2);
        quadrature = q;
        inPhase = i1;
        i1Prev3[other] = i1Prev2[other];
        i1Prev2[other] = d;

        re = (0.2 * ((i2 * prevI2) + (q2 * prevQ2))) + (0.8 * re);
        im = (0.2 * ((i2 * prevQ2) - (q2 * prevI2))) + (0.8 * im);
        prevQ2 = q2;
        prevI2 = i2;
        double last = period;
        if ((im != 0.0) && (re != 0.0)) period = 360.0 / (atanFdlibm(im / re) * rad);
        double bound = 1.5 * last;
        if (period > bound) period = bound;
        bound = 0.67 * last;
        if (period < bound) period = bound;
        if (period < 6) period = 6;
        else if (period > 50) period = 50;
        period = (0.2 * period) + (0.8 * last);
        smoothPeriod = (0.33 * period) + (0.67 * smoothPeriod);
        hasValue = t >= lookback;
        return true;
    }
};

// round(smoothPeriod) as TA-Lib's (int) (smoothPeriod + 0.5), kept within the tables' 0..50 also for the garbage a
// series' end feeds the state (a NaN gives 0, as Java's cast).
__device__ __forceinline__ int htBars(double smoothPeriod) {
    double r = smoothPeriod + 0.5;
    return r >= 1.0 ? (r < 50.0 ? (int) r : 50) : 0;
}

// The last 50 values of a stream in a ring (core's Window of TA-Lib's SMOOTH_PRICE_SIZE): zeros before the first.
struct HtWindow {
    Ring ring;
    int last = -1;
    __device__ explicit HtWindow(Ring r) : ring(r) {
        for (int j = 0; j < 50; j++) ring.set(j, 0.0);
    }
    __device__ __forceinline__ void add(double x) {
        if (++last == 50) last = 0;
        ring.set(last, x);
    }
    // the value i bars before the latest (i < 50)
    __device__ __forceinline__ double back(int i) const { return ring.get(last - i < 0 ? last - i + 50 : last - i); }
};

// core's HilbertTransform.Phase: the dominant cycle phase in degrees from a one-cycle DFT of the smoothed prices.
struct HtPhase {
    HtWindow prices;
    double dcPhase = 0.0;
    __device__ explicit HtPhase(Ring r) : prices(r) {}
    __device__ double next(const Hilbert& ht) {
        prices.add(ht.smoothed);
        const double smoothPeriod = ht.smoothPeriod;
        const int n = htBars(smoothPeriod);
        const int row = n * (n - 1) / 2;
        double realPart = 0.0, imagPart = 0.0;
        for (int i = 0; i < n; i++) {
            double price = prices.back(i);
            realPart += HT_SIN[row + i] * price;
            imagPart += HT_COS[row + i] * price;
        }
        double magnitude = fabs(imagPart);
        if (magnitude > 0.0) {
            dcPhase = atanFdlibm(realPart / imagPart) * ht.rad;
        } else if (magnitude <= 0.01) {
            if (realPart < 0.0) dcPhase -= 90.0;
            else if (realPart > 0.0) dcPhase += 90.0;
        }
        dcPhase += 90.0;
        dcPhase += 360.0 / smoothPeriod;
        if (imagPart < 0.0) dcPhase += 180.0;
        if (dcPhase > 315.0) dcPhase -= 360.0;
        return dcPhase;
    }
    __device__ double sine(double rad) const { return sin(dcPhase * (1.0 / rad)); }
    __device__ double leadSine(double rad) const { return sin((dcPhase + 45) * (1.0 / rad)); }
};

// core's HilbertTransform.Trendline: the mean of the last round(smoothPeriod) prices, then a 4-bar WMA of the means.
struct HtTrend {
    HtWindow prices;
    double iTrend1 = 0.0, iTrend2 = 0.0, iTrend3 = 0.0;
    __device__ explicit HtTrend(Ring r) : prices(r) {}
    __device__ __forceinline__ void add(double x) { prices.add(x); }
    __device__ double next(const Hilbert& ht) {
        const int n = htBars(ht.smoothPeriod);
        double mean = 0.0;
        for (int i = 0; i < n; i++) mean += prices.back(i);
        if (n > 0) mean = mean / (double) n;
        double trendline = (4.0 * mean + 3.0 * iTrend1 + 2.0 * iTrend2 + iTrend3) / 10.0;
        iTrend3 = iTrend2;
        iTrend2 = iTrend1;
        iTrend1 = mean;
        return trendline;
    }
};

// HT_DCPERIOD (Reading 0) and HT_PHASOR (1: inphase, quadrature).
template <int Reading> struct HtPeriodFn {
    static constexpr int IN = 1, LAGS = 0, OUT = Reading == 0 ? 1 : 2;
    static constexpr bool RINGS = false;
    using G = Wide;
    Hilbert ht;
    __device__ explicit HtPeriodFn(const Params&) : ht(false) {}
    __device__ int lag(int) const { return 0; }
    __device__ bool step(int, const double* x, double* y) {
        bool value = ht.next(x[0]) && ht.hasValue;
        if (Reading == 0) {
            y[0] = ht.smoothPeriod;
        } else {
            y[0] = ht.inPhase;
            y[1] = ht.quadrature;
        }
        return value;
    }
};

// HT_DCPHASE (Reading 0), HT_SINE (1: sine, leadsine), HT_TRENDLINE (2), HT_TRENDMODE (3: 1 trend, 0 cycle). The
// rings: the phase's 50 smoothed prices, then the trendline's 50 prices.
template <int Reading, typename Rings> struct HtPhaseWith {
    static constexpr int IN = 1, LAGS = 0, OUT = Reading == 1 ? 2 : 1;
    static constexpr bool RINGS = true;
    using G = Wide;
    Hilbert ht;
    HtPhase phase;
    HtTrend trend;
    int daysInTrend = 0;
    double sine = 0.0, leadSine = 0.0;
    __device__ HtPhaseWith(const Params&, Rings rings) : ht(true), phase(rings(0)), trend(rings(Reading == 3 ? 50 : 0)) {}
    __device__ int lag(int) const { return 0; }
    // a call: the DFT over up to 50 bars and the sines outweigh it, and inlined into the unrolled tiles they made the
    // kernels' PTX several times longer
    HYBRIDTA_NOINLINE __device__ bool step(int, const double* x, double* y) {
        if (Reading >= 2) trend.add(x[0]);
        if (!ht.next(x[0])) return false;
        if (Reading == 2) {
            y[0] = trend.next(ht);
            return ht.hasValue;
        }
        double prevPhase = phase.dcPhase;
        double p = phase.next(ht);
        if (Reading == 0) {
            y[0] = p;
            return ht.hasValue;
        }
        if (Reading == 1) {
            if (!ht.hasValue) return false;
            y[0] = phase.sine(ht.rad);
            y[1] = phase.leadSine(ht.rad);
            return true;
        }
        // HT_TRENDMODE (core's HtTrendMode.Mode)
        double prevSine = sine, prevLeadSine = leadSine;
        sine = phase.sine(ht.rad);
        leadSine = phase.leadSine(ht.rad);
        double line = trend.next(ht);
        int mode = 1;
        if (((sine > leadSine) && (prevSine <= prevLeadSine)) || ((sine < leadSine) && (prevSine >= prevLeadSine))) {
            daysInTrend = 0;
            mode = 0;
        }
        daysInTrend++;
        double smoothPeriod = ht.smoothPeriod;
        if (daysInTrend < (0.5 * smoothPeriod)) mode = 0;
        double advance = p - prevPhase;
        if ((smoothPeriod != 0.0) && ((advance > (0.67 * 360.0 / smoothPeriod)) && (advance < (1.5 * 360.0 / smoothPeriod)))) mode = 0;
        if ((line != 0.0) && (fabs((ht.smoothed - line) / line) >= 0.015)) mode = 1;
        y[0] = mode;
        return ht.hasValue;
    }
};
template <int Reading> struct HtPhaseFn {
    static constexpr int IN = 1, OUT = Reading == 1 ? 2 : 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params&) { return Reading == 3 ? 100 : 50; }
    template <typename Rings> using With = HtPhaseWith<Reading, Rings>;
};

}  // namespace
