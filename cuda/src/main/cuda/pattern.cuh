// Pattern recognition (TA-Lib's group): the candle toolkit the 61 candlestick patterns (CDL*) share, and the driver
// that runs one pattern on the kernel framework; pattern2.cuh holds the patterns themselves.
//
// Every pattern is core's (org.hybridta.functions.Cdl*, TA-Lib's ta_CDL*.c) transcribed: the same candle measures
// (Candles: core's Candles), and the same running averages of the candle settings (Avg: core's CandleAverage), each
// with its own total, summed over the period before the pattern's first bar and rolled bar by bar in TA-Lib's order,
// so that every comparison of a candle with an average is decided as on the CPU (a total one ulp off would flip a
// signal). The outputs are the signals (-200 .. 200) as doubles or floats, exact in both.
//
// The settings are the host's at launch (CandleSettings.current()): each setting's range type and period packed into
// one int (range | period << 2) and its factor. A pattern's last K candles live in registers (Candles<K>); the three
// ranges of the last lookback + 1 candles (the averages' oldest candle is at most lookback bars back) live in a ring,
// in shared memory when it fits. The totals carry their rounding from the series' first bar, so the patterns are
// never cut into time segments (Segments.java), except the few that keep no average and no state.
#pragma once
#include "framework.cuh"

namespace {
namespace cdl {  // the patterns' own names (Avg, Candles, NEAR ...), apart from the other families' in the one translation unit

// TA-Lib's candle settings (TA_CandleSettingType, core's CandleSettings.Setting), in TA-Lib's order.
enum CandleSetting { BODY_LONG, BODY_VERY_LONG, BODY_SHORT, BODY_DOJI, SHADOW_LONG, SHADOW_VERY_LONG, SHADOW_SHORT, SHADOW_VERY_SHORT, NEAR, FAR, EQUAL, SETTINGS };
// What a setting averages (TA_RangeType).
enum RangeType { REAL_BODY, HIGH_LOW, SHADOWS };

// A pattern kernel's scalar parameters: the lookback under the settings, the settings, the penetration (0 where the
// pattern has none).
struct CdlParams {
    int lookback;
    int rule[SETTINGS];  // range | avgPeriod << 2
    double factor[SETTINGS];
    double penetration;
};

// TA-Lib's min and max macros (a < b ? a : b): unlike fmin and fmax, NaN in a gives b, as on the CPU.
__device__ __forceinline__ double tmin(double a, double b) { return a < b ? a : b; }
__device__ __forceinline__ double tmax(double a, double b) { return a > b ? a : b; }

// The last K candles, k bars back (0: the current one); core's Candles with lags for indexes. Patterns index them
// with constants only, so that the arrays stay in registers.
template <int K> struct Candles {
    double o[K], h[K], l[K], cl[K];
    __device__ __forceinline__ void push(const double* x) {
#pragma unroll
        for (int k = K - 1; k > 0; k--) {
            o[k] = o[k - 1];
            h[k] = h[k - 1];
            l[k] = l[k - 1];
            cl[k] = cl[k - 1];
        }
        o[0] = x[0];
        h[0] = x[1];
        l[0] = x[2];
        cl[0] = x[3];
    }
    __device__ __forceinline__ double open(int k) const { return o[k]; }
    __device__ __forceinline__ double high(int k) const { return h[k]; }
    __device__ __forceinline__ double low(int k) const { return l[k]; }
    __device__ __forceinline__ double close(int k) const { return cl[k]; }
    __device__ __forceinline__ double body(int k) const { return fabs(cl[k] - o[k]); }
    __device__ __forceinline__ double upperShadow(int k) const { return h[k] - (cl[k] >= o[k] ? cl[k] : o[k]); }
    __device__ __forceinline__ double lowerShadow(int k) const { return (cl[k] >= o[k] ? o[k] : cl[k]) - l[k]; }
    __device__ __forceinline__ double highLow(int k) const { return h[k] - l[k]; }
    __device__ __forceinline__ double shadows(int k) const { return upperShadow(k) + lowerShadow(k); }
    __device__ __forceinline__ int color(int k) const { return cl[k] >= o[k] ? 1 : -1; }
    __device__ __forceinline__ bool bodyGapUp(int k2, int k1) const { return tmin(o[k2], cl[k2]) > tmax(o[k1], cl[k1]); }
    __device__ __forceinline__ bool bodyGapDown(int k2, int k1) const { return tmax(o[k2], cl[k2]) < tmin(o[k1], cl[k1]); }
    __device__ __forceinline__ bool gapUp(int k2, int k1) const { return l[k2] > h[k1]; }
    __device__ __forceinline__ bool gapDown(int k2, int k1) const { return h[k2] < l[k1]; }
};

// The three ranges (TA_CANDLERANGE of each range type) of the last `size` candles: three rings of `size` doubles.
struct RangeRing {
    Ring ring;
    int size, pos = -1;
    __device__ RangeRing(Ring r, int size_) : ring(r), size(size_) {}
    template <int K> __device__ __forceinline__ void push(const Candles<K>& c) {
        if (++pos == size) pos = 0;
        ring.set(pos, c.body(0));
        ring.set(size + pos, c.highLow(0));
        ring.set(2 * size + pos, c.shadows(0));
    }
    // The range of type `type` of the candle `lag` bars back (lag < size).
    __device__ __forceinline__ double get(int type, int lag) const {
        int k = pos - lag;
        if (k < 0) k += size;
        return ring.get(type * size + k);
    }
};

// TA_CANDLEAVERAGE of one setting for the candle `offset` bars back, with its running total (core's CandleAverage):
// the sum of the ranges of the `period` candles before that candle, first summed over bars [first - offset - period,
// first - offset) in order (prime), then rolled after every bar from the pattern's first bar on (roll).
struct Avg {
    int type, period, offset, from, to;
    double factor, total;
    ExactDiv byPeriod;  // total / period's bits (the averages decide comparisons: patterns are exact)
    __device__ Avg() {}
    __device__ Avg(const CdlParams& q, int setting, int off, int first)
        : type(q.rule[setting] & 3), period(q.rule[setting] >> 2), offset(off), from(first - off - (q.rule[setting] >> 2)), to(first - off),
          factor(q.factor[setting]), total(0.0), byPeriod(max(1, q.rule[setting] >> 2)) {}
    // Before the pattern's first bar: adds bar t's range where it belongs to the initial sum.
    __device__ __forceinline__ void prime(int t, const RangeRing& r) {
        if (t >= from && t < to) total += r.get(type, 0);
    }
    // The average for the candle k bars back: factor * (period != 0 ? total / period : its own range), a shadows' halved.
    __device__ __forceinline__ double at(const RangeRing& r, int k) const {
        double v = factor * (period != 0 ? byPeriod(total) : r.get(type, k));
        return type == SHADOWS ? v / 2.0 : v;
    }
    // After a bar: the range of the candle it follows in, the oldest out.
    __device__ __forceinline__ void roll(const RangeRing& r) { total = total + (r.get(type, offset) - r.get(type, offset + period)); }
};

// One pattern P on the kernel framework (inputs open, high, low, close; one output). P supplies K (candles it reads),
// NA (averages), PRIMING (bars before the first signal on which TA-Lib already runs the loop: the hikkakes' 3),
// averages(a, q, first) (its Avgs) and detect(c, a, r, penetration, t) (the signal at relative bar t).
template <typename P, typename Rings> struct PatternWith {
    static constexpr int IN = 4, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Narrow;
    P p;
    Candles<P::K> c;
    RangeRing r;
    Avg a[P::NA > 0 ? P::NA : 1];
    int lookback, first;
    double penetration;
    __device__ PatternWith(const CdlParams& q, Rings rings)
        : r(rings(0), q.lookback + 1), lookback(q.lookback), first(q.lookback - P::PRIMING), penetration(q.penetration) {
        P::averages(a, q, first);
    }
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        c.push(x);
        if (P::NA > 0) r.push(c);  // (a pattern without averages reads no range)
        if (t < first) {  // the same for every lane
#pragma unroll
            for (int j = 0; j < P::NA; j++) a[j].prime(t, r);
            return false;
        }
        y[0] = (double) p.detect(c, a, r, penetration, t);
#pragma unroll
        for (int j = 0; j < P::NA; j++) a[j].roll(r);
        return t >= lookback;
    }
};

// The pattern P's series: its rings (3 * (lookback + 1) doubles a series) where the host put them.
template <typename P, typename T>
__device__ void patternSeries(const double* const (&in)[4], T* const (&out)[1], const int* len, const Span& sp, const CdlParams& q, double* scratch) {
    withRings(scratch, 3 * (q.lookback + 1), [&](auto rings) {
        PatternWith<P, decltype(rings)> f(q, rings);
        seriesWith<T>(in, out, len, sp, f);
    });
}

}  // namespace cdl
}  // namespace

// Entry points: CDL(name, P) defines name_f64 and name_f32 with the parameters (open, high, low, close, output, lengths,
// bars, segmentLength, halo, align, int lookback, int rule[11], double factor[11], double penetration, double* scratch)
// (KernelCall.pattern packs them).
#define CDL_T(name, P, SFX, T)                                                                                                              \
    extern "C" __global__ void __launch_bounds__(32)                                                                                        \
        name##_##SFX(const double* x0, const double* x1, const double* x2, const double* x3, T* y0, const int* n, int bars, int sl, int hl, \
                     int al, int lb, int s0, int s1, int s2, int s3, int s4, int s5, int s6, int s7, int s8, int s9, int s10, double f0,    \
                     double f1, double f2, double f3, double f4, double f5, double f6, double f7, double f8, double f9, double f10,         \
                     double pen, double* r) {                                                                                               \
        const double* const in[4] = {x0, x1, x2, x3};                                                                                       \
        T* const out[1] = {y0};                                                                                                             \
        const cdl::CdlParams q{lb, {s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10}, {f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10}, pen};      \
        cdl::patternSeries<P, T>(in, out, n, Span(bars, sl, hl, al), q, r);                                                                 \
    }
#define CDL(name, P) CDL_T(name, P, f64, double) CDL_T(name, P, f32, float)
