package org.hybridta.functions;

import java.util.List;
import java.util.Set;

/**
 * TA-Lib's group "Volatility Indicators": the ported functions, in TA-Lib's (alphabetical) order, and those still to port.
 * One porter owns this file; adding a function here and removing it from {@link #PENDING} is all the
 * registration it needs.
 */
final class VolatilityIndicators {
    private VolatilityIndicators() {}

    /** Adds the ported functions, one line each. */
    static void functions(List<FunctionDef> to) {
        to.add(new Atr());
        to.add(new Natr());
        to.add(new Trange());
    }

    /** Functions of this group not ported yet (CatalogTest checks that this only shrinks). */
    static final Set<String> PENDING = Catalog.names("""
            """);
}
