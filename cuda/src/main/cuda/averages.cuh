// Moving averages of any TA-Lib type (core's MovingAverage) as a step-by-step building block, and the functions built
// on it, on the kernel framework: TRIMA, KAMA, T3, MAMA, MA, MAVP, MACDEXT, STOCHF, STOCHRSI, and the MA-type variants
// of BBANDS, STOCH, APO and PPO that the hand-tuned and SMA/EMA kernels leave out (bbands_ma, stoch_ma, apo_ma, ppo_ma).
// Every average is a running state from its first bar (TA-Lib's sums and recursions), so none is ever segmented.
//
// An MA-type parameter travels packed with its period in one int, period * 16 + type (KernelCall.ma).
#pragma once
#include "framework.cuh"
#include "cycle.cuh"
#include "momentum.cuh"

namespace {

enum MaKind { MA_SMA, MA_EMA, MA_WMA, MA_DEMA, MA_TEMA, MA_TRIMA, MA_KAMA, MA_MAMA, MA_T3 };

__device__ __forceinline__ int maType(int packed) { return packed & 15; }
__device__ __forceinline__ int maPeriod(int packed) { return packed >> 4; }

// TA-Lib's TA_MA_Lookback (core's MovingAverage.lookback).
__device__ __forceinline__ int maLookback(int type, int p) {
    if (p <= 1) return 0;
    switch (type) {
        case MA_DEMA: return 2 * (p - 1);
        case MA_TEMA: return 3 * (p - 1);
        case MA_KAMA: return p;
        case MA_MAMA: return 32;
        case MA_T3: return 6 * (p - 1);
        default: return p - 1;
    }
}

// Ring doubles an average keeps a series (KernelCall.maRing): the window, for the types that read values leaving it.
__device__ __forceinline__ int maRing(int type, int p) {
    return p > 1 && (type == MA_SMA || type == MA_WMA || type == MA_TRIMA || type == MA_KAMA) ? p : 0;
}

// core's Mama.State: MAMA and FAMA, EMAs of the price whose factor follows the Hilbert transform's phase change.
struct MamaCore {
    Hilbert ht;
    double fastLimit, slowLimit, mama = 0.0, fama = 0.0, prevPhase = 0.0;
    __device__ MamaCore(double fast, double slow) : ht(false), fastLimit(fast), slowLimit(slow) {}
    // true where MAMA and FAMA are values (from bar 32)
    __device__ bool next(double x) {
        if (!ht.next(x)) return false;
        double inPhase = ht.inPhase;
        double phase = inPhase != 0.0 ? atanFdlibm(ht.quadrature / inPhase) * ht.rad : 0.0;
        double deltaPhase = prevPhase - phase;
        prevPhase = phase;
        if (deltaPhase < 1.0) deltaPhase = 1.0;
        double alpha;
        if (deltaPhase > 1.0) {
            alpha = fastLimit / deltaPhase;
            if (alpha < slowLimit) alpha = slowLimit;
        } else {
            alpha = fastLimit;
        }
        mama = (alpha * x) + ((1 - alpha) * mama);
        alpha *= 0.5;
        fama = (alpha * mama) + ((1 - alpha) * fama);
        return ht.hasValue;
    }
};

// TRIMA's sums over its first window (Trima.State's start): numerator, sub, add, trailing.
struct TrimaSums {
    double s0, s1, s2, s3;
};
HYBRIDTA_NOINLINE __device__ TrimaSums trimaFirst(Ring ring, int p);

// T3.State: stage s (1 to 6) seeds e[s - 1], from stage 7 on all six run; value() the T3 of the six.
struct T3State {
    int p = 0, stage = 1, left = 0;
    double k = 0.0, m = 0.0, c1 = 0.0, c2 = 0.0, c3 = 0.0, c4 = 0.0, sum = 0.0, e[6] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    double y = 0.0;      // the seeding call's output
    bool done = false;   // whether y is a value
    __device__ __forceinline__ double value() const { return c1 * e[5] + c2 * e[4] + c3 * e[3] + c4 * e[2]; }
    __device__ __forceinline__ bool nextStage() {
        if (stage == 6) {
            stage = 7;
            y = value();
            return true;
        }
        sum = e[stage - 1];
        stage++;
        left = p - 1;
        return false;
    }
    // stages 1 to 6 (t3Seed)
    __device__ bool seeding(double x) {
        if (stage == 1) {
            sum = left == p ? x : sum + x;
            if (--left > 0) return false;
            e[0] = sum / p;
            return nextStage();
        }
        int seeded = stage - 1;
        double input = x;
        for (int j = 0; j < seeded; j++) {
            e[j] = (k * input) + (m * e[j]);
            input = e[j];
        }
        sum += input;
        if (--left > 0) return false;
        e[stage - 1] = sum / p;
        return nextStage();
    }
};
HYBRIDTA_NOINLINE __device__ T3State t3Seed(T3State s, double x);

// The doubles MaStep::save writes (KernelCall.MAVP_STATE).
constexpr int MA_STATE = 21;

// Calls, not inlined code: MaStep's MAMA case (the Hilbert transform, rarely an MA type) and the warm-ups of TRIMA (the
// first window) and T3 (the six seeding stages) would otherwise be copied into every unrolled step of every function
// with an MA-type parameter (with the MAMA case: three times the PTX of the rest of the kernels). The warm-ups take and
// return their state by value: a call given the average's address would keep the whole average in local memory, at
// every bar (TRIMA and T3 did: 6 and 5 times slower).
HYBRIDTA_NOINLINE __device__ bool mamaStep(MamaCore& core, double x) { return core.next(x); }

// The five types TA-Lib's TA_MA computes with its own functions' sums and EMAs (SMA, EMA, WMA, DEMA, TEMA) and any type
// of period 1 (a copy), fed one value at a time from the average's first bar with the arithmetic of core's
// MovingAverage steps (SmaStep, EmaStep, WmaStep, DemaStep, TemaStep): a few doubles and an inlined feed, so that a
// kernel whose every average is of these types keeps them in registers. The host launches such a kernel (name_s,
// KernelCall.simpleMa) when every average of the spec is of these types; MaStep adds the other four.
struct SimpleMa {
    int type, p, n = 0, pos = 0;
    double s0 = 0.0, s1 = 0.0, s2 = 0.0;  // SMA: total; WMA: sum, sub, trailing (MaStep: TRIMA's and KAMA's sums too)
    Ema e1, e2, e3;                       // EMA, DEMA, TEMA
    Ring ring;

    __device__ SimpleMa(int packed, Ring r)
        : type(maType(packed)), p(maPeriod(packed)), e1(maPeriod(packed), emaK(maPeriod(packed))), e2(maPeriod(packed), emaK(maPeriod(packed))),
          e3(maPeriod(packed), emaK(maPeriod(packed))), ring(r) {}

    // whether feedSimple computes this average
    __device__ __forceinline__ bool simple() const { return p == 1 || type <= MA_TEMA; }
    __device__ __forceinline__ bool feed(double x, double& y) { return feedSimple(x, y); }
    __device__ __forceinline__ bool feedSimple(double x, double& y) {
        if (p == 1) {
            y = x;
            return true;
        }
        switch (type) {
            case MA_SMA: return sma(x, y);
            case MA_EMA:
                y = x;
                if (!e1.feed(x)) return false;
                y = e1.v;
                return true;
            case MA_WMA: return wma(x, y);
            case MA_DEMA:
                if (!e1.feed(x) || !e2.feed(e1.v)) return false;
                y = (2.0 * e1.v) - e2.v;
                return true;
            default:  // MA_TEMA
                if (!e1.feed(x) || !e2.feed(e1.v) || !e3.feed(e2.v)) return false;
                y = e3.v + ((3.0 * e1.v) - (3.0 * e2.v));
                return true;
        }
    }

    // MovingAverage.SmaStep (the batch's total += x; sum = total; total -= oldest)
    __device__ __forceinline__ bool sma(double x, double& y) {
        ring.set(pos, x);
        if (++pos == p) pos = 0;  // now the slot of the window's oldest value
        s0 += x;
        if (n < p - 1) {
            n++;
            return false;
        }
        y = s0 / p;
        s0 -= ring.get(pos);
        return true;
    }

    // MovingAverage.WmaStep
    __device__ __forceinline__ bool wma(double v, double& y) {
        ring.set(pos, v);
        if (++pos == p) pos = 0;
        if (n < p - 1) {
            n++;
            s1 += v;
            s0 += v * n;
            return false;
        }
        s1 += v;
        s1 -= s2;
        s0 += v * p;
        s2 = ring.get(pos);
        y = s0 / ((p * (p + 1)) >> 1);
        s0 -= s1;
        return true;
    }
};

// TA-Lib's TA_MA of any type fed one value at a time from the average's first bar: SimpleMa's five types and TRIMA,
// KAMA, MAMA and T3 with the arithmetic of core's Trima.State, Kama.State, Mama.State, T3.State. feed(x, y) returns
// whether y is a value. The type is a run-time value, the same for every lane of a warp. The ring (maRing doubles)
// holds the window of the types that need one.
struct MaStep : SimpleMa {
    double s3 = 0.0;  // TRIMA: trailing; KAMA: kama (s0 to s2: TRIMA's numerator, sub, add; KAMA's sumRoc1, last, trailing)
    double f = 0.0;   // TRIMA's factor
    T3State t3s;
    MamaCore mamaCore;

    __device__ MaStep(int packed, Ring r, double vFactor = 0.7) : SimpleMa(packed, r), mamaCore(0.5, 0.05) {
        if (type == MA_TRIMA) {
            int half = p >> 1;
            int weights = (p & 1) == 1 ? (half + 1) * (half + 1) : half * (half + 1);
            f = 1.0 / weights;
        } else if (type == MA_T3) {
            t3s.p = p;
            t3s.k = 2.0 / (p + 1.0);
            t3s.m = 1.0 - t3s.k;
            double v = vFactor, v2 = v * v;
            t3s.c1 = -(v2 * v);
            t3s.c2 = 3.0 * (v2 - t3s.c1);
            t3s.c3 = -6.0 * v2 - 3.0 * (v - t3s.c1);
            t3s.c4 = 1.0 + 3.0 * v - t3s.c1 + 3.0 * v2;
            t3s.left = p;
        }
    }

    // The state of every type but MAMA as MA_STATE doubles (MAVP keeps one per period in its rings).
    __device__ void save(Ring r) const {
        const double v[MA_STATE] = {(double) n, (double) pos, s0, s1, s2, s3, e1.v, (double) e1.n, e2.v, (double) e2.n, e3.v, (double) e3.n,
                                    (double) t3s.stage, (double) t3s.left, t3s.sum, t3s.e[0], t3s.e[1], t3s.e[2], t3s.e[3], t3s.e[4], t3s.e[5]};
        for (int j = 0; j < MA_STATE; j++) r.set(j, v[j]);
    }
    __device__ void load(Ring r) {
        n = (int) r.get(0), pos = (int) r.get(1), s0 = r.get(2), s1 = r.get(3), s2 = r.get(4), s3 = r.get(5);
        e1.v = r.get(6), e1.n = (int) r.get(7), e2.v = r.get(8), e2.n = (int) r.get(9), e3.v = r.get(10), e3.n = (int) r.get(11);
        t3s.stage = (int) r.get(12), t3s.left = (int) r.get(13), t3s.sum = r.get(14);
        for (int j = 0; j < 6; j++) t3s.e[j] = r.get(15 + j);
    }

    // A call (maFeed): inlined, the nine types' code was copied into every unrolled step of every function with an
    // MA-type parameter (up to 20,000 PTX lines a kernel, past the instruction cache); the state a call reads and
    // writes stays in the L1-cached local memory of the thread.
    __device__ __forceinline__ bool feed(double x, double& y);
    __device__ __forceinline__ bool feedInline(double x, double& y) {
        if (simple()) return feedSimple(x, y);
        switch (type) {
            case MA_TRIMA: return trima(x, y);
            case MA_KAMA: return kama(x, y);
            case MA_MAMA:
                if (!mamaStep(mamaCore, x)) return false;
                y = mamaCore.mama;
                return true;
            default: return t3(x, y);
        }
    }

    // Trima.State; pos is the slot of bar n (n % p)
    __device__ __forceinline__ bool trima(double x, double& y) {
        const int today = n++;
        const int slot = pos;
        if (++pos == p) pos = 0;
        ring.set(slot, x);
        if (today < p - 1) return false;
        const int half = p >> 1;
        if (today == p - 1) {
            TrimaSums first = trimaFirst(ring, p);
            s0 = first.s0, s1 = first.s1, s2 = first.s2, s3 = first.s3;
            y = s0 * f;
            return true;
        }
        s0 -= s1;
        s1 -= s3;
        int mid = slot - half;
        double v = ring.get(mid < 0 ? mid + p : mid);
        s1 += v;
        if ((p & 1) == 1) {
            s0 += s2;
            s2 -= v;
        } else {
            s2 -= v;
            s0 += s2;
        }
        s2 += x;
        s0 += x;
        s3 = ring.get(pos);  // bar today - p + 1
        y = s0 * f;
        return true;
    }

    // Kama.State
    __device__ __forceinline__ double kamaFactor(double periodRoc, double sumRoc1) const {
        const double constMax = 2.0 / (30.0 + 1.0), constDiff = 2.0 / (2.0 + 1.0) - constMax;
        double ratio = sumRoc1 <= periodRoc || nearZero(sumRoc1) ? 1.0 : fabs(periodRoc / sumRoc1);
        double sc = (ratio * constDiff) + constMax;
        return sc * sc;
    }
    __device__ __forceinline__ bool kama(double x, double& y) {
        const int today = n++;
        const int slot = pos;
        if (++pos == p) pos = 0;
        double older = ring.get(slot);  // bar today - p (garbage before bar p, unused there)
        ring.set(slot, x);
        double previous = s1;
        s1 = x;
        if (today == 0) return false;
        if (today <= p) {
            double d = previous;
            d -= x;
            s0 += fabs(d);
            if (today < p) return false;
            s2 = older;
            s3 = ((x - previous) * kamaFactor(x - older, s0)) + previous;
            y = s3;
            return true;
        }
        s0 -= fabs(s2 - older);
        s0 += fabs(x - previous);
        s2 = older;
        s3 = ((x - s3) * kamaFactor(x - older, s0)) + s3;
        y = s3;
        return true;
    }

    // T3.State, its seeding a call (t3Seed)
    __device__ __forceinline__ bool t3(double x, double& y) {
        T3State& t = t3s;
        if (t.stage > 6) {
            t.e[0] = (t.k * x) + (t.m * t.e[0]);
            t.e[1] = (t.k * t.e[0]) + (t.m * t.e[1]);
            t.e[2] = (t.k * t.e[1]) + (t.m * t.e[2]);
            t.e[3] = (t.k * t.e[2]) + (t.m * t.e[3]);
            t.e[4] = (t.k * t.e[3]) + (t.m * t.e[4]);
            t.e[5] = (t.k * t.e[4]) + (t.m * t.e[5]);
            y = t.value();
            return true;
        }
        t3s = t3Seed(t3s, x);
        y = t3s.y;
        return t3s.done;
    }
};

HYBRIDTA_NOINLINE __device__ TrimaSums trimaFirst(Ring ring, int p) {
    TrimaSums t{0.0, 0.0, 0.0, 0.0};
    int middle = p - 1 - (p >> 1);
    for (int i = middle; i >= 0; i--) {
        t.s1 += ring.get(i);
        t.s0 += t.s1;
    }
    for (int i = middle + 1; i <= p - 1; i++) {
        t.s2 += ring.get(i);
        t.s0 += t.s2;
    }
    t.s3 = ring.get(0);
    return t;
}
HYBRIDTA_NOINLINE __device__ bool maFeed(MaStep& ma, double x, double& y) { return ma.feedInline(x, y); }
__device__ __forceinline__ bool MaStep::feed(double x, double& y) { return maFeed(*this, x, y); }
HYBRIDTA_NOINLINE __device__ T3State t3Seed(T3State s, double x) {
    s.done = s.seeding(x);
    return s;
}

// MA (any type: i0 packed), TRIMA, KAMA (i0 the period) and T3 (i0 the period, d0 the volume factor).
template <int Fixed, typename Rings> struct MaFnWith {
    static constexpr int IN = 1, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Narrow;
    MaStep ma;
    __device__ static int packed(const Params& q) { return Fixed < 0 ? q.i0 : q.i0 * 16 + Fixed; }
    __device__ MaFnWith(const Params& q, Rings rings) : ma(packed(q), rings(0), Fixed == MA_T3 ? q.d0 : 0.7) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int, const double* x, double* y) {
        // TRIMA, KAMA, T3 (periods of 2 or more): their own type's code inlined; MA: the call of any type
        if constexpr (Fixed == MA_TRIMA) return ma.trima(x[0], y[0]);
        else if constexpr (Fixed == MA_KAMA) return ma.kama(x[0], y[0]);
        else if constexpr (Fixed == MA_T3) return ma.t3(x[0], y[0]);
        else return ma.feed(x[0], y[0]);
    }
};
template <int Fixed> struct MaFn {
    static constexpr int IN = 1, OUT = 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) {
        int packed = MaFnWith<Fixed, SharedRings>::packed(q);
        return maRing(maType(packed), maPeriod(packed));
    }
    template <typename Rings> using With = MaFnWith<Fixed, Rings>;
};

// MAVP (core's Mavp): i0 and i1 the shortest and longest period, i2 the MA type. As TA-Lib, one average per period q,
// each started maLookback(q) bars before the function's first value; each bar takes the value of the average of its
// period (the periods input truncated as C's (int) and clamped). Every average runs every bar (O(periods) a bar);
// their states live in the rings, MA_STATE doubles and the window per period. MAMA's average is the same for every
// period: one, outside the rings. SMA (the default) keeps less: one ring of the last hi inputs, which every period's
// window reads, and one total per period (mavpSmaRing doubles, in shared memory), each rolled as SimpleMa::sma rolls
// it (total += x; value total / q; total -= the oldest), the one division for the bar's own period.
__device__ __forceinline__ int mavpSmaRing(int lo, int hi) { return hi + (hi - lo + 1); }
template <typename Rings> struct MavpWith {
    static constexpr int IN = 2, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Narrow;
    Rings rings;
    int lo, hi, type, lookback, pos = 0;
    MamaCore mama;
    __device__ MavpWith(const Params& q, Rings r) : rings(r), lo(q.i0), hi(q.i1), type(q.i2), lookback(maLookback(q.i2, q.i1)), mama(0.5, 0.05) {
        if (type == MA_MAMA) return;
        if (type == MA_SMA) {
            Ring totals = rings(hi);
            for (int p = lo; p <= hi; p++) totals.set(p - lo, 0.0);
            return;
        }
        int off = 0;
        for (int p = lo; p <= hi; p++) {
            MaStep(p * 16 + type, rings(off + MA_STATE)).save(rings(off));
            off += MA_STATE + maRing(type, p);
        }
    }
    __device__ int lag(int) const { return 0; }
    __device__ bool step(int t, const double* x, double* y) {
        if (type == MA_MAMA) {
            mama.next(x[0]);
            y[0] = mama.mama;
            return t >= lookback;
        }
        const double v = x[1];
        int want = v >= -2147483648.0 && v < 2147483648.0 ? (int) v : -2147483647 - 1;  // C's (int) on x86-64
        want = want < lo ? lo : want > hi ? hi : want;
        if (type == MA_SMA) return smaStep(t, x[0], want, y);
        double value = 0.0;
        int off = 0;
        for (int p = lo; p <= hi; p++) {
            if (t >= lookback - maLookback(type, p)) {
                MaStep ma(p * 16 + type, rings(off + MA_STATE));
                ma.load(rings(off));
                double r = 0.0;
                ma.feed(x[0], r);
                ma.save(rings(off));
                value = p == want ? r : value;
            }
            off += MA_STATE + maRing(type, p);
        }
        y[0] = value;
        return t >= lookback;
    }
    // SMA: period q's average starts at bar hi - q (maLookback(SMA, q) = q - 1 before the first value, bar hi - 1)
    __device__ __forceinline__ bool smaStep(int t, double x, int want, double* y) {
        const Ring window = rings(0), totals = rings(hi);
        window.set(pos, x);
        double chosen = 0.0;
        for (int p = lo; p <= hi; p++) {
            if (t >= hi - p) {
                double total = totals.get(p - lo) + x;
                if (t >= hi - 1) {  // the average's window is full: its value, then its oldest input out
                    chosen = p == want ? total : chosen;
                    int oldest = pos - (p - 1);
                    total -= window.get(oldest < 0 ? oldest + hi : oldest);
                }
                totals.set(p - lo, total);
            }
        }
        if (++pos == hi) pos = 0;
        y[0] = chosen / want;
        return t >= lookback;
    }
};
struct Mavp {
    static constexpr int IN = 2, OUT = 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) {
        if (q.i2 == MA_MAMA) return 0;
        if (q.i2 == MA_SMA) return mavpSmaRing(q.i0, q.i1);
        int total = 0;
        for (int p = q.i0; p <= q.i1; p++) total += MA_STATE + maRing(q.i2, p);
        return total;
    }
    template <typename Rings> using With = MavpWith<Rings>;
};

// MAMA (core's Mama): outputs MAMA and FAMA, d0 the fast limit, d1 the slow one.
struct MamaFn {
    static constexpr int IN = 1, LAGS = 0, OUT = 2;
    static constexpr bool RINGS = false;
    using G = Wide;
    MamaCore core;
    __device__ explicit MamaFn(const Params& q) : core(q.d0, q.d1) {}
    __device__ int lag(int) const { return 0; }
    __device__ bool step(int, const double* x, double* y) {
        bool ok = core.next(x[0]);
        y[0] = core.mama;
        y[1] = core.fama;
        return ok;
    }
};

// MACDEXT (core's MacdExt): i0, i1, i2 the fast, slow and signal averages (packed, ordered by the host as TA-Lib swaps
// them). Each average starts so that both have their first value at the later of their lookbacks; the signal averages
// the line from there. Rings: the fast average's, the slow one's, the signal's.
template <typename Ma, typename Rings> struct MacdExtWith {
    static constexpr int IN = 1, LAGS = 0, OUT = 3;
    static constexpr bool RINGS = true;
    using G = Narrow;
    Ma fast, slow, signal;
    int fastStart, slowStart, line, lookback;
    __device__ MacdExtWith(const Params& q, Rings rings)
        : fast(q.i0, rings(0)), slow(q.i1, rings(maRing(maType(q.i0), maPeriod(q.i0)))),
          signal(q.i2, rings(maRing(maType(q.i0), maPeriod(q.i0)) + maRing(maType(q.i1), maPeriod(q.i1)))) {
        int lbFast = maLookback(maType(q.i0), maPeriod(q.i0)), lbSlow = maLookback(maType(q.i1), maPeriod(q.i1));
        line = lbFast > lbSlow ? lbFast : lbSlow;
        fastStart = line - lbFast;
        slowStart = line - lbSlow;
        lookback = line + maLookback(maType(q.i2), maPeriod(q.i2));
    }
    __device__ int lag(int) const { return 0; }
    __device__ bool step(int t, const double* x, double* y) {
        double f = 0.0, s = 0.0, sig = 0.0;
        if (t >= fastStart) fast.feed(x[0], f);
        if (t >= slowStart) slow.feed(x[0], s);
        double macd = f - s;
        if (t >= line) signal.feed(macd, sig);
        y[0] = macd;
        y[1] = sig;
        y[2] = macd - sig;
        return t >= lookback;
    }
};
template <typename Ma> struct MacdExt {
    static constexpr int IN = 1, OUT = 3;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) {
        return maRing(maType(q.i0), maPeriod(q.i0)) + maRing(maType(q.i1), maPeriod(q.i1)) + maRing(maType(q.i2), maPeriod(q.i2));
    }
    template <typename Rings> using With = MacdExtWith<Ma, Rings>;
};

// TA-Lib's fast %K from the window's extremes (core's Stoch.fastK).
__device__ __forceinline__ double fastKOf(double close, double highest, double lowest) {
    double diff = (highest - lowest) / 100.0;
    return diff != 0.0 ? (close - lowest) / diff : 0.0;
}

// STOCH with any MA types (core's Stoch): i0 fast %K's period, i1 and i2 the slow %K and slow %D averages (packed).
// Rings: the sliding extremes' two of fast %K's period, the slow %K average's, the slow %D average's.
template <typename Ma, typename Rings> struct StochMaWith {
    static constexpr int IN = 3, LAGS = 0, OUT = 2;
    static constexpr bool RINGS = true;
    using G = Narrow;
    SlidingExtremes ex;
    Ma slowK, slowD;
    int lbK, lbSlowK, lookback;
    __device__ StochMaWith(const Params& q, Rings rings)
        : ex(rings(0), rings(q.i0), q.i0), slowK(q.i1, rings(2 * q.i0)), slowD(q.i2, rings(2 * q.i0 + maRing(maType(q.i1), maPeriod(q.i1)))) {
        lbK = q.i0 - 1;
        lbSlowK = maLookback(maType(q.i1), maPeriod(q.i1));
        lookback = lbK + lbSlowK + maLookback(maType(q.i2), maPeriod(q.i2));
    }
    __device__ int lag(int) const { return 0; }
    __device__ bool step(int t, const double* x, double* y) {
        ex.push(x[0], x[1]);
        double k = fastKOf(x[2], ex.highest, ex.lowest), sk = 0.0, sd = 0.0;
        if (t >= lbK) slowK.feed(k, sk);
        if (t >= lbK + lbSlowK) slowD.feed(sk, sd);
        y[0] = sk;
        y[1] = sd;
        return t >= lookback;
    }
};
template <typename Ma> struct StochMa {
    static constexpr int IN = 3, OUT = 2;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) {
        return 2 * q.i0 + maRing(maType(q.i1), maPeriod(q.i1)) + maRing(maType(q.i2), maPeriod(q.i2));
    }
    template <typename Rings> using With = StochMaWith<Ma, Rings>;
};

// STOCHF (core's StochF): i0 fast %K's period, i1 the fast %D average (packed). Rings: the extremes', the average's.
template <typename Ma, typename Rings> struct StochFWith {
    static constexpr int IN = 3, LAGS = 0, OUT = 2;
    static constexpr bool RINGS = true;
    using G = Narrow;
    SlidingExtremes ex;
    Ma fastD;
    int lbK, lookback;
    __device__ StochFWith(const Params& q, Rings rings) : ex(rings(0), rings(q.i0), q.i0), fastD(q.i1, rings(2 * q.i0)) {
        lbK = q.i0 - 1;
        lookback = lbK + maLookback(maType(q.i1), maPeriod(q.i1));
    }
    __device__ int lag(int) const { return 0; }
    __device__ bool step(int t, const double* x, double* y) {
        ex.push(x[0], x[1]);
        double k = fastKOf(x[2], ex.highest, ex.lowest), d = 0.0;
        if (t >= lbK) fastD.feed(k, d);
        y[0] = k;
        y[1] = d;
        return t >= lookback;
    }
};
template <typename Ma> struct StochF {
    static constexpr int IN = 3, OUT = 2;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return 2 * q.i0 + maRing(maType(q.i1), maPeriod(q.i1)); }
    template <typename Rings> using With = StochFWith<Ma, Rings>;
};

// STOCHRSI (core's StochRsi): the RSI (core's GainLoss.State) over i0 bars, fast %K of it over i1 bars from its first
// value, fast %D (i2 packed) of fast %K from its first value. Rings: the extremes', the average's.
template <typename Ma, typename Rings> struct StochRsiWith {
    static constexpr int IN = 1, LAGS = 0, OUT = 2;
    static constexpr bool RINGS = true;
    using G = Narrow;
    SlidingExtremes ex;
    Ma fastD;
    GainLoss rsi;
    int p, firstK, lookback;
    __device__ StochRsiWith(const Params& q, Rings rings)
        : ex(rings(0), rings(q.i1), q.i1), fastD(q.i2, rings(2 * q.i1)), rsi(q.i0), p(q.i0) {
        firstK = q.i0 + q.i1 - 1;
        lookback = firstK + maLookback(maType(q.i2), maPeriod(q.i2));
    }
    __device__ int lag(int) const { return 0; }
    __device__ bool step(int t, const double* x, double* y) {
        rsi.next(t, x[0]);
        double total = rsi.gain + rsi.loss;
        double r = !nearZero(total) ? 100.0 * (rsi.gain / total) : 0.0;  // core's Rsi.value
        double k = 0.0, fd = 0.0;
        if (t >= p) {
            ex.push(r, r);
            k = fastKOf(r, ex.highest, ex.lowest);
        }
        if (t >= firstK) fastD.feed(k, fd);
        y[0] = k;
        y[1] = fd;
        return t >= lookback;
    }
};
template <typename Ma> struct StochRsi {
    static constexpr int IN = 1, OUT = 2;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return 2 * q.i1 + maRing(maType(q.i2), maPeriod(q.i2)); }
    template <typename Rings> using With = StochRsiWith<Ma, Rings>;
};

// BBANDS with any MA type or unequal deviations (core's Bbands): i0 the period, i1 the MA type, d0 nbdevup, d1 nbdevdn.
// The deviation's running sums (core's RunningVariance) start where TA-Lib's STDDEV starts: the average's lookback
// minus period - 1 (never negative: the host refuses the rest, as core does); the value leaving the window comes as
// a lagged stream. Ring: the average's.
template <typename Ma, typename Rings> struct BbandsMaWith {
    static constexpr int IN = 1, LAGS = 1, OUT = 3;
    static constexpr bool RINGS = true;
    using G = Narrow;
    Ma ma;
    int p, start, lookback;
    double up, dn, total1 = 0.0, total2 = 0.0;
    ExactDiv byP;
    __device__ BbandsMaWith(const Params& q, Rings rings) : ma(q.i0 * 16 + q.i1, rings(0)), p(q.i0), up(q.d0), dn(q.d1), byP(q.i0) {
        lookback = maLookback(q.i1, q.i0);
        start = lookback - (q.i0 - 1);
    }
    __device__ int lag(int) const { return p - 1; }
    __device__ bool step(int t, const double* x, double* y) {
        double middle = 0.0;
        ma.feed(x[0], middle);
        double sd = 0.0;
        if (t >= start) {
            total1 += x[0];
            total2 += x[0] * x[0];
            if (t >= start + p - 1) {
                double mean1 = byP(total1), mean2 = byP(total2);
                double old = x[1];
                total1 -= old;
                total2 -= old * old;
                double v = mean2 - mean1 * mean1;
                sd = !(v < 0.00000000000001) ? sqrt(v) : 0.0;
            }
        }
        y[0] = middle + sd * up;
        y[1] = middle;
        y[2] = middle - sd * dn;
        return t >= lookback;
    }
};
template <typename Ma> struct BbandsMa {
    static constexpr int IN = 1, OUT = 3;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return maRing(q.i1, q.i0); }
    template <typename Rings> using With = BbandsMaWith<Ma, Rings>;
};

// APO and PPO with any MA type (core's PriceOscillator): i0 the fast period, i1 the slow one (ordered by the host),
// i2 the type. Rings: the fast average's, the slow one's.
template <bool Percent, typename Ma, typename Rings> struct PriceOscMaWith {
    static constexpr int IN = 1, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Narrow;
    Ma fast, slow;
    int lookback;
    __device__ PriceOscMaWith(const Params& q, Rings rings)
        : fast(q.i0 * 16 + q.i2, rings(0)), slow(q.i1 * 16 + q.i2, rings(maRing(q.i2, q.i0))), lookback(maLookback(q.i2, q.i1)) {}
    __device__ int lag(int) const { return 0; }
    __device__ bool step(int t, const double* x, double* y) {
        double f = 0.0, s = 0.0;
        fast.feed(x[0], f);
        slow.feed(x[0], s);
        if (Percent) {
            bool zero = nearZero(s);
            y[0] = zero ? 0.0 : ((f - s) / (zero ? 1.0 : s)) * 100.0;
        } else {
            y[0] = f - s;
        }
        return t >= lookback;
    }
};
template <bool Percent, typename Ma> struct PriceOscMa {
    static constexpr int IN = 1, OUT = 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return maRing(q.i2, q.i0) + maRing(q.i2, q.i1); }
    template <typename Rings> using With = PriceOscMaWith<Percent, Ma, Rings>;
};

}  // namespace
