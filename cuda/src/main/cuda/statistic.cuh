// Statistic functions (TA-Lib's group), on the kernel framework: VAR and STDDEV (core's RunningVariance: the running
// sums of x and x * x from bar 0, so never segmented); LINEARREG, LINEARREG_SLOPE, LINEARREG_INTERCEPT,
// LINEARREG_ANGLE and TSF (a window body: each bar refits the last period values, so a segment's halo of period - 1
// bars is exact).
#pragma once
#include "framework.cuh"

namespace {

// Scaled = false: VAR (nbdev ignored, as TA-Lib does); true: STDDEV, nbdev (d0) population deviations.
template <bool Scaled> struct Variance {
    static constexpr int IN = 1, LAGS = 1, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Wide;
    int p;
    double nbdev, total1 = 0.0, total2 = 0.0;
    ExactDiv byP;
    __device__ explicit Variance(const Params& q) : p(q.i0), nbdev(q.d0), byP(q.i0) {}
    __device__ int lag(int) const { return p - 1; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        const bool full = t >= p - 1;
        total1 += x[0];
        total2 += x[0] * x[0];
        double mean1 = byP(total1), mean2 = byP(total2);
        double old = full ? x[1] : 0.0;  // x - (+0.0) is x: the warm-up leaves the sums as the CPU's
        total1 -= old;
        total2 -= old * old;
        double v = mean2 - mean1 * mean1;
        if (Scaled) {
            bool root = !(v < 0.00000000000001);
            double sd = root ? sqrt(root ? v : 1.0) : 0.0;
            v = sd == 0.0 ? 0.0 : sd * nbdev;
        }
        y[0] = v;
        return full;
    }
};

// The least-squares line through the last period values (core's LinearRegFunction.Line, TA-Lib's sums in its order:
// the oldest value first, x counted in bars back from the latest). The window is a ring of period doubles a series.
// Reading 0: the line's value at the latest bar (LINEARREG), 1: one bar ahead (TSF), 2: the slope, 3: the intercept,
// 4: the slope's angle in degrees (through CUDA's atan: within a few ulps of the CPU's).
template <int Reading, typename Rings> struct LinRegWith {
    static constexpr int IN = 1, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = true;
    using G = Narrow;
    Ring ring;
    int p, pos = 0;
    double sumX;
    ExactDiv byDivisor, byP;
    // sumXSqr = p (p - 1) (2 p - 1) / 6 in int arithmetic, as TA-Lib
    __device__ LinRegWith(const Params& q, Rings rings)
        : ring(rings(0)), p(q.i0), sumX((q.i0 * (q.i0 - 1)) * 0.5),
          byDivisor(sumX * sumX - q.i0 * (double) (q.i0 * (q.i0 - 1) * (2 * q.i0 - 1) / 6)), byP(q.i0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        ring.set(pos, x[0]);
        if (++pos == p) pos = 0;  // now the slot of the window's oldest value
        if (t < p - 1) return false;  // the same for every lane
        double sumXY = 0, sumY = 0, distance = p - 1;
        int k = pos;
        for (int j = 0; j < p; j++) {
            double v = ring.get(k);
            if (++k == p) k = 0;
            sumY += v;
            sumXY += distance * v;
            distance -= 1.0;
        }
        double m = byDivisor(p * sumXY - sumX * sumY);
        double b = byP(sumY - m * sumX);
        y[0] = Reading == 0 ? b + m * (double) (p - 1) : Reading == 1 ? b + m * (double) p : Reading == 2 ? m : Reading == 3 ? b
                : atan(m) * (180.0 / 3.141592653589793);
        return true;
    }
};
template <int Reading> struct LinReg {
    static constexpr int IN = 1, OUT = 1;
    static constexpr bool RINGS = true;
    __device__ static int ringDoubles(const Params& q) { return q.i0; }
    template <typename Rings> using With = LinRegWith<Reading, Rings>;
};

}  // namespace
