// Trend, directional and window-statistic functions on the kernel framework (issue 16), each core's CPU function
// (org.hybridta.functions) operation for operation, so double results are the CPU backend's bit for bit (ADX where it
// runs as one segment; cut into segments, within 1e-12, as the other decaying recursions):
//   Wilder's directional movement  PLUS_DM MINUS_DM PLUS_DI MINUS_DI DX ADX ADXR   (core's Directional)
//   tracked extremes               AROON AROONOSC MAXINDEX MININDEX MINMAXINDEX     (core's SlidingExtreme)
//   parabolic SAR                  SAR SAREXT                                       (core's SarExt.State)
//   window statistics              BETA CORREL IMI AVGDEV ACCBANDS                  (core's Beta, Correl, Imi, AvgDev, Accbands)
//   MACDFIX                        (core's Macd with TA-Lib's fixed factors 0.15 and 0.075)
// Recursions and running sums carried from bar 0 (the directional family but ADX, SAR, the index functions, BETA, CORREL,
// IMI, ACCBANDS) are never segmented (Segments.java: halo -1), one thread per series over the whole series; AROON,
// AROONOSC and AVGDEV are windows (a halo of the lookback is exact), MACDFIX is MACD's recursion (MACD's decay halo) and
// ADX two Wilder decays with a span that reaches back over flat stretches (adxSpan).
// Divisions by the period go through ExactDiv (common.cuh: x / p's bits, the IEEE division itself for quotients near the
// subnormal range, where Wilder sums decay over long flat stretches), never the within-an-ulp Div.
#pragma once
#include "framework.cuh"

namespace {

__device__ __forceinline__ bool isNan(double v) { return v != v; }

// ---------------------------------------------------------------- Wilder's directional movement

// TA-Lib's "+DM": an up move larger than the down move; "-DM": a down move larger than the up move.
__device__ __forceinline__ bool plusMove(double diffP, double diffM) { return diffP > 0 && diffP > diffM; }
__device__ __forceinline__ bool minusMove(double diffP, double diffM) { return diffM > 0 && diffP < diffM; }

// core's Directional: from bar 1, +DM, -DM and (Range: with a close) the true range; their plain sums over bars
// 1 .. p - 1, then s - s / p + x. The raw moves of the bar stay readable (the period-1 functions use them).
template <bool Range> struct DirectionalState {
    int p;
    double prevHigh = 0.0, prevLow = 0.0, prevClose = 0.0;
    double diffPlus = 0.0, diffMinus = 0.0, tr = 0.0, plusDm = 0.0, minusDm = 0.0, range = 0.0;
    ExactDiv byP;
    __device__ explicit DirectionalState(int period) : p(period), byP(period) {}
    __device__ __forceinline__ void add(int t, double high, double low, double close) {
        if (t == 0) {  // the same for every lane
            prevHigh = high;
            prevLow = low;
            prevClose = close;
            return;
        }
        double diffP = high - prevHigh, diffM = prevLow - low;
        prevHigh = high;
        prevLow = low;
        diffPlus = diffP;
        diffMinus = diffM;
        if (t >= p) {
            minusDm -= byP(minusDm);
            plusDm -= byP(plusDm);
        }
        if (minusMove(diffP, diffM)) minusDm += diffM;
        else if (plusMove(diffP, diffM)) plusDm += diffP;
        if (Range) {
            double r = trueRange(high, low, prevClose);
            prevClose = close;
            tr = r;
            range = t < p ? range + r : range - byP(range) + r;
        }
    }
    // 100 * dm / range, 0 where the range is zero (PLUS_DI, MINUS_DI)
    __device__ __forceinline__ double index(double dm) const { return !nearZero(range) ? 100.0 * (dm / range) : 0.0; }
    // DX of the smoothed sums, NaN where TA-Lib skips it (zero range or zero DI sum)
    __device__ __forceinline__ double dx() const {
        if (nearZero(range)) return nan_value();
        double minus = 100.0 * (minusDm / range), plus = 100.0 * (plusDm / range);
        double sum = minus + plus;
        return !nearZero(sum) ? 100.0 * (fabs(minus - plus) / sum) : nan_value();
    }
};

// core's DirectionalFunction with its subclasses' values. Which: 0 PLUS_DM, 1 MINUS_DM (high, low), 2 PLUS_DI,
// 3 MINUS_DI, 4 DX, 5 ADX (high, low, close). i0 the period.
template <bool Segmented> struct DirectionalGeometry { using type = Wide; };
template <> struct DirectionalGeometry<true> { using type = Narrow; };
template <int Which> struct Directional {
    static constexpr int IN = Which < 2 ? 2 : 3, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = false;
    using G = typename DirectionalGeometry<Which == 5>::type;  // ADX is cut into segments (adxSpan), the others never
    DirectionalState<(Which >= 2)> d;
    int p, lookback;
    double previous, adx = 0.0;  // the last value written (DX repeats it); ADX's seeding sum, then ADX
    __device__ explicit Directional(const Params& q)
        : d(q.i0), p(q.i0),
          lookback(Which < 2 ? (q.i0 > 1 ? q.i0 - 1 : 1) : Which < 4 ? max(1, q.i0) : Which == 4 ? q.i0 : 2 * q.i0 - 1),
          previous(nan_value()) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ double value(int t) {
        if (Which == 0) return p == 1 ? (plusMove(d.diffPlus, d.diffMinus) ? d.diffPlus : 0.0) : d.plusDm;
        if (Which == 1) return p == 1 ? (minusMove(d.diffPlus, d.diffMinus) ? d.diffMinus : 0.0) : d.minusDm;
        if (Which == 2) {
            if (p != 1) return d.index(d.plusDm);
            if (!plusMove(d.diffPlus, d.diffMinus)) return 0.0;
            return nearZero(d.tr) ? 0.0 : d.diffPlus / d.tr;
        }
        if (Which == 3) {
            if (p != 1) return d.index(d.minusDm);
            if (!minusMove(d.diffPlus, d.diffMinus)) return 0.0;
            return nearZero(d.tr) ? 0.0 : d.diffMinus / d.tr;
        }
        double dx = d.dx();
        if (Which == 4) return !isNan(dx) ? dx : isNan(previous) ? 0.0 : previous;
        if (t < p) return nan_value();  // ADX
        if (t < 2 * p - 1) {
            if (!isNan(dx)) adx += dx;
            return nan_value();
        }
        if (t == 2 * p - 1) {
            if (!isNan(dx)) adx += dx;
            adx = d.byP(adx);
        } else if (!isNan(dx)) {
            adx = d.byP((adx * (p - 1)) + dx);
        }
        return adx;
    }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        if constexpr (IN == 3) d.add(t, x[0], x[1], x[2]);
        else d.add(t, x[0], x[1], 0.0);
        if (t < lookback) {  // the same for every lane
            if (Which == 5 && t >= p) value(t);  // ADX sums its seeding DXs
            return false;
        }
        y[0] = previous = value(t);
        return true;
    }
};

// ADXR (core's Adxr): the mean of this bar's ADX and the one p - 1 bars back, kept in a ring of p - 1 doubles.
template <typename Rings> struct AdxrWith {
    static constexpr int IN = 3, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Wide;
    Directional<5> adx;
    Ring ring;
    int lag1, pos = 0, lookback;
    __device__ AdxrWith(const Params& q, Rings rings) : adx(q), ring(rings(0)), lag1(q.i0 - 1), lookback(3 * q.i0 - 2) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        double a = 0.0;
        adx.step(t, x, &a);
        double back = ring.get(pos);  // ADX of bar t - (p - 1), once t reaches the lookback
        ring.set(pos, a);
        if (++pos == lag1) pos = 0;
        if (t < lookback) return false;
        y[0] = (a + back) / 2.0;
        return true;
    }
};
struct Adxr {
    static constexpr int IN = 3, OUT = 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return q.i0 - 1; }
    template <typename Rings> using With = AdxrWith<Rings>;
};

// ---------------------------------------------------------------- tracked extremes and their bars

// TA-Lib's tracked extreme of the last `window` values (core's SlidingExtreme.add): the bar of the extreme is kept
// while it stays in the window and replaced by a new value at least as extreme (>=); when it leaves, TA-Lib's rescan
// of the window is answered by a monotonic queue (the front: the earliest of equal extremes, or with Latest the
// latest), O(1) amortised a bar. The queue holds up to `window` (bar, value) pairs in two rings. Lowest extremes are
// tracked as the highest of the negated values (negation is exact). Bars count from relative bar 0. Prices are
// finite (BarSeries); the CPU's handling of NaN inside a window (a NaN starting the window sticks) is not repeated.
template <bool Latest> struct TrackedExtreme {
    Ring bars, values;
    int window, head = 0, count = 0, index = -1;
    double value = 0.0;
    __device__ TrackedExtreme(Ring b, Ring v, int w) : bars(b), values(v), window(w) {}
    __device__ __forceinline__ void add(int t, double v) {
        const int trailing = t - window + 1;
        // at most one bar leaves a window that moves by one bar
        if (count > 0 && bars.get(head) < trailing) {
            if (++head == window) head = 0;
            count--;
        }
        while (count > 0) {
            int last = head + count - 1;
            if (last >= window) last -= window;
            double back = values.get(last);
            if (Latest ? back <= v : back < v) count--;
            else break;
        }
        int slot = head + count;
        if (slot >= window) slot -= window;
        bars.set(slot, (double) t);
        values.set(slot, v);
        count++;
        if (trailing < 0) return;
        if (index < trailing) {  // TA-Lib rescans the window
            index = (int) bars.get(head);
            value = values.get(head);
        } else if (v >= value) {
            index = t;
            value = v;
        }
    }
};

// AROON (Osc = false: aroondown, aroonup) and AROONOSC (core's Aroon.Extremes): the bars of the highest high and the
// lowest low of the last p + 1 bars, the latest of equal extremes (which makes them the window's alone, so a halo of
// the lookback p is exact); 100 / p * (p - bars since the extreme), the oscillator 100 / p * (bar of the highest - bar
// of the lowest). i0 the period.
template <bool Osc, typename Rings> struct AroonWith {
    static constexpr int IN = 2, LAGS = 0, OUT = Osc ? 1 : 2;
    static constexpr bool RINGS = true;
    using G = Narrow;
    TrackedExtreme<true> highest, lowest;
    int p;
    double factor;
    __device__ AroonWith(const Params& q, Rings rings)
        : highest(rings(0), rings(q.i0 + 1), q.i0 + 1), lowest(rings(2 * (q.i0 + 1)), rings(3 * (q.i0 + 1)), q.i0 + 1), p(q.i0),
          factor(100.0 / q.i0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        highest.add(t, x[0]);
        lowest.add(t, -x[1]);
        if (t < p) return false;
        double today = t, hi = highest.index, lo = lowest.index;
        if (Osc) {
            y[0] = factor * (hi - lo);
        } else {
            y[0] = factor * (p - (today - lo));
            y[OUT - 1] = factor * (p - (today - hi));
        }
        return true;
    }
};
template <bool Osc> struct AroonFn {
    static constexpr int IN = 2, OUT = Osc ? 1 : 2;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return 4 * (q.i0 + 1); }
    template <typename Rings> using With = AroonWith<Osc, Rings>;
};

// MAXINDEX (Which 0), MININDEX (1), MINMAXINDEX (2: the lowest's bar, then the highest's) of the last p values (core's
// WindowExtreme): TA-Lib's tracked bars, the earliest of equal extremes on a rescan. Which bar is tracked depends on
// the whole past (a new equal extreme takes over, a rescan takes the earliest), so never segmented: the bars count from
// the series' first bar. i0 the period.
template <int Which, typename Rings> struct WindowIndexWith {
    static constexpr int IN = 1, LAGS = 0, OUT = Which == 2 ? 2 : 1;
    static constexpr bool RINGS = true;
    using G = Wide;
    TrackedExtreme<false> first, second;  // second: the highest of MINMAXINDEX
    int p;
    __device__ WindowIndexWith(const Params& q, Rings rings)
        : first(rings(0), rings(q.i0), q.i0), second(rings(Which == 2 ? 2 * q.i0 : 0), rings(Which == 2 ? 3 * q.i0 : 0), q.i0), p(q.i0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        first.add(t, Which == 0 ? x[0] : -x[0]);
        if (Which == 2) second.add(t, x[0]);
        y[0] = first.index;
        if (Which == 2) y[OUT - 1] = second.index;
        return t >= p - 1;
    }
};
template <int Which> struct WindowIndex {
    static constexpr int IN = 1, OUT = Which == 2 ? 2 : 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return (Which == 2 ? 4 : 2) * q.i0; }
    template <typename Rings> using With = WindowIndexWith<Which, Rings>;
};

// ---------------------------------------------------------------- parabolic SAR

// core's SarExt.State (ta_SAREXT.c, and ta_SAR.c as its special case) one bar at a time: bar 0 is kept, bar 1 starts
// the position (direction from bar 1's -DM unless a start value says), then Wilder's stop and reverse. SAREXT writes
// short positions negative. Sequential over the whole series: never segmented.
struct SarParams {
    double startValue, offset, initLong, accLong, maxLong, initShort, accShort, maxShort;
    bool negativeShort;
};
struct Sar {
    static constexpr int IN = 2, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Wide;
    double startValue, offset, initLong, accLong, maxLong, initShort, accShort, maxShort;
    bool negativeShort, isLong = false;
    double afLong, afShort, ep = 0.0, sar = 0.0, newHigh = 0.0, newLow = 0.0;
    // SAR: d0 the acceleration (start and step), d1 the maximum; short positions as they are
    __device__ explicit Sar(const Params& q) : Sar(SarParams{0.0, 0.0, q.d0, q.d0, q.d1, q.d0, q.d0, q.d1, false}) {}
    __device__ explicit Sar(const SarParams& s)
        : startValue(s.startValue), offset(s.offset), initLong(s.initLong > s.maxLong ? s.maxLong : s.initLong),
          accLong(s.accLong > s.maxLong ? s.maxLong : s.accLong), maxLong(s.maxLong),
          initShort(s.initShort > s.maxShort ? s.maxShort : s.initShort), accShort(s.accShort > s.maxShort ? s.maxShort : s.accShort),
          maxShort(s.maxShort), negativeShort(s.negativeShort) {
        afLong = initLong;  // TA-Lib caps the initial and step factors at the maximum (above)
        afShort = initShort;
    }
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ void start(double high, double low) {
        double firstHigh = newHigh, firstLow = newLow;
        if (startValue == 0) {
            isLong = !minusMove(high - firstHigh, firstLow - low);
            ep = isLong ? high : low;
            sar = isLong ? firstLow : firstHigh;
        } else if (startValue > 0) {
            isLong = true;
            ep = high;
            sar = startValue;
        } else {
            isLong = false;
            ep = low;
            sar = fabs(startValue);
        }
        newHigh = high;
        newLow = low;
    }
    __device__ __forceinline__ double whileLong(double prevLow, double prevHigh) {
        if (newLow <= sar) {  // the low penetrates the SAR: switch to short
            isLong = false;
            sar = ep;
            if (sar < prevHigh) sar = prevHigh;
            if (sar < newHigh) sar = newHigh;
            if (offset != 0.0) sar += sar * offset;
            double out = negativeShort ? -sar : sar;
            afShort = initShort;
            ep = newLow;
            sar = sar + afShort * (ep - sar);
            if (sar < prevHigh) sar = prevHigh;
            if (sar < newHigh) sar = newHigh;
            return out;
        }
        double out = sar;
        if (newHigh > ep) {
            ep = newHigh;
            afLong += accLong;
            if (afLong > maxLong) afLong = maxLong;
        }
        sar = sar + afLong * (ep - sar);
        if (sar > prevLow) sar = prevLow;
        if (sar > newLow) sar = newLow;
        return out;
    }
    __device__ __forceinline__ double whileShort(double prevLow, double prevHigh) {
        if (newHigh >= sar) {  // the high penetrates the SAR: switch to long
            isLong = true;
            sar = ep;
            if (sar > prevLow) sar = prevLow;
            if (sar > newLow) sar = newLow;
            if (offset != 0.0) sar -= sar * offset;
            double out = sar;
            afLong = initLong;
            ep = newHigh;
            sar = sar + afLong * (ep - sar);
            if (sar > prevLow) sar = prevLow;
            if (sar > newLow) sar = newLow;
            return out;
        }
        double out = negativeShort ? -sar : sar;
        if (newLow < ep) {
            ep = newLow;
            afShort += accShort;
            if (afShort > maxShort) afShort = maxShort;
        }
        sar = sar + afShort * (ep - sar);
        if (sar < prevHigh) sar = prevHigh;
        if (sar < newHigh) sar = newHigh;
        return out;
    }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        if (t == 0) {  // the same for every lane
            newHigh = x[0];
            newLow = x[1];
            return false;
        }
        if (t == 1) start(x[0], x[1]);  // bar 1 is then its own previous bar, as TA-Lib has it
        double prevLow = newLow, prevHigh = newHigh;
        newLow = x[1];
        newHigh = x[0];
        y[0] = isLong ? whileLong(prevLow, prevHigh) : whileShort(prevLow, prevHigh);
        return true;
    }
};

// ---------------------------------------------------------------- window statistics

// TA-Lib's one-bar return (core's Beta.change): 0 after a price TA-Lib deems zero.
__device__ __forceinline__ double changeOf(double price, double last) { return !nearZero(last) ? (price - last) / last : 0.0; }

// BETA (core's Beta): the least-squares slope of real1's one-bar returns against real0's over the last p returns, from
// running sums (never segmented); the returns of the window in two rings of p doubles. i0 the period.
template <typename Rings> struct BetaWith {
    static constexpr int IN = 2, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Wide;
    Ring xs, ys;
    int p, pos = 0;
    double n, lastX = 0.0, lastY = 0.0, sxx = 0.0, sxy = 0.0, sx = 0.0, sy = 0.0;
    __device__ BetaWith(const Params& q, Rings rings) : xs(rings(0)), ys(rings(q.i0)), p(q.i0), n(q.i0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        if (t == 0) {  // the same for every lane
            lastX = x[0];
            lastY = x[1];
            return false;
        }
        double rx = changeOf(x[0], lastX), ry = changeOf(x[1], lastY);
        lastX = x[0];
        lastY = x[1];
        xs.set(pos, rx);
        ys.set(pos, ry);
        if (++pos == p) pos = 0;  // now the slot of the return of bar t - p + 1
        sxx += rx * rx;
        sxy += rx * ry;
        sx += rx;
        sy += ry;
        if (t < p) return false;
        double divisor = (n * sxx) - (sx * sx);
        y[0] = !nearZero(divisor) ? ((n * sxy) - (sx * sy)) / divisor : 0.0;
        double ox = xs.get(pos), oy = ys.get(pos);
        sxx -= ox * ox;
        sxy -= ox * oy;
        sx -= ox;
        sy -= oy;
        return true;
    }
};
struct Beta {
    static constexpr int IN = 2, OUT = 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return 2 * q.i0; }
    template <typename Rings> using With = BetaWith<Rings>;
};

// CORREL (core's Correl): Pearson's r of real0 and real1 over the last p bars from running sums (never segmented):
// the bar leaving the window (real0 through a stream lagged p bars, real1 from a ring of p doubles) leaves before the
// new one enters. i0 the period.
template <typename Rings> struct CorrelWith {
    static constexpr int IN = 2, LAGS = 1, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Wide;
    Ring ys;
    int p, pos = 0;
    double sumX = 0.0, sumX2 = 0.0, sumXY = 0.0, sumY = 0.0, sumY2 = 0.0;
    ExactDiv byP;
    __device__ CorrelWith(const Params& q, Rings rings) : ys(rings(0)), p(q.i0), byP(q.i0) {}
    __device__ int lag(int) const { return p; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        if (t >= p) {  // the same for every lane
            double ox = x[2], oy = ys.get(pos);
            sumX -= ox;
            sumX2 -= ox * ox;
            sumXY -= ox * oy;
            sumY -= oy;
            sumY2 -= oy * oy;
        }
        ys.set(pos, x[1]);
        if (++pos == p) pos = 0;
        sumX += x[0];
        sumX2 += x[0] * x[0];
        sumXY += x[0] * x[1];
        sumY += x[1];
        sumY2 += x[1] * x[1];
        if (t < p - 1) return false;
        double variances = (sumX2 - byP(sumX * sumX)) * (sumY2 - byP(sumY * sumY));
        y[0] = !(variances < 0.00000000000001) ? (sumXY - byP(sumX * sumY)) / sqrt(variances) : 0.0;
        return true;
    }
};
struct Correl {
    static constexpr int IN = 2, OUT = 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return q.i0; }
    template <typename Rings> using With = CorrelWith<Rings>;
};

// core's Imi.WindowSum: the sum of the last n terms kept running, and summed afresh in the window's order (oldest first,
// NaN passed over) whenever it falls below 1/1024 of its largest value since the last fresh sum; NaN terms are counted.
struct ImiWindowSum {
    Ring ring;
    int n, pos = 0, seen = 0, nans = 0;
    double sum = 0.0, peak = 0.0;
    __device__ ImiWindowSum(Ring r, int period) : ring(r), n(period) {}
    __device__ __forceinline__ bool add(double x) {
        double old = ring.get(pos);  // used once the window is full
        ring.set(pos, x);
        if (++pos == n) pos = 0;
        if (seen == n) {
            if (isNan(old)) nans--;
            else sum -= old;
        } else {
            seen++;
        }
        if (isNan(x)) nans++;
        else sum += x;
        double size = fabs(sum);
        if (size > peak) peak = size;
        else if (!(size >= peak * 0.0009765625)) refresh();  // NaN too: an infinite term has left
        return seen == n;
    }
    __device__ __forceinline__ double value() const { return nans > 0 ? nan_value() : sum; }
    __device__ void refresh() {
        int first = seen == n ? pos : 0;
        double fresh = 0.0;
        for (int k = 0; k < seen; k++) {
            double v = ring.get(first + k < n ? first + k : first + k - n);
            if (!isNan(v)) fresh += v;
        }
        sum = fresh;
        peak = fabs(fresh);
    }
};

// IMI (core's Imi.State): 100 * up / (up + down) over the last p bars (inputs open, close), no zero test (0 / 0 is NaN
// as TA-Lib's). Two WindowSums, rings of p doubles each; never segmented. i0 the period.
template <typename Rings> struct ImiWith {
    static constexpr int IN = 2, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Wide;
    ImiWindowSum up, down;
    __device__ ImiWith(const Params& q, Rings rings) : up(rings(0), q.i0), down(rings(q.i0), q.i0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int, const double* x, double* y) {
        bool rising = x[1] > x[0];
        bool full = up.add(rising ? x[1] - x[0] : 0.0);
        down.add(rising ? 0.0 : x[0] - x[1]);
        if (!full) return false;
        double u = up.value();
        y[0] = 100.0 * (u / (u + down.value()));
        return true;
    }
};
struct Imi {
    static constexpr int IN = 2, OUT = 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return 2 * q.i0; }
    template <typename Rings> using With = ImiWith<Rings>;
};

// AVGDEV (core's AvgDev): the mean absolute deviation of the last p values from their mean, each window summed afresh,
// latest value first, as TA-Lib (O(p) a bar; the rounding needs it). A window: a halo of p - 1 bars is exact. i0 the period.
template <typename Rings> struct AvgDevWith {
    static constexpr int IN = 1, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Narrow;
    Ring ring;
    int p, pos = 0;
    ExactDiv byP;
    __device__ AvgDevWith(const Params& q, Rings rings) : ring(rings(0)), p(q.i0), byP(q.i0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        const int latest = pos;
        ring.set(pos, x[0]);
        if (++pos == p) pos = 0;
        if (t < p - 1) return false;  // the same for every lane
        double sum = 0.0;
        int k = latest;
        for (int i = 0; i < p; i++) {
            sum += ring.get(k);
            k = k == 0 ? p - 1 : k - 1;
        }
        double mean = byP(sum), deviation = 0.0;
        for (int i = 0; i < p; i++) {  // k is back at the latest value
            deviation += fabs(ring.get(k) - mean);
            k = k == 0 ? p - 1 : k - 1;
        }
        y[0] = byP(deviation);
        return true;
    }
};
struct AvgDev {
    static constexpr int IN = 1, OUT = 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return q.i0; }
    template <typename Rings> using With = AvgDevWith<Rings>;
};

// ACCBANDS (core's Accbands.State): SMAs (core's Sum.Running: add, take the sum, remove the window's first) over p bars of
// high * (1 + 4 (high - low) / (high + low)), the close and low * (1 - 4 (high - low) / (high + low)); where high + low
// is zero, the high and the low. Rings of the window's three terms (3 p doubles); running sums: never segmented.
template <typename Rings> struct AccBandsWith {
    static constexpr int IN = 3, LAGS = 0, OUT = 3;
    static constexpr bool RINGS = true;
    using G = Wide;
    Ring ru, rm, rl;
    int p, pos = 0;
    double tu = 0.0, tm = 0.0, tl = 0.0;
    ExactDiv byP;
    __device__ AccBandsWith(const Params& q, Rings rings) : ru(rings(0)), rm(rings(q.i0)), rl(rings(2 * q.i0)), p(q.i0), byP(q.i0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        double high = x[0], low = x[1], sum = high + low, up = high, down = low;
        if (!nearZero(sum)) {
            double width = 4 * (high - low) / sum;
            up = high * (1 + width);
            down = low * (1 - width);
        }
        tu += up;
        tm += x[2];
        tl += down;
        ru.set(pos, up);
        rm.set(pos, x[2]);
        rl.set(pos, down);
        if (++pos == p) pos = 0;  // now the slot of the window's first bar
        if (t < p - 1) return false;  // the same for every lane
        y[0] = byP(tu);
        y[1] = byP(tm);
        y[2] = byP(tl);
        tu -= ru.get(pos);
        tm -= rm.get(pos);
        tl -= rl.get(pos);
        return true;
    }
};
struct AccBands {
    static constexpr int IN = 3, OUT = 3;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return 3 * q.i0; }
    template <typename Rings> using With = AccBandsWith<Rings>;
};

// ---------------------------------------------------------------- MACDFIX

// MACDFIX (core's MacdFix through Macd.batch): MACD over 12 and 26 bars with TA-Lib's fixed factors 0.15 and 0.075, each
// EMA seeded with its mean (the fast one over the 12 bars ending at bar 25), the signal an EMA of factor 2 / (s + 1)
// seeded with the mean of its first s values. Recursive: segmented with MACD's decay halo. i0 the signal period.
struct MacdFix {
    static constexpr int IN = 1, LAGS = 0, OUT = 3;
    static constexpr bool RINGS = false;
    using G = Narrow;
    Ema slow, fast, signal;
    __device__ explicit MacdFix(const Params& q) : slow(26, 0.075), fast(12, 0.15), signal(q.i0, emaK(q.i0)) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        slow.feed(x[0]);
        if (t >= 26 - 12) fast.feed(x[0]);  // the same for every lane
        if (t < 26 - 1) return false;
        double macd = fast.v - slow.v;
        if (!signal.feed(macd)) return false;
        y[0] = macd;
        y[1] = signal.v;
        y[2] = macd - signal.v;
        return true;
    }
};

using PlusDm = Directional<0>;
using MinusDm = Directional<1>;
using PlusDi = Directional<2>;
using MinusDi = Directional<3>;
using Dx = Directional<4>;
using Adx = Directional<5>;
using AroonPair = AroonFn<false>;
using AroonOsc = AroonFn<true>;
using MaxIndex = WindowIndex<0>;
using MinIndex = WindowIndex<1>;
using MinMaxIndex = WindowIndex<2>;

}  // namespace

// ---------------------------------------------------------------- entry points (FN: name_f64 and name_f32)

FN(plus_dm, PlusDm, 2, 1)
FN(minus_dm, MinusDm, 2, 1)
FN(plus_di, PlusDi, 3, 1)
FN(minus_di, MinusDi, 3, 1)
FN(dx, Dx, 3, 1)
// ADX in time segments (Segments.halo: its lookback and two Wilder decays), each starting where adxSpan says: +DM and
// -DM each need a contribution, and ADX itself, which stands still while the true range is near zero (no DX), needs
// `halo` bars of nonzero true range before the segment to forget its restart, not just `halo` bars. Ten thousand
// series are 313 warps; the segments give the device the thousands it needs.
__device__ __forceinline__ Span adxSpan(const double* h, const double* l, const double* c, const int* len, int bars, int segLen, int halo,
                                        int align) {
    return reachingBack(bars, segLen, halo, align, len, [&](int lane, int t0) {
        int plus = -1, minus = -1, counted = 0, start = 0;  // start 0: too few ranges since bar 1, the whole series
        double hi = at(h, bars, t0 - 1, lane), lo = at(l, bars, t0 - 1, lane);
        for (int t = t0 - 1; t >= 1; t--) {
            double hiPrev = at(h, bars, t - 1, lane), loPrev = at(l, bars, t - 1, lane);
            if (trueRange(hi, lo, at(c, bars, t - 1, lane)) != 0.0 && ++counted == halo) start = t;
            double diffP = hi - hiPrev, diffM = loPrev - lo;
            if (minusMove(diffP, diffM)) {
                if (minus < 0) minus = t;
            } else if (plusMove(diffP, diffM)) {
                if (plus < 0) plus = t;
            }
            if (counted >= halo && plus >= 0 && minus >= 0) break;
            hi = hiPrev;
            lo = loPrev;
        }
        return min(start, min(haloBefore(plus, halo), haloBefore(minus, halo)));
    });
}
#define ADX_T(SFX, T)                                                                                                                      \
    extern "C" __global__ void __launch_bounds__(32) adx_##SFX(const double* x0, const double* x1, const double* x2, T* y0, const int* n,  \
                                                              int bars, int sl, int hl, int al, int i0, int i1, int i2, double d0,       \
                                                              double d1, double* r) {                                                    \
        const double* const in[3] = {x0, x1, x2};                                                                                         \
        T* const out[1] = {y0};                                                                                                           \
        series<Adx, T, 3, 1>(in, out, n, adxSpan(x0, x1, x2, n, bars, sl, hl, al), Params{i0, i1, i2, d0, d1}, r);                       \
    }
ADX_T(f64, double)
ADX_T(f32, float)
#undef ADX_T
FN(adxr, Adxr, 3, 1)
FN(aroon, AroonPair, 2, 2)
FN(aroonosc, AroonOsc, 2, 1)
FN(maxindex, MaxIndex, 1, 1)
FN(minindex, MinIndex, 1, 1)
FN(minmaxindex, MinMaxIndex, 1, 2)
FN(sar, Sar, 2, 1)
FN(beta, Beta, 2, 1)
FN(correl, Correl, 2, 1)
FN(imi, Imi, 2, 1)
FN(avgdev, AvgDev, 1, 1)
FN(accbands, AccBands, 3, 3)
FN(macdfix, MacdFix, 1, 3)

// SAREXT takes eight doubles (its start value, offset on reverse and the long and short factors), more than the
// framework's two: its own entry point, with the framework's parameters otherwise (KernelCall packs the eight).
#define SAREXT_T(SFX, T)                                                                                                                   \
    extern "C" __global__ void __launch_bounds__(32)                                                                                      \
        sarext_##SFX(const double* x0, const double* x1, T* y0, const int* n, int bars, int sl, int hl, int al, int, int, int, double d0,  \
                     double d1, double d2, double d3, double d4, double d5, double d6, double d7, double*) {                              \
        const double* const in[2] = {x0, x1};                                                                                             \
        T* const out[1] = {y0};                                                                                                           \
        Sar f(SarParams{d0, d1, d2, d3, d4, d5, d6, d7, true});                                                                           \
        seriesWith<T>(in, out, n, Span(bars, sl, hl, al), f);                                                                             \
    }
SAREXT_T(f64, double)
SAREXT_T(f32, float)
#undef SAREXT_T
