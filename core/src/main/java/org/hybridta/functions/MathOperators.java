package org.hybridta.functions;

import java.util.List;
import java.util.Set;

/**
 * TA-Lib's group "Math Operators": the ported functions, in TA-Lib's (alphabetical) order, and those still to port.
 * One porter owns this file; adding a function here and removing it from {@link #PENDING} is all the
 * registration it needs.
 */
final class MathOperators {
    private MathOperators() {}

    /** Adds the ported functions, one line each. */
    static void functions(List<FunctionDef> to) {
        to.add(new Arithmetic(Arithmetic.Operator.ADD));
        to.add(new Arithmetic(Arithmetic.Operator.DIV));
        to.add(new WindowExtreme(WindowExtreme.Kind.MAX));
        to.add(new WindowExtreme(WindowExtreme.Kind.MAXINDEX));
        to.add(new WindowExtreme(WindowExtreme.Kind.MIN));
        to.add(new WindowExtreme(WindowExtreme.Kind.MININDEX));
        to.add(new WindowExtreme(WindowExtreme.Kind.MINMAX));
        to.add(new WindowExtreme(WindowExtreme.Kind.MINMAXINDEX));
        to.add(new Arithmetic(Arithmetic.Operator.MULT));
        to.add(new Arithmetic(Arithmetic.Operator.SUB));
        to.add(new Sum());
    }

    /** Functions of this group not ported yet (CatalogTest checks that this only shrinks). */
    static final Set<String> PENDING = Catalog.names("""
            """);
}
