package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import java.util.Locale;
import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's vector arithmetic ADD, DIV, MULT and SUB of two series, bar by bar ({@code real0 op real1}). */
final class Arithmetic extends Elementwise {
    /** The four operators, with TA-Lib's descriptions. */
    enum Operator {
        ADD("Vector Arithmetic Add"),
        DIV("Vector Arithmetic Div"),
        MULT("Vector Arithmetic Mult"),
        SUB("Vector Arithmetic Substraction");

        private final String description;

        Operator(String description) {
            this.description = description;
        }
    }

    private final Operator operator;

    Arithmetic(Operator operator) {
        // TA-Lib's abstract interface reads two series, high and low unless the spec names others
        super(function(operator.name().toLowerCase(Locale.ROOT), Group.MATH_OPERATORS, operator.description)
                .inputReal("real0", Field.HIGH)
                .inputReal("real1", Field.LOW)
                .output("real"));
        this.operator = operator;
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        double[] x = in[0], y = in[1], o = out[0];
        int end = off + len;
        // one loop per operator, so each is a plain vectorisable loop
        switch (operator) {
            case ADD -> { for (int i = off; i < end; i++) o[i] = x[i] + y[i]; }
            case DIV -> { for (int i = off; i < end; i++) o[i] = x[i] / y[i]; }
            case MULT -> { for (int i = off; i < end; i++) o[i] = x[i] * y[i]; }
            case SUB -> { for (int i = off; i < end; i++) o[i] = x[i] - y[i]; }
        }
    }
}
