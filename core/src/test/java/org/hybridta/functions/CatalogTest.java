package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The catalog against the 161 functions of TA-Lib 0.6's abstract interface: each group registry's {@code PENDING}
 * lists those not ported yet. They must only shrink: a ported function still listed fails, and so does a missing
 * one not listed.
 */
class CatalogTest {
    /** TA-Lib 0.6's functions, in lower case. */
    static final List<String> TA_LIB = List.of(
            "accbands",
            "acos",
            "ad",
            "add",
            "adosc",
            "adx",
            "adxr",
            "apo",
            "aroon",
            "aroonosc",
            "asin",
            "atan",
            "atr",
            "avgdev",
            "avgprice",
            "bbands",
            "beta",
            "bop",
            "cci",
            "cdl2crows",
            "cdl3blackcrows",
            "cdl3inside",
            "cdl3linestrike",
            "cdl3outside",
            "cdl3starsinsouth",
            "cdl3whitesoldiers",
            "cdlabandonedbaby",
            "cdladvanceblock",
            "cdlbelthold",
            "cdlbreakaway",
            "cdlclosingmarubozu",
            "cdlconcealbabyswall",
            "cdlcounterattack",
            "cdldarkcloudcover",
            "cdldoji",
            "cdldojistar",
            "cdldragonflydoji",
            "cdlengulfing",
            "cdleveningdojistar",
            "cdleveningstar",
            "cdlgapsidesidewhite",
            "cdlgravestonedoji",
            "cdlhammer",
            "cdlhangingman",
            "cdlharami",
            "cdlharamicross",
            "cdlhighwave",
            "cdlhikkake",
            "cdlhikkakemod",
            "cdlhomingpigeon",
            "cdlidentical3crows",
            "cdlinneck",
            "cdlinvertedhammer",
            "cdlkicking",
            "cdlkickingbylength",
            "cdlladderbottom",
            "cdllongleggeddoji",
            "cdllongline",
            "cdlmarubozu",
            "cdlmatchinglow",
            "cdlmathold",
            "cdlmorningdojistar",
            "cdlmorningstar",
            "cdlonneck",
            "cdlpiercing",
            "cdlrickshawman",
            "cdlrisefall3methods",
            "cdlseparatinglines",
            "cdlshootingstar",
            "cdlshortline",
            "cdlspinningtop",
            "cdlstalledpattern",
            "cdlsticksandwich",
            "cdltakuri",
            "cdltasukigap",
            "cdlthrusting",
            "cdltristar",
            "cdlunique3river",
            "cdlupsidegap2crows",
            "cdlxsidegap3methods",
            "ceil",
            "cmo",
            "correl",
            "cos",
            "cosh",
            "dema",
            "div",
            "dx",
            "ema",
            "exp",
            "floor",
            "ht_dcperiod",
            "ht_dcphase",
            "ht_phasor",
            "ht_sine",
            "ht_trendline",
            "ht_trendmode",
            "imi",
            "kama",
            "linearreg",
            "linearreg_angle",
            "linearreg_intercept",
            "linearreg_slope",
            "ln",
            "log10",
            "ma",
            "macd",
            "macdext",
            "macdfix",
            "mama",
            "mavp",
            "max",
            "maxindex",
            "medprice",
            "mfi",
            "midpoint",
            "midprice",
            "min",
            "minindex",
            "minmax",
            "minmaxindex",
            "minus_di",
            "minus_dm",
            "mom",
            "mult",
            "natr",
            "obv",
            "plus_di",
            "plus_dm",
            "ppo",
            "roc",
            "rocp",
            "rocr",
            "rocr100",
            "rsi",
            "sar",
            "sarext",
            "sin",
            "sinh",
            "sma",
            "sqrt",
            "stddev",
            "stoch",
            "stochf",
            "stochrsi",
            "sub",
            "sum",
            "t3",
            "tan",
            "tanh",
            "tema",
            "trange",
            "trima",
            "trix",
            "tsf",
            "typprice",
            "ultosc",
            "var",
            "wclprice",
            "willr",
            "wma"
    );

    @Test void everyTaLibFunctionIsPortedOrPending() {
        Set<String> ported = new TreeSet<>();
        for (FunctionDef f : Catalog.all()) ported.add(f.name());
        assertThat(TA_LIB).hasSize(161).doesNotHaveDuplicates();
        assertThat(ported).as("functions in the catalog that TA-Lib does not have").isSubsetOf(TA_LIB);
        Set<String> stillPending = new TreeSet<>(ported);
        stillPending.retainAll(Catalog.pending().keySet());
        assertThat(stillPending).as("ported functions still listed in their registry's PENDING: remove them there").isEmpty();
        Set<String> missing = new TreeSet<>(TA_LIB);
        missing.removeAll(ported);
        missing.removeAll(Catalog.pending().keySet());
        assertThat(missing).as("TA-Lib functions neither in the catalog nor in PENDING").isEmpty();
    }

    @Test void namesAreLowerCaseTaLibNames() {
        for (FunctionDef f : Catalog.all()) {
            assertThat(f.name()).matches("[a-z0-9_]+");
            assertThat(f.info().params()).extracting(p -> p.name()).allMatch(n -> n.matches("[a-z0-9_]+"));
        }
    }
}
