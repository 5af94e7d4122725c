package org.hybridta.cuda;

import java.util.List;
import java.util.Optional;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.MaType;

/**
 * How one indicator's streaming step runs in {@code stream.cu}: the step's kind (the {@code Kind} enum there, in the
 * same order as {@link Kind}) and its parameters, four ints and two doubles, in the order the step reads them. The
 * kernel's own {@code stream_layout} tells the sizes of its state and rings and its inputs and outputs, which
 * {@link CudaUniverseStream} checks against the indicator.
 */
record StreamKernel(Kind kind, int[] ints, double[] doubles) {
    /** The steps of stream.cu, in the order of its {@code Kind} enum (MA: SMA EMA WMA DEMA TEMA; the others, their function). */
    enum Kind {
        MA, RSI, MACD, BBANDS, ROC, MOM, STOCH, WILLR, CCI, ATR, TRANGE, OBV, MFI, ADX, CDLENGULFING, SAR,
        ROCP, ROCR, ROCR100, CMO, SUM, PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX, AD, BOP, AVGPRICE, MEDPRICE, TYPPRICE, WCLPRICE
    }

    /** The functions streamed, by name (BBANDS and STOCH with moving averages SMA to TEMA). */
    static final List<String> FUNCTIONS = List.of("sma", "ema", "wma", "dema", "tema", "rsi", "macd", "bbands", "roc", "mom", "stoch", "willr",
            "cci", "atr", "trange", "obv", "mfi", "adx", "cdlengulfing", "sar", "rocp", "rocr", "rocr100", "cmo", "sum", "plus_dm", "minus_dm",
            "plus_di", "minus_di", "dx", "ad", "bop", "avgprice", "medprice", "typprice", "wclprice");

    /** The moving-average types the steps compute (SMA, EMA, WMA, DEMA, TEMA: MaType's first five). */
    private static boolean streamed(int maType) {
        return maType >= MaType.SMA.ordinal() && maType <= MaType.TEMA.ordinal();
    }

    /** The step of {@code ind}, or empty where stream.cu has none (a function or a moving-average type it lacks). */
    static Optional<StreamKernel> of(Indicator ind) {
        int[] i = new int[4];
        double[] d = new double[2];
        Kind kind;
        switch (ind.name()) {
            case "sma", "ema", "wma", "dema", "tema" -> {
                kind = Kind.MA;
                i[0] = period(ind);
                i[1] = MaType.valueOf(ind.name().toUpperCase(java.util.Locale.ROOT)).ordinal();
            }
            case "rsi", "roc", "mom", "willr", "cci", "atr", "mfi", "adx", "rocp", "rocr", "rocr100", "cmo", "sum", "plus_dm", "minus_dm", "plus_di",
                 "minus_di", "dx" -> {
                kind = Kind.valueOf(ind.name().toUpperCase(java.util.Locale.ROOT));
                i[0] = period(ind);
            }
            case "macd" -> {
                kind = Kind.MACD;
                int fast = ind.intParam("fastperiod"), slow = ind.intParam("slowperiod");
                i[0] = Math.min(fast, slow);  // TA-Lib orders them
                i[1] = Math.max(fast, slow);
                i[2] = ind.intParam("signalperiod");
            }
            case "bbands" -> {
                kind = Kind.BBANDS;
                i[0] = period(ind);
                i[1] = ind.intParam("matype");
                if (!streamed(i[1])) return Optional.empty();
                d[0] = ind.param("nbdevup");
                d[1] = ind.param("nbdevdn");
            }
            case "stoch" -> {
                kind = Kind.STOCH;
                i[0] = ind.intParam("fastk_period");
                i[1] = ind.intParam("slowk_period");
                i[2] = ind.intParam("slowk_matype");
                i[3] = ind.intParam("slowd_period");
                d[0] = ind.intParam("slowd_matype");
                if (!streamed(i[2]) || !streamed((int) d[0])) return Optional.empty();
            }
            case "trange", "obv", "cdlengulfing", "ad", "bop", "avgprice", "medprice", "typprice", "wclprice" ->
                    kind = Kind.valueOf(ind.name().toUpperCase(java.util.Locale.ROOT));
            case "sar" -> {
                kind = Kind.SAR;
                d[0] = ind.param("acceleration");
                d[1] = ind.param("maximum");
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new StreamKernel(kind, i, d));
    }

    /** The indicators of {@code indicators} that have no step in stream.cu, in order. */
    static List<Indicator> unsupported(List<Indicator> indicators) {
        return indicators.stream().filter(i -> of(i).isEmpty()).toList();
    }

    private static int period(Indicator ind) {
        return ind.intParam("timeperiod");
    }
}
