package org.hybridta.yahoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hybridta.BarSeries;
import org.hybridta.io.UntrustedText;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;

/**
 * Turns the body of Yahoo's v8 chart answer into a {@link YahooChart}: dates in the exchange's time zone,
 * rows outside {@code [from, to)} and rows without prices dropped, duplicate dates resolved to the last row,
 * missing adjusted closes derived. Anything that is not the expected JSON becomes a {@code BAD_DATA} failure
 * whose reason says what was wrong.
 */
final class ChartParser {
    /**
     * Yahoo has been seen writing bare {@code Infinity}/{@code -Infinity}/{@code NaN} in {@code adjclose}
     * (not valid JSON); accept them rather than lose the whole answer. Trailing tokens are an error, so a body
     * with junk after the object is not taken for a good one.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]{0,200})</title>", Pattern.CASE_INSENSITIVE);

    private ChartParser() {}

    /** Yahoo's {@code chart.error} (or {@code finance.error}) code and description, when the body carries one. */
    record YahooError(String code, String description) {
        /** "code: description", or whichever of them is present. */
        String text() {
            if (code.isEmpty()) return description;
            if (description.isEmpty()) return code;
            return code + ": " + description;
        }
    }

    /** The error object of a body that is JSON in Yahoo's shape; empty for anything else. */
    static Optional<YahooError> error(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null) return Optional.empty();
        for (String top : new String[] {"chart", "finance"}) {
            JsonNode err = root.path(top).path("error");
            if (err.isObject()) return Optional.of(new YahooError(err.path("code").asText(""), err.path("description").asText("")));
        }
        return Optional.empty();
    }

    /** A short description of a body that is not JSON, for a failure reason, e.g. {@code an HTML page ("Yahoo")}. */
    static String describeNonJson(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8).strip();
        if (head.isEmpty()) return "an empty body";
        if (head.startsWith("<")) {
            Matcher m = TITLE.matcher(head);
            return m.find() ? "an HTML page (title " + UntrustedText.quote(m.group(1).strip().replaceAll("\\s+", " ")) + ")" : "an HTML page";
        }
        return "text that is not JSON (" + UntrustedText.quote(head.lines().findFirst().orElse("")) + ")";
    }

    static YahooChart parse(byte[] body, Constituent constituent, LocalDate from, LocalDate to) throws YahooFetchException {
        String symbol = constituent.symbol();
        JsonNode root = readJson(body, symbol);

        JsonNode chart = root.path("chart");
        if (!chart.isObject()) throw bad(symbol, "Yahoo's answer has no \"chart\" object");
        JsonNode err = chart.path("error");
        if (err.isObject()) {
            YahooError e = new YahooError(err.path("code").asText(""), err.path("description").asText(""));
            if (e.code().equalsIgnoreCase("Not Found")) {
                throw new YahooFetchException(symbol, FailureKind.NOT_FOUND, "symbol not found at Yahoo (" + UntrustedText.quote(e.description()) + ")");
            }
            throw new YahooFetchException(symbol, FailureKind.ERROR, "Yahoo answered with an error (" + e.text() + ")");
        }
        JsonNode results = chart.path("result");
        if (!results.isArray() || results.isEmpty() || results.get(0).isNull()) {
            throw noData(symbol, from, to, "");
        }
        JsonNode result = results.get(0);
        JsonNode meta = result.path("meta");
        JsonNode answered = meta.path("symbol");
        if (answered.isTextual() && !sameYahooSymbol(answered.asText(), constituent.yahooSymbol())) {
            throw bad(symbol, "Yahoo answered with the chart of " + UntrustedText.quote(answered.asText()) + ", not of " + constituent.yahooSymbol());
        }
        ZoneId zone = zone(meta, symbol);
        String currency = meta.path("currency").isTextual() ? meta.path("currency").asText() : "";

        JsonNode ts = result.path("timestamp");
        List<YahooChart.Dividend> dividends = new ArrayList<>();
        List<YahooChart.Split> splits = new ArrayList<>();
        readEvents(result.path("events"), zone, from, to, dividends, splits, symbol);
        if (ts.isMissingNode() || ts.isNull() || (ts.isArray() && ts.isEmpty())) {
            throw noData(symbol, from, to, "");
        }
        if (!ts.isArray()) throw bad(symbol, "Yahoo's \"timestamp\" is not an array");
        int n = ts.size();

        JsonNode quote = result.path("indicators").path("quote").path(0);
        if (!quote.isObject()) throw bad(symbol, "Yahoo's answer has timestamps but no \"indicators.quote\"");
        double[] open = column(quote, "open", n, symbol);
        double[] high = column(quote, "high", n, symbol);
        double[] low = column(quote, "low", n, symbol);
        double[] close = column(quote, "close", n, symbol);
        double[] volume = column(quote, "volume", n, symbol);
        JsonNode adjNode = result.path("indicators").path("adjclose").path(0);
        double[] adj = adjNode.isObject() && adjNode.has("adjclose") ? column(adjNode, "adjclose", n, symbol) : null;

        // Rows in range with usable prices; a null volume (indices, currencies) counts as 0.
        List<Row> rows = new ArrayList<>(n);
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            JsonNode t = ts.get(i);
            if (!t.isIntegralNumber()) throw bad(symbol, "Yahoo's timestamp[" + i + "] is " + t + ", not a whole number of seconds");
            long epochSecond = t.asLong();
            LocalDate date = date(epochSecond, zone);
            if (date.isBefore(from) || !date.isBefore(to)) continue;
            double v = Double.isNaN(volume[i]) ? 0 : volume[i];
            boolean ok = Double.isFinite(open[i]) && Double.isFinite(high[i]) && Double.isFinite(low[i])
                    && Double.isFinite(close[i]) && Double.isFinite(v) && v >= 0;
            if (!ok) {
                dropped++;
                continue;
            }
            rows.add(new Row(i, epochSecond, date));
        }
        // Oldest first; of several rows on one date the last (latest timestamp, then latest in the answer) wins —
        // Yahoo repeats the current day as a second, live row.
        rows.sort(Comparator.comparingLong(Row::epochSecond).thenComparingInt(Row::index));
        List<Row> unique = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).date().equals(r.date())) unique.set(unique.size() - 1, r);
            else unique.add(r);
        }
        if (unique.isEmpty()) {
            throw noData(symbol, from, to, dropped == 0 ? "" : " (" + dropped + " rows without prices dropped)");
        }

        int m = unique.size();
        int[] days = new int[m];
        double[] o = new double[m], h = new double[m], l = new double[m], c = new double[m], a = new double[m], vol = new double[m];
        for (int k = 0; k < m; k++) {
            int i = unique.get(k).index();
            days[k] = Math.toIntExact(unique.get(k).date().toEpochDay());
            o[k] = open[i];
            h[k] = high[i];
            l[k] = low[i];
            c[k] = close[i];
            a[k] = adj == null ? Double.NaN : adj[i];
            vol[k] = Double.isNaN(volume[i]) ? 0 : volume[i];
        }
        int filled = fillAdjClose(c, a);

        BarSeries series;
        try {
            series = BarSeries.of(symbol, days, o, h, l, c, a, vol);
        } catch (IllegalArgumentException e) {
            throw bad(symbol, "Yahoo's bars are not usable: " + e.getMessage());
        }
        return new YahooChart(series, constituent.yahooSymbol(), zone, currency,
                dividends.stream().sorted(Comparator.comparing(YahooChart.Dividend::exDate)).toList(),
                splits.stream().sorted(Comparator.comparing(YahooChart.Split::date)).toList(),
                dropped, filled);
    }

    /**
     * Whether Yahoo's {@code meta.symbol} names the symbol asked for. Yahoo answers in its own spelling: upper case,
     * and share classes with a dash ({@code brk.b} and {@code BRK.B} are answered as {@code BRK-B}).
     */
    static boolean sameYahooSymbol(String answered, String asked) {
        return canonical(answered).equals(canonical(asked));
    }

    private static String canonical(String yahooSymbol) {
        return yahooSymbol.strip().toUpperCase(Locale.ROOT).replace('.', '-');
    }

    /**
     * Fills non-finite adjusted closes from the close times the adjustment factor (adjclose / close) of the
     * nearest later bar that has one — Yahoo's factors are fixed backwards from the latest bar and change only
     * on ex-dividend dates — or, failing that, of the nearest earlier one; with no factor anywhere, the close.
     *
     * @return how many values were filled
     */
    static int fillAdjClose(double[] close, double[] adj) {
        int n = close.length;
        double[] factor = new double[n];
        Arrays.fill(factor, Double.NaN);
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(adj[i]) && close[i] != 0) {
                double f = adj[i] / close[i];
                if (Double.isFinite(f)) factor[i] = f;
            }
        }
        int filled = 0;
        double next = Double.NaN;
        double[] later = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            later[i] = next;
            if (!Double.isNaN(factor[i])) next = factor[i];
        }
        double previous = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(adj[i])) {
                double f = !Double.isNaN(later[i]) ? later[i] : !Double.isNaN(previous) ? previous : 1.0;
                adj[i] = close[i] * f;
                filled++;
            }
            if (!Double.isNaN(factor[i])) previous = factor[i];
        }
        return filled;
    }

    private static JsonNode readJson(byte[] body, String symbol) throws YahooFetchException {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) throw bad(symbol, "Yahoo answered with an empty body");
            if (!root.isObject()) throw bad(symbol, "Yahoo's answer is JSON but not an object");
            return root;
        } catch (JsonEOFException e) {
            throw bad(symbol, "Yahoo's JSON answer is truncated (it ends after " + body.length + " bytes)");
        } catch (StreamReadException e) {
            String what = describeNonJson(body);
            if (what.startsWith("an HTML page")) throw bad(symbol, "Yahoo answered with " + what + ", not JSON (an outage or consent page?)");
            throw bad(symbol, "Yahoo's answer is not valid JSON: " + firstLine(e.getOriginalMessage())
                    + " at byte " + e.getLocation().getByteOffset());
        } catch (JsonProcessingException e) {
            throw bad(symbol, "Yahoo's answer is not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw bad(symbol, "Yahoo's answer could not be read: " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static ZoneId zone(JsonNode meta, String symbol) throws YahooFetchException {
        JsonNode name = meta.path("exchangeTimezoneName");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw bad(symbol, "Yahoo's answer has no meta.exchangeTimezoneName, so its trading dates are unknown");
        }
        try {
            return ZoneId.of(name.asText());
        } catch (DateTimeException e) {
            throw bad(symbol, "Yahoo's meta.exchangeTimezoneName " + UntrustedText.quote(name.asText()) + " is not a known time zone");
        }
    }

    private static LocalDate date(long epochSecond, ZoneId zone) {
        return Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
    }

    /** A numeric column; {@code null} entries (and a missing column) become NaN. */
    private static double[] column(JsonNode parent, String field, int n, String symbol) throws YahooFetchException {
        JsonNode node = parent.path(field);
        double[] out = new double[n];
        if (node.isMissingNode() || node.isNull()) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        if (!node.isArray()) throw bad(symbol, "Yahoo's \"" + field + "\" is not an array");
        if (node.size() != n) {
            throw bad(symbol, "Yahoo's \"" + field + "\" has " + node.size() + " values but there are " + n + " timestamps");
        }
        for (int i = 0; i < n; i++) {
            JsonNode v = node.get(i);
            if (v.isNumber()) out[i] = v.asDouble();
            else if (v.isNull()) out[i] = Double.NaN;
            else if (v.isTextual() && isNonFiniteWord(v.asText())) out[i] = Double.NaN;
            else throw bad(symbol, "Yahoo's " + field + "[" + i + "] is " + v + ", not a number");
        }
        return out;
    }

    private static boolean isNonFiniteWord(String s) {
        return switch (s) {
            case "NaN", "Infinity", "-Infinity", "+Infinity", "inf", "-inf" -> true;
            default -> false;
        };
    }

    private static void readEvents(JsonNode events, ZoneId zone, LocalDate from, LocalDate to,
                                   List<YahooChart.Dividend> dividends, List<YahooChart.Split> splits, String symbol) throws YahooFetchException {
        if (!events.isObject()) return;
        for (Iterator<JsonNode> it = events.path("dividends").elements(); it.hasNext(); ) {
            JsonNode d = it.next();
            LocalDate date = eventDate(d, zone).orElseThrow(() -> bad(symbol, "a dividend in Yahoo's answer has no date: " + UntrustedText.cap(d.toString())));
            double amount = d.path("amount").asDouble(Double.NaN);
            if (!Double.isFinite(amount)) throw bad(symbol, "a dividend in Yahoo's answer has no amount: " + UntrustedText.cap(d.toString()));
            if (!date.isBefore(from) && date.isBefore(to)) dividends.add(new YahooChart.Dividend(date, amount));
        }
        for (Iterator<JsonNode> it = events.path("splits").elements(); it.hasNext(); ) {
            JsonNode s = it.next();
            LocalDate date = eventDate(s, zone).orElseThrow(() -> bad(symbol, "a split in Yahoo's answer has no date: " + UntrustedText.cap(s.toString())));
            double num = s.path("numerator").asDouble(Double.NaN);
            double den = s.path("denominator").asDouble(Double.NaN);
            if (!(Double.isFinite(num) && Double.isFinite(den) && num > 0 && den > 0)) {
                throw bad(symbol, "a split in Yahoo's answer has no usable ratio: " + UntrustedText.cap(s.toString()));
            }
            if (!date.isBefore(from) && date.isBefore(to)) splits.add(new YahooChart.Split(date, num, den));
        }
    }

    private static Optional<LocalDate> eventDate(JsonNode event, ZoneId zone) {
        JsonNode d = event.path("date");
        return d.isIntegralNumber() ? Optional.of(date(d.asLong(), zone)) : Optional.empty();
    }

    private static YahooFetchException bad(String symbol, String reason) {
        return new YahooFetchException(symbol, FailureKind.BAD_DATA, reason);
    }

    private static YahooFetchException noData(String symbol, LocalDate from, LocalDate to, String detail) {
        return new YahooFetchException(symbol, FailureKind.NO_DATA,
                "no bars at Yahoo from " + from + " until " + to + " (exclusive)" + detail);
    }

    private record Row(int index, long epochSecond, LocalDate date) {}
}
