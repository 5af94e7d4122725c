package org.hybridta.yahoo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds chart answers in the shape of Yahoo's v8 API ({@code {"chart":{"result":[{"meta":…,"timestamp":[…],
 * "events":…,"indicators":{"quote":[…],"adjclose":[…]}}],"error":null}}}). Values are written as raw tokens,
 * so a test can put {@code null}, bare {@code Infinity} or {@code NaN} where Yahoo does.
 *
 * <p>Public, in this module's test-jar, for other modules' tests.
 */
public final class ChartJson {
    private final String symbol;
    private final ZoneId zone;
    private LocalTime time = LocalTime.of(9, 30);
    private String currency = "USD";
    private boolean adjClose = true;
    private final List<long[]> timestamps = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();   // open, high, low, close, adjclose, volume
    private final List<String> dividends = new ArrayList<>();
    private final List<String> splits = new ArrayList<>();

    private ChartJson(String symbol, String zone) {
        this.symbol = symbol;
        this.zone = ZoneId.of(zone);
    }

    public static ChartJson chart(String symbol, String exchangeTimezoneName) { return new ChartJson(symbol, exchangeTimezoneName); }

    /** Local time of day of the bars added with {@link #bar(LocalDate, double, double, double, double, double, long)}. */
    public ChartJson at(LocalTime t) {
        this.time = t;
        return this;
    }

    public ChartJson currency(String c) {
        this.currency = c;
        return this;
    }

    /** Leave out {@code indicators.adjclose} altogether. */
    public ChartJson withoutAdjClose() {
        this.adjClose = false;
        return this;
    }

    public ChartJson bar(LocalDate date, double open, double high, double low, double close, double adj, long volume) {
        return row(epoch(date.atTime(time)), tok(open), tok(high), tok(low), tok(close), tok(adj), Long.toString(volume));
    }

    /** A row with raw JSON tokens, e.g. {@code "null"} or {@code "Infinity"}. */
    public ChartJson row(long epochSecond, String open, String high, String low, String close, String adj, String volume) {
        timestamps.add(new long[] {epochSecond});
        rows.add(new String[] {open, high, low, close, adj, volume});
        return this;
    }

    public ChartJson dividend(LocalDate date, double amount) {
        long t = epoch(date.atTime(time));
        dividends.add("\"" + t + "\":{\"amount\":" + amount + ",\"date\":" + t + "}");
        return this;
    }

    public ChartJson split(LocalDate date, int numerator, int denominator) {
        long t = epoch(date.atTime(time));
        splits.add("\"" + t + "\":{\"date\":" + t + ",\"numerator\":" + numerator + ".0,\"denominator\":" + denominator
                + ".0,\"splitRatio\":\"" + numerator + ":" + denominator + "\"}");
        return this;
    }

    public long epoch(LocalDateTime local) { return local.atZone(zone).toEpochSecond(); }

    public String json() {
        StringBuilder b = new StringBuilder(256 + rows.size() * 64);
        int offset = timestamps.isEmpty() ? 0 : zone.getRules().getOffset(java.time.Instant.now()).getTotalSeconds();
        b.append("{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"").append(currency).append("\",\"symbol\":\"").append(symbol)
                .append("\",\"exchangeName\":\"XXX\",\"instrumentType\":\"EQUITY\",\"firstTradeDate\":345479400,")
                .append("\"regularMarketTime\":1735333200,\"gmtoffset\":").append(offset)
                .append(",\"timezone\":\"").append(zone.getRules().isDaylightSavings(java.time.Instant.now()) ? "DST" : "STD")
                .append("\",\"exchangeTimezoneName\":\"").append(zone.getId())
                .append("\",\"priceHint\":2,\"dataGranularity\":\"1d\",\"range\":\"\",\"validRanges\":[\"1d\",\"5d\",\"1mo\",\"max\"]}");
        if (!timestamps.isEmpty()) {
            b.append(",\"timestamp\":[");
            for (int i = 0; i < timestamps.size(); i++) b.append(i == 0 ? "" : ",").append(timestamps.get(i)[0]);
            b.append(']');
        }
        if (!dividends.isEmpty() || !splits.isEmpty()) {
            b.append(",\"events\":{");
            if (!dividends.isEmpty()) b.append("\"dividends\":{").append(String.join(",", dividends)).append('}');
            if (!splits.isEmpty()) b.append(dividends.isEmpty() ? "" : ",").append("\"splits\":{").append(String.join(",", splits)).append('}');
            b.append('}');
        }
        b.append(",\"indicators\":{\"quote\":[{");
        if (!rows.isEmpty()) {
            String[] names = {"open", "high", "low", "close"};
            for (int f = 0; f < 4; f++) b.append(column(names[f], f)).append(',');
            b.append(column("volume", 5));
        }
        b.append("}]");
        if (adjClose && !rows.isEmpty()) b.append(",\"adjclose\":[{").append(column("adjclose", 4)).append("}]");
        b.append("}}],\"error\":null}}");
        return b.toString();
    }

    private String column(String name, int f) {
        StringBuilder b = new StringBuilder("\"").append(name).append("\":[");
        for (int i = 0; i < rows.size(); i++) b.append(i == 0 ? "" : ",").append(rows.get(i)[f]);
        return b.append(']').toString();
    }

    private static String tok(double v) {
        return Double.toString(v);   // "Infinity" and "NaN" come out bare, as Yahoo writes them
    }

    /** Yahoo's answer for an unknown symbol (with HTTP 404). */
    public static String notFound() {
        return "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\",\"description\":\"No data found, symbol may be delisted\"}}}";
    }
}
