package org.hybridta.functions;

import java.util.List;

/** The functions of TA-Lib's group "Price Transform" that are ported, in TA-Lib's order. One porter owns this file. */
final class PriceTransforms {
    private PriceTransforms() {}

    static List<FunctionDef> functions() {
        return List.of(
        );
    }
}
