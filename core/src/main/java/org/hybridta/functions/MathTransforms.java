package org.hybridta.functions;

import java.util.List;
import java.util.Set;

/**
 * TA-Lib's group "Math Transform": the ported functions, in TA-Lib's (alphabetical) order, and those still to port.
 * One porter owns this file; adding a function here and removing it from {@link #PENDING} is all the
 * registration it needs.
 */
final class MathTransforms {
    private MathTransforms() {}

    /** Adds the ported functions, one line each. */
    static void functions(List<FunctionDef> to) {
        to.add(new MathTransform(MathTransform.Kind.ACOS));
        to.add(new MathTransform(MathTransform.Kind.ASIN));
        to.add(new MathTransform(MathTransform.Kind.ATAN));
        to.add(new MathTransform(MathTransform.Kind.CEIL));
        to.add(new MathTransform(MathTransform.Kind.COS));
        to.add(new MathTransform(MathTransform.Kind.COSH));
        to.add(new MathTransform(MathTransform.Kind.EXP));
        to.add(new MathTransform(MathTransform.Kind.FLOOR));
        to.add(new MathTransform(MathTransform.Kind.LN));
        to.add(new MathTransform(MathTransform.Kind.LOG10));
        to.add(new MathTransform(MathTransform.Kind.SIN));
        to.add(new MathTransform(MathTransform.Kind.SINH));
        to.add(new MathTransform(MathTransform.Kind.SQRT));
        to.add(new MathTransform(MathTransform.Kind.TAN));
        to.add(new MathTransform(MathTransform.Kind.TANH));
    }

    /** Functions of this group not ported yet (CatalogTest checks that this only shrinks). */
    static final Set<String> PENDING = Catalog.names("""
            """);
}
