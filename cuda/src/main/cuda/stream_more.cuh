// More streaming steps for stream.cu beyond the original indicators: ROCP ROCR ROCR100, CMO, SUM, PLUS_DM MINUS_DM
// PLUS_DI MINUS_DI DX, AD, BOP and the price transforms. Same shape and rules as stream_originals.cuh (which they
// build on): the CPU's streaming step operation by operation.
#pragma once
#include "stream_originals.cuh"

namespace hts {

// ROCP (0), ROCR (1), ROCR100 (2) over the Lag ring (RateOfChangeFunction): i0 period
template <int FORM> struct RateK {
    static constexpr int IN = 1, OUT = 1;
    struct S {
        int seen, pos;
    };
    __device__ static int ring(const P& p) { return p.i0; }
    template <typename R> __device__ static void step(const P& p, S& s, R& r, const double* x, double* y) {
        const int period = p.i0;
        const double then = s.seen < period ? nan_() : r.get(s.pos), now = x[0];
        if (s.seen < period) s.seen++;
        else s.seen = period + 1;
        r.set(s.pos, now);
        if (++s.pos == period) s.pos = 0;
        if (s.seen <= period) y[0] = nan_();
        else if (then == 0.0) y[0] = 0.0;
        else if (FORM == 0) y[0] = (now - then) / then;
        else if (FORM == 1) y[0] = now / then;
        else y[0] = (now / then) * 100.0;
    }
};

// CMO: RSI's smoothing (GainLoss.State) with CMO's value; i0 period
struct CmoK {
    static constexpr int IN = 1, OUT = 1;
    using S = RsiK::S;
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P& p, S& s, R& r, const double* x, double* y) {
        RsiK::step(p, s, r, x, y);
        if (y[0] == y[0]) {
            const double total = s.gain + s.loss;
            y[0] = !isZero(total) ? 100.0 * ((s.gain - s.loss) / total) : 0.0;
        }
    }
};

// SUM (Sum.Running): i0 period
struct SumK {
    static constexpr int IN = 1, OUT = 1;
    struct S {
        int seen, pos;
        double total;
    };
    __device__ static int ring(const P& p) { return p.i0; }
    template <typename R> __device__ static void step(const P& p, S& s, R& r, const double* x, double* y) {
        y[0] = runningSum(s.seen, s.pos, s.total, r, 0, p.i0, x[0]);
    }
};

// PLUS_DM (0), MINUS_DM (1), PLUS_DI (2), MINUS_DI (3), DX (4): DirectionalFunction.step with each function's value;
// i0 period. The DMs read high and low only (a NaN close: the true range is then high - low, which they do not read).
template <int W> struct DirK {
    static constexpr int IN = W < 2 ? 2 : 3, OUT = 1;
    struct S {
        DirS d;
        double previous;  // the last value written (DX's fallback)
    };
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P& p, S& s, R&, const double* x, double* y) {
        const int period = p.i0;
        const int lookback = W < 2 ? (period > 1 ? period - 1 : 1) : W < 4 ? (period > 1 ? period : 1) : period;
        const int t = dirAdd(s.d, period, x[0], x[1], IN == 3 ? x[IN - 1] : nan_());
        if (t < lookback) {
            y[0] = nan_();
            return;
        }
        const DirS& d = s.d;
        double v;
        if (W == 0) v = period == 1 ? (plusMove(d.diffPlus, d.diffMinus) ? d.diffPlus : 0.0) : d.plusDm;
        else if (W == 1) v = period == 1 ? (minusMove(d.diffPlus, d.diffMinus) ? d.diffMinus : 0.0) : d.minusDm;
        else if (W == 2 && period == 1) v = !plusMove(d.diffPlus, d.diffMinus) ? 0.0 : isZero(d.trueRange) ? 0.0 : d.diffPlus / d.trueRange;
        else if (W == 3 && period == 1) v = !minusMove(d.diffPlus, d.diffMinus) ? 0.0 : isZero(d.trueRange) ? 0.0 : d.diffMinus / d.trueRange;
        else if (W == 2) v = !isZero(d.range) ? 100.0 * (d.plusDm / d.range) : 0.0;
        else if (W == 3) v = !isZero(d.range) ? 100.0 * (d.minusDm / d.range) : 0.0;
        else {
            const double dx = dirDx(d);
            // the previous value is NaN only before the first (the state's zero is not a value yet)
            v = dx == dx ? dx : t == lookback ? 0.0 : s.previous;
        }
        y[0] = s.previous = v;
    }
};

// AD (Ad.line): inputs high, low, close, volume
struct AdK {
    static constexpr int IN = 4, OUT = 1;
    struct S {
        double ad;
    };
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P&, S& s, R&, const double* x, double* y) {
        const double range = x[0] - x[1];
        if (range > 0.0) s.ad += (((x[2] - x[1]) - (x[0] - x[2])) / range) * x[3];
        y[0] = s.ad;
    }
};

// BOP (0: open, high, low, close), AVGPRICE (1: open, high, low, close), MEDPRICE (2: high, low), TYPPRICE (3: high,
// low, close), WCLPRICE (4: high, low, close): one bar each, TA-Lib's sums in its order of terms
template <int W> struct BarK {
    static constexpr int IN = W == 2 ? 2 : W >= 3 ? 3 : 4, OUT = 1;
    struct S {
        int unused;
    };
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P&, S&, R&, const double* x, double* y) {
        if (W == 0) {
            const double range = x[1] - x[2];
            y[0] = range < EPS ? 0.0 : (x[3] - x[0]) / range;
        } else if (W == 1) {
            y[0] = (x[1] + x[2] + x[3] + x[0]) / 4;
        } else if (W == 2) {
            y[0] = (x[0] + x[1]) / 2.0;
        } else if (W == 3) {
            y[0] = (x[0] + x[1] + x[2]) / 3.0;
        } else {
            y[0] = (x[0] + x[1] + (x[2] * 2.0)) / 4.0;
        }
    }
};

}  // namespace hts
