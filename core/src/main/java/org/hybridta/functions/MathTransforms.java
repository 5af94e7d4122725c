package org.hybridta.functions;

import java.util.List;

/** The functions of TA-Lib's group "Math Transform" that are ported, in TA-Lib's order. One porter owns this file. */
final class MathTransforms {
    private MathTransforms() {}

    static List<FunctionDef> functions() {
        return List.of(
        );
    }
}
