package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import java.util.Locale;
import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's price transforms AVGPRICE, MEDPRICE, TYPPRICE and WCLPRICE: one average of a bar's prices each. */
final class PriceTransform extends Elementwise {
    /** The transforms, with TA-Lib's descriptions and the prices each reads. */
    enum Kind {
        AVGPRICE("Average Price", Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE),
        MEDPRICE("Median Price", Field.HIGH, Field.LOW),
        TYPPRICE("Typical Price", Field.HIGH, Field.LOW, Field.CLOSE),
        WCLPRICE("Weighted Close Price", Field.HIGH, Field.LOW, Field.CLOSE);

        private final String description;
        private final Field[] prices;

        Kind(String description, Field... prices) {
            this.description = description;
            this.prices = prices;
        }
    }

    private final Kind kind;

    PriceTransform(Kind kind) {
        super(function(kind.name().toLowerCase(Locale.ROOT), Group.PRICE_TRANSFORM, kind.description)
                .inputPrice(kind.prices)
                .output("real")
                .overlap());
        this.kind = kind;
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        double[] o = out[0];
        int end = off + len;
        // TA-Lib's sums, in its order of terms
        switch (kind) {
            case AVGPRICE -> {
                double[] open = in[0], high = in[1], low = in[2], close = in[3];
                for (int i = off; i < end; i++) o[i] = (high[i] + low[i] + close[i] + open[i]) / 4;
            }
            case MEDPRICE -> {
                double[] high = in[0], low = in[1];
                for (int i = off; i < end; i++) o[i] = (high[i] + low[i]) / 2.0;
            }
            case TYPPRICE -> {
                double[] high = in[0], low = in[1], close = in[2];
                for (int i = off; i < end; i++) o[i] = (high[i] + low[i] + close[i]) / 3.0;
            }
            case WCLPRICE -> {
                double[] high = in[0], low = in[1], close = in[2];
                for (int i = off; i < end; i++) o[i] = (high[i] + low[i] + (close[i] * 2.0)) / 4.0;
            }
        }
    }
}
