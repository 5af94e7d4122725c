package org.hybridta.functions;

import java.util.List;

/** The functions of TA-Lib's group "Statistic Functions" that are ported, in TA-Lib's order. One porter owns this file. */
final class StatisticFunctions {
    private StatisticFunctions() {}

    static List<FunctionDef> functions() {
        return List.of(
        );
    }
}
