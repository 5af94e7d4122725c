/**
 * The conformance suite every compute backend runs, shipped in hybridta-core's test-jar:
 * {@link org.hybridta.conformance.BackendConformanceTest} (extend it and return the backend),
 * the TA-Lib reference {@link org.hybridta.conformance.TaLibOracle}, the comparison rule
 * {@link org.hybridta.conformance.Tolerance}, and the test data: seeded synthetic series
 * ({@link org.hybridta.conformance.RandomBars}) and a realistic daily CSV
 * ({@link org.hybridta.conformance.RealisticBars}).
 */
package org.hybridta.conformance;
