// HybridTA indicator kernels (CUDA C, compiled to PTX by build-ptx.sh, loaded with cuModuleLoadData).
//
// Layout ("grouped time-major"): a chunk of series is cut into groups of 32 series; group g stores bar t
// of its lane l at x[(g * bars + t) * 32 + l]. One warp (a block of 32 threads) computes one group over one
// segment of the time axis (blockIdx.x: the group, blockIdx.y: the segment; see Span), one thread per
// series, walking time forward: at every step the warp reads 32 neighbouring values (one coalesced 256-byte
// or 128-byte row), and a group's input is one contiguous block, which the kernels stream into shared
// memory several tiles ahead with cp.async (sm_80+), so that many loads are in flight per warp.
//
// Arithmetic: every kernel mirrors TA-Lib's Java code (com.tictactec:ta-lib 0.4.0) operation by operation,
// in double, and is compiled with -fmad=false, so double results equal the CPU backend's bit for bit
// (up to the order of the CPU backend's own operations). Inputs are always double; the T = float variants
// write their outputs as float (the double result rounded once: half the output bytes). A series s of
// length len[s] gets NaN before each output's lookback and at every bar t >= len[s]; inputs at t >= len[s]
// are never used.
//
// Latency, not bandwidth, limits a thread that walks a recurrence with one warp per 32 series (10,000
// series are 313 warps: less than one per scheduler of an H100). So the host cuts the time axis into
// segments where the indicator allows it (Segments.java), the kernels keep every input a step needs in
// shared memory (lagged inputs such as x[t - p] are streamed as inputs of their own; windows live in
// per-thread rings: CCI's, which it sums whole every bar, in registers when short; the sliding extremes'
// and MFI's, read one slot a bar, in shared memory) and unroll full tiles so that the compiler can overlap
// the independent work of consecutive steps. Instructions per bar matter as much as latency: a body
// computes every bar of every lane without data-dependent branches where it can (see safeQuotient).

#include <stdint.h>

#define LANES 32

namespace {

#ifndef HYBRIDTA_EMULATION
__device__ __forceinline__ void cp_async16(void* smem, const void* gmem) {
    unsigned s = (unsigned) __cvta_generic_to_shared(smem);
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16;\n" ::"r"(s), "l"(gmem) : "memory");
}
__device__ __forceinline__ void cp_commit() { asm volatile("cp.async.commit_group;\n" ::: "memory"); }
template <int N> __device__ __forceinline__ void cp_wait() { asm volatile("cp.async.wait_group %0;\n" ::"n"(N) : "memory"); }
// The lanes of a warp share the copying of a tile: lane l copies 16-byte chunks l, l + 32, ...
#define COPY_FIRST(lane) (lane)
#define COPY_STEP LANES
#endif  // cuda/emu/ runs these kernels on the CPU, one lane after the other, each copying whole tiles itself

__device__ __forceinline__ double nan_value() { return __longlong_as_double(0x7ff8000000000000LL); }

__device__ __forceinline__ void put(float* p, double v) { __stcs(p, (float) v); }
__device__ __forceinline__ void put(double* p, double v) { __stcs(p, v); }

// Tiles of D time steps per input stream, S stages deep, in static shared memory.
// Wide (at most 32 KB a block): for the kernels that always run one block per group over the whole time
// axis; deep tiles keep enough loads in flight for the few warps there are. Narrow (at most 12 KB): for
// the kernels whose time axis is cut into segments; there are many more warps, each needs fewer loads
// in flight, and small tiles let about 17 blocks share a multiprocessor (228 KB of shared memory).
struct Wide {};
struct Narrow {};
template <int NS, typename G> struct Geometry;
// U: the steps of a full tile unrolled together. The wide kernels run one warp per scheduler at most, so that
// nothing but the independent work of neighbouring steps (their bodies are branch-free) hides latency: 8.
template <int NS> struct Geometry<NS, Wide> {
    static constexpr int D = NS == 1 ? 32 : NS == 2 ? 16 : 8;
    static constexpr int S = 4;
    static constexpr int U = 8;
};
template <int NS> struct Geometry<NS, Narrow> {
    static constexpr int D = NS == 1 ? 16 : 8;
    static constexpr int S = NS <= 2 ? 3 : 2;
    static constexpr int U = 4;
};

// The tile buffer for NS input streams: one per kernel whatever the body (a __shared__ array inside stream()
// would be one per instantiation, and a kernel with two code paths would hold two).
template <int NS, typename G> __device__ __forceinline__ double* tileBuffer() {
    __shared__ __align__(16) double sm[Geometry<NS, G>::S * NS * Geometry<NS, G>::D * LANES];
    return sm;
}

// The part of the time axis one block computes. A launch has gridDim.y segments of segLen bars per group
// (blockIdx.y is the segment). Segment j owns bars [j * segLen, (j + 1) * segLen) but starts computing
// `halo` bars earlier (rounded down to a multiple of `align`), from an empty state, as if its series began
// there: the halo rebuilds the window (exactly, for window indicators) or lets the influence of the
// unknown earlier state decay (recursive ones) before the first bar the segment writes. Segment 0 starts
// at bar 0 and is exactly the whole-series computation. The host picks halo and align per indicator
// (Segments.java says why each is enough); a kernel whose state cannot be rebuilt that way (running sums
// carried from bar 0, whose rounding the results must repeat) is launched with one segment.
//
// Bodies see time relative to `start`: their bar t is bar start + t of the series, which is what makes
// every kernel body work unchanged on a segment.
struct Span {
    int bars;   // bars of the whole series (the layout's row count per group)
    int start;  // first bar computed
    int from;   // first relative bar written (start + from is the segment's first bar)
    int steps;  // bars computed
    __device__ Span(int bars_, int segLen, int halo, int align) : Span(bars_, segLen, halo, align, 0x7fffffff) {}
    // ... starting no later than bar `earliest` (see reachingBack)
    __device__ Span(int bars_, int segLen, int halo, int align, int earliest) : bars(bars_) {
        int t0 = blockIdx.y * segLen;
        int t1 = min(bars_, t0 + segLen);
        int s = min(t0 - halo, earliest);
        start = s <= 0 ? 0 : s / align * align;
        from = t0 - start;
        steps = max(0, t1 - start);
    }
    // The whole series, for the kernels that are never segmented (constants the compiler folds away).
    __device__ static Span whole(int bars_) { return Span(bars_); }

  private:
    __device__ explicit Span(int bars_) : bars(bars_), start(0), from(0), steps(bars_) {}
};

// The smallest of need(lane) over the warp's lanes.
template <typename F> __device__ __forceinline__ int warpMin(F&& need) {
#ifdef HYBRIDTA_EMULATION
    int m = need(0);  // the lanes run one after the other here: each works out the others' values itself
    for (int j = 1; j < LANES; j++) m = min(m, need(j));
    return m;
#else
    return __reduce_min_sync(0xffffffffu, need((int) threadIdx.x));
#endif
}

// The segment of a recursive kernel whose state may go without new contributions for a while: on a flat
// stretch (no change, no range) RSI's gains and losses, ATR's and ADX's true ranges and directional movements
// only decay, and the output does not decay with them (a ratio of two decayed sums, an ADX carried unchanged,
// an ATR of 1e-30 instead of 0), so a halo of `halo` bars before the segment does not repeat the earlier
// state's bits once the stretch is longer than the halo. So each lane says how early it must start
// (first(lane, t0); INT_MAX: as planned), the warp starts at the earliest, and on ordinary data that is where
// the plan starts anyway.
template <typename First>
__device__ __forceinline__ Span reachingBack(int bars, int segLen, int halo, int align, const int* len, First&& first) {
    const int t0 = blockIdx.y * segLen;
    int earliest = 0x7fffffff;
    if (t0 > 0) {
        earliest = warpMin([&](int lane) {
            int n = len[blockIdx.x * LANES + lane];
            return n <= t0 ? 0x7fffffff : first(lane, t0);   // no value of a series that ends before the segment
        });
    }
    return Span(bars, segLen, halo, align, earliest);
}

// Where a halo must start to rebuild a state whose parts last got a contribution at bar b (-1: never since bar
// 1, so the part is 0 in both computations): `halo` bars before the bar after it. From there on the restarted
// state holds the same bits as the whole-series one, and after b both only decay alike.
__device__ __forceinline__ int haloBefore(int b, int halo) { return b < 0 ? 0x7fffffff : b + 1 - halo; }

// The earliest of the bars at which the parts of a state last got a contribution, ignoring parts that never got
// one; -1 when none did.
__device__ __forceinline__ int earliestOf(int a, int b) { return a < 0 ? b : b < 0 ? a : min(a, b); }

// Element (group blockIdx.x, bar t, lane) of an input in the grouped layout, read directly (for reachingBack).
__device__ __forceinline__ double at(const double* x, int bars, int t, int lane) { return x[((size_t) blockIdx.x * bars + t) * LANES + lane]; }

// Streams the inputs of one group through shared memory and calls body(t, x) for t = 0 .. sp.steps-1 with
// x[k] the value of input stream k at relative bar t - lag[k] for this thread's series (undefined where that
// is negative: bodies use a lagged value only from relative bar lag on).
template <int NS, typename G, typename Body>
__device__ __forceinline__ void stream(const double* const (&in)[NS], const int (&lag)[NS], const Span& sp, Body& body) {
    constexpr int D = Geometry<NS, G>::D;
    constexpr int S = Geometry<NS, G>::S;
    constexpr int ROW = LANES * (int) sizeof(double) / 16;  // 16-byte chunks in one row (one bar of a group)
    double* const sm = tileBuffer<NS, G>();
    const int lane = threadIdx.x;
    const int bars = sp.steps;
    const size_t groupBase = ((size_t) blockIdx.x * sp.bars + sp.start) * LANES;
    const int nTiles = (bars + D - 1) / D;

    auto issue = [&](int tile) {
        int t0 = tile * D;
        if (t0 < bars) {
            int steps = min(D, bars - t0);
            double* dst = sm + (tile % S) * NS * D * LANES;
#pragma unroll
            for (int k = 0; k < NS; k++) {
                int first = t0 - lag[k];             // source bar of the tile's first row
                int skip = first < 0 ? -first : 0;   // rows before bar 0 are left as they are
                if (skip < steps) {
                    const char* src = (const char*) (in[k] + groupBase + (size_t) (first + skip) * LANES);
                    char* d = (char*) (dst + (k * D + skip) * LANES);
                    int chunks = (steps - skip) * ROW;
                    for (int c = COPY_FIRST(lane); c < chunks; c += COPY_STEP) cp_async16(d + c * 16, src + c * 16);
                }
            }
        }
        cp_commit();  // an empty group past the end keeps the group count uniform
    };

#pragma unroll
    for (int i = 0; i < S - 1; i++) issue(i);
    for (int tile = 0; tile < nTiles; tile++) {
        issue(tile + S - 1);
        cp_wait<S - 1>();
        __syncwarp();
        const double* cur = sm + (tile % S) * NS * D * LANES + lane;
        const int t0 = tile * D;
        if (t0 + D <= bars) {
            // a full tile: unrolled, so that independent work of neighbouring steps overlaps
#pragma unroll Geometry<NS, G>::U
            for (int tt = 0; tt < D; tt++) {
                double x[NS];
#pragma unroll
                for (int k = 0; k < NS; k++) x[k] = cur[(k * D + tt) * LANES];
                body(t0 + tt, x);
            }
        } else {
            for (int tt = 0; tt < bars - t0; tt++) {
                double x[NS];
#pragma unroll
                for (int k = 0; k < NS; k++) x[k] = cur[(k * D + tt) * LANES];
                body(t0 + tt, x);
            }
        }
        __syncwarp();  // every lane is done with this stage before it is refilled
    }
    cp_wait<0>();
}

// This thread's view of an output in the grouped layout: relative element t is bar sp.start + t, at p[t * 32];
// elements before sp.from (the segment's halo) belong to the previous segment and are not written. Kernels
// that are never segmented use Col<T, false>, which writes every element without the check.
template <typename T, bool Segmented = true> struct Col {
    T* p;
    int from;
    __device__ Col(T* base, const Span& sp)
        : p(base + ((size_t) blockIdx.x * sp.bars + sp.start) * LANES + threadIdx.x), from(sp.from) {}
    __device__ __forceinline__ void set(int t, double v) const {
        if (!Segmented || t >= from) put(p + (size_t) t * LANES, v);
    }
};

// This thread's series length relative to sp.start (0 or less: nothing of the series is in the segment).
__device__ __forceinline__ int lengthOf(const int* len, const Span& sp) { return len[blockIdx.x * LANES + threadIdx.x] - sp.start; }

// A per-thread ring of doubles, laid out like the data (neighbouring threads, neighbouring addresses):
// element j of this thread is at p[j * 32]. Made by SharedRings or GlobalRings (see withRings).
struct Ring {
    double* p;
    __device__ explicit Ring(double* p_) : p(p_) {}
    __device__ __forceinline__ double get(int j) const { return p[(size_t) j * LANES]; }
    __device__ __forceinline__ void set(int j, double v) const { p[(size_t) j * LANES] = v; }
    // f(value) for slots 0 .. count-1, in order
    template <typename F> __device__ __forceinline__ void scan(int count, F&& f) const {
#pragma unroll 8
        for (int j = 0; j < count; j++) f(get(j));
    }
};

// Where a kernel's rings live: in the block's dynamic shared memory when the host passes no scratch pointer, else
// in global scratch memory of perSeries doubles a series (one ring per group: the host launches such kernels
// with one segment). rings(offset) is this thread's ring starting `offset` doubles into its series' ring memory.
struct SharedRings {
    __device__ Ring operator()(int offset) const {
#ifndef HYBRIDTA_EMULATION
        extern __shared__ __align__(16) double dynamicShared[];
#endif
        return Ring(dynamicShared + (size_t) offset * LANES + threadIdx.x);
    }
};
struct GlobalRings {
    double* base;
    __device__ GlobalRings(double* scratch, int perSeries) : base(scratch + (size_t) blockIdx.x * perSeries * LANES + threadIdx.x) {}
    __device__ Ring operator()(int offset) const { return Ring(base + (size_t) offset * LANES); }
};

// Runs f(rings) with the rings where the host put them. Two instantiations rather than one pointer that may
// point to either: behind such a generic pointer, a ring store might alias the input tiles in shared memory,
// which keeps the compiler from loading the next steps' inputs before it (no overlap of consecutive steps).
template <typename F> __device__ __forceinline__ void withRings(double* scratch, int perSeries, F&& f) {
    if (scratch == nullptr) f(SharedRings());
    else f(GlobalRings(scratch, perSeries));
}

// TA-Lib's EMA fed one value at a time: the first p values are summed and averaged (the seed), later
// ones follow prev = ((x - prev) * k) + prev.
struct Ema {
    double k, v;
    int p, n;
    __device__ Ema(int period, double k_) : k(k_), v(0.0), p(period), n(0) {}
    __device__ __forceinline__ bool feed(double x) {
        if (n >= p) {
            v = ((x - v) * k) + v;
            return true;
        }
        v += x;
        if (++n == p) { v = v / p; return true; }
        return false;
    }
};

__device__ __forceinline__ double emaK(int p) { return 2.0 / (double) (p + 1); }

__device__ __forceinline__ double trueRange(double h, double l, double cPrev) {
    double greatest = h - l;
    double v2 = fabs(cPrev - h);
    if (v2 > greatest) greatest = v2;
    double v3 = fabs(cPrev - l);
    if (v3 > greatest) greatest = v3;
    return greatest;
}

__device__ __forceinline__ bool nearZero(double v) { return (-0.00000000000001 < v) && (v < 0.00000000000001); }

// Division by a divisor fixed for the whole series (a period, 3, 100): the reciprocal is computed once and
// each quotient is x * r corrected by one fused multiply-add on the exact residual (Markstein), which
// rounds like x / d (within an ulp) at a fraction of the latency of a full double division, the longest
// link of the Wilder recurrences. (The explicit __fma_rn calls are exempt from -fmad=false.)
struct Div {
    double d, r;
    __device__ explicit Div(double divisor) : d(divisor), r(1.0 / divisor) {}
    __device__ __forceinline__ double operator()(double x) const {
        double q = x * r;
        double e = __fma_rn(-q, d, x);
        return __fma_rn(e, r, q);
    }
};

// The bodies of the window and running-sum kernels compute every bar of every lane, also past a series' end
// (inputs there are whatever the buffer holds, the state there is never used), so that the lanes of a warp never
// diverge and a body is straight-line code; `valid` selects what is written. A division by a value that may be
// 0 or garbage divides by 1 instead, so that it never takes the slow path for a quotient that is not used.
__device__ __forceinline__ double safeQuotient(bool ok, double num, double den) { return (ok ? num : 0.0) / (ok ? den : 1.0); }

// ---------------------------------------------------------------- single input (close)

template <typename T> __device__ void sma(const double* x, T* out, const int* len, const Span& sp, int p) {
    const int n = lengthOf(len, sp);
    Col<T, false> o(out, sp);
    const Div byP(p);
    double total = 0.0;
    const double* in[2] = {x, x};
    const int lag[2] = {0, p - 1};
    auto body = [&](int t, const double* v) {
        const bool full = t >= p - 1;  // the window is full (the same for every lane)
        total += v[0];
        double tmp = total;
        total -= full ? v[1] : 0.0;  // x - (+0.0) is x: the warm-up leaves the sum as TA-Lib's
        o.set(t, t < n && full ? byP(tmp) : nan_value());
    };
    stream<2, Wide>(in, lag, sp, body);
}

template <typename T> __device__ void ema(const double* x, T* out, const int* len, const Span& sp, int p) {
    const int n = lengthOf(len, sp);
    Col<T> o(out, sp);
    Ema e(p, emaK(p));
    const double* in[1] = {x};
    const int lag[1] = {0};
    auto body = [&](int t, const double* v) {
        double r = nan_value();
        if (t < n && e.feed(v[0])) r = e.v;
        o.set(t, r);
    };
    stream<1, Narrow>(in, lag, sp, body);
}

template <typename T> __device__ void wma(const double* x, T* out, const int* len, const Span& sp, int p, int divider) {
    const int n = lengthOf(len, sp);
    Col<T, false> o(out, sp);
    const Div byDivider(divider);
    double periodSum = 0.0, periodSub = 0.0, trailing = 0.0;
    double weight = 0.0;  // min(t + 1, p), counted in double (exact) rather than converted every bar
    const double pD = p;
    const double* in[2] = {x, x};
    const int lag[2] = {0, p - 1};
    auto body = [&](int t, const double* v) {
        // TA-Lib's warm-up (periodSub += x, periodSum += x * (t + 1)) and steady state in one sequence:
        // trailing stays +0.0 until the window is full, and x - (+0.0) is x
        const bool full = t >= p - 1;
        double xv = v[0];
        periodSub += xv;
        periodSub -= trailing;
        weight = full ? pD : weight + 1.0;
        periodSum += xv * weight;
        trailing = full ? v[1] : 0.0;
        double r = byDivider(periodSum);
        periodSum -= full ? periodSub : 0.0;
        o.set(t, t < n && full ? r : nan_value());
    };
    stream<2, Wide>(in, lag, sp, body);
}

template <typename T> __device__ void dema(const double* x, T* out, const int* len, const Span& sp, int p) {
    const int n = lengthOf(len, sp);
    Col<T> o(out, sp);
    const double k = emaK(p);
    Ema e1(p, k), e2(p, k);
    const double* in[1] = {x};
    const int lag[1] = {0};
    auto body = [&](int t, const double* v) {
        double r = nan_value();
        if (t < n && e1.feed(v[0]) && e2.feed(e1.v)) r = (2.0 * e1.v) - e2.v;
        o.set(t, r);
    };
    stream<1, Narrow>(in, lag, sp, body);
}

template <typename T> __device__ void tema(const double* x, T* out, const int* len, const Span& sp, int p) {
    const int n = lengthOf(len, sp);
    Col<T> o(out, sp);
    const double k = emaK(p);
    Ema e1(p, k), e2(p, k), e3(p, k);
    const double* in[1] = {x};
    const int lag[1] = {0};
    auto body = [&](int t, const double* v) {
        double r = nan_value();
        if (t < n && e1.feed(v[0]) && e2.feed(e1.v) && e3.feed(e2.v)) r = e3.v + ((3.0 * e1.v) - (3.0 * e2.v));
        o.set(t, r);
    };
    stream<1, Narrow>(in, lag, sp, body);
}

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

template <typename T>
__device__ void bbands(const double* x, T* outUpper, T* outMiddle, T* outLower, const int* len, const Span& sp, int p, double k) {
    const int n = lengthOf(len, sp);
    Col<T, false> oU(outUpper, sp), oM(outMiddle, sp), oL(outLower, sp);
    const Div byP(p);
    double total = 0.0, total2 = 0.0;
    const double* in[2] = {x, x};
    const int lag[2] = {0, p - 1};
    auto body = [&](int t, const double* v) {
        const bool full = t >= p - 1, valid = t < n && full;
        double xv = v[0];
        double sq = xv * xv;
        total += xv;
        total2 += sq;
        double tmp = total;
        double old = full ? v[1] : 0.0;  // x - (+0.0) is x: the warm-up leaves the sums as TA-Lib's
        total -= old;
        double mid = byP(tmp);
        double mean2 = byP(total2);
        double oldSq = old * old;
        total2 -= oldSq;
        mean2 -= mid * mid;
        bool root = valid && !(mean2 < 0.00000000000001);
        double sd = sqrt(root ? mean2 : 1.0);  // never the square root's slow path for a value not used
        sd = root ? sd : 0.0;
        double w = sd * k;
        oU.set(t, valid ? mid + w : nan_value());
        oM.set(t, valid ? mid : nan_value());
        oL.set(t, valid ? mid - w : nan_value());
    };
    stream<2, Wide>(in, lag, sp, body);
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

// ---------------------------------------------------------------- high, low, close (and volume)

template <typename T> __device__ void trange(const double* h, const double* l, const double* c, T* out, const int* len, const Span& sp) {
    const int n = lengthOf(len, sp);
    Col<T> o(out, sp);
    double prevClose = 0.0;
    const double* in[3] = {h, l, c};
    const int lag[3] = {0, 0, 0};
    auto body = [&](int t, const double* v) {
        double r = nan_value();
        if (t < n) {
            if (t >= 1) r = trueRange(v[0], v[1], prevClose);
            prevClose = v[2];
        }
        o.set(t, r);
    };
    stream<3, Narrow>(in, lag, sp, body);
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

// ATR's segment (reachingBack): its true range needs a contribution.
__device__ __forceinline__ Span atrSpan(const double* h, const double* l, const double* c, const int* len, int bars, int segLen, int halo,
                                        int align) {
    return reachingBack(bars, segLen, halo, align, len, [&](int lane, int t0) {
        int t = t0 - 1;
        while (t >= 1 && trueRange(at(h, bars, t, lane), at(l, bars, t, lane), at(c, bars, t - 1, lane)) == 0.0) t--;
        return haloBefore(t >= 1 ? t : -1, halo);
    });
}

// ADX's segment (reachingBack): +DM and -DM each need a contribution; and ADX itself, which stays as it is while
// the true range is near zero (no DX), needs `halo` bars of nonzero true range before the segment to forget
// its restart, not just `halo` bars: the halo counts those bars only.
__device__ __forceinline__ Span adxSpan(const double* h, const double* l, const double* c, const int* len, int bars, int segLen, int halo,
                                        int align) {
    return reachingBack(bars, segLen, halo, align, len, [&](int lane, int t0) {
        int plus = -1, minus = -1, counted = 0, start = 0;   // start 0: too few ranges since bar 1, the whole series
        double hi = at(h, bars, t0 - 1, lane), lo = at(l, bars, t0 - 1, lane);
        for (int t = t0 - 1; t >= 1; t--) {
            double hiPrev = at(h, bars, t - 1, lane), loPrev = at(l, bars, t - 1, lane);
            if (trueRange(hi, lo, at(c, bars, t - 1, lane)) != 0.0 && ++counted == halo) start = t;
            double diffP = hi - hiPrev, diffM = loPrev - lo;
            if ((diffM > 0) && (diffP < diffM)) {
                if (minus < 0) minus = t;
            } else if ((diffP > 0) && (diffP > diffM)) {
                if (plus < 0) plus = t;
            }
            if (counted >= halo && plus >= 0 && minus >= 0) break;
            hi = hiPrev;
            lo = loPrev;
        }
        return min(start, min(haloBefore(plus, halo), haloBefore(minus, halo)));
    });
}

template <typename T> __device__ void atr(const double* h, const double* l, const double* c, T* out, const int* len, const Span& sp, int p) {
    const int n = lengthOf(len, sp);
    Col<T> o(out, sp);
    const Div byP(p);
    double prevClose = 0.0, prevAtr = 0.0;
    const double* in[3] = {h, l, c};
    const int lag[3] = {0, 0, 0};
    auto body = [&](int t, const double* v) {
        double r = nan_value();
        if (t < n) {
            if (t >= 1) {
                double tr = trueRange(v[0], v[1], prevClose);
                if (p == 1) {
                    r = tr;
                } else if (t < p) {
                    prevAtr += tr;  // the sum of the first p true ranges (TA-Lib's SMA)
                } else if (t == p) {
                    prevAtr += tr;
                    prevAtr = byP(prevAtr);
                    r = prevAtr;
                } else {
                    prevAtr *= (p - 1);
                    prevAtr += tr;
                    prevAtr = byP(prevAtr);
                    r = prevAtr;
                }
            }
            prevClose = v[2];
        }
        o.set(t, r);
    };
    stream<3, Narrow>(in, lag, sp, body);
}

// Lowest low and highest high of the last `window` bars, by van Herk / Gil-Werman: time is cut into blocks of
// `window` bars (relative bar 0 starts one); the window ending at offset k of a block is the previous block's
// bars from offset k + 1 on plus the current block's bars up to k, so its extremes are the previous block's
// suffix extremes from k + 1 and the current block's running extremes. When a block is complete, one backward
// pass turns its bars into their suffix extremes, in place. Per bar: a few min/max operations, two ring stores
// and two loads, whatever the window, and no data-dependent branch (the pass comes at the same bar for every
// lane of a warp). Minima and maxima round nothing, so the values equal TA-Lib's (which keeps the index of each
// extreme and rescans when it leaves the window) in every case; only the way there differs.
// The rings hold `window` doubles a series each (slot k: offset k of the current block while it fills, the
// suffix extreme of the previous block at the slots not yet refilled).
struct SlidingExtremes {
    Ring hi, lo;
    int window, k;
    double runHi, runLo;     // extremes of the current block so far
    double highest, lowest;  // of the window ending at the last bar pushed (from bar window - 1 on)
    __device__ SlidingExtremes(Ring h, Ring l, int w) : hi(h), lo(l), window(w), k(-1), runHi(0.0), runLo(0.0), highest(0.0), lowest(0.0) {}
    // Records the next bar (every bar from relative bar 0 on, in order) and updates highest and lowest.
    __device__ __forceinline__ void push(double h, double l) {
        if (++k == window) k = 0;
        runHi = k == 0 ? h : fmax(runHi, h);
        runLo = k == 0 ? l : fmin(runLo, l);
        hi.set(k, h);
        lo.set(k, l);
        if (k == window - 1) {  // the block is complete: its suffix extremes, for the windows of the next block
            double sh = h, sl = l;
            for (int j = window - 2; j >= 0; j--) {
                sh = fmax(sh, hi.get(j));
                sl = fmin(sl, lo.get(j));
                hi.set(j, sh);
                lo.set(j, sl);
            }
        }
        int next = k + 1 == window ? 0 : k + 1;  // at the block's end, slot 0 holds the whole block's extremes
        highest = fmax(hi.get(next), runHi);
        lowest = fmin(lo.get(next), runLo);
    }
};

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

template <typename T>
__device__ void adx(const double* h, const double* l, const double* c, T* outAdx, T* outPlus, T* outMinus, const int* len, const Span& sp,
                    int p) {
    const int n = lengthOf(len, sp);
    Col<T> oA(outAdx, sp), oP(outPlus, sp), oM(outMinus, sp);
    double prevHigh = 0.0, prevLow = 0.0, prevClose = 0.0;
    double plusDM = 0.0, minusDM = 0.0, tr = 0.0, sumDX = 0.0, prevAdx = 0.0;
    const Div byP(p);
    const double* in[3] = {h, l, c};
    const int lag[3] = {0, 0, 0};
    auto body = [&](int t, const double* v) {
        double ra = nan_value(), rp = nan_value(), rm = nan_value();
        if (t < n) {
            if (t == 0) {
                prevHigh = v[0];
                prevLow = v[1];
                prevClose = v[2];
            } else {
                double diffP = v[0] - prevHigh;
                prevHigh = v[0];
                double diffM = prevLow - v[1];
                prevLow = v[1];
                double range = trueRange(prevHigh, prevLow, prevClose);
                if (t < p) {
                    if ((diffM > 0) && (diffP < diffM)) minusDM += diffM;
                    else if ((diffP > 0) && (diffP > diffM)) plusDM += diffP;
                    tr += range;
                } else {
                    minusDM -= byP(minusDM);
                    plusDM -= byP(plusDM);
                    if ((diffM > 0) && (diffP < diffM)) minusDM += diffM;
                    else if ((diffP > 0) && (diffP > diffM)) plusDM += diffP;
                    tr = tr - byP(tr) + range;
                    double dx = 0.0;
                    bool dxOk = false;
                    rp = 0.0;
                    rm = 0.0;
                    if (!nearZero(tr)) {
                        double minusDI = (100.0 * (minusDM / tr));
                        double plusDI = (100.0 * (plusDM / tr));
                        rp = plusDI;
                        rm = minusDI;
                        double sum = minusDI + plusDI;
                        if (!nearZero(sum)) {
                            dx = (100.0 * (fabs(minusDI - plusDI) / sum));
                            dxOk = true;
                        }
                    }
                    if (t < 2 * p) {
                        if (dxOk) sumDX += dx;
                        if (t == 2 * p - 1) {
                            prevAdx = byP(sumDX);
                            ra = prevAdx;
                        }
                    } else {
                        if (dxOk) prevAdx = byP((prevAdx * (p - 1)) + dx);
                        ra = prevAdx;
                    }
                }
                prevClose = v[2];
            }
        }
        oA.set(t, ra);
        oP.set(t, rp);
        oM.set(t, rm);
    };
    stream<3, Narrow>(in, lag, sp, body);
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

template <typename T> __device__ void obv(const double* c, const double* vol, T* out, const int* len, const Span& sp) {
    const int n = lengthOf(len, sp);
    Col<T, false> o(out, sp);
    double prevObv = 0.0, prevClose = 0.0;
    const double* in[2] = {c, vol};
    const int lag[2] = {0, 0};
    auto body = [&](int t, const double* v) {
        // TA-Lib: bar 0 takes the volume; later the volume is added on a rise, subtracted on a fall (a - b is
        // a + (-b)), and nothing changes otherwise (selected, not a + 0, which would turn -0.0 into +0.0)
        double moved = prevObv + (v[0] > prevClose ? v[1] : -v[1]);
        prevObv = t == 0 ? v[1] : v[0] > prevClose || v[0] < prevClose ? moved : prevObv;
        prevClose = v[0];
        o.set(t, t < n ? prevObv : nan_value());
    };
    stream<2, Wide>(in, lag, sp, body);
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

// ---------------------------------------------------------------- layout transposes

// Series-major [nSeries][bars] to grouped time-major [nGroups][bars][32]; lanes past nSeries get NaN.
// A block of 32 x 8 threads moves a 32-bar x 32-series tile through shared memory.
template <typename T> __device__ void toGrouped(const T* src, T* dst, int nSeries, int bars) {
    __shared__ T tile[32][33];
    const int g = blockIdx.y, t0 = blockIdx.x * 32;
    for (int i = threadIdx.y; i < 32; i += 8) {  // i: lane (series), threadIdx.x: bar
        int s = g * 32 + i, t = t0 + threadIdx.x;
        T v = (T) nan_value();
        if (s < nSeries && t < bars) v = src[(size_t) s * bars + t];
        tile[i][threadIdx.x] = v;
    }
    __syncthreads();
    for (int j = threadIdx.y; j < 32; j += 8) {  // j: bar, threadIdx.x: lane
        int t = t0 + j;
        if (t < bars) dst[((size_t) g * bars + t) * LANES + threadIdx.x] = tile[threadIdx.x][j];
    }
}

template <typename T> __device__ void fromGrouped(const T* src, T* dst, int nSeries, int bars) {
    __shared__ T tile[32][33];
    const int g = blockIdx.y, t0 = blockIdx.x * 32;
    for (int j = threadIdx.y; j < 32; j += 8) {
        int t = t0 + j;
        if (t < bars) tile[j][threadIdx.x] = src[((size_t) g * bars + t) * LANES + threadIdx.x];
    }
    __syncthreads();
    for (int i = threadIdx.y; i < 32; i += 8) {
        int s = g * 32 + i, t = t0 + threadIdx.x;
        if (s < nSeries && t < bars) dst[(size_t) s * bars + t] = tile[threadIdx.x][i];
    }
}

// ---------------------------------------------------------------- synthetic data, for diagnostics

// A seeded random walk per series in the grouped layout (high >= close >= low, positive prices, volume),
// generated on the device so that benchmarks need not move gigabytes from the host first.
template <typename T> __device__ void synth(T* h, T* l, T* c, T* v, int bars, unsigned long long seed) {
    unsigned long long s = seed ^ (0x9E3779B97F4A7C15ULL * (blockIdx.x * LANES + threadIdx.x + 1));
    auto next = [&]() {  // xorshift64*, uniform in [0, 1)
        s ^= s >> 12; s ^= s << 25; s ^= s >> 27;
        return (double) ((s * 0x2545F4914F6CDD1DULL) >> 11) * (1.0 / 9007199254740992.0);
    };
    double close = 50.0 + 100.0 * next();
    size_t at = (size_t) blockIdx.x * bars * LANES + threadIdx.x;
    for (int t = 0; t < bars; t++, at += LANES) {
        double z = (next() + next() + next() - 1.5) * 2.0;  // roughly normal, unit variance
        close *= 1.0 + 0.01 * z;
        double hi = close * (1.0 + 0.01 * next()), lo = close * (1.0 - 0.01 * next());
        h[at] = (T) hi;
        l[at] = (T) lo;
        c[at] = (T) close;
        v[at] = (T) (1.0e5 + 1.0e6 * next());
    }
}

}  // namespace

// ---------------------------------------------------------------- entry points, one per output precision

#define K extern "C" __global__ void __launch_bounds__(32)
#define K2 extern "C" __global__ void __launch_bounds__(64)  // two warps a group (KernelCall.warps)
#define KERNELS(T, SFX)                                                                                                                               \
    K sma_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { sma<T>(x, o, n, Span::whole(bars), p); }         \
    K ema_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { ema<T>(x, o, n, Span(bars, sl, hl, al), p); }         \
    K wma_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p, int d) { wma<T>(x, o, n, Span::whole(bars), p, d); } \
    K dema_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { dema<T>(x, o, n, Span(bars, sl, hl, al), p); }       \
    K tema_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { tema<T>(x, o, n, Span(bars, sl, hl, al), p); }       \
    K rsi_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { rsi<T>(x, o, n, rsiSpan(x, n, bars, sl, hl, al), p); } \
    K macd_##SFX(const double* x, T* o0, T* o1, T* o2, const int* n, int bars, int sl, int hl, int al, int f, int s, int g) {                         \
        macd<T>(x, o0, o1, o2, n, Span(bars, sl, hl, al), f, s, g);                                                                                   \
    }                                                                                                                                                 \
    K bbands_##SFX(const double* x, T* o0, T* o1, T* o2, const int* n, int bars, int sl, int hl, int al, int p, double k) {                           \
        bbands<T>(x, o0, o1, o2, n, Span::whole(bars), p, k);                                                                                    \
    }                                                                                                                                                 \
    K roc_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { roc<T>(x, o, n, Span(bars, sl, hl, al), p); }         \
    K mom_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { mom<T>(x, o, n, Span(bars, sl, hl, al), p); }         \
    K trange_##SFX(const double* h, const double* l, const double* c, T* o, const int* n, int bars, int sl, int hl, int al) {                         \
        trange<T>(h, l, c, o, n, Span(bars, sl, hl, al));                                                                                             \
    }                                                                                                                                                 \
    K atr_##SFX(const double* h, const double* l, const double* c, T* o, const int* n, int bars, int sl, int hl, int al, int p) {                     \
        atr<T>(h, l, c, o, n, atrSpan(h, l, c, n, bars, sl, hl, al), p);                                                                             \
    }                                                                                                                                                 \
    K willr_##SFX(const double* h, const double* l, const double* c, T* o, const int* n, int bars, int sl, int hl, int al, int p, double* r) {        \
        willr<T>(h, l, c, o, n, Span(bars, sl, hl, al), p, r);                                                                                        \
    }                                                                                                                                                 \
    K stoch_##SFX(const double* h, const double* l, const double* c, T* o0, T* o1, const int* n, int bars, int sl, int hl, int al, int fk,            \
                  int sk, int sd, double* r) {                                                                                                        \
        stoch<T>(h, l, c, o0, o1, n, Span(bars, sl, hl, al), fk, sk, sd, r);                                                                          \
    }                                                                                                                                                 \
    K adx_##SFX(const double* h, const double* l, const double* c, T* o0, T* o1, T* o2, const int* n, int bars, int sl, int hl, int al, int p) {      \
        adx<T>(h, l, c, o0, o1, o2, n, adxSpan(h, l, c, n, bars, sl, hl, al), p);                                                                     \
    }                                                                                                                                                 \
    K cci_##SFX(const double* h, const double* l, const double* c, T* o, const int* n, int bars, int sl, int hl, int al, int p, double* r) {          \
        cci<T>(h, l, c, o, n, Span(bars, sl, hl, al), p, r);                                                                                          \
    }                                                                                                                                                 \
    K obv_##SFX(const double* c, const double* v, T* o, const int* n, int bars, int sl, int hl, int al) { obv<T>(c, v, o, n, Span::whole(bars)); } \
    K2 mfi_##SFX(const double* h, const double* l, const double* c, const double* v, T* o, const int* n, int bars, int sl, int hl, int al, int p,     \
                double* r) {                                                                                                                          \
        mfi<T>(h, l, c, v, o, n, Span::whole(bars), p, r);                                                                                       \
    }                                                                                                                                                 \
    extern "C" __global__ void __launch_bounds__(256) from_grouped_##SFX(const T* src, T* dst, int nSeries, int bars) {                               \
        fromGrouped<T>(src, dst, nSeries, bars);                                                                                                      \
    }

KERNELS(double, f64)
KERNELS(float, f32)

extern "C" __global__ void __launch_bounds__(256) to_grouped_f64(const double* src, double* dst, int nSeries, int bars) {
    toGrouped<double>(src, dst, nSeries, bars);
}

K synth_f64(double* h, double* l, double* c, double* v, int bars, unsigned long long seed) { synth<double>(h, l, c, v, bars, seed); }
