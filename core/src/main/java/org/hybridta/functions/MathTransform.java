package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import java.util.Locale;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's fifteen math transforms (ACOS ... TANH): a function of C's {@code math.h} applied to each bar. Java's
 * {@link Math} gives the same values within an ulp (not always the same bits: C's libm and Java's intrinsics
 * round a few arguments differently), and NaN, infinities and signed zeros as C does. LN is {@link Log}, glibc's
 * {@code log} bit for bit. ACOS, ASIN, ATAN, COSH, SINH and TANH avoid Java 17's native call per value
 * ({@link StrictMath}, slower than glibc): {@link Atan}, the same bits in Java, and formulas over it and the
 * {@code exp} intrinsic, within a few ulp of fdlibm (TA-Lib C's glibc is matched to 1e-9 relative, as for every libm
 * function).
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

    /**
     * The hyperbolic sine: an odd series below 1 (nine terms, to the last bit's order), {@code (e - 1/e) / 2} from the
     * {@code exp} intrinsic up to 22 (no cancellation once e is at least 2.7), then {@code exp / 2} as glibc's
     * {@code e_sinh.c}, squared from half the argument near overflow. Within a few ulp of {@link StrictMath#sinh}.
     */
    static double sinh(double x) {
        double a = Math.abs(x);
        if (a < 1.0) {
            if (a < 0x1p-28) return x;                        // also keeps the sign of zero
            double z = x * x;
            return x + x * z * (1.0 / 6 + z * (1.0 / 120 + z * (1.0 / 5040 + z * (1.0 / 362880 + z * (1.0 / 39916800
                    + z * (1.0 / 6227020800.0 + z * (1.0 / 1307674368000.0 + z * (1.0 / 355687428096000.0
                    + z * (1.0 / 121645100408832000.0)))))))));
        }
        double r;
        if (a < 22.0) {
            double e = Math.exp(a);
            r = 0.5 * e - 0.5 / e;
        } else if (a < 709.0) {
            r = 0.5 * Math.exp(a);
        } else {
            double w = Math.exp(0.5 * a);                     // overflows to infinity where sinh does; NaN stays NaN
            r = (0.5 * w) * w;
        }
        return Math.copySign(r, x);
    }

    /**
     * The hyperbolic tangent: {@code s / sqrt(1 + s^2)} with {@link #sinh}'s series below 1, {@code 1 - 2 / (e^2a + 1)}
     * up to 22, then ±1, as glibc's {@code s_tanh.c} from 22 on. Within a few ulp of {@link StrictMath#tanh}.
     */
    static double tanh(double x) {
        double a = Math.abs(x);
        if (a < 1.0) {
            if (a < 0x1p-28) return x;
            double s = sinh(x);
            return s / Math.sqrt(1.0 + s * s);
        }
        if (a < 22.0) return Math.copySign(1.0 - 2.0 / (Math.exp(2.0 * a) + 1.0), x);
        return a == a ? Math.copySign(1.0, x) : x;
    }

    /**
     * The arcsine through {@link Atan}: {@code atan(x / sqrt((1 - x)(1 + x)))}, whose factors are exact near ±1;
     * NaN outside [-1, 1]. Within a few ulp of {@link StrictMath#asin}.
     */
    static double asin(double x) {
        double a = Math.abs(x);
        if (!(a <= 1.0)) return Double.NaN;
        if (a < 0x1p-28) return x;
        if (a == 1.0) return Math.copySign(Math.PI / 2, x);
        return Atan.atan(x / Math.sqrt((1.0 - x) * (1.0 + x)));
    }

    /** The arccosine through {@link Atan}: {@code 2 atan(sqrt((1 - x) / (1 + x)))}; NaN outside [-1, 1]. Within a few ulp of {@link StrictMath#acos}. */
    static double acos(double x) {
        if (!(Math.abs(x) <= 1.0)) return Double.NaN;
        return 2.0 * Atan.atan(Math.sqrt((1.0 - x) / (1.0 + x)));
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        double[] x = in[0], o = out[0];
        int end = off + len;
        // one loop per transform: each a plain loop over an intrinsic (CEIL, FLOOR, SQRT vectorise)
        switch (kind) {
            case ACOS -> { for (int i = off; i < end; i++) o[i] = acos(x[i]); }
            case ASIN -> { for (int i = off; i < end; i++) o[i] = asin(x[i]); }
            case ATAN -> { for (int i = off; i < end; i++) o[i] = Atan.atan(x[i]); }
            case CEIL -> { for (int i = off; i < end; i++) o[i] = Math.ceil(x[i]); }
            case COS -> { for (int i = off; i < end; i++) o[i] = Math.cos(x[i]); }
            case COSH -> { for (int i = off; i < end; i++) o[i] = cosh(x[i]); }
            case EXP -> { for (int i = off; i < end; i++) o[i] = Math.exp(x[i]); }
            case FLOOR -> { for (int i = off; i < end; i++) o[i] = Math.floor(x[i]); }
            case LN -> { for (int i = off; i < end; i++) o[i] = Log.log(x[i]); }
            case LOG10 -> { for (int i = off; i < end; i++) o[i] = Log.log10(x[i]); }
            case SIN -> { for (int i = off; i < end; i++) o[i] = Math.sin(x[i]); }
            case SINH -> { for (int i = off; i < end; i++) o[i] = sinh(x[i]); }
            case SQRT -> { for (int i = off; i < end; i++) o[i] = Math.sqrt(x[i]); }
            case TAN -> { for (int i = off; i < end; i++) o[i] = Math.tan(x[i]); }
            case TANH -> { for (int i = off; i < end; i++) o[i] = tanh(x[i]); }
        }
    }
}
