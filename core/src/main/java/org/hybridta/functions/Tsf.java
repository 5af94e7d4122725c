package org.hybridta.functions;

/** TA-Lib's TSF, the time series forecast: the least-squares line extended one bar past the latest ({@link LinearRegFunction}). */
final class Tsf extends LinearRegFunction {
    Tsf() {
        super("tsf", "Time Series Forecast", Reading.FORECAST);
    }
}
