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
        to.add(new Adx());
        to.add(new Cci());
        to.add(new Dx());
        to.add(new Macd());
        to.add(new Mfi());
        to.add(new MinusDi());
        to.add(new MinusDm());
        to.add(new Mom());
        to.add(new PlusDi());
        to.add(new PlusDm());
        to.add(new Roc());
        to.add(new Rsi());
        to.add(new Stoch());
        to.add(new Willr());
    }

    /** Functions of this group not ported yet (CatalogTest checks that this only shrinks). */
    static final Set<String> PENDING = Catalog.names("""
            adxr
            apo
            aroon
            aroonosc
            bop
            cmo
            imi
            macdext
            macdfix
            ppo
            rocp
            rocr
            rocr100
            stochf
            stochrsi
            trix
            ultosc
            """);
}
