package org.hybridta.functions;

import java.util.List;

/** The functions of TA-Lib's group "Math Operators" that are ported, in TA-Lib's order. One porter owns this file. */
final class MathOperators {
    private MathOperators() {}

    static List<FunctionDef> functions() {
        return List.of(new MinMaxIndex());
    }
}
