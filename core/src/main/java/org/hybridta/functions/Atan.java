package org.hybridta.functions;

/**
 * The arctangent of fdlibm's {@code s_atan.c}, the algorithm of {@link StrictMath#atan}, in Java: the same double
 * for every argument, without Java 17's native call per value (which cost the HT_* functions and LINEARREG_ANGLE
 * more than their arithmetic).
 */
final class Atan {
    private Atan() {}

    // atan(0.5), atan(1), atan(1.5), atan(inf), each as a high part and a low correction
    private static final double[] HI = {
        Double.longBitsToDouble(0x3FDDAC670561BB4FL), Double.longBitsToDouble(0x3FE921FB54442D18L),
        Double.longBitsToDouble(0x3FEF730BD281F69BL), Double.longBitsToDouble(0x3FF921FB54442D18L)};
    private static final double[] LO = {
        Double.longBitsToDouble(0x3C7A2B7F222F65E2L), Double.longBitsToDouble(0x3C81A62633145C07L),
        Double.longBitsToDouble(0x3C7007887AF0CBBDL), Double.longBitsToDouble(0x3C91A62633145C07L)};
    private static final double
            AT0 = Double.longBitsToDouble(0x3FD555555555550DL), AT1 = Double.longBitsToDouble(0xBFC999999998EBC4L),
            AT2 = Double.longBitsToDouble(0x3FC24924920083FFL), AT3 = Double.longBitsToDouble(0xBFBC71C6FE231671L),
            AT4 = Double.longBitsToDouble(0x3FB745CDC54C206EL), AT5 = Double.longBitsToDouble(0xBFB3B0F2AF749A6DL),
            AT6 = Double.longBitsToDouble(0x3FB10D66A0D03D51L), AT7 = Double.longBitsToDouble(0xBFADDE2D52DEFD9AL),
            AT8 = Double.longBitsToDouble(0x3FA97B4B24760DEBL), AT9 = Double.longBitsToDouble(0xBFA2B4442C6A6C2FL),
            AT10 = Double.longBitsToDouble(0x3F90AD3AE322DA11L);

    static double atan(double x) {
        int hx = (int) (Double.doubleToRawLongBits(x) >>> 32), ix = hx & 0x7fffffff;
        int id;
        if (ix >= 0x44100000) {                          // |x| >= 2^66, or NaN
            if (Double.isNaN(x)) return x + x;
            return hx > 0 ? HI[3] + LO[3] : -HI[3] - LO[3];
        }
        if (ix < 0x3fdc0000) {                           // |x| < 0.4375
            if (ix < 0x3e200000) return x;               // |x| < 2^-29
            id = -1;
        } else {
            x = Math.abs(x);
            if (ix < 0x3ff30000) {                       // |x| < 1.1875
                if (ix < 0x3fe60000) {                   // 7/16 <= |x| < 11/16
                    id = 0;
                    x = (2.0 * x - 1.0) / (2.0 + x);
                } else {                                 // 11/16 <= |x| < 19/16
                    id = 1;
                    x = (x - 1.0) / (x + 1.0);
                }
            } else if (ix < 0x40038000) {                // |x| < 2.4375
                id = 2;
                x = (x - 1.5) / (1.0 + 1.5 * x);
            } else {                                     // 2.4375 <= |x| < 2^66
                id = 3;
                x = -1.0 / x;
            }
        }
        double z = x * x, w = z * z;
        // the series in z split into its odd and even terms
        double s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
        double s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
        if (id < 0) return x - x * (s1 + s2);
        z = HI[id] - ((x * (s1 + s2) - LO[id]) - x);
        return hx < 0 ? -z : z;
    }
}
