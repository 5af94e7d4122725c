// Price transforms (TA-Lib's group), on the kernel framework: AVGPRICE, MEDPRICE, TYPPRICE, WCLPRICE. Each is TA-Lib's
// sum in its order of terms (core's PriceTransform), so results equal the CPU's bit for bit.
#pragma once
#include "framework.cuh"

namespace {

struct AvgPrice {  // inputs open, high, low, close
    __device__ static double of(const double* x) { return (x[1] + x[2] + x[3] + x[0]) / 4.0; }
};
struct MedPrice {  // high, low
    __device__ static double of(const double* x) { return (x[0] + x[1]) / 2.0; }
};
struct TypPrice {  // high, low, close
    __device__ static double of(const double* x) { return (x[0] + x[1] + x[2]) / 3.0; }
};
struct WclPrice {  // high, low, close
    __device__ static double of(const double* x) { return (x[0] + x[1] + (x[2] * 2.0)) / 4.0; }
};

}  // namespace
