package org.hybridta.cuda;

import java.util.List;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;

/**
 * {@link EmulatedUniverseStreamTest}'s suite over other parameters of the streamed functions: short and long
 * windows, MACD's periods swapped, every moving-average type of BBANDS and STOCH, ATR's period 1 (TRANGE), SAR's
 * factors capped at the maximum; the functions streamed beyond the originals (stream_more.cuh); specs of other fields.
 */
class EmulatedUniverseStreamParamsTest extends EmulatedUniverseStreamTest {
    private static final List<Indicator> OTHERS = Indicators.parseList(String.join(",",
            "sma:2", "ema:3", "wma:7", "dema:4", "tema:5", "rsi:2", "rsi:30", "macd:26:12:5", "macd:5:35:2",
            "bbands:10:1.5:2.5:ema", "bbands:7:2:2:wma", "bbands:6:2:1:dema", "bbands:5:1:1:tema", "roc:1", "mom:25",
            "stoch:14:1:sma:1:sma", "stoch:9:4:ema:3:wma", "stoch:7:3:dema:2:tema", "stoch:3:5:wma:4:ema", "willr:2", "willr:40", "cci:2", "cci:30",
            "atr:1", "atr:7", "mfi:3", "mfi:30", "adx:2", "adx:30", "sar:0.05:0.3", "sar:0.3:0.2",
            // beyond the originals
            "rocp:1", "rocp:9", "rocr:4", "rocr100:12", "cmo:2", "cmo:14", "sum:2", "sum:30", "plus_dm:1", "plus_dm:14", "minus_dm:1", "minus_dm:9",
            "plus_di:1", "plus_di:14", "minus_di:1", "minus_di:20", "dx:2", "dx:14", "ad", "bop", "avgprice", "medprice", "typprice", "wclprice",
            // other input fields
            "sma:5@volume", "ema:7@open", "rsi:9@high", "bbands:5@adj_close"));

    @Override protected List<Indicator> specs() { return OTHERS; }
}
