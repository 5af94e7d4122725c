// Lets hybridta.cu compile as plain C++ (g++ 12+, C++20), so that its kernels run on the CPU: see emu.cpp.
// Blocks run one at a time, and the 32 lanes of a block one after the other, each running the whole kernel.
// A lane's state is its own (registers, its slots of a ring, its outputs); what lanes share is the tile of
// inputs in shared memory, which on the GPU they copy together (cp.async) and then read after waiting and
// synchronizing the warp. Here each lane copies the whole tile itself, synchronously (COPY_FIRST, COPY_STEP),
// so it reads what it copied, and __syncwarp has nothing to do.
// Double arithmetic is IEEE on both sides and the build forbids contraction (-ffp-contract=off), like
// nvcc -fmad=false, so results are bit for bit the GPU's.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#define __device__
#define __global__
#define __forceinline__ inline
#define __launch_bounds__(x)
#define __shared__ static
#define __constant__
#define __align__(n) __attribute__((aligned(n)))

struct EmuDim { unsigned x = 0, y = 0, z = 0; };
extern thread_local EmuDim threadIdx;
extern EmuDim blockIdx, gridDim;
extern double* dynamicShared;  // the block's dynamic shared memory
inline void __syncwarp() {}
inline void __syncthreads() {}  // only the transposes use it; the emulator moves data between layouts itself

inline double __longlong_as_double(long long v) {
    double d;
    std::memcpy(&d, &v, sizeof d);
    return d;
}
inline long long __double_as_longlong(double d) {
    long long v;
    std::memcpy(&v, &d, sizeof v);
    return v;
}
inline double __fma_rn(double a, double b, double c) { return std::fma(a, b, c); }
template <typename T> inline void __stcs(T* p, T v) { *p = v; }
using std::fabs;
using std::fmax;
using std::fmin;
using std::max;
using std::min;
using std::sqrt;

#define COPY_FIRST(lane) 0
#define COPY_STEP 1
namespace {
inline void cp_async16(void* smem, const void* gmem) { std::memcpy(smem, gmem, 16); }
inline void cp_commit() {}
template <int N> inline void cp_wait() {}
}  // namespace
