package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * An indicator specification: which indicator, with which parameters. Specs are immutable values that
 * validate their parameters on construction; they compute nothing themselves — a
 * {@link org.hybridta.backend.ComputeBackend} does, for whole panels at once.
 *
 * <p>Every output is as long as its input, {@code NaN} before its first valid bar
 * ({@link Output#lookback()}), and equals TA-Lib's value (classic conventions) at every bar where TA-Lib
 * gives one. See {@code docs/indicators.md} for each formula.
 *
 * <p>The set of indicators is closed (the catalog in {@link Indicators}) so that every backend can
 * promise to compute every spec.
 */
public sealed interface Indicator
        permits Sma, Ema, Wma, Dema, Tema, Rsi, Macd, Bbands, Atr, Trange, Stoch, Adx, Cci, Willr, Roc, Mom, Obv, Mfi {

    /** The name in the text form, e.g. {@code ema}. */
    String name();

    /** The text form that {@link Indicators#parse(String)} reads back, e.g. {@code macd:12:26:9}. */
    String spec();

    /** The outputs, in order, with their column names and lookbacks. */
    List<Output> outputs();

    /** The fields this indicator reads. */
    Set<Field> inputs();

    /** The number of leading bars without a value in every output: the largest output lookback. */
    default int lookback() {
        int max = 0;
        for (Output o : outputs()) max = Math.max(max, o.lookback());
        return max;
    }

    /** The CSV column name of the first output: the spec with {@code :} replaced by {@code _}. */
    default String column() {
        return spec().replace(':', '_');
    }
}
