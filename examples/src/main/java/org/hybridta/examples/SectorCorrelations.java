package org.hybridta.examples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.hybridta.Universe;
import org.hybridta.source.Constituent;
import org.hybridta.xsection.AlignedReturns;
import org.hybridta.xsection.CorrelationHeatmap;
import org.hybridta.xsection.CrossSection;
import org.hybridta.xsection.CrossSectionResult;
import org.hybridta.xsection.SymbolMatrix;

/**
 * Cross-sectional analytics on your own returns ({@link AlignedReturns#of}): a factor model of the S&amp;P 500 (each
 * day a market return, a return per GICS sector and each stock's own; loadings drawn per stock), two years of it,
 * through {@link CrossSection#analyze}, then the correlation heatmap ordered by sector and the mean correlation within
 * and across sectors. (The synthetic quote source's symbols move independently, so their heatmap is flat; this one
 * shows the block structure a real market has.)
 *
 * <pre>java -cp examples/target/hybridta.jar org.hybridta.examples.SectorCorrelations [PNG [BACKEND]]</pre>
 */
public final class SectorCorrelations {
    private SectorCorrelations() {}

    public static void main(String[] args) throws Exception {
        Path png = Path.of(args.length > 0 ? args[0] : "out/sector-correlations.png");
        String backend = args.length > 1 ? args[1] : "auto";
        List<Constituent> members = Universe.sp500().members();
        int days = 504;
        SplittableRandom r = new SplittableRandom(2024);
        double[] market = new double[days];
        for (int t = 0; t < days; t++) market[t] = 0.009 * r.nextGaussian();
        Map<String, double[]> sectorReturns = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        Map<String, String> sectorOf = new HashMap<>();
        for (Constituent c : members) {
            double[] sector = sectorReturns.computeIfAbsent(c.sector(), s -> {
                double[] f = new double[days];
                for (int t = 0; t < days; t++) f[t] = 0.007 * r.nextGaussian();
                return f;
            });
            double beta = 0.6 + 0.8 * r.nextDouble(), loading = 0.5 + r.nextDouble(), own = 0.008 + 0.012 * r.nextDouble();
            double[] row = new double[days];
            for (int t = 0; t < days; t++) row[t] = beta * market[t] + loading * sector[t] + own * r.nextGaussian();
            rows.add(row);
            symbols.add(c.symbol());
            sectorOf.put(c.symbol(), c.sector());
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2023, 1, 3); dates.size() < days; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) dates.add(d);
        }
        AlignedReturns returns = AlignedReturns.of(symbols, dates, rows);

        CrossSectionResult result = CrossSection.builder().backend(backend).build().analyze(returns);
        SymbolMatrix corr = result.last().correlation().orElseThrow();
        double within = 0, across = 0;
        long nWithin = 0, nAcross = 0;
        for (int i = 0; i < corr.size(); i++) {
            for (int j = i + 1; j < corr.size(); j++) {
                boolean same = sectorOf.get(symbols.get(i)).equals(sectorOf.get(symbols.get(j)));
                if (same) {
                    within += corr.get(i, j);
                    nWithin++;
                } else {
                    across += corr.get(i, j);
                    nAcross++;
                }
            }
        }
        java.nio.file.Files.createDirectories(png.toAbsolutePath().getParent());
        CorrelationHeatmap.write(corr, sectorOf, "Correlation of a factor model of the S&P 500 (market + sector + own returns, "
                + days + " days)", png);
        System.out.printf(Locale.ROOT, "%d symbols x %d days on %s in %d ms; mean correlation within sectors %.3f, across %.3f; wrote %s%n",
                corr.size(), days, result.engine(), result.computeTime().toMillis(), within / nWithin, across / nAcross, png);
    }
}
