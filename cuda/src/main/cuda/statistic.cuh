// Statistic functions (TA-Lib's group), on the kernel framework: VAR and STDDEV (core's RunningVariance: the running
// sums of x and x * x from bar 0, so never segmented).
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
    __device__ explicit Variance(const Params& q) : p(q.i0), nbdev(q.d0) {}
    __device__ int lag(int) const { return p - 1; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        const bool full = t >= p - 1;
        total1 += x[0];
        total2 += x[0] * x[0];
        double mean1 = total1 / p, mean2 = total2 / p;
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

}  // namespace
