package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import java.util.Locale;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's fifteen math transforms (ACOS ... TANH): a function of C's {@code math.h} applied to each bar. Java's
 * {@link Math} gives the same values within an ulp (not always the same bits: C's libm and Java's intrinsics
 * round a few arguments differently), and NaN, infinities and signed zeros as C does. ATAN and COSH avoid Java 17's
 * native call per value ({@link StrictMath}): {@link Atan}, the same bits in Java, and {@link #cosh} from the
 * {@code exp} intrinsic.
 */
final class MathTransform extends Elementwise {
    /** The transforms, with TA-Lib's descriptions. */
    enum Kind {
        ACOS("Vector Trigonometric ACos"),
        ASIN("Vector Trigonometric ASin"),
        ATAN("Vector Trigonometric ATan"),
        CEIL("Vector Ceil"),
        COS("Vector Trigonometric Cos"),
        COSH("Vector Trigonometric Cosh"),
        EXP("Vector Arithmetic Exp"),
        FLOOR("Vector Floor"),
        LN("Vector Log Natural"),
        LOG10("Vector Log10"),
        SIN("Vector Trigonometric Sin"),
        SINH("Vector Trigonometric Sinh"),
        SQRT("Vector Square Root"),
        TAN("Vector Trigonometric Tan"),
        TANH("Vector Trigonometric Tanh");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private final Kind kind;

    MathTransform(Kind kind) {
        super(function(kind.name().toLowerCase(Locale.ROOT), Group.MATH_TRANSFORM, kind.description)
                .inputReal()
                .output("real"));
        this.kind = kind;
    }

    /**
     * The hyperbolic cosine as glibc's {@code e_cosh.c} composes it from {@code exp} (which is an intrinsic in Java;
     * {@link Math#cosh} is a native call per value in Java 17): within 4 ulp of {@link StrictMath#cosh}, overflowing to
     * infinity at the same argument. cosh is at least 1, so the sum loses nothing to cancellation.
     */
    static double cosh(double x) {
        double a = Math.abs(x);
        if (a < 22.0) {
            double t = Math.exp(a);
            return 0.5 * t + 0.5 / t;
        }
        if (a < 709.0) return 0.5 * Math.exp(a);           // exp(a) is finite up to log(Double.MAX_VALUE), 709.78
        double w = Math.exp(0.5 * a);                      // near overflow (and for NaN): half of it, squared
        return (0.5 * w) * w;
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        double[] x = in[0], o = out[0];
        int end = off + len;
        // one loop per transform: each a plain loop over an intrinsic (CEIL, FLOOR, SQRT vectorise)
        switch (kind) {
            case ACOS -> { for (int i = off; i < end; i++) o[i] = Math.acos(x[i]); }
            case ASIN -> { for (int i = off; i < end; i++) o[i] = Math.asin(x[i]); }
            case ATAN -> { for (int i = off; i < end; i++) o[i] = Atan.atan(x[i]); }
            case CEIL -> { for (int i = off; i < end; i++) o[i] = Math.ceil(x[i]); }
            case COS -> { for (int i = off; i < end; i++) o[i] = Math.cos(x[i]); }
            case COSH -> { for (int i = off; i < end; i++) o[i] = cosh(x[i]); }
            case EXP -> { for (int i = off; i < end; i++) o[i] = Math.exp(x[i]); }
            case FLOOR -> { for (int i = off; i < end; i++) o[i] = Math.floor(x[i]); }
            case LN -> { for (int i = off; i < end; i++) o[i] = Math.log(x[i]); }
            case LOG10 -> { for (int i = off; i < end; i++) o[i] = Math.log10(x[i]); }
            case SIN -> { for (int i = off; i < end; i++) o[i] = Math.sin(x[i]); }
            case SINH -> { for (int i = off; i < end; i++) o[i] = Math.sinh(x[i]); }
            case SQRT -> { for (int i = off; i < end; i++) o[i] = Math.sqrt(x[i]); }
            case TAN -> { for (int i = off; i < end; i++) o[i] = Math.tan(x[i]); }
            case TANH -> { for (int i = off; i < end; i++) o[i] = Math.tanh(x[i]); }
        }
    }
}
