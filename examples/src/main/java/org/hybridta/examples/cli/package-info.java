/**
 * The {@code hybridta} command line: {@link org.hybridta.examples.cli.HybridTa} is the top command
 * (main class of {@code examples/target/hybridta.jar}); each subcommand is one class here
 * ({@code compute}: {@link org.hybridta.examples.cli.ComputeCommand}), sharing option mixins such as
 * {@link org.hybridta.examples.cli.BackendChoice}. Failures become one line on stderr, {@code hybridta: …},
 * through {@link org.hybridta.examples.cli.Failures}; exit codes are in {@link org.hybridta.examples.cli.HybridTa}.
 */
package org.hybridta.examples.cli;
