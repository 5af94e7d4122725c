/**
 * Parameter sweeps and universe screens: many specs computed over a panel in one call, reduced where they are
 * computed. {@link org.hybridta.sweep.Sweep} is one function over a grid of parameters, whose result is a
 * {@link org.hybridta.sweep.SweepCube} (symbol × parameter set × bar) or a {@link org.hybridta.sweep.SweepSummary}
 * of {@link org.hybridta.sweep.Reduction}s; {@link org.hybridta.sweep.Screen} is a condition on the latest bars
 * ({@code rsi:14 < 30 and close > sma:200}) whose answer is a {@link org.hybridta.sweep.ScreenResult}. A
 * {@link org.hybridta.sweep.SweepEngine} from {@link org.hybridta.sweep.Sweeps#open} computes them: the CPU's here,
 * the GPU's in hybridta-cuda ({@link org.hybridta.sweep.SweepEngineProvider}), which sends back only reductions and
 * matching symbols.
 */
package org.hybridta.sweep;
