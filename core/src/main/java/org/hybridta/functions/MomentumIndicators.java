package org.hybridta.functions;

import java.util.List;
import java.util.Set;

/**
 * TA-Lib's group "Momentum Indicators": the ported functions, in TA-Lib's (alphabetical) order, and those still to port.
 * One porter owns this file; adding a function here and removing it from {@link #PENDING} is all the
 * registration it needs.
 */
final class MomentumIndicators {
    private MomentumIndicators() {}

    /** Adds the ported functions, one line each. */
    static void functions(List<FunctionDef> to) {
    }

    /** Functions of this group not ported yet (CatalogTest checks that this only shrinks). */
    static final Set<String> PENDING = Catalog.names("""
            adx
            adxr
            apo
            aroon
            aroonosc
            bop
            cci
            cmo
            dx
            imi
            macd
            macdext
            macdfix
            mfi
            minus_di
            minus_dm
            mom
            plus_di
            plus_dm
            ppo
            roc
            rocp
            rocr
            rocr100
            rsi
            stoch
            stochf
            stochrsi
            trix
            ultosc
            willr
            """);
}
