package org.hybridta.functions;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.hybridta.indicator.Indicator;

/**
 * The streaming state of one {@link Indicator} on one series ({@link Functions#step}): each {@link #update} consumes
 * the next bar in O(1) amortised time and writes that bar's outputs, exactly the batch kernel's values. The state can
 * be copied into another step of the same indicator (a peek's scratch copy) and written to bytes and read back (a
 * snapshot), without any code per function. Not thread-safe: one series, one thread at a time. The public face is
 * {@code org.hybridta.stream.IndicatorStream}.
 */
public final class IndicatorStep {
    private final Indicator indicator;
    private final Step step;
    private final StateWalker walker = new StateWalker();

    IndicatorStep(Indicator indicator, Step step) {
        this.indicator = indicator;
        this.step = step;
    }

    /** The indicator computed. */
    public Indicator indicator() { return indicator; }

    /**
     * Consumes the next bar.
     *
     * @param in  this bar's input values, in the order of {@link Indicator#inputFields()}
     * @param out receives this bar's outputs, in the order of {@link Indicator#outputs()}: {@code NaN} before the lookback
     */
    public void update(double[] in, double[] out) {
        step.update(in, out);
    }

    /** Sets this step's state to {@code other}'s, which must be a step of the same indicator. */
    public void copyFrom(IndicatorStep other) {
        if (other.indicator != indicator && !other.indicator.equals(indicator)) throw new IllegalArgumentException("cannot copy the state of " + other.indicator + " into " + indicator);
        walker.copy(other.step, step);
    }

    /** Writes the state's values (not its structure: a step of the same indicator reads them back). */
    public void writeState(DataOutput out) throws IOException {
        walker.write(step, out);
    }

    /**
     * Reads values written by {@link #writeState} of a step of the same indicator.
     *
     * @throws IllegalArgumentException if they do not fit this step (the message says where)
     */
    public void readState(ByteBuffer in) {
        walker.read(step, in);
    }

    /**
     * A hash of the state's structure (its classes and their fields): equal for every step of this indicator made by
     * the same version of HybridTA, so that state written by another version is refused before it is read.
     */
    public long shape() {
        return StateWalker.shape(step);
    }

    @Override public String toString() { return "step of " + indicator; }
}
