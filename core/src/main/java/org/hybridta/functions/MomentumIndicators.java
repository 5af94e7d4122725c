package org.hybridta.functions;

import java.util.List;

/** The functions of TA-Lib's group "Momentum Indicators" that are ported, in TA-Lib's order. One porter owns this file. */
final class MomentumIndicators {
    private MomentumIndicators() {}

    static List<FunctionDef> functions() {
        return List.of(
        );
    }
}
