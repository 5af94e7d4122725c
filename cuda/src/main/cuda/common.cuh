// HybridTA kernels: what every family file shares (layout, streaming, spans, rings, TA-Lib's arithmetic helpers).
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
#pragma once

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
// SetTiles (8 KB for one stream): a sweep's one launch for all its sets (EMA's 200 sets x 16 groups are 3,200 blocks
// of one warp): with Narrow's 12 KB at most 19 share a multiprocessor, so 2,508 run on an H100's 132 and the rest make
// a second wave; two stages let 28 share one, and every block of such a sweep runs in the first wave.
struct SetTiles {};
template <int NS> struct Geometry<NS, SetTiles> {
    static constexpr int D = NS == 1 ? 16 : 8;
    static constexpr int S = 2;
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
    // the same element `offset` elements further on (a sweep's next parameter set)
    __device__ __forceinline__ void set(int t, double v, size_t offset) const {
        if (!Segmented || t >= from) put(p + offset + (size_t) t * LANES, v);
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

// Division by a divisor fixed for the whole series, rounded exactly as x / d: Markstein's correction of q = x * RN(1/d)
// by the exact residual is the correctly rounded quotient while no step under- or overflows (Markstein, "IA-64 and
// Elementary Functions", theorem 8.10; checked against x / d on 4e8 quotients of 20 divisors), so a quotient within
// [2^-960, 2^960] is x / d's bits; subnormal, huge, infinite and NaN quotients take the IEEE division. A zero
// dividend takes neither: x * RN(1/d) is already x / d there, its sign included (the correction would make -0 +0),
// and a total that stays 0 (the candle averages of bodies on a flat stretch) would otherwise divide every bar. Two
// fused multiply-adds where the IEEE division is a subroutine of a dozen dependent steps: the framework's running
// sums and Wilder recurrences, whose results must repeat the CPU's divisions bit for bit, use it.
struct ExactDiv {
    double d, r;
    __device__ ExactDiv() : d(1.0), r(1.0) {}
    __device__ explicit ExactDiv(double divisor) : d(divisor), r(1.0 / divisor) {}
    __device__ __forceinline__ double operator()(double x) const {
        double q0 = x * r;
        double q = __fma_rn(__fma_rn(-q0, d, x), r, q0);
        double a = fabs(q);
        if (!(a > 0x1p-960 && a < 0x1p960)) q = x == 0.0 ? q0 : x / d;
        return q;
    }
};

// The bodies of the window and running-sum kernels compute every bar of every lane, also past a series' end
// (inputs there are whatever the buffer holds, the state there is never used), so that the lanes of a warp never
// diverge and a body is straight-line code; `valid` selects what is written. A division by a value that may be
// 0 or garbage divides by 1 instead, so that it never takes the slow path for a quotient that is not used.
__device__ __forceinline__ double safeQuotient(bool ok, double num, double den) { return (ok ? num : 0.0) / (ok ? den : 1.0); }

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

}  // namespace
