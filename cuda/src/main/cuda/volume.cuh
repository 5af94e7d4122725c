// Volume indicators (TA-Lib's group): OBV.
// Part of the kernels' single translation unit: hybridta.cu includes every family file after common.cuh.
#pragma once
#include "common.cuh"
#include "framework.cuh"

namespace {

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


// AD, the Chaikin accumulation/distribution line (core's Ad): a running total from bar 0 (never segmented), each bar
// adding ((close - low) - (high - close)) / (high - low) * volume where the range is positive. Inputs high, low,
// close, volume.
struct Ad {
    static constexpr int IN = 4, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Wide;
    double ad = 0.0;
    __device__ explicit Ad(const Params&) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int, const double* x, double* y) {
        double range = x[0] - x[1];
        bool up = range > 0.0;
        double moved = ad + ((((x[2] - x[1]) - (x[0] - x[2])) / (up ? range : 1.0)) * x[3]);
        ad = up ? moved : ad;  // selected, not + 0.0, which would turn -0.0 into +0.0
        y[0] = ad;
        return true;
    }
};

// ADOSC (core's Adosc): the fast EMA minus the slow EMA of the AD line, both starting at the line's first value
// (k * ad) + ((1 - k) * previous). i0 fast, i1 slow period. Carried from bar 0: never segmented.
struct Adosc {
    static constexpr int IN = 4, LAGS = 0, OUT = 1;
    static constexpr bool RINGS = false;
    using G = Narrow;
    Ad line;
    double fastK, fastKeep, slowK, slowKeep, fast = 0.0, slow = 0.0;
    int lookback;
    __device__ explicit Adosc(const Params& q)
        : line(q), fastK(emaK(q.i0)), fastKeep(1.0 - emaK(q.i0)), slowK(emaK(q.i1)), slowKeep(1.0 - emaK(q.i1)),
          lookback(max(q.i0, q.i1) - 1) {}
    __device__ int lag(int) const { return 0; }
    __device__ __forceinline__ bool step(int t, const double* x, double* y) {
        double ad;
        line.step(t, x, &ad);
        fast = t == 0 ? ad : (fastK * ad) + (fastKeep * fast);
        slow = t == 0 ? ad : (slowK * ad) + (slowKeep * slow);
        y[0] = fast - slow;
        return t >= lookback;
    }
};

}  // namespace
