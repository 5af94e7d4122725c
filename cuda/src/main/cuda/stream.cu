// HybridTA universe-stream kernels (CUDA C, compiled to PTX by cuda/build-sweep-ptx.sh stream, loaded with
// cuModuleLoadData beside hybridta.ptx by CudaUniverseStream). The state of every (spec, symbol) pair lives on the
// device between ticks; a tick is one launch of stream_step over all of them.
//
// One thread per (spec, symbol): blockIdx.y is the spec, so a warp runs one function over 32 neighbouring symbols
// and never diverges on the function. Memory is laid out by symbol innermost, so that neighbouring threads touch
// neighbouring addresses:
//   state  word w of spec k's state of symbol s at state[(word_k + w) * n + s] (64-bit words)
//   rings  element j of spec k's ring of symbol s at rings[(ring_k + j) * n + s]
//   in     field slot f of bar t of symbol s at in[(t * fields + f) * n + s] (the fields the specs read, the close
//          among them: a NaN close means the symbol did not trade in that bar, and its states stay as they are)
//   out    output column c of symbol s at out[c * n + s] (the last bar's values; NaN where the symbol did not trade)
// A spec's row of the table (StreamKernel.java writes it): kind, 4 ints, 4 input slots, first output column, first
// state word, first ring element; its 2 doubles in dparams[2 * k].
//
// Peeks run the step on a copy of the state (in registers) and a ring whose stores go to a small overlay instead of
// memory (Ring<false>): nothing is written but the outputs. Warm starts run many bars in one launch (bars > 1).
// The steps (stream_originals.cuh, stream_more.cuh) repeat the CPU's streaming steps operation by operation; compiled with
// -fmad=false, their doubles are the CPU's bit for bit.

#include "stream_more.cuh"

namespace hts {

constexpr int STATE_WORDS = 32;  // the largest state a step may keep (registers; checked below)
constexpr int ROW = 12;          // ints of a spec's row in the table

enum Kind {
    K_MA, K_RSI, K_MACD, K_BBANDS, K_ROC, K_MOM, K_STOCH, K_WILLR, K_CCI, K_ATR, K_TRANGE, K_OBV, K_MFI, K_ADX, K_CDLENGULFING, K_SAR,
    K_ROCP, K_ROCR, K_ROCR100, K_CMO, K_SUM, K_PLUS_DM, K_MINUS_DM, K_PLUS_DI, K_MINUS_DI, K_DX, K_AD, K_BOP, K_AVGPRICE, K_MEDPRICE,
    K_TYPPRICE, K_WCLPRICE, KINDS
};

// One thread's ring: element j at base[j * stride]. Ring<false> (a peek) keeps its stores in an overlay that its
// loads read first; no step stores more than 4 elements a bar.
template <bool COMMIT> struct Ring;
template <> struct Ring<true> {
    double* base;
    size_t stride;
    __device__ double get(int j) const { return base[(size_t) j * stride]; }
    __device__ void set(int j, double v) { base[(size_t) j * stride] = v; }
};
template <> struct Ring<false> {
    static constexpr int OVERLAY = 8;
    const double* base;
    size_t stride;
    int count = 0;
    int at[OVERLAY];
    double value[OVERLAY];
    __device__ double get(int j) const {
        for (int i = 0; i < count; i++)
            if (at[i] == j) return value[i];
        return base[(size_t) j * stride];
    }
    __device__ void set(int j, double v) {
        for (int i = 0; i < count; i++)
            if (at[i] == j) {
                value[i] = v;
                return;
            }
        if (count < OVERLAY) {
            at[count] = j;
            value[count++] = v;
        }
    }
};

template <typename F> __device__ __forceinline__ void load(typename F::S& st, const unsigned long long* w, size_t n) {
    constexpr int WORDS = (sizeof(typename F::S) + 7) / 8;
    static_assert(WORDS <= STATE_WORDS, "a step's state is larger than STATE_WORDS");
    unsigned long long buf[WORDS];
#pragma unroll
    for (int i = 0; i < WORDS; i++) buf[i] = w[i * n];
    memcpy(&st, buf, sizeof st);
}

template <typename F> __device__ __forceinline__ void store(const typename F::S& st, unsigned long long* w, size_t n) {
    constexpr int WORDS = (sizeof(typename F::S) + 7) / 8;
    unsigned long long buf[WORDS] = {};
    memcpy(buf, &st, sizeof st);
#pragma unroll
    for (int i = 0; i < WORDS; i++) w[i * n] = buf[i];
}

struct Launch {
    const int* row;
    P p;
    int n, s, fields, closeSlot, bars;
    unsigned long long* state;
    double* rings;
    const double* in;
    double* out;
};

// Steps spec row over bars [0, bars) of symbol s (those it traded in), then writes the last bar's outputs.
template <typename F, bool COMMIT> __device__ void run(const Launch& L) {
    const size_t n = L.n;
    unsigned long long* w = L.state + (size_t) L.row[10] * n + L.s;
    typename F::S st;
    load<F>(st, w, n);
    Ring<COMMIT> r;
    r.base = L.rings + (size_t) L.row[11] * n + L.s;
    r.stride = n;
    double x[4], y[3];
    bool traded = false;
    for (int t = 0; t < L.bars; t++) {
        const double* bar = L.in + (size_t) t * L.fields * n + L.s;
        traded = bar[(size_t) L.closeSlot * n] == bar[(size_t) L.closeSlot * n];
        if (!traded) continue;
#pragma unroll
        for (int j = 0; j < F::IN; j++) x[j] = bar[(size_t) L.row[5 + j] * n];
        F::step(L.p, st, r, x, y);
    }
    if (COMMIT) store<F>(st, w, n);
    if (L.out != nullptr) {
#pragma unroll
        for (int k = 0; k < F::OUT; k++) L.out[(size_t) (L.row[9] + k) * n + L.s] = traded ? y[k] : nan_();
    }
}

template <typename F> __device__ __forceinline__ void dispatch(const Launch& L, bool commit) {
    if (commit) run<F, true>(L);
    else run<F, false>(L);
}

template <typename F> __device__ __forceinline__ void layoutOf(const P& p, int* out) {
    out[0] = (sizeof(typename F::S) + 7) / 8;
    out[1] = F::ring(p);
    out[2] = F::IN;
    out[3] = F::OUT;
}

// Calls G::template call<F>() with the step of a kind (false for an unknown kind).
template <typename G> __device__ bool withKind(int kind, G& g) {
    switch (kind) {
        case K_MA: g.template call<MaK>(); return true;
        case K_RSI: g.template call<RsiK>(); return true;
        case K_MACD: g.template call<MacdK>(); return true;
        case K_BBANDS: g.template call<BbandsK>(); return true;
        case K_ROC: g.template call<LagK<0>>(); return true;
        case K_MOM: g.template call<LagK<1>>(); return true;
        case K_STOCH: g.template call<StochK>(); return true;
        case K_WILLR: g.template call<WillrK>(); return true;
        case K_CCI: g.template call<CciK>(); return true;
        case K_ATR: g.template call<AtrK>(); return true;
        case K_TRANGE: g.template call<TrangeK>(); return true;
        case K_OBV: g.template call<ObvK>(); return true;
        case K_MFI: g.template call<MfiK>(); return true;
        case K_ADX: g.template call<AdxK>(); return true;
        case K_CDLENGULFING: g.template call<EngulfingK>(); return true;
        case K_SAR: g.template call<SarK>(); return true;
        case K_ROCP: g.template call<RateK<0>>(); return true;
        case K_ROCR: g.template call<RateK<1>>(); return true;
        case K_ROCR100: g.template call<RateK<2>>(); return true;
        case K_CMO: g.template call<CmoK>(); return true;
        case K_SUM: g.template call<SumK>(); return true;
        case K_PLUS_DM: g.template call<DirK<0>>(); return true;
        case K_MINUS_DM: g.template call<DirK<1>>(); return true;
        case K_PLUS_DI: g.template call<DirK<2>>(); return true;
        case K_MINUS_DI: g.template call<DirK<3>>(); return true;
        case K_DX: g.template call<DirK<4>>(); return true;
        case K_AD: g.template call<AdK>(); return true;
        case K_BOP: g.template call<BarK<0>>(); return true;
        case K_AVGPRICE: g.template call<BarK<1>>(); return true;
        case K_MEDPRICE: g.template call<BarK<2>>(); return true;
        case K_TYPPRICE: g.template call<BarK<3>>(); return true;
        case K_WCLPRICE: g.template call<BarK<4>>(); return true;
        default: return false;
    }
}

struct StepCall {
    const Launch& L;
    bool commit;
    template <typename F> __device__ void call() { dispatch<F>(L, commit); }
};

struct LayoutCall {
    const P& p;
    int* out;
    template <typename F> __device__ void call() { layoutOf<F>(p, out); }
};

__device__ __forceinline__ P paramsOf(const int* row, const double* dparams, int k) {
    return P{row[1], row[2], row[3], row[4], dparams[2 * k], dparams[2 * k + 1]};
}

}  // namespace hts

// For each of the specs' rows (one thread each): the state's 64-bit words, the ring's doubles, the inputs and the
// outputs of its step, into out[4 * k ..]; all -1 for an unknown kind. The host sizes the state and rings by it.
extern "C" __global__ void stream_layout(const int* table, const double* dparams, int specs, int* out) {
    const int k = blockIdx.x * blockDim.x + threadIdx.x;
    if (k >= specs) return;
    const int* row = table + k * hts::ROW;
    const hts::P p = hts::paramsOf(row, dparams, k);
    hts::LayoutCall g{p, out + 4 * k};
    if (!hts::withKind(row[0], g)) out[4 * k] = out[4 * k + 1] = out[4 * k + 2] = out[4 * k + 3] = -1;
}

// Advances every (spec blockIdx.y, symbol) state over bars [0, bars) of `in` (flags & 1: commit) or computes the values
// of that one bar without storing the state (a peek, bars == 1), and writes the last bar's outputs to `out` if
// flags & 2 (not in a warm start).
extern "C" __global__ void __launch_bounds__(128) stream_step(const int* table, const double* dparams, int n, unsigned long long* state,
                                                             double* rings, const double* in, int fields, int closeSlot, int bars,
                                                             double* out, int flags) {
    const int s = blockIdx.x * blockDim.x + threadIdx.x, k = blockIdx.y;
    if (s >= n) return;
    const int* row = table + k * hts::ROW;
    hts::Launch L{row, hts::paramsOf(row, dparams, k), n, s, fields, closeSlot, bars, state, rings, in, (flags & 2) != 0 ? out : nullptr};
    hts::StepCall g{L, (flags & 1) != 0};
    hts::withKind(row[0], g);
}
