// HybridTA kernels: the entry points (extern "C", one per function and output precision) of the single
// translation unit that build-ptx.sh compiles into the shipped fatbin and PTX. The kernels themselves live in
// family files mirroring the CPU's (TA-Lib's) groups; common.cuh says how the layout, the streaming and the
// arithmetic work for all of them.
//
//   common.cuh      layout, tiles streamed through shared memory, spans (time segments), rings, TA-Lib helpers
//   framework.cuh   the kernel framework: a function written once as its state and one step per bar
//   overlap.cuh     SMA EMA WMA DEMA TEMA BBANDS (hand-tuned)
//   momentum.cuh    RSI MACD ROC MOM WILLR STOCH CCI MFI (hand-tuned); ROCP ROCR ROCR100 BOP CMO TRIX APO PPO ULTOSC (framework)
//   volatility.cuh  TRANGE ATR (hand-tuned); NATR (framework)
//   volume.cuh      OBV (hand-tuned); AD ADOSC (framework)
//   price.cuh       AVGPRICE MEDPRICE TYPPRICE WCLPRICE (framework)
//   math.cuh        ACOS .. TANH, ADD SUB MULT DIV, SUM MAX MIN MINMAX MIDPOINT MIDPRICE (framework)
//   statistic.cuh   VAR STDDEV LINEARREG LINEARREG_SLOPE LINEARREG_INTERCEPT LINEARREG_ANGLE TSF (framework)
//   trend.cuh       PLUS_DM MINUS_DM PLUS_DI MINUS_DI DX ADX ADXR AROON AROONOSC MAXINDEX MININDEX MINMAXINDEX SAR SAREXT
//                   BETA CORREL IMI AVGDEV ACCBANDS MACDFIX (framework, with their entry points)
//   pattern.cuh     the candle toolkit of the candlestick patterns; pattern2.cuh: the 61 CDL* (framework, entry points there)
//   averages.cuh    MA of any type as a building block; TRIMA KAMA T3 MAMA MA MAVP MACDEXT STOCHF STOCHRSI, and BBANDS STOCH
//                   APO PPO with any MA type (framework)
//   cycle.cuh       the Hilbert transform; HT_DCPERIOD HT_DCPHASE HT_PHASOR HT_SINE HT_TRENDMODE HT_TRENDLINE (framework)
//   layout.cuh      transposes, synthetic data

#include "common.cuh"
#include "framework.cuh"
#include "overlap.cuh"
#include "momentum.cuh"
#include "volatility.cuh"
#include "volume.cuh"
#include "price.cuh"
#include "math.cuh"
#include "statistic.cuh"
#include "trend.cuh"
#include "pattern2.cuh"
#include "averages.cuh"
#include "cycle.cuh"
#include "layout.cuh"

// ---------------------------------------------------------------- entry points, one per output precision

#define K extern "C" __global__ void __launch_bounds__(32)
#define K2 extern "C" __global__ void __launch_bounds__(64)  // two warps a group (KernelCall.warps)
#define KERNELS(T, SFX)                                                                                                                               \
    K sma_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { sma<T>(x, o, n, Span::whole(bars), p); }         \
    K ema_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { ema<T>(x, o, n, Span(bars, sl, hl, al), p); }         \
    K wma_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p, int d) { wma<T>(x, o, n, Span::whole(bars), p, d); } \
    K dema_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { dema<T>(x, o, n, Span(bars, sl, hl, al), p); }       \
    K tema_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { tema<T>(x, o, n, Span(bars, sl, hl, al), p); }       \
    K rsi_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { rsi<T>(x, o, n, rsiSpan(x, n, bars, sl, hl, al), p); } \
    K macd_##SFX(const double* x, T* o0, T* o1, T* o2, const int* n, int bars, int sl, int hl, int al, int f, int s, int g) {                         \
        macd<T>(x, o0, o1, o2, n, Span(bars, sl, hl, al), f, s, g);                                                                                   \
    }                                                                                                                                                 \
    K bbands_##SFX(const double* x, T* o0, T* o1, T* o2, const int* n, int bars, int sl, int hl, int al, int p, double k) {                           \
        bbands<T>(x, o0, o1, o2, n, Span::whole(bars), p, k);                                                                                    \
    }                                                                                                                                                 \
    K roc_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { roc<T>(x, o, n, Span(bars, sl, hl, al), p); }         \
    K mom_##SFX(const double* x, T* o, const int* n, int bars, int sl, int hl, int al, int p) { mom<T>(x, o, n, Span(bars, sl, hl, al), p); }         \
    K trange_##SFX(const double* h, const double* l, const double* c, T* o, const int* n, int bars, int sl, int hl, int al) {                         \
        trange<T>(h, l, c, o, n, Span(bars, sl, hl, al));                                                                                             \
    }                                                                                                                                                 \
    K atr_##SFX(const double* h, const double* l, const double* c, T* o, const int* n, int bars, int sl, int hl, int al, int p) {                     \
        atr<T>(h, l, c, o, n, atrSpan(h, l, c, n, bars, sl, hl, al), p);                                                                             \
    }                                                                                                                                                 \
    K willr_##SFX(const double* h, const double* l, const double* c, T* o, const int* n, int bars, int sl, int hl, int al, int p, double* r) {        \
        willr<T>(h, l, c, o, n, Span(bars, sl, hl, al), p, r);                                                                                        \
    }                                                                                                                                                 \
    K stoch_##SFX(const double* h, const double* l, const double* c, T* o0, T* o1, const int* n, int bars, int sl, int hl, int al, int fk,            \
                  int sk, int sd, double* r) {                                                                                                        \
        stoch<T>(h, l, c, o0, o1, n, Span(bars, sl, hl, al), fk, sk, sd, r);                                                                          \
    }                                                                                                                                                 \
    K cci_##SFX(const double* h, const double* l, const double* c, T* o, const int* n, int bars, int sl, int hl, int al, int p, double* r) {          \
        cci<T>(h, l, c, o, n, Span(bars, sl, hl, al), p, r);                                                                                          \
    }                                                                                                                                                 \
    K obv_##SFX(const double* c, const double* v, T* o, const int* n, int bars, int sl, int hl, int al) { obv<T>(c, v, o, n, Span::whole(bars)); } \
    K2 mfi_##SFX(const double* h, const double* l, const double* c, const double* v, T* o, const int* n, int bars, int sl, int hl, int al, int p,     \
                double* r) {                                                                                                                          \
        mfi<T>(h, l, c, v, o, n, Span::whole(bars), p, r);                                                                                       \
    }                                                                                                                                                 \
    extern "C" __global__ void __launch_bounds__(256) from_grouped_##SFX(const T* src, T* dst, int nSeries, int bars) {                               \
        fromGrouped<T>(src, dst, nSeries, bars);                                                                                                      \
    }

KERNELS(double, f64)
KERNELS(float, f32)

// A parameter sweep's entry points for the hand-tuned kernels that take only a period (and BBANDS its deviations):
// name_sets_f64/_f32 compute many parameter sets in one launch, blockIdx.z the set (see FN_SETS in framework.cuh: the
// same parameters, ints ip[KI * z ..] and doubles dp[KD * z ..] with the kernel's own counts). One launch instead of one
// per set: a sweep over a universe of a few hundred series is a few groups per set, far too few blocks to fill the
// device alone.
// BBANDS' takes a third table, blocks: z computes sets blocks[2z] .. blocks[2z] + blocks[2z + 1] - 1, which share a
// period, in one thread (bbandsSets in overlap.cuh).
#define SET_OUT(o) (o + (size_t) blockIdx.z * ss)
#define SETS1(name, SPAN)                                                                                                                   \
    K name##_sets_f64(const double* x, double* o, long long ss, const int* n, int bars, int sl, int hl, int al, const int* ip,               \
                      const double* dp) {                                                                                                   \
        name<double>(x, SET_OUT(o), n, SPAN, ip[blockIdx.z]);                                                                               \
    }                                                                                                                                       \
    K name##_sets_f32(const double* x, float* o, long long ss, const int* n, int bars, int sl, int hl, int al, const int* ip,                \
                      const double* dp) {                                                                                                   \
        name<float>(x, SET_OUT(o), n, SPAN, ip[blockIdx.z]);                                                                                \
    }
#define SETS_T(T, SFX)                                                                                                                       \
    K wma_sets_##SFX(const double* x, T* o, long long ss, const int* n, int bars, int sl, int hl, int al, const int* ip, const double* dp) { \
        wma<T>(x, SET_OUT(o), n, Span::whole(bars), ip[2 * blockIdx.z], ip[2 * blockIdx.z + 1]);                                            \
    }                                                                                                                                       \
    K bbands_sets_##SFX(const double* x, T* o0, T* o1, T* o2, long long ss, const int* n, int bars, int sl, int hl, int al, const int* ip,   \
                        const double* dp, const int* blocks) {                                                                              \
        bbandsSets<T>(x, o0, o1, o2, ss, n, Span::whole(bars), ip, dp, blocks[2 * blockIdx.z], blocks[2 * blockIdx.z + 1]);                 \
    }                                                                                                                                       \
    K ema_sets_##SFX(const double* x, T* o, long long ss, const int* n, int bars, int sl, int hl, int al, const int* ip, const double* dp) { \
        ema<T, SetTiles>(x, SET_OUT(o), n, Span(bars, sl, hl, al), ip[blockIdx.z]);                                                         \
    }                                                                                                                                       \
    K atr_sets_##SFX(const double* h, const double* l, const double* c, T* o, long long ss, const int* n, int bars, int sl, int hl, int al,  \
                     const int* ip, const double* dp) {                                                                                     \
        atr<T>(h, l, c, SET_OUT(o), n, atrSpan(h, l, c, n, bars, sl, hl, al), ip[blockIdx.z]);                                              \
    }                                                                                                                                       \
    K rsi_sets_##SFX(const double* x, T* o, long long ss, const int* n, int bars, int sl, int hl, int al, const int* ip, const double* dp) { \
        rsi<T>(x, SET_OUT(o), n, rsiSpan(x, n, bars, sl, hl, al), ip[blockIdx.z]);                                                          \
    }
SETS1(sma, Span::whole(bars))
SETS1(dema, Span(bars, sl, hl, al))
SETS1(tema, Span(bars, sl, hl, al))
SETS1(roc, Span(bars, sl, hl, al))
SETS1(mom, Span(bars, sl, hl, al))
SETS_T(double, f64)
SETS_T(float, f32)

extern "C" __global__ void __launch_bounds__(256) to_grouped_f64(const double* src, double* dst, int nSeries, int bars) {
    toGrouped<double>(src, dst, nSeries, bars);
}

K synth_f64(double* o, double* h, double* l, double* c, double* v, int bars, unsigned long long seed) { synth<double>(o, h, l, c, v, bars, seed); }

// ---------------------------------------------------------------- entry points of the framework's functions (FN: _f64 and _f32)

namespace {
using ElementwiseAvgPrice = Elementwise<4, AvgPrice>;
using ElementwiseMedPrice = Elementwise<2, MedPrice>;
using ElementwiseTypPrice = Elementwise<3, TypPrice>;
using ElementwiseWclPrice = Elementwise<3, WclPrice>;
using ElementwiseBop = Elementwise<4, Bop>;
using ElementwiseAdd = Elementwise<2, Add>;
using ElementwiseSub = Elementwise<2, Sub>;
using ElementwiseMult = Elementwise<2, Mult>;
using ElementwiseDiv = Elementwise<2, DivOp>;
using Rocp = RateOfChange<0>;
using Rocr = RateOfChange<1>;
using Rocr100 = RateOfChange<2>;
}  // namespace
#define UNARY_FN(name, Op) \
    namespace {            \
    using Fn_##name = Elementwise<1, Op>; \
    }                      \
    FN(name, Fn_##name, 1, 1)

FN(avgprice, ElementwiseAvgPrice, 4, 1)
FN(medprice, ElementwiseMedPrice, 2, 1)
FN(typprice, ElementwiseTypPrice, 3, 1)
FN(wclprice, ElementwiseWclPrice, 3, 1)
FN(bop, ElementwiseBop, 4, 1)
FN(add, ElementwiseAdd, 2, 1)
FN(sub, ElementwiseSub, 2, 1)
FN(mult, ElementwiseMult, 2, 1)
FN(div, ElementwiseDiv, 2, 1)
UNARY_FN(acos, Acos)
UNARY_FN(asin, Asin)
UNARY_FN(atan, Atan)
UNARY_FN(ceil, Ceil)
UNARY_FN(cos, Cos)
UNARY_FN(cosh, Cosh)
UNARY_FN(exp, Exp)
UNARY_FN(floor, Floor)
UNARY_FN(ln, Ln)
UNARY_FN(log10, Log10)
UNARY_FN(sin, Sin)
UNARY_FN(sinh, Sinh)
UNARY_FN(sqrt, Sqrt)
UNARY_FN(tan, Tan)
UNARY_FN(tanh, Tanh)
FN(rocp, Rocp, 1, 1)
FN(rocr, Rocr, 1, 1)
FN(rocr100, Rocr100, 1, 1)
FN(sum, Sum, 1, 1)
FN(ad, Ad, 4, 1)
FN(natr, Natr, 3, 1)
namespace {
using Max = Extremes<0>;
using Min = Extremes<1>;
using Midpoint = Extremes<2>;
using Midprice = Extremes<3>;
}  // namespace
FN(max, Max, 1, 1)
FN(min, Min, 1, 1)
FN(midpoint, Midpoint, 1, 1)
FN(midprice, Midprice, 2, 1)
namespace {
using Var = Variance<false>;
using StdDev = Variance<true>;
using Apo = PriceOsc<false>;
using Ppo = PriceOsc<true>;
}  // namespace
FN(var, Var, 1, 1)
FN(stddev, StdDev, 1, 1)
FN(cmo, Cmo, 1, 1)
FN(trix, Trix, 1, 1)
FN(apo, Apo, 1, 1)
FN(ppo, Ppo, 1, 1)
FN(adosc, Adosc, 4, 1)
namespace {
using MinMax = Extremes<4>;
using LinearReg = LinReg<0>;
using Tsf = LinReg<1>;
using LinearRegSlope = LinReg<2>;
using LinearRegIntercept = LinReg<3>;
using LinearRegAngle = LinReg<4>;
}  // namespace
FN(minmax, MinMax, 1, 2)
FN(linearreg, LinearReg, 1, 1)
FN(tsf, Tsf, 1, 1)
FN(linearreg_slope, LinearRegSlope, 1, 1)
FN(linearreg_intercept, LinearRegIntercept, 1, 1)
FN(linearreg_angle, LinearRegAngle, 1, 1)
FN(ultosc, UltOsc, 3, 1)

// ---------------------------------------------------------------- averages.cuh and cycle.cuh (moving averages of any type, Hilbert transform)
namespace {
using MaAny = MaFn<-1>;
using Trima = MaFn<MA_TRIMA>;
using Kama = MaFn<MA_KAMA>;
using T3 = MaFn<MA_T3>;
// MACDEXT, STOCHF, STOCHRSI and the MA-type variants of BBANDS, STOCH, APO and PPO twice: with averages of any type,
// and (name_s) with SimpleMa's five types only, which the host launches when every average of the spec is of these
using MacdExtAny = MacdExt<MaStep>;
using MacdExtS = MacdExt<SimpleMa>;
using StochFAny = StochF<MaStep>;
using StochFS = StochF<SimpleMa>;
using StochRsiAny = StochRsi<MaStep>;
using StochRsiS = StochRsi<SimpleMa>;
using BbandsMaAny = BbandsMa<MaStep>;
using BbandsMaS = BbandsMa<SimpleMa>;
using StochMaAny = StochMa<MaStep>;
using StochMaS = StochMa<SimpleMa>;
using ApoMa = PriceOscMa<false, MaStep>;
using ApoMaS = PriceOscMa<false, SimpleMa>;
using PpoMa = PriceOscMa<true, MaStep>;
using PpoMaS = PriceOscMa<true, SimpleMa>;
using HtDcPeriod = HtPeriodFn<0>;
using HtPhasor = HtPeriodFn<1>;
using HtDcPhase = HtPhaseFn<0>;
using HtSine = HtPhaseFn<1>;
using HtTrendline = HtPhaseFn<2>;
using HtTrendMode = HtPhaseFn<3>;
}  // namespace
FN(ma, MaAny, 1, 1)
FN(trima, Trima, 1, 1)
FN(kama, Kama, 1, 1)
FN(t3, T3, 1, 1)
FN(mama, MamaFn, 1, 2)
FN(macdext, MacdExtAny, 1, 3)
FN(macdext_s, MacdExtS, 1, 3)
FN(mavp, Mavp, 2, 1)
FN(stochf, StochFAny, 3, 2)
FN(stochf_s, StochFS, 3, 2)
FN(stochrsi, StochRsiAny, 1, 2)
FN(stochrsi_s, StochRsiS, 1, 2)
FN(bbands_ma, BbandsMaAny, 1, 3)
FN_SETS(bbands_ma, BbandsMaAny, 1, 3)
FN(bbands_ma_s, BbandsMaS, 1, 3)
FN_SETS(bbands_ma_s, BbandsMaS, 1, 3)
FN(stoch_ma, StochMaAny, 3, 2)
FN(stoch_ma_s, StochMaS, 3, 2)
FN(apo_ma, ApoMa, 1, 1)
FN(apo_ma_s, ApoMaS, 1, 1)
FN(ppo_ma, PpoMa, 1, 1)
FN(ppo_ma_s, PpoMaS, 1, 1)
FN(ht_dcperiod, HtDcPeriod, 1, 1)
FN(ht_phasor, HtPhasor, 1, 2)
FN(ht_dcphase, HtDcPhase, 1, 1)
FN(ht_sine, HtSine, 1, 2)
FN(ht_trendline, HtTrendline, 1, 1)
FN(ht_trendmode, HtTrendMode, 1, 1)
