// Volatility indicators (TA-Lib's group): TRANGE, ATR.
// Part of the kernels' single translation unit: hybridta.cu includes every family file after common.cuh.
#pragma once
#include "common.cuh"
#include "framework.cuh"

namespace {

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

// ATR's segment (reachingBack): its true range needs a contribution.
__device__ __forceinline__ Span atrSpan(const double* h, const double* l, const double* c, const int* len, int bars, int segLen, int halo,
                                        int align) {
    return reachingBack(bars, segLen, halo, align, len, [&](int lane, int t0) {
        int t = t0 - 1;
        while (t >= 1 && trueRange(at(h, bars, t, lane), at(l, bars, t, lane), at(c, bars, t - 1, lane)) == 0.0) t--;
        return haloBefore(t >= 1 ? t : -1, halo);
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


// NATR (core's Natr): Wilder's ATR of period p with the CPU's divisions (TA-Lib: the SMA of the first p true ranges,
// then atr = (atr * (p - 1) + tr) / p), as a percentage of the close, 0 where the close is below 1e-14; period 1 is the
// true range itself (TA-Lib). Run over the whole series (no reach-back span as ATR's kernel has): never segmented.
struct Natr {
    static constexpr int IN = 3, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Narrow;
    int p;
    double prevClose = 0.0, atr = 0.0;
    ExactDiv byP;
    __device__ explicit Natr(const Params& q) : p(q.i0), byP(q.i0) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        bool ok = false;
        double v = 0.0;
        if (t >= 1) {
            double tr = trueRange(x[0], x[1], prevClose);
            if (p == 1) {
                v = tr;
                ok = true;
            } else if (t <= p) {
                atr += tr;
                if (t == p) {
                    atr = byP(atr);
                    ok = true;
                }
                v = atr;
            } else {
                atr *= (p - 1);
                atr += tr;
                atr = byP(atr);
                v = atr;
                ok = true;
            }
            if (p != 1) v = nearZero(x[2]) ? 0.0 : (v / x[2]) * 100.0;
        }
        prevClose = x[2];
        y[0] = v;
        return ok;
    }
};

}  // namespace
