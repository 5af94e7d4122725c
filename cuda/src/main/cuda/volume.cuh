// Volume indicators (TA-Lib's group): OBV.
// Part of the kernels' single translation unit: hybridta.cu includes every family file after common.cuh.
#pragma once
#include "common.cuh"

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

}  // namespace
