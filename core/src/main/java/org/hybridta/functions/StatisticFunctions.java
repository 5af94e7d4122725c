package org.hybridta.functions;

import java.util.List;
import java.util.Set;

/**
 * TA-Lib's group "Statistic Functions": the ported functions, in TA-Lib's (alphabetical) order, and those still to port.
 * One porter owns this file; adding a function here and removing it from {@link #PENDING} is all the
 * registration it needs.
 */
final class StatisticFunctions {
    private StatisticFunctions() {}

    /** Adds the ported functions, one line each. */
    static void functions(List<FunctionDef> to) {
        to.add(new Beta());
        to.add(new Correl());
        to.add(new LinearReg());
        to.add(new LinearRegAngle());
        to.add(new LinearRegIntercept());
        to.add(new LinearRegSlope());
        to.add(new StdDev());
        to.add(new Tsf());
        to.add(new Var());
    }

    /** Functions of this group not ported yet (CatalogTest checks that this only shrinks). */
    static final Set<String> PENDING = Catalog.names("""
            """);
}
