// Not indicators: the transposes between the series-major and the grouped layout, and synthetic data for diagnostics.
// Part of the kernels' single translation unit: hybridta.cu includes every family file after common.cuh.
#pragma once
#include "common.cuh"

namespace {

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

// A seeded random walk per series in the grouped layout (open, high, low, close, volume; high >= max(open, close),
// low <= min(open, close), positive prices), generated on the device so that benchmarks need not move gigabytes from
// the host first. Each bar opens with a small gap from the last close, so that real bodies (close - open) are not 0:
// the patterns' body averages would otherwise all be 0, an edge case no market shows.
template <typename T> __device__ void synth(T* o, T* h, T* l, T* c, T* v, int bars, unsigned long long seed) {
    unsigned long long s = seed ^ (0x9E3779B97F4A7C15ULL * (blockIdx.x * LANES + threadIdx.x + 1));
    auto next = [&]() {  // xorshift64*, uniform in [0, 1)
        s ^= s >> 12; s ^= s << 25; s ^= s >> 27;
        return (double) ((s * 0x2545F4914F6CDD1DULL) >> 11) * (1.0 / 9007199254740992.0);
    };
    double close = 50.0 + 100.0 * next();
    size_t at = (size_t) blockIdx.x * bars * LANES + threadIdx.x;
    for (int t = 0; t < bars; t++, at += LANES) {
        double open = close * (1.0 + 0.004 * (next() - 0.5));
        double z = (next() + next() + next() - 1.5) * 2.0;  // roughly normal, unit variance
        close *= 1.0 + 0.01 * z;
        double hi = fmax(open, close) * (1.0 + 0.01 * next()), lo = fmin(open, close) * (1.0 - 0.01 * next());
        o[at] = (T) open;
        h[at] = (T) hi;
        l[at] = (T) lo;
        c[at] = (T) close;
        v[at] = (T) (1.0e5 + 1.0e6 * next());
    }
}

}  // namespace
