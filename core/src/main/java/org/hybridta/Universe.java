package org.hybridta;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hybridta.source.Constituent;

/**
 * A named list of symbols to compute: the S&amp;P 500 ({@link #sp500()}) or any list ({@link #of(String...)}).
 * Members keep their order; output follows it.
 */
public final class Universe {
    private static final String SP500_RESOURCE = "sp500.csv";
    private static final LocalDate SP500_AS_OF = LocalDate.of(2024, 6, 24);

    private final String name;
    private final LocalDate asOf;
    private final List<Constituent> members;
    /** Members by upper-case symbol and Yahoo symbol, the first member listed winning: {@link #find} in constant time. */
    private final Map<String, Constituent> index;

    private Universe(String name, LocalDate asOf, List<Constituent> members) {
        this.name = name;
        this.asOf = asOf;
        this.members = List.copyOf(members);
        Set<String> seen = new HashSet<>();
        for (Constituent c : this.members) {
            if (!seen.add(c.symbol())) throw new IllegalArgumentException("symbol " + c.symbol() + " is listed twice in universe " + name);
        }
        Map<String, Constituent> byName = new HashMap<>(this.members.size() * 4);
        for (Constituent c : this.members) {
            byName.putIfAbsent(c.symbol().toUpperCase(Locale.ROOT), c);
            byName.putIfAbsent(c.yahooSymbol().toUpperCase(Locale.ROOT), c);
        }
        this.index = byName;
    }

    /**
     * The S&amp;P 500 constituents (503 share classes of about 500 companies) as of {@link #asOf()}, with
     * company names and GICS sectors, bundled with the library. Symbols are as S&amp;P lists them
     * ({@code BRK.B}); {@link Constituent#yahooSymbol()} has Yahoo's form ({@code BRK-B}).
     */
    public static Universe sp500() {
        return Sp500Holder.SP500;
    }

    /** A universe of the given symbols, in order; each symbol is used unchanged at every source. */
    public static Universe of(String... symbols) {
        return of(Arrays.asList(symbols));
    }

    /** A universe of the given symbols, in order; each symbol is used unchanged at every source. */
    public static Universe of(List<String> symbols) {
        List<Constituent> members = new ArrayList<>(symbols.size());
        for (String s : symbols) {
            Objects.requireNonNull(s, "symbol");
            String symbol = s.strip();
            if (symbol.isEmpty()) throw new IllegalArgumentException("empty symbol in the symbol list");
            members.add(Constituent.of(symbol));
        }
        return new Universe("custom", null, members);
    }

    /** A universe of the given constituents. */
    public static Universe ofConstituents(String name, List<Constituent> members) {
        return new Universe(name, null, members);
    }

    public String name() { return name; }

    /** The date the membership list describes, when known. */
    public Optional<LocalDate> asOf() { return Optional.ofNullable(asOf); }

    public List<Constituent> members() { return members; }

    public int size() { return members.size(); }

    public boolean isEmpty() { return members.isEmpty(); }

    /** The members' symbols, in order. */
    public List<String> symbols() {
        return members.stream().map(Constituent::symbol).toList();
    }

    /** The first {@code n} members (all of them when there are fewer), e.g. for a quick trial run. */
    public Universe first(int n) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, was " + n);
        return new Universe(name, asOf, members.subList(0, Math.min(n, members.size())));
    }

    /** The member with this symbol (as listed, or in its Yahoo form), if any. */
    public Optional<Constituent> find(String symbol) {
        return Optional.ofNullable(index.get(symbol.toUpperCase(Locale.ROOT)));
    }

    @Override public String toString() {
        return "Universe[" + name + ", " + members.size() + " members" + (asOf == null ? "" : ", as of " + asOf) + "]";
    }

    /** Loads the bundled list once, on first use. */
    private static final class Sp500Holder {
        static final Universe SP500 = load();

        private static Universe load() {
            try (InputStream in = Universe.class.getResourceAsStream(SP500_RESOURCE)) {
                if (in == null) throw new IllegalStateException("the bundled S&P 500 list " + SP500_RESOURCE + " is missing from the class path");
                CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
                List<Constituent> members = new ArrayList<>(510);
                for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String symbol = row.get("symbol");
                    // Yahoo writes share classes with a dash: BRK.B -> BRK-B
                    members.add(new Constituent(symbol, row.get("name"), row.get("sector"), symbol.replace('.', '-')));
                }
                return new Universe("sp500", SP500_AS_OF, members);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled S&P 500 list", e);
            }
        }
    }
}
