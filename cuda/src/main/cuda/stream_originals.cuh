// The streaming steps of the 18 original indicators, CDLENGULFING and SAR, for stream.cu: each a struct with
//   struct S                    its state on one series, plain data (all zero: no bar yet), at most STATE_WORDS words
//   static int ring(const P&)   doubles of ring memory a series needs (R: Ring<true> or Ring<false>, see stream.cu)
//   static int out()            outputs
//   step(p, s, r, x, y)         one committed bar: x the inputs (Indicator.inputFields order), y the outputs (NaN in
//                               the warm-up)
// Each is the CPU's streaming step (org.hybridta.functions, named beside each struct) operation by operation, in
// double, compiled without contraction (-fmad=false; g++ -ffp-contract=off in the emulator): the same bits.
#pragma once

namespace hts {

__device__ __forceinline__ double nan_() { return __longlong_as_double(0x7ff8000000000000LL); }
// TA-Lib 0.6's TA_EPSILON (FunctionDef.EPSILON)
constexpr double EPS = 0.00000000000001;
__device__ __forceinline__ bool isZero(double v) { return -EPS < v && v < EPS; }
__device__ __forceinline__ double emaFactor(int period) { return 2.0 / (double) (period + 1); }

// The parameters of one spec: TA-Lib's integers and reals, in the order StreamKernel.java puts them.
struct P {
    int i0, i1, i2, i3;
    double d0, d1;
};

// ---------------------------------------------------------------- moving averages (MovingAverage.java)

enum MaType { SMA = 0, EMA = 1, WMA = 2, DEMA = 3, TEMA = 4 };  // MaType.ordinal()

struct EmaS {
    int seen;
    double sum, ema;
};
// MovingAverage.EmaStep
__device__ __forceinline__ double emaNext(EmaS& e, int period, double k, double x) {
    if (e.seen < period) {
        e.sum += x;
        if (++e.seen < period) return nan_();
        e.ema = e.sum / period;
        return e.ema;
    }
    e.ema = ((x - e.ema) * k) + e.ema;
    return e.ema;
}

// One moving average of any of the five types; the fields used depend on the type.
struct MaS {
    int seen, pos;
    double a, b, c;  // SMA: total; WMA: periodSum, periodSub, trailingValue
    EmaS e1, e2, e3;  // EMA, DEMA, TEMA
};

__device__ __forceinline__ int maLookback(int type, int period) {
    if (period <= 1) return 0;
    return type == DEMA ? 2 * (period - 1) : type == TEMA ? 3 * (period - 1) : period - 1;
}
__device__ __forceinline__ int maRing(int type, int period) { return period > 1 && (type == SMA || type == WMA) ? period : 0; }

// Sum.Running: the window's total; NaN until period values
template <typename R> __device__ __forceinline__ double runningSum(int& seen, int& pos, double& total, R& r, int at, int period, double x) {
    total += x;
    r.set(at + pos, x);
    if (++pos == period) pos = 0;
    if (seen < period - 1) {
        seen++;
        return nan_();
    }
    double sum = total;
    total -= r.get(at + pos);
    return sum;
}

// MovingAverage.step: the ring (SMA, WMA) at r[at, at + period)
template <typename R> __device__ double maNext(MaS& m, R& r, int at, int type, int period, double x) {
    if (period == 1) return x;
    const double k = emaFactor(period);
    switch (type) {
        case SMA: return runningSum(m.seen, m.pos, m.a, r, at, period, x) / period;
        case EMA: return emaNext(m.e1, period, k, x);
        case WMA: {  // WmaStep
            r.set(at + m.pos, x);
            if (++m.pos == period) m.pos = 0;
            if (m.seen < period - 1) {
                m.seen++;
                m.b += x;
                m.a += x * m.seen;
                return nan_();
            }
            m.b += x;
            m.b -= m.c;
            m.a += x * period;
            m.c = r.get(at + m.pos);
            double result = m.a / ((period * (period + 1)) >> 1);
            m.a -= m.b;
            return result;
        }
        case DEMA: {
            double a = emaNext(m.e1, period, k, x);
            if (m.e1.seen != period) return nan_();
            double b = emaNext(m.e2, period, k, a);
            return m.e2.seen == period ? (2.0 * a) - b : nan_();
        }
        default: {  // TEMA
            double a = emaNext(m.e1, period, k, x);
            if (m.e1.seen != period) return nan_();
            double b = emaNext(m.e2, period, k, a);
            if (m.e2.seen != period) return nan_();
            double c = emaNext(m.e3, period, k, b);
            return m.e3.seen == period ? c + ((3.0 * a) - (3.0 * b)) : nan_();
        }
    }
}

// SMA EMA WMA DEMA TEMA: i0 period, i1 type
struct MaK {
    static constexpr int IN = 1, OUT = 1;
    struct S {
        MaS m;
    };
    __device__ static int ring(const P& p) { return maRing(p.i1, p.i0); }
    template <typename R> __device__ static void step(const P& p, S& s, R& r, const double* x, double* y) { y[0] = maNext(s.m, r, 0, p.i1, p.i0, x[0]); }
};

// BBANDS (Bbands.step with RunningVariance): i0 period, i1 the middle band's type; d0 nbdevup, d1 nbdevdn. Rings: the
// average's, then the variance's window. The variance starts summing where TA-Lib's STDDEV does: the average's first
// value minus period - 1 bars.
struct BbandsK {
    static constexpr int IN = 1, OUT = 3;
    struct S {
        MaS m;
        int bar, seen, pos;
        double total1, total2;
    };
    __device__ static int ring(const P& p) { return maRing(p.i1, p.i0) + p.i0; }
    template <typename R> __device__ static void step(const P& p, S& s, R& r, const double* x, double* y) {
        const int period = p.i0, lookback = maLookback(p.i1, period), start = lookback - (period - 1), at = maRing(p.i1, period);
        const double middle = maNext(s.m, r, 0, p.i1, period, x[0]);
        double variance = nan_();
        if (s.seen < start) {
            s.seen++;
        } else {
            s.total1 += x[0];
            s.total2 += x[0] * x[0];
            r.set(at + s.pos, x[0]);
            if (++s.pos == period) s.pos = 0;
            if (s.seen < start + period - 1) {
                s.seen++;
            } else {
                const double mean1 = s.total1 / period, mean2 = s.total2 / period;
                const double old = r.get(at + s.pos);
                s.total1 -= old;
                s.total2 -= old * old;
                variance = mean2 - mean1 * mean1;
            }
        }
        const double sd = !(variance < EPS) ? sqrt(variance) : 0.0;  // RunningVariance.deviation
        if (s.bar < lookback) {
            s.bar++;
            y[0] = y[1] = y[2] = nan_();
            return;
        }
        y[0] = middle + sd * p.d0;
        y[1] = middle;
        y[2] = middle - sd * p.d1;
    }
};

// ---------------------------------------------------------------- windows (SlidingExtreme.java, TA-Lib's tracking)

// The highest (or lowest) of the last w values, as TA-Lib tracks it: the extreme's bar is kept while it stays in the
// window and replaced by a value at least as extreme; when it leaves, the window is rescanned from its first bar (a
// NaN there sticks, later NaNs are passed over, the earliest extreme wins) — the same bar SlidingExtreme's queue
// answers. The window's values sit in a ring of w at r[at + bar % w]; a rescan costs O(w), rarely.
struct ExtremeS {
    int count, index;
    double value;
};
template <bool HIGHEST, typename R> __device__ __forceinline__ void extremeAdd(ExtremeS& e, R& r, int at, int w, double x) {
    const int today = e.count++;
    r.set(at + today % w, x);
    const int trailing = today - w + 1;
    if (trailing < 0) return;
    if (trailing == 0 || e.index < trailing) {  // the first full window, or the extreme left it (zero state: index 0)
        int idx = trailing;
        double val = r.get(at + trailing % w);
        if (val == val) {
            for (int i = trailing + 1; i <= today; i++) {
                double v = r.get(at + i % w);
                if (HIGHEST ? v > val : v < val) {
                    idx = i;
                    val = v;
                }
            }
        }
        e.index = idx;
        e.value = val;
    } else if (HIGHEST ? x >= e.value : x <= e.value) {
        e.index = today;
        e.value = x;
    }
}

// ---------------------------------------------------------------- momentum

// RSI (GainLoss.State, RSI's value): i0 period
struct RsiK {
    static constexpr int IN = 1, OUT = 1;
    struct S {
        int seen;
        double prev, gain, loss;
    };
    __device__ static int ring(const P&) { return 0; }
    __device__ static double value(double gain, double loss) {
        double total = gain + loss;
        return !isZero(total) ? 100.0 * (gain / total) : 0.0;
    }
    template <typename R> __device__ static void step(const P& p, S& s, R&, const double* x, double* y) {
        const int period = p.i0, keep = period - 1;
        const double v = x[0], d = v - s.prev;
        s.prev = v;
        const double g = d < 0 ? 0.0 : d, l = d < 0 ? -d : 0.0;
        if (s.seen > period) {
            s.gain = ((s.gain * keep) + g) / period;
            s.loss = ((s.loss * keep) + l) / period;
            y[0] = value(s.gain, s.loss);
            return;
        }
        if (s.seen++ == 0) {
            y[0] = nan_();
            return;
        }
        s.gain += g;
        s.loss += l;
        if (s.seen <= period) {
            y[0] = nan_();
            return;
        }
        s.loss /= period;
        s.gain /= period;
        y[0] = value(s.gain, s.loss);
    }
};

// MACD (Macd.step): i0 fast, i1 slow (ordered by the host as TA-Lib orders them), i2 signal
struct MacdK {
    static constexpr int IN = 1, OUT = 3;
    struct S {
        int bar;
        EmaS slow, fast, signal;
    };
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P& p, S& s, R&, const double* x, double* y) {
        const int fast = p.i0, slow = p.i1, t = s.bar++;
        const double sl = emaNext(s.slow, slow, emaFactor(slow), x[0]);
        const double f = t >= slow - fast ? emaNext(s.fast, fast, emaFactor(fast), x[0]) : nan_();
        y[0] = y[1] = y[2] = nan_();
        if (s.slow.seen != slow) return;
        const double macd = f - sl;
        const double sig = emaNext(s.signal, p.i2, emaFactor(p.i2), macd);
        if (s.signal.seen != p.i2) return;
        y[0] = macd;
        y[1] = sig;
        y[2] = macd - sig;
    }
};

// ROC (0) and MOM (1) over the Lag ring: i0 period
template <int WHICH> struct LagK {
    static constexpr int IN = 1, OUT = 1;
    struct S {
        int seen, pos;
    };
    __device__ static int ring(const P& p) { return p.i0; }
    template <typename R> __device__ static void step(const P& p, S& s, R& r, const double* x, double* y) {
        const int period = p.i0;
        const double then = s.seen < period ? nan_() : r.get(s.pos);
        if (s.seen < period) s.seen++;
        else s.seen = period + 1;
        r.set(s.pos, x[0]);
        if (++s.pos == period) s.pos = 0;
        if (s.seen <= period) y[0] = nan_();
        else if (WHICH == 0) y[0] = then != 0.0 ? ((x[0] / then) - 1.0) * 100.0 : 0.0;
        else y[0] = x[0] - then;
    }
};

// STOCH (Stoch.step with FastK): i0 fastk, i1 slowk, i2 slowk type, i3 slowd; d0 the slowd type. Rings: the highs and
// lows of the fast window, then slow %K's average, then slow %D's.
struct StochK {
    static constexpr int IN = 3, OUT = 2;
    struct S {
        int bar;
        ExtremeS hi, lo;
        MaS k, d;
    };
    __device__ static int ring(const P& p) { return 2 * p.i0 + maRing(p.i2, p.i1) + maRing((int) p.d0, p.i3); }
    template <typename R> __device__ static void step(const P& p, S& s, R& r, const double* x, double* y) {
        const int fk = p.i0, dType = (int) p.d0, t = s.bar++;
        const int lbK = fk - 1, lbSlowK = maLookback(p.i2, p.i1), lookback = lbK + lbSlowK + maLookback(dType, p.i3);
        extremeAdd<true>(s.hi, r, 0, fk, x[0]);
        extremeAdd<false>(s.lo, r, fk, fk, x[1]);
        double k = nan_();
        if (t + 1 >= fk) {
            const double diff = (s.hi.value - s.lo.value) / 100.0;
            k = diff != 0.0 ? (x[2] - s.lo.value) / diff : 0.0;
        }
        const double sk = t >= lbK ? maNext(s.k, r, 2 * fk, p.i2, p.i1, k) : nan_();
        const double sd = t >= lbK + lbSlowK ? maNext(s.d, r, 2 * fk + maRing(p.i2, p.i1), dType, p.i3, sk) : nan_();
        y[0] = t >= lookback ? sk : nan_();
        y[1] = t >= lookback ? sd : nan_();
    }
};

// WILLR (Willr.step): i0 period; rings: highs, lows
struct WillrK {
    static constexpr int IN = 3, OUT = 1;
    struct S {
        int bar;
        ExtremeS hi, lo;
    };
    __device__ static int ring(const P& p) { return 2 * p.i0; }
    template <typename R> __device__ static void step(const P& p, S& s, R& r, const double* x, double* y) {
        const int period = p.i0;
        extremeAdd<true>(s.hi, r, 0, period, x[0]);
        extremeAdd<false>(s.lo, r, period, period, x[1]);
        if (++s.bar < period) {
            y[0] = nan_();
            return;
        }
        const double hh = s.hi.value, ll = s.lo.value;
        const double diff = (hh - ll) / (-100.0);
        y[0] = diff != 0.0 ? (hh - x[2]) / diff : 0.0;
    }
};

// CCI (Cci.step): i0 period; the ring of typical prices, summed whole every bar in ring order as TA-Lib does
struct CciK {
    static constexpr int IN = 3, OUT = 1;
    struct S {
        int idx, seen;
    };
    __device__ static int ring(const P& p) { return p.i0; }
    template <typename R> __device__ static void step(const P& p, S& s, R& r, const double* x, double* y) {
        const int period = p.i0;
        const double last = (x[0] + x[1] + x[2]) / 3;
        r.set(s.idx, last);
        s.idx = s.idx + 1 == period ? 0 : s.idx + 1;
        if (++s.seen < period) {
            y[0] = nan_();
            return;
        }
        s.seen = period;  // saturates (the CPU's int would overflow only after 2^31 bars)
        double sum = 0;
        for (int j = 0; j < period; j++) sum += r.get(j);
        const double average = sum / period;
        double deviation = 0;
        for (int j = 0; j < period; j++) deviation += fabs(r.get(j) - average);
        const double above = last - average;
        y[0] = above != 0.0 && deviation != 0.0 ? above / (0.015 * (deviation / period)) : 0.0;
    }
};

// MFI (Mfi.step): i0 period; rings: positive flows, negative flows
struct MfiK {
    static constexpr int IN = 4, OUT = 1;
    struct S {
        int t, idx;
        double prev, pos, neg;
    };
    __device__ static int ring(const P& p) { return 2 * p.i0; }
    template <typename R> __device__ static void step(const P& p, S& s, R& r, const double* x, double* y) {
        const int period = p.i0;
        const double typical = (x[0] + x[1] + x[2]) / 3.0;
        const int t = s.t;
        if (t <= period) s.t++;  // saturates past the warm-up
        if (t == 0) {
            s.prev = typical;
            y[0] = nan_();
            return;
        }
        const int idx = s.idx;
        if (t > period) {
            s.pos -= r.get(idx);
            s.neg -= r.get(period + idx);
        }
        const double change = typical - s.prev;
        s.prev = typical;
        const double flow = typical * x[3];
        if (change < 0) {
            r.set(period + idx, flow);
            s.neg += flow;
            r.set(idx, 0.0);
        } else if (change > 0) {
            r.set(idx, flow);
            s.pos += flow;
            r.set(period + idx, 0.0);
        } else {
            r.set(idx, 0.0);
            r.set(period + idx, 0.0);
        }
        s.idx = idx + 1 == period ? 0 : idx + 1;
        if (t < period) {
            y[0] = nan_();
            return;
        }
        const double total = s.pos + s.neg;
        y[0] = total < 1.0 ? 0.0 : 100.0 * (s.pos / total);
    }
};

// ---------------------------------------------------------------- volatility and volume

// Trange.trueRange, TA-Lib's order of comparisons
__device__ __forceinline__ double trueRange(double high, double low, double prevClose) {
    double greatest = high - low;
    double v = fabs(prevClose - high);
    if (v > greatest) greatest = v;
    v = fabs(prevClose - low);
    if (v > greatest) greatest = v;
    return greatest;
}

// TRANGE
struct TrangeK {
    static constexpr int IN = 3, OUT = 1;
    struct S {
        int seen;
        double prevClose;
    };
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P&, S& s, R&, const double* x, double* y) {
        y[0] = s.seen == 0 ? nan_() : trueRange(x[0], x[1], s.prevClose);
        s.seen = 1;
        s.prevClose = x[2];
    }
};

// ATR (Atr.State): i0 period
struct AtrK {
    static constexpr int IN = 3, OUT = 1;
    struct S {
        int seen;
        double prevClose, total, atr;
    };
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P& p, S& s, R&, const double* x, double* y) {
        const int period = p.i0, t = s.seen;
        if (t <= period) s.seen++;  // saturates past the seed
        const double prev = s.prevClose;
        s.prevClose = x[2];
        y[0] = nan_();
        if (t == 0) return;
        const double tr = trueRange(x[0], x[1], prev);
        if (period == 1) {
            y[0] = tr;
            return;
        }
        if (t < period) {
            s.total += tr;
            return;
        }
        if (t == period) {
            s.total += tr;
            s.atr = s.total / period;
            y[0] = s.atr;
            return;
        }
        s.atr *= period - 1;
        s.atr += tr;
        s.atr /= period;
        y[0] = s.atr;
    }
};

// OBV: inputs close, volume
struct ObvK {
    static constexpr int IN = 2, OUT = 1;
    struct S {
        int seen;
        double obv, prev;
    };
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P&, S& s, R&, const double* x, double* y) {
        const double c = x[0], v = x[1];
        if (s.seen == 0) {
            s.seen = 1;
            s.obv = v;
        } else if (c > s.prev) {
            s.obv += v;
        } else if (c < s.prev) {
            s.obv -= v;
        }
        s.prev = c;
        y[0] = s.obv;
    }
};

// Wilder's directional movement (Directional.add): from bar 1, this bar's raw moves and true range, and the smoothed
// +DM, -DM and true-range sums; ADX, PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI and DX read it. Returns the bar's index
// (saturating far past any lookback).
struct DirS {
    int bar;
    double prevHigh, prevLow, prevClose, diffPlus, diffMinus, trueRange, plusDm, minusDm, range;
};
__device__ __forceinline__ bool plusMove(double diffP, double diffM) { return diffP > 0 && diffP > diffM; }
__device__ __forceinline__ bool minusMove(double diffP, double diffM) { return diffM > 0 && diffP < diffM; }
__device__ __forceinline__ int dirAdd(DirS& d, int period, double high, double low, double close) {
    const int t = d.bar;
    if (t < (1 << 30)) d.bar++;
    if (t == 0) {
        d.prevHigh = high;
        d.prevLow = low;
        d.prevClose = close;
        return t;
    }
    const double diffP = high - d.prevHigh, diffM = d.prevLow - low;
    d.prevHigh = high;
    d.prevLow = low;
    const double tr = trueRange(high, low, d.prevClose);
    d.prevClose = close;
    d.diffPlus = diffP;
    d.diffMinus = diffM;
    d.trueRange = tr;
    if (t >= period) {
        d.minusDm -= d.minusDm / period;
        d.plusDm -= d.plusDm / period;
    }
    if (minusMove(diffP, diffM)) d.minusDm += diffM;
    else if (plusMove(diffP, diffM)) d.plusDm += diffP;
    d.range = t < period ? d.range + tr : d.range - (d.range / period) + tr;
    return t;
}
// Directional.dx: NaN where TA-Lib skips the bar (zero range or zero DI sum)
__device__ __forceinline__ double dirDx(const DirS& d) {
    if (isZero(d.range)) return nan_();
    const double minus = 100.0 * (d.minusDm / d.range), plus = 100.0 * (d.plusDm / d.range);
    const double sum = minus + plus;
    return !isZero(sum) ? 100.0 * (fabs(minus - plus) / sum) : nan_();
}

// ADX (DirectionalFunction.step with Adx.value): i0 period
struct AdxK {
    static constexpr int IN = 3, OUT = 1;
    struct S {
        DirS d;
        double sum;
    };
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P& p, S& s, R&, const double* x, double* y) {
        const int period = p.i0, lookback = 2 * period - 1;
        const int t = dirAdd(s.d, period, x[0], x[1], x[2]);
        y[0] = nan_();
        if (t < period) return;  // Adx.value: NaN before bar period, no DX summed yet
        const double dx = dirDx(s.d);
        if (t < lookback) {
            if (dx == dx) s.sum += dx;
            return;
        }
        if (t == lookback) {
            if (dx == dx) s.sum += dx;
            s.sum = s.sum / period;
        } else if (dx == dx) {
            s.sum = ((s.sum * (period - 1)) + dx) / period;
        }
        y[0] = s.sum;
    }
};

// ---------------------------------------------------------------- pattern and SAR

// CDLENGULFING (CdlEngulfing.detector in Pattern's stream): inputs open, high, low, close; lookback 2
struct EngulfingK {
    static constexpr int IN = 4, OUT = 1;
    struct S {
        int bar;
        double open, close;  // the previous bar's
    };
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P&, S& s, R&, const double* x, double* y) {
        const double o = x[0], cl = x[3], po = s.open, pc = s.close;
        const int n = s.bar;
        if (n < 2) s.bar++;
        s.open = o;
        s.close = cl;
        if (n < 2) {
            y[0] = nan_();
            return;
        }
        const int c1 = cl >= o ? 1 : -1, c0 = pc >= po ? 1 : -1;
        int signal = 0;
        if ((c1 == 1 && c0 == -1 && ((cl >= po && o < pc) || (cl > po && o <= pc)))
            || (c1 == -1 && c0 == 1 && ((o >= pc && cl < po) || (o > pc && cl <= po)))) {
            signal = o != pc && cl != po ? c1 * 100 : c1 * 80;
        }
        y[0] = (double) signal;
    }
};

// SAR (SarExt.State with equal long and short factors, start value 0, no offset): inputs high, low; d0 acceleration,
// d1 maximum
struct SarK {
    static constexpr int IN = 2, OUT = 1;
    struct S {
        int bar, isLong;
        double afLong, afShort, ep, sar, newHigh, newLow;
    };
    __device__ static int ring(const P&) { return 0; }
    template <typename R> __device__ static void step(const P& p, S& s, R&, const double* x, double* y) {
        const double maxA = p.d1, acc = p.d0 > maxA ? maxA : p.d0;  // TA-Lib caps the factors at the maximum
        const double high = x[0], low = x[1];
        if (s.bar == 0) {
            s.bar = 1;
            s.newHigh = high;
            s.newLow = low;
            y[0] = nan_();
            return;
        }
        if (s.bar == 1) {  // SarExt.start
            s.bar = 2;
            const double firstHigh = s.newHigh, firstLow = s.newLow;
            const double diffP = high - firstHigh, diffM = firstLow - low;
            s.isLong = !(diffM > 0 && diffP < diffM);
            s.ep = s.isLong ? high : low;
            s.sar = s.isLong ? firstLow : firstHigh;
            s.afLong = acc;
            s.afShort = acc;
            s.newHigh = high;
            s.newLow = low;
        }
        const double prevLow = s.newLow, prevHigh = s.newHigh;
        s.newLow = low;
        s.newHigh = high;
        if (s.isLong) {
            if (s.newLow <= s.sar) {
                s.isLong = 0;
                s.sar = s.ep;
                if (s.sar < prevHigh) s.sar = prevHigh;
                if (s.sar < s.newHigh) s.sar = s.newHigh;
                y[0] = s.sar;
                s.afShort = acc;
                s.ep = s.newLow;
                s.sar = s.sar + s.afShort * (s.ep - s.sar);
                if (s.sar < prevHigh) s.sar = prevHigh;
                if (s.sar < s.newHigh) s.sar = s.newHigh;
                return;
            }
            y[0] = s.sar;
            if (s.newHigh > s.ep) {
                s.ep = s.newHigh;
                s.afLong += acc;
                if (s.afLong > maxA) s.afLong = maxA;
            }
            s.sar = s.sar + s.afLong * (s.ep - s.sar);
            if (s.sar > prevLow) s.sar = prevLow;
            if (s.sar > s.newLow) s.sar = s.newLow;
            return;
        }
        if (s.newHigh >= s.sar) {
            s.isLong = 1;
            s.sar = s.ep;
            if (s.sar > prevLow) s.sar = prevLow;
            if (s.sar > s.newLow) s.sar = s.newLow;
            y[0] = s.sar;
            s.afLong = acc;
            s.ep = s.newHigh;
            s.sar = s.sar + s.afLong * (s.ep - s.sar);
            if (s.sar > prevLow) s.sar = prevLow;
            if (s.sar > s.newLow) s.sar = s.newLow;
            return;
        }
        y[0] = s.sar;
        if (s.newLow < s.ep) {
            s.ep = s.newLow;
            s.afShort += acc;
            if (s.afShort > maxA) s.afShort = maxA;
        }
        s.sar = s.sar + s.afShort * (s.ep - s.sar);
        if (s.sar < prevHigh) s.sar = prevHigh;
        if (s.sar < s.newHigh) s.sar = s.newHigh;
    }
};

}  // namespace hts
