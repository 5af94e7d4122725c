// The kernel framework: a function written once as its per-series logic, run by one generic kernel.
//
// A function is a struct F with
//   static constexpr int IN;         the input series (the kernel's input pointers, in KernelCall's field order)
//   static constexpr int LAGS;       extra input streams: input 0 again, lag(j) bars late (x[IN + j] = input 0 at t - lag(j))
//   static constexpr int OUT;        outputs
//   static constexpr bool RINGS;     whether it keeps per-series rings: then F::With<Rings> is the function, built as
//                                    With(params, rings) (the rings in shared or global memory, chosen at run time), and
//                                    F::ringDoubles(params) says how many doubles a series (host: KernelCall.ringDoubles)
//   using G = Narrow or Wide;        the tile geometry (Narrow for kernels that may be cut into time segments)
//   __device__ F(const Params&)      its state at relative bar 0 (the start of its span)
//   __device__ int lag(int j) const  the lag of stream IN + j
//   __device__ bool step(int t, const double* x, double* y)
//                                    one bar: x the bar's inputs, y its outputs; true where they are values (false: NaN,
//                                    the warm-up). Called for every relative bar of the span in order, also past the
//                                    series' end (inputs there are garbage, the outputs are not written as values), so
//                                    that the lanes of a warp never diverge.
// and the framework supplies what the hand-written kernels do by hand: time-major coalesced loads of all streams through
// shared-memory tiles several stages deep (stream), time segments with halos (the Span the host planned: Segments.java
// gives each function's halo, -1 for the running sums that must run from bar 0), NaN past each series' end, and the
// float32 or float64 outputs (each the double result rounded once).
//
// Entry points: FN(name, F, IN, OUT) defines name_f64 and name_f32 with the parameters
//   (inputs..., outputs..., lengths, bars, segmentLength, halo, align, int i0, int i1, int i2, double d0, double d1, double* scratch)
// (KernelCall pads a function's int and double parameters to three and two; scratch is null unless the rings live in
// global memory).
#pragma once
#include "common.cuh"

namespace {

// A framework kernel's scalar parameters.
struct Params {
    int i0, i1, i2;
    double d0, d1;
};

template <typename T, int NI, int NO, typename F>
__device__ __forceinline__ void seriesWith(const double* const (&in)[NI], T* const (&out)[NO], const int* len, const Span& sp, F& f) {
    constexpr int NS = NI + F::LAGS;
    const double* src[NS];
    int lag[NS];
#pragma unroll
    for (int k = 0; k < NI; k++) {
        src[k] = in[k];
        lag[k] = 0;
    }
#pragma unroll
    for (int j = 0; j < F::LAGS; j++) {
        src[NI + j] = in[0];
        lag[NI + j] = f.lag(j);
    }
    const int n = lengthOf(len, sp);
    T* o[NO];
#pragma unroll
    for (int k = 0; k < NO; k++) o[k] = out[k] + ((size_t) blockIdx.x * sp.bars + sp.start) * LANES + threadIdx.x;
    const int from = sp.from;
    auto body = [&](int t, const double* x) {
        double y[NO];
        const bool ok = f.step(t, x, y) && t < n;
        if (t >= from) {
#pragma unroll
            for (int k = 0; k < NO; k++) put(o[k] + (size_t) t * LANES, ok ? y[k] : nan_value());
        }
    };
    stream<NS, typename F::G>(src, lag, sp, body);
}

template <typename F, typename T, int NI, int NO>
__device__ void series(const double* const (&in)[NI], T* const (&out)[NO], const int* len, const Span& sp, const Params& p, double* scratch) {
    static_assert(F::IN == NI && F::OUT == NO, "the entry point's inputs and outputs are the function's");
    if constexpr (F::RINGS) {
        withRings(scratch, F::ringDoubles(p), [&](auto rings) {
            typename F::template With<decltype(rings)> f(p, rings);
            seriesWith<T>(in, out, len, sp, f);
        });
    } else {
        F f(p);
        seriesWith<T>(in, out, len, sp, f);
    }
}

// ---------------------------------------------------------------- function shapes

// A function of each bar alone (no state, no warm-up): Op is a struct with static double of(const double* x).
template <int NI, typename Op> struct Elementwise {
    static constexpr int IN = NI, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Narrow;
    __device__ explicit Elementwise(const Params&) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int, const double* x, double* y) const {
        y[0] = Op::of(x);
        return true;
    }
};

}  // namespace

#define FW_IN1 const double* x0
#define FW_IN2 FW_IN1, const double* x1
#define FW_IN3 FW_IN2, const double* x2
#define FW_IN4 FW_IN3, const double* x3
#define FW_INL1 x0
#define FW_INL2 x0, x1
#define FW_INL3 x0, x1, x2
#define FW_INL4 x0, x1, x2, x3
#define FW_OUT1(T) T* y0
#define FW_OUT2(T) FW_OUT1(T), T* y1
#define FW_OUT3(T) FW_OUT2(T), T* y2
#define FW_OUTL1 y0
#define FW_OUTL2 y0, y1
#define FW_OUTL3 y0, y1, y2
#define FN_T(name, F, SFX, T, NI, NO)                                                                                                         \
    extern "C" __global__ void __launch_bounds__(32) name##_##SFX(FW_IN##NI, FW_OUT##NO(T), const int* n, int bars, int sl, int hl, int al, \
                                                                int i0, int i1, int i2, double d0, double d1, double* r) {                    \
        const double* const in[NI] = {FW_INL##NI};                                                                                          \
        T* const out[NO] = {FW_OUTL##NO};                                                                                                   \
        series<F, T, NI, NO>(in, out, n, Span(bars, sl, hl, al), Params{i0, i1, i2, d0, d1}, r);                                           \
    }
#define FN(name, F, NI, NO) FN_T(name, F, f64, double, NI, NO) FN_T(name, F, f32, float, NI, NO)

// A parameter sweep's entry points (CudaSweepEngine): name_sets_f64 and name_sets_f32 compute many parameter sets of
// one function in one launch, blockIdx.z the set. Set z's outputs start z * ss elements after the pointers given, its
// Params are ip[3z .. 3z + 2] and dp[2z .. 2z + 1] (KernelCall's padded ints and doubles); rings only in shared
// memory (a sweep whose rings need global memory launches set by set).
#define FN_SETS_T(name, F, SFX, T, NI, NO)                                                                                                    \
    extern "C" __global__ void __launch_bounds__(32) name##_sets_##SFX(FW_IN##NI, FW_OUT##NO(T), long long ss, const int* n, int bars,      \
                                                                     int sl, int hl, int al, const int* ip, const double* dp) {               \
        const double* const in[NI] = {FW_INL##NI};                                                                                          \
        T* const given[NO] = {FW_OUTL##NO};                                                                                                 \
        T* out[NO];                                                                                                                         \
        for (int k = 0; k < NO; k++) out[k] = given[k] + (size_t) blockIdx.z * ss;                                                         \
        const int* i = ip + 3 * blockIdx.z;                                                                                                 \
        const double* d = dp + 2 * blockIdx.z;                                                                                              \
        series<F, T, NI, NO>(in, out, n, Span(bars, sl, hl, al), Params{i[0], i[1], i[2], d[0], d[1]}, nullptr);                         \
    }
#define FN_SETS(name, F, NI, NO) FN_SETS_T(name, F, f64, double, NI, NO) FN_SETS_T(name, F, f32, float, NI, NO)
