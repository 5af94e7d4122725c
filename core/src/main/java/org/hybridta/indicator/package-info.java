/**
 * The indicator catalog: one immutable, validated record per indicator ({@link org.hybridta.indicator.Ema},
 * {@link org.hybridta.indicator.Macd}, ...), built through {@link org.hybridta.indicator.Indicators}, which
 * also parses the text form of the command line. Specs describe; backends compute.
 */
package org.hybridta.indicator;
