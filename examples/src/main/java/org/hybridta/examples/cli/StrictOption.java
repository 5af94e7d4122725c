package org.hybridta.examples.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --strict} option of {@code run}, {@code fetch} and {@code compute}: what to do with impossible bars
 * ({@link org.hybridta.BarChecks}). Without it they are kept and one warning per symbol names them; with it such a
 * symbol is refused (the others go on), and {@code compute} refuses its input.
 */
final class StrictOption {
    @Option(names = "--strict",
            description = "Refuse a symbol with impossible bars (a price of 0 or below, high below low, open or close outside "
                    + "[low, high], an absurd value such as 1.7E308) instead of warning and keeping them.")
    private boolean strict;

    boolean strict() { return strict; }
}
