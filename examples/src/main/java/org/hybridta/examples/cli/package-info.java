/**
 * The {@code hybridta} command line: {@link org.hybridta.examples.cli.HybridTa} is the top command
 * (main class of {@code examples/target/hybridta.jar}); each subcommand is one class here
 * ({@code run}: {@link org.hybridta.examples.cli.RunCommand}, {@code fetch}: {@link org.hybridta.examples.cli.FetchCommand},
 * {@code compute}: {@link org.hybridta.examples.cli.ComputeCommand}), sharing option mixins:
 * {@link org.hybridta.examples.cli.BackendChoice}, {@link org.hybridta.examples.cli.UniverseChoice},
 * {@link org.hybridta.examples.cli.DateRange}, {@link org.hybridta.examples.cli.SourceChoice} and
 * {@link org.hybridta.examples.cli.CacheChoice}. Failures become one line on stderr, {@code hybridta: …},
 * through {@link org.hybridta.examples.cli.Failures}; exit codes are in {@link org.hybridta.examples.cli.HybridTa}.
 */
package org.hybridta.examples.cli;
