// The 61 candlestick patterns (TA-Lib's CDL*), each core's Cdl<Name> transcribed onto pattern.cuh's toolkit: the
// condition of its loop with core's candle indexes i - k written as lags k (c.body(i - 2) is c.body(2)) and its running
// averages as a[name].at(r, k); the patterns core derives from one detector (the four stars, the three necks, ...) are
// one template here too. CDL_PATTERNS lists the kernels (their names are the functions').
#pragma once
#include "pattern.cuh"

namespace {
namespace cdl {

// TA-Lib's CDL2CROWS: a long white candle, a black one gapping up, a black one opening in the second's body and closing in the
// first's (-100).
struct Cdl2Crows {
    static constexpr int K = 3, NA = 1, PRIMING = 0;
    enum { long2 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long2] = Avg(q, BODY_LONG, 2, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(2) == 1 && c.body(2) > a[long2].at(r, 2)
            && c.color(1) == -1 && c.bodyGapUp(1, 2)
            && c.color(0) == -1
            && c.open(0) < c.open(1) && c.open(0) > c.close(1)
            && c.close(0) > c.open(2) && c.close(0) < c.close(2) ? -100 : 0;
        return signal;
    }
};

// TA-Lib's CDL3BLACKCROWS: after a white candle, three declining black candles with very short lower shadows, each opening in the
// prior body (-100).
struct Cdl3BlackCrows {
    static constexpr int K = 4, NA = 3, PRIMING = 0;
    enum { veryShort2, veryShort1, veryShort0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[veryShort2] = Avg(q, SHADOW_VERY_SHORT, 2, first);
        a[veryShort1] = Avg(q, SHADOW_VERY_SHORT, 1, first);
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(3) == 1
            && c.color(2) == -1 && c.lowerShadow(2) < a[veryShort2].at(r, 2)
            && c.color(1) == -1 && c.lowerShadow(1) < a[veryShort1].at(r, 1)
            && c.color(0) == -1 && c.lowerShadow(0) < a[veryShort0].at(r, 0)
            && c.open(1) < c.open(2) && c.open(1) > c.close(2)
            && c.open(0) < c.open(1) && c.open(0) > c.close(1)
            && c.high(3) > c.close(2)
            && c.close(2) > c.close(1) && c.close(1) > c.close(0) ? -100 : 0;
        return signal;
    }
};

// TA-Lib's CDL3INSIDE: a long candle, a short one inside its body, a third of the opposite colour closing beyond the first's open
// (∓100).
struct Cdl3Inside {
    static constexpr int K = 3, NA = 2, PRIMING = 0;
    enum { long2, short1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long2] = Avg(q, BODY_LONG, 2, first);
        a[short1] = Avg(q, BODY_SHORT, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(2) > a[long2].at(r, 2)
            && c.body(1) <= a[short1].at(r, 1)
            && tmax(c.close(1), c.open(1)) < tmax(c.close(2), c.open(2))
            && tmin(c.close(1), c.open(1)) > tmin(c.close(2), c.open(2))
            && (c.color(2) == 1 && c.color(0) == -1 && c.close(0) < c.open(2)
            || c.color(2) == -1 && c.color(0) == 1 && c.close(0) > c.open(2)) ? -c.color(2) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDL3LINESTRIKE: three candles of one colour, each opening within or near the prior body and closing further, then a
// fourth of the other colour erasing them (±100, the three's colour).
struct Cdl3LineStrike {
    static constexpr int K = 4, NA = 2, PRIMING = 0;
    enum { near3, near2 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[near3] = Avg(q, NEAR, 3, first);
        a[near2] = Avg(q, NEAR, 2, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(3) == c.color(2) && c.color(2) == c.color(1) && c.color(0) == -c.color(1)
            && c.open(2) >= tmin(c.open(3), c.close(3)) - a[near3].at(r, 3)
            && c.open(2) <= tmax(c.open(3), c.close(3)) + a[near3].at(r, 3)
            && c.open(1) >= tmin(c.open(2), c.close(2)) - a[near2].at(r, 2)
            && c.open(1) <= tmax(c.open(2), c.close(2)) + a[near2].at(r, 2)
            && (c.color(1) == 1 && c.close(1) > c.close(2) && c.close(2) > c.close(3) && c.open(0) > c.close(1) && c.close(0) < c.open(3)
            || c.color(1) == -1 && c.close(1) < c.close(2) && c.close(2) < c.close(3) && c.open(0) < c.close(1) && c.close(0) > c.open(3))
            ? c.color(1) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDL3OUTSIDE: an engulfing pair followed by a candle closing further in the engulfing candle's direction (±100).
struct Cdl3Outside {
    static constexpr int K = 3, NA = 0, PRIMING = 0;
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(1) == 1 && c.color(2) == -1 && c.close(1) > c.open(2) && c.open(1) < c.close(2) && c.close(0) > c.close(1)
            || c.color(1) == -1 && c.color(2) == 1 && c.open(1) > c.close(2) && c.close(1) < c.open(2) && c.close(0) < c.close(1)
            ? c.color(1) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDL3STARSINSOUTH: three black candles, a long one with a long lower shadow, a smaller one trading lower but not below it,
// a small marubozu inside the second's range (+100).
struct Cdl3StarsInSouth {
    static constexpr int K = 3, NA = 5, PRIMING = 0;
    enum { long2, shadowLong2, veryShort1, veryShort0, short0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long2] = Avg(q, BODY_LONG, 2, first);
        a[shadowLong2] = Avg(q, SHADOW_LONG, 2, first);
        a[veryShort1] = Avg(q, SHADOW_VERY_SHORT, 1, first);
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
        a[short0] = Avg(q, BODY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(2) == -1 && c.color(1) == -1 && c.color(0) == -1
            && c.body(2) > a[long2].at(r, 2)
            && c.lowerShadow(2) > a[shadowLong2].at(r, 2)
            && c.body(1) < c.body(2)
            && c.open(1) > c.close(2) && c.open(1) <= c.high(2)
            && c.low(1) < c.close(2)
            && c.low(1) >= c.low(2)
            && c.lowerShadow(1) > a[veryShort1].at(r, 1)
            && c.body(0) < a[short0].at(r, 0)
            && c.lowerShadow(0) < a[veryShort0].at(r, 0)
            && c.upperShadow(0) < a[veryShort0].at(r, 0)
            && c.low(0) > c.low(1) && c.high(0) < c.high(1) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDL3WHITESOLDIERS: three rising white candles with very short upper shadows, each opening within or near the prior body,
// none far shorter than the prior, the last not short (+100).
struct Cdl3WhiteSoldiers {
    static constexpr int K = 3, NA = 8, PRIMING = 0;
    enum { veryShort2, veryShort1, veryShort0, near2, near1, far2, far1, short0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[veryShort2] = Avg(q, SHADOW_VERY_SHORT, 2, first);
        a[veryShort1] = Avg(q, SHADOW_VERY_SHORT, 1, first);
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
        a[near2] = Avg(q, NEAR, 2, first);
        a[near1] = Avg(q, NEAR, 1, first);
        a[far2] = Avg(q, FAR, 2, first);
        a[far1] = Avg(q, FAR, 1, first);
        a[short0] = Avg(q, BODY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(2) == 1 && c.upperShadow(2) < a[veryShort2].at(r, 2)
            && c.color(1) == 1 && c.upperShadow(1) < a[veryShort1].at(r, 1)
            && c.color(0) == 1 && c.upperShadow(0) < a[veryShort0].at(r, 0)
            && c.close(0) > c.close(1) && c.close(1) > c.close(2)
            && c.open(1) > c.open(2)
            && c.open(1) <= c.close(2) + a[near2].at(r, 2)
            && c.open(0) > c.open(1)
            && c.open(0) <= c.close(1) + a[near1].at(r, 1)
            && c.body(1) > c.body(2) - a[far2].at(r, 2)
            && c.body(0) > c.body(1) - a[far1].at(r, 1)
            && c.body(0) > a[short0].at(r, 0) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLABANDONEDBABY: a long candle, a doji gapping away from it (whole candles), a third gapping back and closing
// penetration deep into the first's body (±100, the third's colour).
struct CdlAbandonedBaby {
    static constexpr int K = 3, NA = 3, PRIMING = 0;
    enum { long2, doji1, short0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long2] = Avg(q, BODY_LONG, 2, first);
        a[doji1] = Avg(q, BODY_DOJI, 1, first);
        a[short0] = Avg(q, BODY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(2) > a[long2].at(r, 2)
            && c.body(1) <= a[doji1].at(r, 1)
            && c.body(0) > a[short0].at(r, 0)
            && (c.color(2) == 1 && c.color(0) == -1
            && c.close(0) < c.close(2) - c.body(2) * penetration
            && c.gapUp(1, 2) && c.gapDown(0, 1)
            || c.color(2) == -1 && c.color(0) == 1
            && c.close(0) > c.close(2) + c.body(2) * penetration
            && c.gapDown(1, 2) && c.gapUp(0, 1)) ? c.color(0) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLADVANCEBLOCK: three rising white candles whose advance weakens (shrinking bodies, growing upper shadows) (-100).
struct CdlAdvanceBlock {
    static constexpr int K = 3, NA = 9, PRIMING = 0;
    enum { shadowShort2, shadowShort1, shadowShort0, shadowLong0, near2, near1, far2, far1, long2 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[shadowShort2] = Avg(q, SHADOW_SHORT, 2, first);
        a[shadowShort1] = Avg(q, SHADOW_SHORT, 1, first);
        a[shadowShort0] = Avg(q, SHADOW_SHORT, 0, first);
        a[shadowLong0] = Avg(q, SHADOW_LONG, 0, first);
        a[near2] = Avg(q, NEAR, 2, first);
        a[near1] = Avg(q, NEAR, 1, first);
        a[far2] = Avg(q, FAR, 2, first);
        a[far1] = Avg(q, FAR, 1, first);
        a[long2] = Avg(q, BODY_LONG, 2, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(2) == 1 && c.color(1) == 1 && c.color(0) == 1
            && c.close(0) > c.close(1) && c.close(1) > c.close(2)
            && c.open(1) > c.open(2)
            && c.open(1) <= c.close(2) + a[near2].at(r, 2)
            && c.open(0) > c.open(1)
            && c.open(0) <= c.close(1) + a[near1].at(r, 1)
            && c.body(2) > a[long2].at(r, 2)
            && c.upperShadow(2) < a[shadowShort2].at(r, 2)
            && (
        // the 2nd far smaller than the 1st, the 3rd not longer than the 2nd
        c.body(1) < c.body(2) - a[far2].at(r, 2) && c.body(0) < c.body(1) + a[near1].at(r, 1)
        // the 3rd far smaller than the 2nd
            || c.body(0) < c.body(1) - a[far1].at(r, 1)
        // progressively smaller bodies, and the 3rd or the 2nd with an upper shadow that is not short
            || c.body(0) < c.body(1) && c.body(1) < c.body(2)
            && (c.upperShadow(0) > a[shadowShort0].at(r, 0) || c.upperShadow(1) > a[shadowShort1].at(r, 1))
        // a smaller 3rd with a long upper shadow
            || c.body(0) < c.body(1) && c.upperShadow(0) > a[shadowLong0].at(r, 0)) ? -100 : 0;
        return signal;
    }
};

// TA-Lib's CDLBELTHOLD: a long candle opening at its extreme, a white one with a very short lower shadow or a black one with a very
// short upper shadow (±100).
template <bool atOpen> struct CdlBeltHold {
    static constexpr int K = 1, NA = 2, PRIMING = 0;
    enum { long0, veryShort0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long0] = Avg(q, BODY_LONG, 0, first);
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(0) > a[long0].at(r, 0)
            && (c.color(0) == 1 && (atOpen ? c.lowerShadow(0) : c.upperShadow(0)) < a[veryShort0].at(r, 0)
            || c.color(0) == -1 && (atOpen ? c.upperShadow(0) : c.lowerShadow(0)) < a[veryShort0].at(r, 0)) ? c.color(0) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLBREAKAWAY: a long candle, a gap in its direction, two more candles extending it, then a fifth of the other colour
// closing inside the gap (±100, the fifth's colour).
struct CdlBreakaway {
    static constexpr int K = 5, NA = 1, PRIMING = 0;
    enum { long4 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long4] = Avg(q, BODY_LONG, 4, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(4) > a[long4].at(r, 4)
            && c.color(4) == c.color(3) && c.color(3) == c.color(1) && c.color(1) == -c.color(0)
            && (c.color(4) == -1 && c.bodyGapDown(3, 4)
            && c.high(2) < c.high(3) && c.low(2) < c.low(3)
            && c.high(1) < c.high(2) && c.low(1) < c.low(2)
            && c.close(0) > c.open(3) && c.close(0) < c.close(4)
            || c.color(4) == 1 && c.bodyGapUp(3, 4)
            && c.high(2) > c.high(3) && c.low(2) > c.low(3)
            && c.high(1) > c.high(2) && c.low(1) > c.low(2)
            && c.close(0) < c.open(3) && c.close(0) > c.close(4)) ? c.color(0) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLCONCEALBABYSWALL: two black marubozu, a black candle gapping down whose upper shadow reaches into the prior body, a
// fourth black engulfing it with its shadows (+100).
struct CdlConcealBabySwall {
    static constexpr int K = 4, NA = 3, PRIMING = 0;
    enum { veryShort3, veryShort2, veryShort1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[veryShort3] = Avg(q, SHADOW_VERY_SHORT, 3, first);
        a[veryShort2] = Avg(q, SHADOW_VERY_SHORT, 2, first);
        a[veryShort1] = Avg(q, SHADOW_VERY_SHORT, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(3) == -1 && c.color(2) == -1 && c.color(1) == -1 && c.color(0) == -1
            && c.lowerShadow(3) < a[veryShort3].at(r, 3) && c.upperShadow(3) < a[veryShort3].at(r, 3)
            && c.lowerShadow(2) < a[veryShort2].at(r, 2) && c.upperShadow(2) < a[veryShort2].at(r, 2)
            && c.bodyGapDown(1, 2)
            && c.upperShadow(1) > a[veryShort1].at(r, 1)
            && c.high(1) > c.close(2)
            && c.high(0) > c.high(1) && c.low(0) < c.low(1) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLCOUNTERATTACK: two long candles of opposite colours with equal closes (±100, the second's colour).
struct CdlCounterAttack {
    static constexpr int K = 2, NA = 3, PRIMING = 0;
    enum { equal1, long1, long0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[equal1] = Avg(q, EQUAL, 1, first);
        a[long1] = Avg(q, BODY_LONG, 1, first);
        a[long0] = Avg(q, BODY_LONG, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(1) == -c.color(0)
            && c.body(1) > a[long1].at(r, 1)
            && c.body(0) > a[long0].at(r, 0)
            && c.close(0) <= c.close(1) + a[equal1].at(r, 1)
            && c.close(0) >= c.close(1) - a[equal1].at(r, 1) ? c.color(0) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLDARKCLOUDCOVER: a long white candle, then a black one opening above its high and closing penetration deep into its
// body (-100).
struct CdlDarkCloudCover {
    static constexpr int K = 2, NA = 1, PRIMING = 0;
    enum { long1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long1] = Avg(q, BODY_LONG, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(1) == 1 && c.body(1) > a[long1].at(r, 1)
            && c.color(0) == -1
            && c.open(0) > c.high(1)
            && c.close(0) > c.open(1)
            && c.close(0) < c.close(1) - c.body(1) * penetration ? -100 : 0;
        return signal;
    }
};

// TA-Lib's CDLDOJI: a real body of at most the doji size (+100).
struct CdlDoji {
    static constexpr int K = 1, NA = 1, PRIMING = 0;
    enum { doji0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[doji0] = Avg(q, BODY_DOJI, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(0) <= a[doji0].at(r, 0) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLDOJISTAR: a long candle, then a doji whose body gaps away in its direction (∓100, against the first's colour).
struct CdlDojiStar {
    static constexpr int K = 2, NA = 2, PRIMING = 0;
    enum { long1, doji0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long1] = Avg(q, BODY_LONG, 1, first);
        a[doji0] = Avg(q, BODY_DOJI, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(1) > a[long1].at(r, 1)
            && c.body(0) <= a[doji0].at(r, 0)
            && (c.color(1) == 1 && c.bodyGapUp(0, 1)
            || c.color(1) == -1 && c.bodyGapDown(0, 1)) ? -c.color(1) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLDRAGONFLYDOJI: a doji with a very short upper shadow and a lower shadow that is not (+100).
template <bool dragonfly> struct CdlDragonflyDoji {
    static constexpr int K = 1, NA = 2, PRIMING = 0;
    enum { doji0, veryShort0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[doji0] = Avg(q, BODY_DOJI, 0, first);
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(0) <= a[doji0].at(r, 0)
            && (dragonfly ? c.upperShadow(0) : c.lowerShadow(0)) < a[veryShort0].at(r, 0)
            && (dragonfly ? c.lowerShadow(0) : c.upperShadow(0)) > a[veryShort0].at(r, 0) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLENGULFING: a candle whose body engulfs the prior one of the other colour (±100; ±80 when one end of the bodies is
// equal).
struct CdlEngulfing {
    static constexpr int K = 2, NA = 0, PRIMING = 0;
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = 0;
        if (c.color(0) == 1 && c.color(1) == -1
            && (c.close(0) >= c.open(1) && c.open(0) < c.close(1) || c.close(0) > c.open(1) && c.open(0) <= c.close(1))
            || c.color(0) == -1 && c.color(1) == 1
            && (c.open(0) >= c.close(1) && c.close(0) < c.open(1) || c.open(0) > c.close(1) && c.close(0) <= c.open(1))) {
        signal = c.open(0) != c.close(1) && c.close(0) != c.open(1) ? c.color(0) * 100 : c.color(0) * 80;
        }
        return signal;
    }
};

// TA-Lib's CDLGAPSIDESIDEWHITE: two white candles of about the same body and open, both gapping up (+100) or down (-100) from the
// candle before.
struct CdlGapSideSideWhite {
    static constexpr int K = 3, NA = 2, PRIMING = 0;
    enum { near1, equal1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[near1] = Avg(q, NEAR, 1, first);
        a[equal1] = Avg(q, EQUAL, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = (c.bodyGapUp(1, 2) && c.bodyGapUp(0, 2) || c.bodyGapDown(1, 2) && c.bodyGapDown(0, 2))
            && c.color(1) == 1 && c.color(0) == 1
            && c.body(0) >= c.body(1) - a[near1].at(r, 1)
            && c.body(0) <= c.body(1) + a[near1].at(r, 1)
            && c.open(0) >= c.open(1) - a[equal1].at(r, 1)
            && c.open(0) <= c.open(1) + a[equal1].at(r, 1) ? (c.bodyGapUp(1, 2) ? 100 : -100) : 0;
        return signal;
    }
};

// TA-Lib's CDLHAMMER: a small body with a long lower shadow and a very short upper one, near the prior candle's low (+100).
template <bool hammer> struct CdlHammer {
    static constexpr int K = 2, NA = 4, PRIMING = 0;
    enum { short0, shadowLong0, veryShort0, near1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[short0] = Avg(q, BODY_SHORT, 0, first);
        a[shadowLong0] = Avg(q, SHADOW_LONG, 0, first);
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
        a[near1] = Avg(q, NEAR, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = 0;
        if (c.body(0) < a[short0].at(r, 0)
            && c.lowerShadow(0) > a[shadowLong0].at(r, 0)
            && c.upperShadow(0) < a[veryShort0].at(r, 0)) {
        double bodyLow = tmin(c.close(0), c.open(0));
        if (hammer) {
        if (bodyLow <= c.low(1) + a[near1].at(r, 1)) signal = 100;
        } else if (bodyLow >= c.high(1) - a[near1].at(r, 1)) {
        signal = -100;
        }
        }
        return signal;
    }
};

// TA-Lib's CDLHARAMI: a long candle, then a short one whose body lies inside the first's (∓100, against the first's colour; ∓80 when
// one end of the bodies is equal).
template <int second> struct CdlHarami {
    static constexpr int K = 2, NA = 2, PRIMING = 0;
    enum { long1, second0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long1] = Avg(q, BODY_LONG, 1, first);
        a[second0] = Avg(q, second, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = 0;
        if (c.body(1) > a[long1].at(r, 1) && c.body(0) <= a[second0].at(r, 0)) {
        if (tmax(c.close(0), c.open(0)) < tmax(c.close(1), c.open(1)) && tmin(c.close(0), c.open(0)) > tmin(c.close(1), c.open(1))) {
        signal = -c.color(1) * 100;
        } else if (tmax(c.close(0), c.open(0)) <= tmax(c.close(1), c.open(1)) && tmin(c.close(0), c.open(0)) >= tmin(c.close(1), c.open(1))) {
        signal = -c.color(1) * 80;
        }
        }
        return signal;
    }
};

// TA-Lib's CDLHIGHWAVE: a short body with both shadows very long (±100, its colour).
struct CdlHighWave {
    static constexpr int K = 1, NA = 2, PRIMING = 0;
    enum { short0, veryLong0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[short0] = Avg(q, BODY_SHORT, 0, first);
        a[veryLong0] = Avg(q, SHADOW_VERY_LONG, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(0) < a[short0].at(r, 0)
            && c.upperShadow(0) > a[veryLong0].at(r, 0)
            && c.lowerShadow(0) > a[veryLong0].at(r, 0) ? c.color(0) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLHIKKAKE: an inside bar, then a bar breaking out of it with a lower high and low (+100) or a higher high and low
// (-100); +-200 on the bar that confirms it within 3 bars by closing beyond the inside bar's high (low). `modified`: CDLHIKKAKEMOD,
// after two nested inside bars whose first closes near its low (+100) or high (-100). TA-Lib tracks the pattern from 3 bars
// before the lookback. The state: the pending pattern's signal, its bar, and the confirmation levels.
template <bool modified> struct CdlHikkake {
    static constexpr int K = 4, NA = modified ? 1 : 0, PRIMING = 3;
    static constexpr int NONE = -0x40000000;
    enum { near2 };
    int patternN = NONE, result = 0;
    double high = 0.0, low = 0.0;
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        if (modified) a[near2] = Avg(q, NEAR, 2, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double, int n) {
        bool setUp = modified
            ? c.high(2) < c.high(3) && c.low(2) > c.low(3)
                && c.high(1) < c.high(2) && c.low(1) > c.low(2)
                && (c.high(0) < c.high(1) && c.low(0) < c.low(1) && c.close(2) <= c.low(2) + a[near2].at(r, 2)
                    || c.high(0) > c.high(1) && c.low(0) > c.low(1) && c.close(2) >= c.high(2) - a[near2].at(r, 2))
            : c.high(1) < c.high(2) && c.low(1) > c.low(2)
                && (c.high(0) < c.high(1) && c.low(0) < c.low(1) || c.high(0) > c.high(1) && c.low(0) > c.low(1));
        int signal = 0;
        if (setUp) {
            result = 100 * (c.high(0) < c.high(1) ? 1 : -1);
            patternN = n;
            high = c.high(1);
            low = c.low(1);
            signal = result;
        } else if (n <= patternN + 3 && (result > 0 && c.close(0) > high || result < 0 && c.close(0) < low)) {
            patternN = NONE;
            signal = result + 100 * (result > 0 ? 1 : -1);
        }
        return signal;
    }
};

// TA-Lib's CDLHOMINGPIGEON: a long black candle, then a short black one inside its body (+100).
struct CdlHomingPigeon {
    static constexpr int K = 2, NA = 2, PRIMING = 0;
    enum { long1, short0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long1] = Avg(q, BODY_LONG, 1, first);
        a[short0] = Avg(q, BODY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(1) == -1 && c.color(0) == -1
            && c.body(1) > a[long1].at(r, 1)
            && c.body(0) <= a[short0].at(r, 0)
            && c.open(0) < c.open(1) && c.close(0) > c.close(1) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLIDENTICAL3CROWS: three declining black candles with very short lower shadows, each opening at the prior close (-100).
struct CdlIdentical3Crows {
    static constexpr int K = 3, NA = 5, PRIMING = 0;
    enum { veryShort2, veryShort1, veryShort0, equal2, equal1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[veryShort2] = Avg(q, SHADOW_VERY_SHORT, 2, first);
        a[veryShort1] = Avg(q, SHADOW_VERY_SHORT, 1, first);
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
        a[equal2] = Avg(q, EQUAL, 2, first);
        a[equal1] = Avg(q, EQUAL, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(2) == -1 && c.lowerShadow(2) < a[veryShort2].at(r, 2)
            && c.color(1) == -1 && c.lowerShadow(1) < a[veryShort1].at(r, 1)
            && c.color(0) == -1 && c.lowerShadow(0) < a[veryShort0].at(r, 0)
            && c.close(2) > c.close(1) && c.close(1) > c.close(0)
            && c.open(1) <= c.close(2) + a[equal2].at(r, 2)
            && c.open(1) >= c.close(2) - a[equal2].at(r, 2)
            && c.open(0) <= c.close(1) + a[equal1].at(r, 1)
            && c.open(0) >= c.close(1) - a[equal1].at(r, 1) ? -100 : 0;
        return signal;
    }
};

// TA-Lib's CDLINNECK: a long black candle, then a white one opening below its low and closing at or just above its close (-100). The
// home of the three "neck" patterns, which differ only in where the white candle closes.
template <bool in, bool on> struct CdlInNeck {
    static constexpr int K = 2, NA = 2, PRIMING = 0;
    enum { equal1, long1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[equal1] = Avg(q, EQUAL, 1, first);
        a[long1] = Avg(q, BODY_LONG, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(1) == -1 && c.body(1) > a[long1].at(r, 1)
            && c.color(0) == 1
            && c.open(0) < c.low(1)
            && (in ? c.close(0) <= c.close(1) + a[equal1].at(r, 1) && c.close(0) >= c.close(1)
            : on ? c.close(0) <= c.low(1) + a[equal1].at(r, 1) && c.close(0) >= c.low(1) - a[equal1].at(r, 1)
            : c.close(0) > c.close(1) + a[equal1].at(r, 1) && c.close(0) <= c.close(1) + c.body(1) * 0.5) ? -100 : 0;
        return signal;
    }
};

// TA-Lib's CDLINVERTEDHAMMER: a small body with a long upper shadow and a very short lower one, gapping down from the prior body
// (+100).
template <bool invertedHammer> struct CdlInvertedHammer {
    static constexpr int K = 2, NA = 3, PRIMING = 0;
    enum { short0, shadowLong0, veryShort0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[short0] = Avg(q, BODY_SHORT, 0, first);
        a[shadowLong0] = Avg(q, SHADOW_LONG, 0, first);
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = 0;
        if (c.body(0) < a[short0].at(r, 0)
            && c.upperShadow(0) > a[shadowLong0].at(r, 0)
            && c.lowerShadow(0) < a[veryShort0].at(r, 0)) {
        if (invertedHammer) {
        if (c.bodyGapDown(0, 1)) signal = 100;
        } else if (c.bodyGapUp(0, 1)) {
        signal = -100;
        }
        }
        return signal;
    }
};

// TA-Lib's CDLKICKING: two marubozu of opposite colours with a gap between them (±100, the second's colour).
template <bool byLength> struct CdlKicking {
    static constexpr int K = 2, NA = 4, PRIMING = 0;
    enum { veryShort1, veryShort0, long1, long0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[veryShort1] = Avg(q, SHADOW_VERY_SHORT, 1, first);
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
        a[long1] = Avg(q, BODY_LONG, 1, first);
        a[long0] = Avg(q, BODY_LONG, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(1) == -c.color(0)
            && c.body(1) > a[long1].at(r, 1)
            && c.upperShadow(1) < a[veryShort1].at(r, 1)
            && c.lowerShadow(1) < a[veryShort1].at(r, 1)
            && c.body(0) > a[long0].at(r, 0)
            && c.upperShadow(0) < a[veryShort0].at(r, 0)
            && c.lowerShadow(0) < a[veryShort0].at(r, 0)
            && (c.color(1) == -1 && c.gapUp(0, 1) || c.color(1) == 1 && c.gapDown(0, 1))
            ? (byLength && !(c.body(0) > c.body(1)) ? c.color(1) : c.color(0)) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLLADDERBOTTOM: three declining black candles, a fourth black one with an upper shadow, then a white one opening above
// its open and closing above its high (+100).
struct CdlLadderBottom {
    static constexpr int K = 5, NA = 1, PRIMING = 0;
    enum { veryShort1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[veryShort1] = Avg(q, SHADOW_VERY_SHORT, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(4) == -1 && c.color(3) == -1 && c.color(2) == -1
            && c.open(4) > c.open(3) && c.open(3) > c.open(2)
            && c.close(4) > c.close(3) && c.close(3) > c.close(2)
            && c.color(1) == -1
            && c.upperShadow(1) > a[veryShort1].at(r, 1)
            && c.color(0) == 1
            && c.open(0) > c.open(1)
            && c.close(0) > c.high(1) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLLONGLEGGEDDOJI: a doji with a long upper or lower shadow (+100).
struct CdlLongLeggedDoji {
    static constexpr int K = 1, NA = 2, PRIMING = 0;
    enum { doji0, shadowLong0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[doji0] = Avg(q, BODY_DOJI, 0, first);
        a[shadowLong0] = Avg(q, SHADOW_LONG, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(0) <= a[doji0].at(r, 0)
            && (c.lowerShadow(0) > a[shadowLong0].at(r, 0) || c.upperShadow(0) > a[shadowLong0].at(r, 0)) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLLONGLINE: a long body with short shadows (±100, its colour).
template <int shadows> struct CdlLongLine {
    static constexpr int K = 1, NA = 2, PRIMING = 0;
    enum { long0, shadows0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long0] = Avg(q, BODY_LONG, 0, first);
        a[shadows0] = Avg(q, shadows, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(0) > a[long0].at(r, 0)
            && c.upperShadow(0) < a[shadows0].at(r, 0)
            && c.lowerShadow(0) < a[shadows0].at(r, 0) ? c.color(0) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLMATHOLD: a long white candle, three small falling candles (the first black, gapping up) holding above penetration of
// its body, then a white candle closing above their highs (+100).
struct CdlMatHold {
    static constexpr int K = 5, NA = 4, PRIMING = 0;
    enum { long4, short3, short2, short1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long4] = Avg(q, BODY_LONG, 4, first);
        a[short3] = Avg(q, BODY_SHORT, 3, first);
        a[short2] = Avg(q, BODY_SHORT, 2, first);
        a[short1] = Avg(q, BODY_SHORT, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(4) > a[long4].at(r, 4)
            && c.body(3) < a[short3].at(r, 3)
            && c.body(2) < a[short2].at(r, 2)
            && c.body(1) < a[short1].at(r, 1)
            && c.color(4) == 1 && c.color(3) == -1 && c.color(0) == 1
            && c.bodyGapUp(3, 4)
            && tmin(c.open(2), c.close(2)) < c.close(4)
            && tmin(c.open(1), c.close(1)) < c.close(4)
            && tmin(c.open(2), c.close(2)) > c.close(4) - c.body(4) * penetration
            && tmin(c.open(1), c.close(1)) > c.close(4) - c.body(4) * penetration
            && tmax(c.close(2), c.open(2)) < c.open(3)
            && tmax(c.close(1), c.open(1)) < tmax(c.close(2), c.open(2))
            && c.open(0) > c.close(1)
            && c.close(0) > tmax(tmax(c.high(3), c.high(2)), c.high(1)) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLMATCHINGLOW: two black candles with equal closes (+100).
struct CdlMatchingLow {
    static constexpr int K = 2, NA = 1, PRIMING = 0;
    enum { equal1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[equal1] = Avg(q, EQUAL, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(1) == -1 && c.color(0) == -1
            && c.close(0) <= c.close(1) + a[equal1].at(r, 1)
            && c.close(0) >= c.close(1) - a[equal1].at(r, 1) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLMORNINGSTAR: a long black candle, a short one whose body gaps down, a white one that is not short closing penetration
// deep into the first's body (+100). The home of the four stars (morning and evening, plain and doji): mirror images that differ in
// the middle candle's setting.
template <int middle, int direction> struct CdlMorningStar {
    static constexpr int K = 3, NA = 3, PRIMING = 0;
    enum { long2, middle1, short0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long2] = Avg(q, BODY_LONG, 2, first);
        a[middle1] = Avg(q, middle, 1, first);
        a[short0] = Avg(q, BODY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(2) > a[long2].at(r, 2)
            && c.color(2) == -direction
            && c.body(1) <= a[middle1].at(r, 1)
            && (direction > 0 ? c.bodyGapDown(1, 2) : c.bodyGapUp(1, 2))
            && c.body(0) > a[short0].at(r, 0)
            && c.color(0) == direction
            && (direction > 0 ? c.close(0) > c.close(2) + c.body(2) * penetration
            : c.close(0) < c.close(2) - c.body(2) * penetration) ? 100 * direction : 0;
        return signal;
    }
};

// TA-Lib's CDLPIERCING: a long black candle, then a long white one opening below its low and closing above its body's midpoint
// (+100).
struct CdlPiercing {
    static constexpr int K = 2, NA = 2, PRIMING = 0;
    enum { long1, long0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long1] = Avg(q, BODY_LONG, 1, first);
        a[long0] = Avg(q, BODY_LONG, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(1) == -1 && c.body(1) > a[long1].at(r, 1)
            && c.color(0) == 1 && c.body(0) > a[long0].at(r, 0)
            && c.open(0) < c.low(1)
            && c.close(0) < c.open(1)
            && c.close(0) > c.close(1) + c.body(1) * 0.5 ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLRICKSHAWMAN: a doji with two long shadows and its body near the middle of its range (+100).
struct CdlRickshawMan {
    static constexpr int K = 1, NA = 3, PRIMING = 0;
    enum { doji0, shadowLong0, near0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[doji0] = Avg(q, BODY_DOJI, 0, first);
        a[shadowLong0] = Avg(q, SHADOW_LONG, 0, first);
        a[near0] = Avg(q, NEAR, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(0) <= a[doji0].at(r, 0)
            && c.lowerShadow(0) > a[shadowLong0].at(r, 0)
            && c.upperShadow(0) > a[shadowLong0].at(r, 0)
            && tmin(c.open(0), c.close(0)) <= c.low(0) + c.highLow(0) / 2 + a[near0].at(r, 0)
            && tmax(c.open(0), c.close(0)) >= c.low(0) + c.highLow(0) / 2 - a[near0].at(r, 0) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLRISEFALL3METHODS: a long candle, three small ones of the other colour moving against it inside its range, then a long
// one of the first's colour closing beyond its close (±100, the first's colour).
struct CdlRiseFall3Methods {
    static constexpr int K = 5, NA = 5, PRIMING = 0;
    enum { long4, short3, short2, short1, long0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long4] = Avg(q, BODY_LONG, 4, first);
        a[short3] = Avg(q, BODY_SHORT, 3, first);
        a[short2] = Avg(q, BODY_SHORT, 2, first);
        a[short1] = Avg(q, BODY_SHORT, 1, first);
        a[long0] = Avg(q, BODY_LONG, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int first = c.color(4);
        int signal = c.body(4) > a[long4].at(r, 4)
            && c.body(3) < a[short3].at(r, 3)
            && c.body(2) < a[short2].at(r, 2)
            && c.body(1) < a[short1].at(r, 1)
            && c.body(0) > a[long0].at(r, 0)
            && first == -c.color(3)
            && c.color(3) == c.color(2)
            && c.color(2) == c.color(1)
            && c.color(1) == -c.color(0)
            && tmin(c.open(3), c.close(3)) < c.high(4) && tmax(c.open(3), c.close(3)) > c.low(4)
            && tmin(c.open(2), c.close(2)) < c.high(4) && tmax(c.open(2), c.close(2)) > c.low(4)
            && tmin(c.open(1), c.close(1)) < c.high(4) && tmax(c.open(1), c.close(1)) > c.low(4)
        // TA-Lib multiplies by the first candle's colour to compare in its direction
            && c.close(2) * first < c.close(3) * first
            && c.close(1) * first < c.close(2) * first
            && c.open(0) * first > c.close(1) * first
            && c.close(0) * first > c.close(4) * first ? 100 * first : 0;
        return signal;
    }
};

// TA-Lib's CDLSEPARATINGLINES: two candles of opposite colours with the same open, the second a long belt-hold (±100, its colour).
struct CdlSeparatingLines {
    static constexpr int K = 2, NA = 3, PRIMING = 0;
    enum { veryShort0, long0, equal1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
        a[long0] = Avg(q, BODY_LONG, 0, first);
        a[equal1] = Avg(q, EQUAL, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(1) == -c.color(0)
            && c.open(0) <= c.open(1) + a[equal1].at(r, 1)
            && c.open(0) >= c.open(1) - a[equal1].at(r, 1)
            && c.body(0) > a[long0].at(r, 0)
            && (c.color(0) == 1 && c.lowerShadow(0) < a[veryShort0].at(r, 0)
            || c.color(0) == -1 && c.upperShadow(0) < a[veryShort0].at(r, 0)) ? c.color(0) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLSHORTLINE: a short body with short shadows (±100, its colour).
struct CdlShortLine {
    static constexpr int K = 1, NA = 2, PRIMING = 0;
    enum { short0, shadowShort0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[short0] = Avg(q, BODY_SHORT, 0, first);
        a[shadowShort0] = Avg(q, SHADOW_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(0) < a[short0].at(r, 0)
            && c.upperShadow(0) < a[shadowShort0].at(r, 0)
            && c.lowerShadow(0) < a[shadowShort0].at(r, 0) ? c.color(0) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLSPINNINGTOP: a short body with both shadows longer than it (±100, its colour).
struct CdlSpinningTop {
    static constexpr int K = 1, NA = 1, PRIMING = 0;
    enum { short0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[short0] = Avg(q, BODY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(0) < a[short0].at(r, 0)
            && c.upperShadow(0) > c.body(0)
            && c.lowerShadow(0) > c.body(0) ? c.color(0) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLSTALLEDPATTERN: two long rising white candles, then a small white one riding on the second's shoulder (-100).
struct CdlStalledPattern {
    static constexpr int K = 3, NA = 6, PRIMING = 0;
    enum { long2, long1, short0, veryShort1, near2, near1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long2] = Avg(q, BODY_LONG, 2, first);
        a[long1] = Avg(q, BODY_LONG, 1, first);
        a[short0] = Avg(q, BODY_SHORT, 0, first);
        a[veryShort1] = Avg(q, SHADOW_VERY_SHORT, 1, first);
        a[near2] = Avg(q, NEAR, 2, first);
        a[near1] = Avg(q, NEAR, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(2) == 1 && c.color(1) == 1 && c.color(0) == 1
            && c.close(0) > c.close(1) && c.close(1) > c.close(2)
            && c.body(2) > a[long2].at(r, 2)
            && c.body(1) > a[long1].at(r, 1)
            && c.upperShadow(1) < a[veryShort1].at(r, 1)
            && c.open(1) > c.open(2)
            && c.open(1) <= c.close(2) + a[near2].at(r, 2)
            && c.body(0) < a[short0].at(r, 0)
            && c.open(0) >= c.close(1) - c.body(0) - a[near1].at(r, 1) ? -100 : 0;
        return signal;
    }
};

// TA-Lib's CDLSTICKSANDWICH: black, white trading above the first's close, black closing where the first closed (+100).
struct CdlStickSandwich {
    static constexpr int K = 3, NA = 1, PRIMING = 0;
    enum { equal2 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[equal2] = Avg(q, EQUAL, 2, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(2) == -1 && c.color(1) == 1 && c.color(0) == -1
            && c.low(1) > c.close(2)
            && c.close(0) <= c.close(2) + a[equal2].at(r, 2)
            && c.close(0) >= c.close(2) - a[equal2].at(r, 2) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLTAKURI: a doji with a very short upper shadow and a very long lower one (+100).
struct CdlTakuri {
    static constexpr int K = 1, NA = 3, PRIMING = 0;
    enum { doji0, veryShort0, veryLong0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[doji0] = Avg(q, BODY_DOJI, 0, first);
        a[veryShort0] = Avg(q, SHADOW_VERY_SHORT, 0, first);
        a[veryLong0] = Avg(q, SHADOW_VERY_LONG, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(0) <= a[doji0].at(r, 0)
            && c.upperShadow(0) < a[veryShort0].at(r, 0)
            && c.lowerShadow(0) > a[veryLong0].at(r, 0) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLTASUKIGAP: a gap, a candle in its direction, then one of about the same body of the other colour closing inside the
// gap (±100, the gap's direction).
struct CdlTasukiGap {
    static constexpr int K = 3, NA = 1, PRIMING = 0;
    enum { near1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[near1] = Avg(q, NEAR, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.bodyGapUp(1, 2)
            && c.color(1) == 1 && c.color(0) == -1
            && c.open(0) < c.close(1) && c.open(0) > c.open(1)
            && c.close(0) < c.open(1)
            && c.close(0) > tmax(c.close(2), c.open(2))
            && fabs(c.body(1) - c.body(0)) < a[near1].at(r, 1)
            || c.bodyGapDown(1, 2)
            && c.color(1) == -1 && c.color(0) == 1
            && c.open(0) < c.open(1) && c.open(0) > c.close(1)
            && c.close(0) > c.open(1)
            && c.close(0) < tmin(c.close(2), c.open(2))
            && fabs(c.body(1) - c.body(0)) < a[near1].at(r, 1) ? c.color(1) * 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLTRISTAR: three dojis, the middle one gapping up with the third not higher (-100) or gapping down with the third not
// lower (+100). TA-Lib measures all three against the first doji's average.
struct CdlTristar {
    static constexpr int K = 3, NA = 1, PRIMING = 0;
    enum { doji2 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[doji2] = Avg(q, BODY_DOJI, 2, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = 0;
        if (c.body(2) <= a[doji2].at(r, 2) && c.body(1) <= a[doji2].at(r, 2) && c.body(0) <= a[doji2].at(r, 2)) {
        if (c.bodyGapUp(1, 2) && tmax(c.open(0), c.close(0)) < tmax(c.open(1), c.close(1))) signal = -100;
        if (c.bodyGapDown(1, 2) && tmin(c.open(0), c.close(0)) > tmin(c.open(1), c.close(1))) signal = 100;
        }
        return signal;
    }
};

// TA-Lib's CDLUNIQUE3RIVER: a long black candle, a black harami with a lower low, then a short white candle opening above that low
// (+100).
struct CdlUnique3River {
    static constexpr int K = 3, NA = 2, PRIMING = 0;
    enum { long2, short0 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long2] = Avg(q, BODY_LONG, 2, first);
        a[short0] = Avg(q, BODY_SHORT, 0, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.body(2) > a[long2].at(r, 2)
            && c.color(2) == -1
            && c.color(1) == -1
            && c.close(1) > c.close(2) && c.open(1) <= c.open(2)
            && c.low(1) < c.low(2)
            && c.body(0) < a[short0].at(r, 0)
            && c.color(0) == 1
            && c.open(0) > c.low(1) ? 100 : 0;
        return signal;
    }
};

// TA-Lib's CDLUPSIDEGAP2CROWS: a long white candle, a short black one gapping up, a black one engulfing it but closing above the
// first (-100).
struct CdlUpsideGap2Crows {
    static constexpr int K = 3, NA = 2, PRIMING = 0;
    enum { long2, short1 };
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
        a[long2] = Avg(q, BODY_LONG, 2, first);
        a[short1] = Avg(q, BODY_SHORT, 1, first);
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(2) == 1 && c.body(2) > a[long2].at(r, 2)
            && c.color(1) == -1 && c.body(1) <= a[short1].at(r, 1)
            && c.bodyGapUp(1, 2)
            && c.color(0) == -1
            && c.open(0) > c.open(1) && c.close(0) < c.close(1)
            && c.close(0) > c.close(2) ? -100 : 0;
        return signal;
    }
};

// TA-Lib's CDLXSIDEGAP3METHODS: two candles of one colour with a gap between them, then one of the other colour closing the gap
// (±100, the first's colour).
struct CdlXSideGap3Methods {
    static constexpr int K = 3, NA = 0, PRIMING = 0;
    __device__ static void averages(Avg* a, const CdlParams& q, int first) {
    }
    __device__ int detect(const Candles<K>& c, const Avg* a, const RangeRing& r, double penetration, int) {
        int signal = c.color(2) == c.color(1)
            && c.color(1) == -c.color(0)
            && c.open(0) < tmax(c.close(1), c.open(1))
            && c.open(0) > tmin(c.close(1), c.open(1))
            && c.close(0) < tmax(c.close(2), c.open(2))
            && c.close(0) > tmin(c.close(2), c.open(2))
            && (c.color(2) == 1 && c.bodyGapUp(1, 2)
            || c.color(2) == -1 && c.bodyGapDown(1, 2)) ? c.color(2) * 100 : 0;
        return signal;
    }
};

using P_cdl2crows = Cdl2Crows;
using P_cdl3blackcrows = Cdl3BlackCrows;
using P_cdl3inside = Cdl3Inside;
using P_cdl3linestrike = Cdl3LineStrike;
using P_cdl3outside = Cdl3Outside;
using P_cdl3starsinsouth = Cdl3StarsInSouth;
using P_cdl3whitesoldiers = Cdl3WhiteSoldiers;
using P_cdlabandonedbaby = CdlAbandonedBaby;
using P_cdladvanceblock = CdlAdvanceBlock;
using P_cdlbelthold = CdlBeltHold<true>;
using P_cdlbreakaway = CdlBreakaway;
using P_cdlclosingmarubozu = CdlBeltHold<false>;
using P_cdlconcealbabyswall = CdlConcealBabySwall;
using P_cdlcounterattack = CdlCounterAttack;
using P_cdldarkcloudcover = CdlDarkCloudCover;
using P_cdldoji = CdlDoji;
using P_cdldojistar = CdlDojiStar;
using P_cdldragonflydoji = CdlDragonflyDoji<true>;
using P_cdlengulfing = CdlEngulfing;
using P_cdleveningdojistar = CdlMorningStar<BODY_DOJI, -1>;
using P_cdleveningstar = CdlMorningStar<BODY_SHORT, -1>;
using P_cdlgapsidesidewhite = CdlGapSideSideWhite;
using P_cdlgravestonedoji = CdlDragonflyDoji<false>;
using P_cdlhammer = CdlHammer<true>;
using P_cdlhangingman = CdlHammer<false>;
using P_cdlharami = CdlHarami<BODY_SHORT>;
using P_cdlharamicross = CdlHarami<BODY_DOJI>;
using P_cdlhighwave = CdlHighWave;
using P_cdlhikkake = CdlHikkake<false>;
using P_cdlhikkakemod = CdlHikkake<true>;
using P_cdlhomingpigeon = CdlHomingPigeon;
using P_cdlidentical3crows = CdlIdentical3Crows;
using P_cdlinneck = CdlInNeck<true, false>;
using P_cdlinvertedhammer = CdlInvertedHammer<true>;
using P_cdlkicking = CdlKicking<false>;
using P_cdlkickingbylength = CdlKicking<true>;
using P_cdlladderbottom = CdlLadderBottom;
using P_cdllongleggeddoji = CdlLongLeggedDoji;
using P_cdllongline = CdlLongLine<SHADOW_SHORT>;
using P_cdlmarubozu = CdlLongLine<SHADOW_VERY_SHORT>;
using P_cdlmathold = CdlMatHold;
using P_cdlmatchinglow = CdlMatchingLow;
using P_cdlmorningdojistar = CdlMorningStar<BODY_DOJI, 1>;
using P_cdlmorningstar = CdlMorningStar<BODY_SHORT, 1>;
using P_cdlonneck = CdlInNeck<false, true>;
using P_cdlpiercing = CdlPiercing;
using P_cdlrickshawman = CdlRickshawMan;
using P_cdlrisefall3methods = CdlRiseFall3Methods;
using P_cdlseparatinglines = CdlSeparatingLines;
using P_cdlshootingstar = CdlInvertedHammer<false>;
using P_cdlshortline = CdlShortLine;
using P_cdlspinningtop = CdlSpinningTop;
using P_cdlstalledpattern = CdlStalledPattern;
using P_cdlsticksandwich = CdlStickSandwich;
using P_cdltakuri = CdlTakuri;
using P_cdltasukigap = CdlTasukiGap;
using P_cdlthrusting = CdlInNeck<false, false>;
using P_cdltristar = CdlTristar;
using P_cdlunique3river = CdlUnique3River;
using P_cdlupsidegap2crows = CdlUpsideGap2Crows;
using P_cdlxsidegap3methods = CdlXSideGap3Methods;

}  // namespace cdl
}  // namespace

#define CDL_PATTERNS(X) \
    X(cdl2crows) X(cdl3blackcrows) X(cdl3inside) X(cdl3linestrike) X(cdl3outside) X(cdl3starsinsouth) X(cdl3whitesoldiers) \
    X(cdlabandonedbaby) X(cdladvanceblock) X(cdlbelthold) X(cdlbreakaway) X(cdlclosingmarubozu) X(cdlconcealbabyswall) \
    X(cdlcounterattack) X(cdldarkcloudcover) X(cdldoji) X(cdldojistar) X(cdldragonflydoji) X(cdlengulfing) X(cdleveningdojistar) \
    X(cdleveningstar) X(cdlgapsidesidewhite) X(cdlgravestonedoji) X(cdlhammer) X(cdlhangingman) X(cdlharami) X(cdlharamicross) \
    X(cdlhighwave) X(cdlhikkake) X(cdlhikkakemod) X(cdlhomingpigeon) X(cdlidentical3crows) X(cdlinneck) X(cdlinvertedhammer) \
    X(cdlkicking) X(cdlkickingbylength) X(cdlladderbottom) X(cdllongleggeddoji) X(cdllongline) X(cdlmarubozu) X(cdlmathold) \
    X(cdlmatchinglow) X(cdlmorningdojistar) X(cdlmorningstar) X(cdlonneck) X(cdlpiercing) X(cdlrickshawman) X(cdlrisefall3methods) \
    X(cdlseparatinglines) X(cdlshootingstar) X(cdlshortline) X(cdlspinningtop) X(cdlstalledpattern) X(cdlsticksandwich) X(cdltakuri) \
    X(cdltasukigap) X(cdlthrusting) X(cdltristar) X(cdlunique3river) X(cdlupsidegap2crows) X(cdlxsidegap3methods)

#define CDL_ENTRIES(name) CDL(name, cdl::P_##name)
CDL_PATTERNS(CDL_ENTRIES)
