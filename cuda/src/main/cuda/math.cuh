// Math transforms and math operators (TA-Lib's groups), on the kernel framework: ACOS .. TANH through CUDA's math
// library (correctly rounded: CEIL, FLOOR, SQRT; the others within CUDA's documented 1-3 ulps, where Java's Math is
// within 1: they may differ from the CPU in the last bits, see docs/cuda.md), ADD SUB MULT DIV, and the windows
// SUM, MAX, MIN.
#pragma once
#include "framework.cuh"

namespace {

#define HYBRIDTA_UNARY(Name, expr) \
    struct Name {                  \
        __device__ static double of(const double* x) { return expr; } \
    };
HYBRIDTA_UNARY(Acos, acos(x[0]))
HYBRIDTA_UNARY(Asin, asin(x[0]))
HYBRIDTA_UNARY(Atan, atan(x[0]))
HYBRIDTA_UNARY(Ceil, ceil(x[0]))
HYBRIDTA_UNARY(Cos, cos(x[0]))
HYBRIDTA_UNARY(Cosh, cosh(x[0]))
HYBRIDTA_UNARY(Exp, exp(x[0]))
HYBRIDTA_UNARY(Floor, floor(x[0]))
HYBRIDTA_UNARY(Ln, log(x[0]))
HYBRIDTA_UNARY(Log10, log10(x[0]))
HYBRIDTA_UNARY(Sin, sin(x[0]))
HYBRIDTA_UNARY(Sinh, sinh(x[0]))
HYBRIDTA_UNARY(Sqrt, sqrt(x[0]))
HYBRIDTA_UNARY(Tan, tan(x[0]))
HYBRIDTA_UNARY(Tanh, tanh(x[0]))
HYBRIDTA_UNARY(Add, x[0] + x[1])
HYBRIDTA_UNARY(Sub, x[0] - x[1])
HYBRIDTA_UNARY(Mult, x[0] * x[1])
HYBRIDTA_UNARY(DivOp, x[0] / x[1])
#undef HYBRIDTA_UNARY

// SUM: TA-Lib's running total (core's Sum.sums): add the bar, take the sum, remove the bar leaving the window (a
// stream lagged period - 1 bars). Carried from bar 0, so never segmented (Segments.java).
struct Sum {
    static constexpr int IN = 1, LAGS = 1, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Wide;
    int p;
    double total = 0.0;
    __device__ explicit Sum(const Params& q) : p(q.i0) {}
    __device__ int lag(int) const { return p - 1; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        const bool full = t >= p - 1;
        total += x[0];
        y[0] = total;
        total -= full ? x[1] : 0.0;  // x - (+0.0) is x: the warm-up leaves the sum as TA-Lib's
        return full;
    }
};

// The extremes of the window of the last period bars (SlidingExtremes: exact, so a segment's halo of period - 1 bars
// rebuilds them). Which = 0: MAX of input 0, 1: MIN of input 0, 2: MIDPOINT of input 0, 3: MIDPRICE of high and low,
// 4: MINMAX (the lowest, then the highest).
template <int Which, typename Rings> struct WindowExtremes {
    static constexpr int IN = Which == 3 ? 2 : 1, LAGS = 0, OUT = Which == 4 ? 2 : 1;
    static constexpr bool RINGS = true;
    using G = Narrow;
    SlidingExtremes ex;
    int p;
    __device__ static int ringDoubles(const Params& q) { return 2 * q.i0; }
    __device__ WindowExtremes(const Params& q, Rings rings) : ex(rings(0), rings(q.i0), q.i0), p(q.i0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        ex.push(x[0], Which == 3 ? x[1] : x[0]);
        y[0] = Which == 0 ? ex.highest : Which == 1 || Which == 4 ? ex.lowest : (ex.highest + ex.lowest) / 2.0;
        if (Which == 4) y[OUT - 1] = ex.highest;
        return t >= p - 1;
    }
};
// The framework builds a ring function as F(params, rings) with the rings' type chosen at run time (shared or global).
template <int Which> struct Extremes {
    static constexpr int IN = Which == 3 ? 2 : 1, OUT = Which == 4 ? 2 : 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return 2 * q.i0; }
    template <typename Rings> using With = WindowExtremes<Which, Rings>;
};

}  // namespace
