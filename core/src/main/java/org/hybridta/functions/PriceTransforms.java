package org.hybridta.functions;

import java.util.List;
import java.util.Set;

/**
 * TA-Lib's group "Price Transform": the ported functions, in TA-Lib's (alphabetical) order, and those still to port.
 * One porter owns this file; adding a function here and removing it from {@link #PENDING} is all the
 * registration it needs.
 */
final class PriceTransforms {
    private PriceTransforms() {}

    /** Adds the ported functions, one line each. */
    static void functions(List<FunctionDef> to) {
        to.add(new AvgDev());
        to.add(new PriceTransform(PriceTransform.Kind.AVGPRICE));
        to.add(new PriceTransform(PriceTransform.Kind.MEDPRICE));
        to.add(new PriceTransform(PriceTransform.Kind.TYPPRICE));
        to.add(new PriceTransform(PriceTransform.Kind.WCLPRICE));
    }

    /** Functions of this group not ported yet (CatalogTest checks that this only shrinks). */
    static final Set<String> PENDING = Catalog.names("""
            """);
}
