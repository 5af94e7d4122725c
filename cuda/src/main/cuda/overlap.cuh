// Overlap studies (TA-Lib's group): SMA, EMA, WMA, DEMA, TEMA, Bollinger bands.
// Part of the kernels' single translation unit: hybridta.cu includes every family file after common.cuh.
#pragma once
#include "common.cuh"

namespace {

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

// G: the tiles' geometry (a sweep's one launch for all sets takes SetTiles).
template <typename T, typename G = Narrow> __device__ void ema(const double* x, T* out, const int* len, const Span& sp, int p) {
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
    stream<1, G>(in, lag, sp, body);
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

template <typename T>
__device__ void bbandsSets(const double* x, T* outUpper, T* outMiddle, T* outLower, long long ss, const int* len, const Span& sp,
                           const int* ip, const double* dp, int first, int count);

// Bollinger bands of one set: the sweep's form with one set (its loop over sets unrolled away).
template <typename T>
__device__ void bbands(const double* x, T* outUpper, T* outMiddle, T* outLower, const int* len, const Span& sp, int p, double k) {
    bbandsSets<T>(x, outUpper, outMiddle, outLower, 0, len, sp, &p, &k, 0, 1);
}

// A parameter sweep's sets of BBANDS of one period computed together: `count` (1 to BBANDS_SETS) consecutive sets from `first`, all of
// period ip[first], deviations dp[first ..]: one mean and one standard deviation a bar (bbands' arithmetic, in its
// order) serve every set, which only multiplies the deviation by its own width; the sets share one read of the input.
// (EMA's sets four to a thread, sharing theirs, measured slower in float32 than a set a thread: fewer warps.)
#define BBANDS_SETS 16
template <typename T>
__device__ void bbandsSets(const double* x, T* outUpper, T* outMiddle, T* outLower, long long ss, const int* len, const Span& sp,
                           const int* ip, const double* dp, int first, int count) {
    const int n = lengthOf(len, sp);
    const int p = ip[first];
    const Col<T, false> oU(outUpper + (size_t) first * ss, sp), oM(outMiddle + (size_t) first * ss, sp),
        oL(outLower + (size_t) first * ss, sp);
    const Div byP(p);
    double dev[BBANDS_SETS];  // in registers: the loop over the sets is unrolled
#pragma unroll
    for (int j = 0; j < BBANDS_SETS; j++) dev[j] = dp[first + min(j, count - 1)];
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
#pragma unroll
        for (int j = 0; j < BBANDS_SETS; j++) {
            if (j < count) {
                const size_t at = (size_t) j * ss;
                double w = sd * dev[j];
                oU.set(t, valid ? mid + w : nan_value(), at);
                oM.set(t, valid ? mid : nan_value(), at);
                oL.set(t, valid ? mid - w : nan_value(), at);
            }
        }
    };
    stream<2, Wide>(in, lag, sp, body);
}

}  // namespace
