package org.hybridta.functions;

import java.util.List;

/** The functions of TA-Lib's group "Overlap Studies" that are ported, in TA-Lib's order. One porter owns this file. */
final class OverlapStudies {
    private OverlapStudies() {}

    static List<FunctionDef> functions() {
        return List.of(new Bbands(), new Sma());
    }
}
