package org.hybridta.functions;

import java.util.List;

/** The functions of TA-Lib's group "Volatility Indicators" that are ported, in TA-Lib's order. One porter owns this file. */
final class VolatilityIndicators {
    private VolatilityIndicators() {}

    static List<FunctionDef> functions() {
        return List.of(
        );
    }
}
