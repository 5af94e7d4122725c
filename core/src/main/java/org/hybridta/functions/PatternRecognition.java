package org.hybridta.functions;

import java.util.List;

/** The functions of TA-Lib's group "Pattern Recognition" that are ported, in TA-Lib's order. One porter owns this file. */
final class PatternRecognition {
    private PatternRecognition() {}

    static List<FunctionDef> functions() {
        return List.of(
        );
    }
}
