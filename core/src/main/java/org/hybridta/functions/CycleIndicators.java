package org.hybridta.functions;

import java.util.List;

/** The functions of TA-Lib's group "Cycle Indicators" that are ported, in TA-Lib's order. One porter owns this file. */
final class CycleIndicators {
    private CycleIndicators() {}

    static List<FunctionDef> functions() {
        return List.of(
        );
    }
}
