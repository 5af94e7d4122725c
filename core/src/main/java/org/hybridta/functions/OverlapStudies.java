package org.hybridta.functions;

import java.util.List;
import java.util.Set;

/**
 * TA-Lib's group "Overlap Studies": the ported functions, in TA-Lib's (alphabetical) order, and those still to port.
 * One porter owns this file; adding a function here and removing it from {@link #PENDING} is all the
 * registration it needs.
 */
final class OverlapStudies {
    private OverlapStudies() {}

    /** Adds the ported functions, one line each. */
    static void functions(List<FunctionDef> to) {
        to.add(new Bbands());
        to.add(new Dema());
        to.add(new Ema());
        to.add(new Sma());
        to.add(new Tema());
        to.add(new Wma());
    }

    /** Functions of this group not ported yet (CatalogTest checks that this only shrinks). */
    static final Set<String> PENDING = Catalog.names("""
            accbands
            ht_trendline
            kama
            ma
            mama
            mavp
            midpoint
            midprice
            sar
            sarext
            t3
            trima
            """);
}
