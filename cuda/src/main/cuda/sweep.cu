// HybridTA sweep and screen kernels (CUDA C, compiled to PTX by cuda/build-sweep-ptx.sh, loaded with cuModuleLoadData
// beside hybridta.ptx). They read the indicator kernels' outputs where those leave them on the device, in the
// grouped time-major layout of hybridta.cu (group g stores bar t of its lane l at x[(g * bars + t) * 32 + l]), so
// that only reductions and matching series cross PCIe.
//
// One warp per group of 32 series, one thread per series, walking time forward: every step reads 32 neighbouring
// values (one coalesced row). Arithmetic mirrors the CPU engine (StatPass.java, Screen.Program.evaluate) operation by
// operation, in double; compiled with -fmad=false.

#define LANES 32

namespace {

__device__ __forceinline__ double nan_value() { return __longlong_as_double(0x7ff8000000000000LL); }
__device__ __forceinline__ bool isnan_(double v) { return v != v; }

// The numbers of Reduction.Stat, in its order.
constexpr int STATS = 10;

// One pass over output series s of region r (blockIdx.y): out is the region's grouped outputs, close the grouped
// close prices (or null when no crossing with the close was asked), from[s] the first bar of the range.
// dst[(r * count + s) * STATS + k]: last, mean, min, max, count above, count below, close crossing bar and
// direction, level crossing bar and direction.
template <typename T>
__device__ void reduce(const T* __restrict__ out, const double* __restrict__ close, const int* __restrict__ lens,
                       const int* __restrict__ from, int count, int bars, long long regionElems, double above, double below,
                       double level, double* __restrict__ dst) {
    int g = blockIdx.x, l = threadIdx.x, s = g * LANES + l;
    if (s >= count) return;
    const T* x = out + (long long) blockIdx.y * regionElems + (long long) g * bars * LANES + l;
    const double* c = close == nullptr ? nullptr : close + (long long) g * bars * LANES + l;
    int len = lens[s];
    int first = max(from[s], 0);
    double sum = 0, mn = 1.0 / 0.0, mx = -1.0 / 0.0;
    long long n = 0, nAbove = 0, nBelow = 0;
    double crossBar = nan_value(), crossDir = nan_value(), levelBar = nan_value(), levelDir = nan_value();
    double p = first >= 1 && first - 1 < len ? (double) x[(long long) (first - 1) * LANES] : nan_value();
    double cp = c != nullptr && first >= 1 && first - 1 < len ? c[(long long) (first - 1) * LANES] : nan_value();
    for (int t = first; t < len; t++) {
        double v = (double) x[(long long) t * LANES];
        if (v == v) {
            sum += v;
            n++;
            mn = fmin(mn, v);
            mx = fmax(mx, v);
            if (v > above) nAbove++;
            if (v < below) nBelow++;
        }
        double cv = c != nullptr ? c[(long long) t * LANES] : nan_value();
        if (t >= 1) {
            double d0 = cp - p, d1 = cv - v;
            if (d0 <= 0 && d1 > 0) { crossBar = t; crossDir = 1; }
            else if (d0 >= 0 && d1 < 0) { crossBar = t; crossDir = -1; }
            double e0 = p - level, e1 = v - level;
            if (e0 <= 0 && e1 > 0) { levelBar = t; levelDir = 1; }
            else if (e0 >= 0 && e1 < 0) { levelBar = t; levelDir = -1; }
        }
        p = v;
        cp = cv;
    }
    double* d = dst + ((long long) blockIdx.y * count + s) * STATS;
    d[0] = len > 0 ? (double) x[(long long) (len - 1) * LANES] : nan_value();
    d[1] = n > 0 ? sum / (double) n : nan_value();
    d[2] = n > 0 ? mn : nan_value();
    d[3] = n > 0 ? mx : nan_value();
    d[4] = (double) nAbove;
    d[5] = (double) nBelow;
    d[6] = crossBar;
    d[7] = crossDir;
    d[8] = levelBar;
    d[9] = levelDir;
}

// Screen.Program's operations.
enum Op { CONST = 0, NOW = 1, BEFORE = 2, LT = 3, LE = 4, GT = 5, GE = 6, EQ = 7, NE = 8, AND = 9, OR = 10, NOT = 11, CROSS_ABOVE = 12,
          CROSS_BELOW = 13 };
constexpr int MAX_DEPTH = 32;  // Screen.Program.MAX_DEPTH

__device__ __forceinline__ double compare(int op, double a, double b) {
    if (isnan_(a) || isnan_(b)) return nan_value();
    bool r = op == LT ? a < b : op == LE ? a <= b : op == GT ? a > b : op == GE ? a >= b : op == EQ ? a == b : a != b;
    return r ? 1.0 : 0.0;
}
__device__ __forceinline__ double and3(double a, double b) {
    if (a == 0 || b == 0) return 0;
    return isnan_(a) || isnan_(b) ? nan_value() : 1.0;
}
__device__ __forceinline__ double or3(double a, double b) {
    if (a == 1 || b == 1) return 1;
    return isnan_(a) || isnan_(b) ? nan_value() : 0.0;
}

// The value of operand i of series s (chunk-local: group g, lane l) at bar t: operands are grouped regions of the
// double inputs (prices: kind 0) or of the outputs of type T (kind 1), starting offsets[i] elements into them.
template <typename T>
__device__ __forceinline__ double operand(const double* in, const T* out, const long long* offsets, const int* kinds, int i, int g, int l,
                                          int bars, int t) {
    if (t < 0) return nan_value();
    long long at = offsets[i] + ((long long) g * bars + t) * LANES + l;
    return kinds[i] == 0 ? in[at] : (double) out[at];
}

// Evaluates the program for every series at its bar at[s] (-1: skip); appends a matching series' chunk-local index
// to matches (through *found) and its operands' values at the bar to values[slot * nOps + i].
template <typename T>
__device__ void screen(const int* __restrict__ code, int codeLength, const double* __restrict__ constants, const double* __restrict__ in,
                       const T* __restrict__ out, const long long* __restrict__ offsets,
                       const int* __restrict__ kinds, int nOps, const int* __restrict__ at, int count, int bars, int* __restrict__ found,
                       int* __restrict__ matches, double* __restrict__ values) {
    int g = blockIdx.x, l = threadIdx.x, s = g * LANES + l;
    if (s >= count) return;
    int t = at[s];
    if (t < 0) return;
    double st[MAX_DEPTH];
    int sp = 0;
    for (int pc = 0; pc < codeLength; pc += 2) {
        int op = code[pc], arg = code[pc + 1];
        switch (op) {
            case CONST: st[sp++] = constants[arg]; break;
            case NOW: st[sp++] = operand<T>(in, out, offsets, kinds, arg, g, l, bars, t); break;
            case BEFORE: st[sp++] = operand<T>(in, out, offsets, kinds, arg, g, l, bars, t - 1); break;
            case NOT: st[sp - 1] = isnan_(st[sp - 1]) ? nan_value() : 1.0 - st[sp - 1]; break;
            case CROSS_ABOVE:
            case CROSS_BELOW: {
                double b = st[--sp], a = st[--sp], b0 = st[--sp], a0 = st[--sp];
                st[sp++] = op == CROSS_ABOVE ? and3(compare(LE, a0, b0), compare(GT, a, b)) : and3(compare(GE, a0, b0), compare(LT, a, b));
                break;
            }
            default: {
                double b = st[--sp], a = st[--sp];
                st[sp++] = op == AND ? and3(a, b) : op == OR ? or3(a, b) : compare(op, a, b);
            }
        }
    }
    if (st[0] == 1.0) {
        int slot = atomicAdd(found, 1);
        matches[slot] = s;
        for (int i = 0; i < nOps; i++) values[(long long) slot * nOps + i] = operand<T>(in, out, offsets, kinds, i, g, l, bars, t);
    }
}

}  // namespace

#define SWEEP_KERNELS(T, SFX)                                                                                                        \
    extern "C" __global__ void __launch_bounds__(32) sweep_reduce_##SFX(const T* out, const double* close, const int* lens,        \
            const int* from, int count, int bars, long long regionElems, double above, double below, double level, double* dst) { \
        reduce<T>(out, close, lens, from, count, bars, regionElems, above, below, level, dst);                                      \
    }                                                                                                                                \
    extern "C" __global__ void __launch_bounds__(32) screen_eval_##SFX(const int* code, int codeLength, const double* constants,   \
            const double* in, const T* out, const long long* offsets, const int* kinds, int nOps, const int* at, int count,          \
            int bars, int* found, int* matches, double* values) {                                                                    \
        screen<T>(code, codeLength, constants, in, out, offsets, kinds, nOps, at, count, bars, found, matches, values);             \
    }

SWEEP_KERNELS(double, f64)
SWEEP_KERNELS(float, f32)
