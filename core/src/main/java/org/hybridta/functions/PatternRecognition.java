package org.hybridta.functions;

import java.util.List;
import java.util.Set;

/**
 * TA-Lib's group "Pattern Recognition": the ported functions, in TA-Lib's (alphabetical) order, and those still to port.
 * One porter owns this file; adding a function here and removing it from {@link #PENDING} is all the
 * registration it needs.
 */
final class PatternRecognition {
    private PatternRecognition() {}

    /** Adds the ported functions, one line each. */
    static void functions(List<FunctionDef> to) {
    }

    /** Functions of this group not ported yet (CatalogTest checks that this only shrinks). */
    static final Set<String> PENDING = Catalog.names("""
            cdl2crows
            cdl3blackcrows
            cdl3inside
            cdl3linestrike
            cdl3outside
            cdl3starsinsouth
            cdl3whitesoldiers
            cdlabandonedbaby
            cdladvanceblock
            cdlbelthold
            cdlbreakaway
            cdlclosingmarubozu
            cdlconcealbabyswall
            cdlcounterattack
            cdldarkcloudcover
            cdldoji
            cdldojistar
            cdldragonflydoji
            cdlengulfing
            cdleveningdojistar
            cdleveningstar
            cdlgapsidesidewhite
            cdlgravestonedoji
            cdlhammer
            cdlhangingman
            cdlharami
            cdlharamicross
            cdlhighwave
            cdlhikkake
            cdlhikkakemod
            cdlhomingpigeon
            cdlidentical3crows
            cdlinneck
            cdlinvertedhammer
            cdlkicking
            cdlkickingbylength
            cdlladderbottom
            cdllongleggeddoji
            cdllongline
            cdlmarubozu
            cdlmatchinglow
            cdlmathold
            cdlmorningdojistar
            cdlmorningstar
            cdlonneck
            cdlpiercing
            cdlrickshawman
            cdlrisefall3methods
            cdlseparatinglines
            cdlshootingstar
            cdlshortline
            cdlspinningtop
            cdlstalledpattern
            cdlsticksandwich
            cdltakuri
            cdltasukigap
            cdlthrusting
            cdltristar
            cdlunique3river
            cdlupsidegap2crows
            cdlxsidegap3methods
            """);
}
