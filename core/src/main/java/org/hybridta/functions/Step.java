package org.hybridta.functions;

/**
 * A function computed one bar at a time (the streaming form): the state of one series. Each call consumes the
 * next bar and writes that bar's outputs, {@code NaN} while the function is warming up (bars before its
 * lookback), exactly the values the batch kernel gives for the same bar.
 */
interface Step {
    /**
     * @param in  this bar's input values, in the order of the function's input fields
     *            ({@link org.hybridta.indicator.FunctionInfo#inputFieldCount()})
     * @param out receives this bar's output values, one per output
     */
    void update(double[] in, double[] out);
}
