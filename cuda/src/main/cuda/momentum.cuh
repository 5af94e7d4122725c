// Momentum indicators (TA-Lib's group): RSI, MACD, ROC, MOM, WILLR, STOCH, CCI, MFI (ADX and its
// family: trend.cuh).
// Part of the kernels' single translation unit: hybridta.cu includes every family file after common.cuh.
#pragma once
#include "common.cuh"
#include "framework.cuh"

namespace {

template <typename T> __device__ void rsi(const double* x, T* out, const int* len, const Span& sp, int p) {
    const int n = lengthOf(len, sp);
    Col<T> o(out, sp);
    const Div byP(p);
    double prevValue = 0.0, gain = 0.0, loss = 0.0;
    const double* in[1] = {x};
    const int lag[1] = {0};
    auto body = [&](int t, const double* v) {
        double r = nan_value();
        if (t < n) {
            double xv = v[0];
            if (t == 0) {
                prevValue = xv;
            } else {
                double diff = xv - prevValue;
                prevValue = xv;
                if (t > p) {
                    loss *= (p - 1);
                    gain *= (p - 1);
                }
                if (diff < 0) loss -= diff;
                else gain += diff;
                if (t >= p) {
                    loss = byP(loss);
                    gain = byP(gain);
                    double sum = gain + loss;
                    r = !nearZero(sum) ? 100.0 * (gain / sum) : 0.0;
                }
            }
        }
        o.set(t, r);
    };
    stream<1, Narrow>(in, lag, sp, body);
}

template <typename T>
__device__ void macd(const double* x, T* outLine, T* outSignal, T* outHist, const int* len, const Span& sp, int fast, int slow, int signal) {
    const int n = lengthOf(len, sp);
    Col<T> oL(outLine, sp), oS(outSignal, sp), oH(outHist, sp);
    Ema eSlow(slow, emaK(slow)), eFast(fast, emaK(fast)), eSig(signal, emaK(signal));
    const int fastStart = slow - fast;  // TA-Lib seeds the fast EMA so that it, too, starts at bar slow - 1
    const double* in[1] = {x};
    const int lag[1] = {0};
    auto body = [&](int t, const double* v) {
        double line = nan_value(), sig = nan_value(), hist = nan_value();
        if (t < n) {
            bool slowOk = eSlow.feed(v[0]);
            bool fastOk = t >= fastStart && eFast.feed(v[0]);
            if (slowOk && fastOk) {
                double l = eFast.v - eSlow.v;
                if (eSig.feed(l)) {
                    line = l;
                    sig = eSig.v;
                    hist = l - eSig.v;
                }
            }
        }
        oL.set(t, line);
        oS.set(t, sig);
        oH.set(t, hist);
    };
    stream<1, Narrow>(in, lag, sp, body);
}

template <typename T> __device__ void roc(const double* x, T* out, const int* len, const Span& sp, int p) {
    const int n = lengthOf(len, sp);
    Col<T> o(out, sp);
    const double* in[2] = {x, x};
    const int lag[2] = {0, p};
    auto body = [&](int t, const double* v) {
        double r = nan_value();
        if (t < n && t >= p) {
            double prev = v[1];
            r = prev != 0.0 ? ((v[0] / prev) - 1.0) * 100.0 : 0.0;
        }
        o.set(t, r);
    };
    stream<2, Narrow>(in, lag, sp, body);
}

template <typename T> __device__ void mom(const double* x, T* out, const int* len, const Span& sp, int p) {
    const int n = lengthOf(len, sp);
    Col<T> o(out, sp);
    const double* in[2] = {x, x};
    const int lag[2] = {0, p};
    auto body = [&](int t, const double* v) {
        double r = nan_value();
        if (t < n && t >= p) r = v[0] - v[1];
        o.set(t, r);
    };
    stream<2, Narrow>(in, lag, sp, body);
}

// RSI's segment (reachingBack): its gains and its losses each need a contribution (a rise, a fall) to rebuild.
__device__ __forceinline__ Span rsiSpan(const double* x, const int* len, int bars, int segLen, int halo, int align) {
    return reachingBack(bars, segLen, halo, align, len, [&](int lane, int t0) {
        int rise = -1, fall = -1;
        for (int t = t0 - 1; t >= 1 && (rise < 0 || fall < 0); t--) {
            double diff = at(x, bars, t, lane) - at(x, bars, t - 1, lane);
            if (diff > 0 && rise < 0) rise = t;
            if (diff < 0 && fall < 0) fall = t;
        }
        return haloBefore(earliestOf(rise, fall), halo);
    });
}

template <typename T>
__device__ void willr(const double* h, const double* l, const double* c, T* out, const int* len, const Span& sp, int p, double* scratch) {
    const int n = lengthOf(len, sp);
    Col<T> o(out, sp);
    const Div byMinus100(-100.0);
    const double* in[3] = {h, l, c};
    const int lag[3] = {0, 0, 0};
    withRings(scratch, 2 * p, [&](auto rings) {
        SlidingExtremes ex(rings(0), rings(p), p);
        auto body = [&](int t, const double* v) {
            ex.push(v[0], v[1]);
            const bool valid = t < n && t >= p - 1;
            double diff = byMinus100(ex.highest - ex.lowest);
            double r = safeQuotient(valid && diff != 0.0, ex.highest - v[2], diff);  // 0 when the range is 0
            o.set(t, valid ? r : nan_value());
        };
        stream<3, Narrow>(in, lag, sp, body);
    });
}

template <typename T, typename Rings>
__device__ void stochWith(const double* h, const double* l, const double* c, T* outK, T* outD, const int* len, const Span& sp, int fastK,
                          int slowK, int slowD, Rings rings) {
    const int n = lengthOf(len, sp);
    Col<T> oK(outK, sp), oD(outD, sp);
    SlidingExtremes ex(rings(0), rings(fastK), fastK);
    const Ring ringK = rings(2 * fastK), ringD = rings(2 * fastK + slowK);
    double sumK = 0.0, sumD = 0.0;
    const Div bySlowK(slowK), bySlowD(slowD), by100(100.0);
    int nFast = 0, nSlow = 0;  // fast %K and slow %K values produced so far
    int slotK = 0, slotD = 0;  // ring slot of the next value
    const double* in[3] = {h, l, c};
    const int lag[3] = {0, 0, 0};
    auto body = [&](int t, const double* v) {
        ex.push(v[0], v[1]);
        double rk = nan_value(), rd = nan_value();
        if (t >= fastK - 1) {  // the same for every lane: no divergence
            double diff = by100(ex.highest - ex.lowest);
            double fk = safeQuotient(t < n && diff != 0.0, v[2] - ex.lowest, diff);  // 0 when the range is 0
            // slow %K: TA-Lib's SMA of fast %K (period 1 copies); the ring holds the last slowK values
            double sk = fk;
            bool skOk = true;
            if (slowK > 1) {
                ringK.set(slotK, fk);
                if (++slotK == slowK) slotK = 0;  // now the slot of the oldest value
                sumK += fk;
                skOk = nFast >= slowK - 1;
                if (skOk) {
                    double tmp = sumK;
                    sumK -= ringK.get(slotK);
                    sk = bySlowK(tmp);
                }
            }
            nFast++;
            if (skOk) {
                double sd = sk;
                bool sdOk = true;
                if (slowD > 1) {
                    ringD.set(slotD, sk);
                    if (++slotD == slowD) slotD = 0;
                    sumD += sk;
                    sdOk = nSlow >= slowD - 1;
                    if (sdOk) {
                        double tmp = sumD;
                        sumD -= ringD.get(slotD);
                        sd = bySlowD(tmp);
                    }
                }
                nSlow++;
                if (sdOk && t < n) {
                    rk = sk;
                    rd = sd;
                }
            }
        }
        oK.set(t, rk);
        oD.set(t, rd);
    };
    stream<3, Narrow>(in, lag, sp, body);
}

template <typename T>
__device__ void stoch(const double* h, const double* l, const double* c, T* outK, T* outD, const int* len, const Span& sp, int fastK,
                      int slowK, int slowD, double* scratch) {
    withRings(scratch, 2 * fastK + slowK + slowD,
              [&](auto rings) { stochWith<T>(h, l, c, outK, outD, len, sp, fastK, slowK, slowD, rings); });
}

// CCI's ring of the last p typical prices and its two sums in TA-Lib's order (slot 0 first), in registers for
// p <= N (N a multiple of 4, p > N - 4): a slot is written through a select per slot (the slot changes every
// bar), and the sums run over all N slots without a branch: slots from p on hold +0.0, which adds nothing to
// the sum (a sum of typical prices begun at +0.0 is never -0.0), and their deviations are masked to +0.0.
template <int N> struct CciRegisters {
    double v[N];
    int count;
    __device__ explicit CciRegisters(int p) : count(p) {
#pragma unroll
        for (int j = 0; j < N; j++) v[j] = 0.0;
    }
    __device__ __forceinline__ void set(int i, double x) {
#pragma unroll
        for (int j = 0; j < N; j++) v[j] = j == i ? x : v[j];
    }
    __device__ __forceinline__ double sum() const {
        double s = 0.0;
#pragma unroll
        for (int j = 0; j < N; j++) s += v[j];
        return s;
    }
    __device__ __forceinline__ double deviation(double avg) const {
        double d = 0.0;
#pragma unroll
        for (int j = 0; j < N; j++) {
            double a = fabs(v[j] - avg);
            d += j < N - 3 || j < count ? a : 0.0;
        }
        return d;
    }
};

// The same in shared or global memory, for longer periods.
struct CciMemory {
    Ring ring;
    int count;
    __device__ CciMemory(Ring r, int p) : ring(r), count(p) {}
    __device__ __forceinline__ void set(int i, double x) const { ring.set(i, x); }
    __device__ __forceinline__ double sum() const {
        double s = 0.0;
        ring.scan(count, [&](double x) { s += x; });
        return s;
    }
    __device__ __forceinline__ double deviation(double avg) const {
        double d = 0.0;
        ring.scan(count, [&](double x) { d += fabs(x - avg); });
        return d;
    }
};

template <typename T, typename R>
__device__ void cciWith(const double* h, const double* l, const double* c, T* out, const int* len, const Span& sp, int p, R ring) {
    const int n = lengthOf(len, sp);
    Col<T> o(out, sp);
    const Div byP(p), by3(3.0);
    int idx = 0;  // TA-Lib's circBuffer_Idx: the slot of bar t is t mod p
    const double* in[3] = {h, l, c};
    const int lag[3] = {0, 0, 0};
    auto body = [&](int t, const double* v) {
        double tp = by3(v[0] + v[1] + v[2]);
        ring.set(idx, tp);
        if (++idx == p) idx = 0;
        double r = nan_value();
        if (t >= p - 1) {  // the same for every lane
            double avg = byP(ring.sum());
            double dev = ring.deviation(avg);
            double num = tp - avg;
            r = safeQuotient(t < n && num != 0.0 && dev != 0.0, num, 0.015 * byP(dev));  // 0 when either is 0
            r = t < n ? r : nan_value();
        }
        o.set(t, r);
    };
    stream<3, Narrow>(in, lag, sp, body);
}

template <typename T>
__device__ void cci(const double* h, const double* l, const double* c, T* out, const int* len, const Span& sp, int p, double* scratch) {
    switch ((p + 3) / 4) {  // registers for the ring size that fits p (a few instantiations, not one per period)
        case 0:
        case 1: cciWith<T>(h, l, c, out, len, sp, p, CciRegisters<4>(p)); break;
        case 2: cciWith<T>(h, l, c, out, len, sp, p, CciRegisters<8>(p)); break;
        case 3: cciWith<T>(h, l, c, out, len, sp, p, CciRegisters<12>(p)); break;
        case 4: cciWith<T>(h, l, c, out, len, sp, p, CciRegisters<16>(p)); break;
        case 5: cciWith<T>(h, l, c, out, len, sp, p, CciRegisters<20>(p)); break;
        case 6: cciWith<T>(h, l, c, out, len, sp, p, CciRegisters<24>(p)); break;
        case 7: cciWith<T>(h, l, c, out, len, sp, p, CciRegisters<28>(p)); break;
        case 8: cciWith<T>(h, l, c, out, len, sp, p, CciRegisters<32>(p)); break;
        default: withRings(scratch, p, [&](auto rings) { cciWith<T>(h, l, c, out, len, sp, p, CciMemory(rings(0), p)); }); break;
    }
}

// The money flows of the last p bars are in rings in shared memory: MFI reads one slot a bar, which from
// registers costs a chain of selects (measured slower).
template <typename T, typename Rings>
__device__ void mfiWith(const double* h, const double* l, const double* c, const double* vol, T* out, const int* len, const Span& sp, int p,
                        Rings rings) {
    const Ring pos = rings(0), neg = rings(p);
    const int n = lengthOf(len, sp);
    Col<T, false> o(out, sp);
    double prevValue = 0.0, posSum = 0.0, negSum = 0.0;
    const Div by3(3.0);
    int idx = 0;  // slot of bar t >= 1 is (t - 1) mod p
    const double* in[4] = {h, l, c, vol};
    const int lag[4] = {0, 0, 0, 0};
    auto body = [&](int t, const double* v) {
        // bar 0 only sets prevValue; a money flow is added only where the typical price moved (selected, not
        // + 0.0, which would turn -0.0 into +0.0); the flow of bar t - p leaves the sums from bar p + 1 on
        const bool first = t == 0;
        double tp = by3(v[0] + v[1] + v[2]);
        double oldPos = pos.get(idx), oldNeg = neg.get(idx);
        posSum -= t > p ? oldPos : 0.0;  // x - (+0.0) is x
        negSum -= t > p ? oldNeg : 0.0;
        double diff = tp - prevValue;
        prevValue = tp;
        double mf = tp * v[3];
        bool down = !first && diff < 0, up = !first && diff > 0;
        negSum = down ? negSum + mf : negSum;
        posSum = up ? posSum + mf : posSum;
        pos.set(idx, up ? mf : 0.0);  // at bar 0 slot 0 is written and kept for bar 1 to overwrite
        neg.set(idx, down ? mf : 0.0);
        if (!first && ++idx == p) idx = 0;
        double total = posSum + negSum;
        const bool valid = t < n && t >= p;
        double q = safeQuotient(valid && !(total < 1.0), posSum, total);
        o.set(t, valid ? (total < 1.0 ? 0.0 : 100.0 * q) : nan_value());
    };
    stream<4, Wide>(in, lag, sp, body);
}

#ifndef HYBRIDTA_EMULATION
// MFI on two warps a group (a block of 32 x 2 threads). MFI's sums run from bar 0 (one segment), so its 313 groups
// of a 10,000-series panel are 313 warps for 528 schedulers, each alone with the whole instruction stream of a
// bar (four inputs, a division by 3, a ring update, a full division): latency-bound at 40% of the copy
// bandwidth. Here warp 0 streams the inputs and computes each bar's typical price and money flows, warp 1 keeps
// the rings and sums and divides, each with half the work; they pass the flows through shared memory, in two
// halves of MFI_ROWS bars that the producer fills while the consumer reads the other (named barriers 1-4:
// full and empty, per half). The arithmetic is mfiWith's, operation for operation: the consumer adds a flow of
// +0.0 where mfiWith keeps a sum unchanged, which is the same value (the sums start at +0.0 and never become -0.0).
constexpr int MFI_ROWS = 16;

// Named barrier `first + half` of the two warps (constant ids, so that the block reserves only barriers 0-4).
template <int First> __device__ __forceinline__ void barSync(int half) {
    if (half == 0) asm volatile("bar.sync %0, 64;" ::"n"(First) : "memory");
    else asm volatile("bar.sync %0, 64;" ::"n"(First + 1) : "memory");
}
template <int First> __device__ __forceinline__ void barArrive(int half) {
    if (half == 0) asm volatile("bar.arrive %0, 64;" ::"n"(First) : "memory");
    else asm volatile("bar.arrive %0, 64;" ::"n"(First + 1) : "memory");
}

// The flows passed from producer to consumer: [half][row][positive, negative][lane], 16 KB, one array whatever the
// instantiation (a __shared__ array in mfiSplit would be one per ring placement).
__device__ __forceinline__ double* mfiFlows() {
    __shared__ __align__(16) double flows[2 * MFI_ROWS * 2 * LANES];
    return flows;
}

template <typename T, typename Rings>
__device__ void mfiSplit(const double* h, const double* l, const double* c, const double* vol, T* out, const int* len, const Span& sp, int p,
                         Rings rings) {
    double* const flows = mfiFlows() + threadIdx.x;
    const int steps = sp.steps, chunks = (steps + MFI_ROWS - 1) / MFI_ROWS;
    constexpr int FULL = 1, EMPTY = 3;  // barriers FULL + half, EMPTY + half
    if (threadIdx.y == 0) {
        double prevValue = 0.0;
        const Div by3(3.0);
        const double* in[4] = {h, l, c, vol};
        const int lag[4] = {0, 0, 0, 0};
        auto body = [&](int t, const double* v) {
            const int chunk = t / MFI_ROWS, half = chunk & 1, row = t - chunk * MFI_ROWS;
            if (row == 0 && chunk >= 2) barSync<EMPTY>(half);   // the consumer is done with this half's last chunk
            const bool first = t == 0;
            double tp = by3(v[0] + v[1] + v[2]);
            double diff = tp - prevValue;
            prevValue = tp;
            double mf = tp * v[3];
            bool down = !first && diff < 0, up = !first && diff > 0;
            flows[((half * MFI_ROWS + row) * 2) * LANES] = up ? mf : 0.0;
            flows[((half * MFI_ROWS + row) * 2 + 1) * LANES] = down ? mf : 0.0;
            if (row == MFI_ROWS - 1 || t == steps - 1) barArrive<FULL>(half);
        };
        stream<4, Wide>(in, lag, sp, body);
    } else {
        const Ring pos = rings(0), neg = rings(p);
        const int n = lengthOf(len, sp);
        Col<T, false> o(out, sp);
        double posSum = 0.0, negSum = 0.0;
        int idx = 0;  // slot of bar t >= 1 is (t - 1) mod p
        for (int chunk = 0; chunk < chunks; chunk++) {
            const int half = chunk & 1, t0 = chunk * MFI_ROWS, rows = min(MFI_ROWS, steps - t0);
            barSync<FULL>(half);
#pragma unroll 4
            for (int row = 0; row < rows; row++) {
                const int t = t0 + row;
                const bool first = t == 0;
                double inPos = flows[((half * MFI_ROWS + row) * 2) * LANES], inNeg = flows[((half * MFI_ROWS + row) * 2 + 1) * LANES];
                double oldPos = pos.get(idx), oldNeg = neg.get(idx);
                posSum -= t > p ? oldPos : 0.0;  // x - (+0.0) is x
                negSum -= t > p ? oldNeg : 0.0;
                negSum = negSum + inNeg;
                posSum = posSum + inPos;
                pos.set(idx, inPos);  // at bar 0 slot 0 is written and kept for bar 1 to overwrite
                neg.set(idx, inNeg);
                if (!first && ++idx == p) idx = 0;
                double total = posSum + negSum;
                const bool valid = t < n && t >= p;
                double q = safeQuotient(valid && !(total < 1.0), posSum, total);
                o.set(t, valid ? (total < 1.0 ? 0.0 : 100.0 * q) : nan_value());
            }
            if (chunk + 2 < chunks) barArrive<EMPTY>(half);   // only where the producer will wait for it
        }
    }
}
#endif

template <typename T>
__device__ void mfi(const double* h, const double* l, const double* c, const double* vol, T* out, const int* len, const Span& sp, int p,
                    double* scratch) {
#ifdef HYBRIDTA_EMULATION
    // the emulator runs a block's lanes one after the other, one warp: MFI's single-warp form, the same arithmetic
    withRings(scratch, 2 * p, [&](auto rings) { mfiWith<T>(h, l, c, vol, out, len, sp, p, rings); });
#else
    withRings(scratch, 2 * p, [&](auto rings) { mfiSplit<T>(h, l, c, vol, out, len, sp, p, rings); });
#endif
}


// ---------------------------------------------------------------- on the kernel framework (framework.cuh)

// ROCP, ROCR, ROCR100 (core's RateOfChangeFunction): the bar against the bar period bars earlier, 0 where that is 0.
// Form 0: (x - then) / then; 1: x / then; 2: (x / then) * 100. A window: a segment's halo of period bars is exact.
template <int Form> struct RateOfChange {
    static constexpr int IN = 1, LAGS = 1, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Narrow;
    int p;
    __device__ explicit RateOfChange(const Params& q) : p(q.i0) {}
    __device__ int lag(int) const { return p; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) const {
        double now = x[0], then = x[1];
        bool zero = then == 0.0;
        double d = zero ? 1.0 : then;  // never the division's slow path for a value not used
        y[0] = zero ? 0.0 : Form == 0 ? (now - then) / d : Form == 1 ? now / d : (now / d) * 100.0;
        return t >= p;
    }
};

// BOP (core's Bop): (close - open) / (high - low), 0 where the range is below TA-Lib's 1e-14. Inputs open, high, low, close.
struct Bop {
    __device__ static double of(const double* x) {
        double range = x[1] - x[2];
        bool flat = range < 0.00000000000001;
        return flat ? 0.0 : (x[3] - x[0]) / (flat ? 1.0 : range);
    }
};

// CMO (core's GainLoss with Cmo.value): Wilder's averages of gains and losses, seeded with their means over the first
// period changes; 100 * (gain - loss) / (gain + loss), 0 where the sum is below 1e-14. Not segmented (like RSI it
// would need a reach-back span over flat stretches).
// Wilder's averages of gains and losses as core's GainLoss.State: the first period changes summed, then divided by
// the period at bar period, then ((s * (period - 1)) + change) / period. CMO's here, STOCHRSI's RSI (averages.cuh).
struct GainLoss {
    int p;
    double prev = 0.0, gain = 0.0, loss = 0.0;
    ExactDiv byP;
    __device__ explicit GainLoss(int period) : p(period), byP(period) {}
    // bar t's value (relative bar 0 has no change); the averages are values from bar p on
    __device__ __forceinline__ void next(int t, double v) {
        double d = v - prev;
        prev = v;
        double g = d < 0 ? 0.0 : d, l = d < 0 ? -d : 0.0;  // a NaN change is a gain, as TA-Lib's
        if (t > p) {
            gain = byP((gain * (p - 1)) + g);
            loss = byP((loss * (p - 1)) + l);
        } else if (t >= 1) {
            gain += g;
            loss += l;
            if (t == p) {
                loss /= p;
                gain /= p;
            }
        }
    }
};

struct Cmo {
    static constexpr int IN = 1, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Narrow;
    GainLoss gl;
    __device__ explicit Cmo(const Params& q) : gl(q.i0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        gl.next(t, x[0]);
        double gain = gl.gain, loss = gl.loss, total = gain + loss;
        bool zero = nearZero(total);
        y[0] = zero ? 0.0 : 100.0 * ((gain - loss) / (zero ? 1.0 : total));
        return t >= gl.p;
    }
};

// TRIX (core's Trix): the 1-bar ROC of an EMA of an EMA of an EMA (each seeded with the SMA of its first period
// inputs), from the second value of the third EMA on. Recursive: segmented with TEMA's decay halo (Segments.java).
struct Trix {
    static constexpr int IN = 1, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Narrow;
    Ema e1, e2, e3;
    double previous = 0.0;
    bool seeded = false;
    __device__ explicit Trix(const Params& q) : e1(q.i0, emaK(q.i0)), e2(q.i0, emaK(q.i0)), e3(q.i0, emaK(q.i0)) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int, const double* x, double* y) {
        if (!(e1.feed(x[0]) && e2.feed(e1.v) && e3.feed(e2.v))) return false;
        double then = previous;
        previous = e3.v;
        if (!seeded) {
            seeded = true;
            return false;
        }
        bool zero = then == 0.0;
        y[0] = zero ? 0.0 : ((e3.v / (zero ? 1.0 : then)) - 1.0) * 100.0;
        return true;
    }
};

// APO and PPO (core's PriceOscillator) with SMAs (matype 0: running sums from bar 0 in the CPU's order, two lagged
// streams for the values leaving the windows) or EMAs (matype 1, each seeded with its SMA): fast - slow, PPO as
// ((fast - slow) / slow) * 100, 0 where slow is below 1e-14. i0 the fast period, i1 the slow one (the host orders
// them), i2 the MA type. Never segmented (the SMA's sums).
template <bool Percent> struct PriceOsc {
    static constexpr int IN = 1, LAGS = 2, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Narrow;
    int fp, sp, type;
    double fTotal = 0.0, sTotal = 0.0;
    Ema ef, es;
    ExactDiv byFp, bySp;
    __device__ explicit PriceOsc(const Params& q)
        : fp(q.i0), sp(q.i1), type(q.i2), ef(q.i0, emaK(q.i0)), es(q.i1, emaK(q.i1)), byFp(q.i0), bySp(q.i1) {}
    __device__ int lag(int j) const { return j == 0 ? fp - 1 : sp - 1; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        double f, s;
        if (type == 0) {
            fTotal += x[0];
            f = byFp(fTotal);
            fTotal -= t >= fp - 1 ? x[1] : 0.0;
            sTotal += x[0];
            s = bySp(sTotal);
            sTotal -= t >= sp - 1 ? x[2] : 0.0;
        } else {
            ef.feed(x[0]);
            es.feed(x[0]);
            f = ef.v;
            s = es.v;
        }
        if (Percent) {
            bool zero = nearZero(s);
            y[0] = zero ? 0.0 : ((f - s) / (zero ? 1.0 : s)) * 100.0;
        } else {
            y[0] = f - s;
        }
        return t >= sp - 1;
    }
};

// ULTOSC (core's UltOsc.State, operation for operation): the sums of (close - true low) and of the true range over
// three windows (p1 <= p2 <= p3, ordered by the host), each started at the bar TA-Lib starts it at, and a ring of the
// last p3 pairs for the values leaving them; 100 * (4 a1/b1 + 2 a2/b2 + a3/b3) / 7, a term left out where its range sum
// is below 1e-14. Running sums from bar 1: never segmented.
template <typename Rings> struct UltOscWith {
    static constexpr int IN = 3, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Narrow;
    Ring ring;
    int p1, p2, p3, pos = 0, first1, first2, first3 = 0;
    double prevClose = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, b1 = 0.0, b2 = 0.0, b3 = 0.0;
    ExactDiv by7;
    __device__ UltOscWith(const Params& q, Rings rings)
        : ring(rings(0)), p1(q.i0), p2(q.i1), p3(q.i2), first1(2 * ((q.i2 - q.i0) % q.i2)), first2(2 * ((q.i2 - q.i1) % q.i2)), by7(7.0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ int next(int slot) const { return slot + 2 == 2 * p3 ? 0 : slot + 2; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        if (t == 0) {
            prevClose = x[2];
            return false;
        }
        double trueLow = x[1] < prevClose ? x[1] : prevClose;
        double a = x[2] - trueLow, b = trueRange(x[0], x[1], prevClose);
        prevClose = x[2];
        ring.set(pos, a);
        ring.set(pos + 1, b);
        pos = next(pos);
        if (t > p3 - p1) {
            a1 += a;
            b1 += b;
        }
        if (t > p3 - p2) {
            a2 += a;
            b2 += b;
        }
        a3 += a;
        b3 += b;
        if (t < p3) return false;  // the same for every lane
        double output = 0.0;
        if (!nearZero(b1)) output += 4.0 * (a1 / b1);
        if (!nearZero(b2)) output += 2.0 * (a2 / b2);
        if (!nearZero(b3)) output += a3 / b3;
        a1 -= ring.get(first1);
        b1 -= ring.get(first1 + 1);
        a2 -= ring.get(first2);
        b2 -= ring.get(first2 + 1);
        a3 -= ring.get(first3);
        b3 -= ring.get(first3 + 1);
        first1 = next(first1);
        first2 = next(first2);
        first3 = next(first3);
        y[0] = 100.0 * by7(output);
        return true;
    }
};
struct UltOsc {
    static constexpr int IN = 3, OUT = 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return 2 * q.i2; }
    template <typename Rings> using With = UltOscWith<Rings>;
};

}  // namespace
