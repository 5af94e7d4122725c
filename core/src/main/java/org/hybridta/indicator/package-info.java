/**
 * Indicator specs and the catalog's public metadata: {@link org.hybridta.indicator.Indicator} (a TA-Lib function
 * with checked parameter values), built by {@link org.hybridta.indicator.Indicators} (factories, {@code of}, the
 * text-form parser), and the records describing every function ({@link org.hybridta.indicator.FunctionInfo},
 * {@link org.hybridta.indicator.ParamInfo}, {@link org.hybridta.indicator.InputInfo},
 * {@link org.hybridta.indicator.OutputInfo}). Specs describe; backends compute.
 */
package org.hybridta.indicator;
