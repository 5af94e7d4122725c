package org.hybridta.conformance;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;

/**
 * A TA-Lib C function prepared for series of one length: TA-Lib's parameter holder with the optional inputs
 * set, and native buffers for every input series and output. {@link #run()} is TA-Lib's {@code TA_CallFunc}
 * and nothing else (no copies, no allocation), so a JMH benchmark measures the C code itself:
 * <pre>{@code
 * try (TaLibCCall sma = TaLibC.prepare("SMA", close.length, 30)) {
 *     sma.input(0, close);
 *     sma.run();                                   // repeat as often as wanted
 *     TaLibCResult r = sma.result();               // outputs copied out, aligned to the input
 * }
 * }</pre>
 * Not thread-safe (one caller at a time); different instances run concurrently. Close it: the holder and
 * the buffers are native memory.
 */
public final class TaLibCCall implements AutoCloseable {
    private final TaLibCNative lib;
    private final TaLibCMeta meta;
    private final String description;
    private final int length;
    private final Pointer params;
    private final Memory[] series;          // one per input series, in meta.series() order
    private final boolean[] seriesSet;
    private final Memory[] outputs;
    private final IntByReference begIdx = new IntByReference();
    private final IntByReference nbElement = new IntByReference();
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean ran;

    private TaLibCCall(TaLibCNative lib, TaLibCMeta meta, String description, int length, Pointer params) {
        this.lib = lib;
        this.meta = meta;
        this.description = description;
        this.length = length;
        this.params = params;
        int nSeries = meta.series().size();
        this.series = new Memory[nSeries];
        this.seriesSet = new boolean[nSeries];
        this.outputs = new Memory[meta.outputs().size()];
    }

    /** Allocates the holder and the buffers and binds them; on any failure frees what it allocated. */
    static TaLibCCall open(TaLibCNative lib, Pointer handle, TaLibCMeta meta, int length, double[] optInputs) {
        if (length < 0) throw new IllegalArgumentException(meta.name() + ": length must be ≥ 0, was " + length);
        if (optInputs.length > meta.optInputs().size()) {
            throw new IllegalArgumentException(meta.name() + " takes " + meta.optInputs().size() + " optional inputs "
                    + meta.optInputs().stream().map(TaLibCMeta.OptInput::name).toList() + ", got " + optInputs.length);
        }
        String description = describe(meta, optInputs);
        PointerByReference holder = new PointerByReference();
        TaLibC.check(lib.TA_ParamHolderAlloc(handle, holder), description, "TA_ParamHolderAlloc");
        TaLibCCall call = new TaLibCCall(lib, meta, description, length, holder.getValue());
        try {
            call.bind(optInputs);
            return call;
        } catch (RuntimeException | Error e) {
            call.close();
            throw e;
        }
    }

    private void bind(double[] optInputs) {
        for (int i = 0; i < optInputs.length; i++) {
            TaLibCMeta.OptInput opt = meta.optInputs().get(i);
            double v = optInputs[i];
            if (opt.type().isInteger()) {
                if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(meta.name() + ": " + opt.name() + " takes an integer, got " + v);
                }
                TaLibC.check(lib.TA_SetOptInputParamInteger(params, i, (int) v), description, "TA_SetOptInputParamInteger");
            } else {
                TaLibC.check(lib.TA_SetOptInputParamReal(params, i, v), description, "TA_SetOptInputParamReal");
            }
        }
        int s = 0;
        for (int i = 0; i < meta.inputs().size(); i++) {
            TaLibCMeta.Input in = meta.inputs().get(i);
            switch (in.type()) {
                case PRICE -> {
                    Pointer[] fields = new Pointer[TaLibCMeta.PriceField.values().length];
                    for (TaLibCMeta.PriceField f : in.fields()) fields[f.ordinal()] = series[s++] = buffer(Double.BYTES);
                    TaLibC.check(lib.TA_SetInputParamPricePtr(params, i, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]),
                            description, "TA_SetInputParamPricePtr");
                }
                case REAL -> TaLibC.check(lib.TA_SetInputParamRealPtr(params, i, series[s++] = buffer(Double.BYTES)),
                        description, "TA_SetInputParamRealPtr");
                case INTEGER -> TaLibC.check(lib.TA_SetInputParamIntegerPtr(params, i, series[s++] = buffer(Integer.BYTES)),
                        description, "TA_SetInputParamIntegerPtr");
            }
        }
        for (int i = 0; i < outputs.length; i++) {
            if (meta.outputs().get(i).isInteger()) {
                TaLibC.check(lib.TA_SetOutputParamIntegerPtr(params, i, outputs[i] = buffer(Integer.BYTES)), description, "TA_SetOutputParamIntegerPtr");
            } else {
                TaLibC.check(lib.TA_SetOutputParamRealPtr(params, i, outputs[i] = buffer(Double.BYTES)), description, "TA_SetOutputParamRealPtr");
            }
        }
    }

    private Memory buffer(int elementBytes) {
        return new Memory((long) Math.max(1, length) * elementBytes);   // JNA refuses size 0
    }

    /** The function's metadata. */
    public TaLibCMeta meta() { return meta; }

    /** The length of every input series and output. */
    public int length() { return length; }

    /** Copies {@code values} into input series {@code index} (of {@link TaLibCMeta#series()}); integer series take whole numbers. */
    public TaLibCCall input(int index, double[] values) {
        checkOpen();
        if (index < 0 || index >= series.length) {
            throw new IllegalArgumentException(meta.name() + " takes " + series.length + " input series " + meta.series() + ", no series " + index);
        }
        if (values.length != length) {
            throw new IllegalArgumentException(description + ": series " + meta.series().get(index) + " has " + values.length
                    + " values, the call was prepared for " + length);
        }
        if (isIntegerSeries(index)) {
            int[] ints = new int[values.length];
            for (int i = 0; i < ints.length; i++) {
                if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(description + ": series " + meta.series().get(index) + " takes integers, bar " + i + " is " + values[i]);
                }
                ints[i] = (int) values[i];
            }
            series[index].write(0, ints, 0, ints.length);
        } else {
            series[index].write(0, values, 0, values.length);
        }
        seriesSet[index] = true;
        return this;
    }

    private boolean isIntegerSeries(int index) {
        int s = 0;
        for (TaLibCMeta.Input in : meta.inputs()) {
            s += in.series().size();
            if (index < s) return in.type() == TaLibCMeta.InputType.INTEGER;
        }
        throw new AssertionError(index);
    }

    /** TA-Lib's lookback for the optional inputs this call was prepared with ({@code TA_GetLookback}); -1 when TA-Lib refuses them. */
    public int lookback() {
        checkOpen();
        IntByReference lookback = new IntByReference();
        Lock lock = TaLibC.callLock();
        lock.lock();
        try {
            TaLibC.check(lib.TA_GetLookback(params, lookback), description, "TA_GetLookback");
        } finally {
            lock.unlock();
        }
        return lookback.getValue();
    }

    /**
     * Calls the function over the whole series ({@code TA_CallFunc(0, length - 1)}) and returns
     * {@code outNbElement}. A series of length 0 is not passed to TA-Lib (which refuses {@code endIdx < 0}):
     * it has no values.
     *
     * @throws IllegalStateException    when an input series was not set
     * @throws IllegalArgumentException when TA-Lib refuses the call (its return code, e.g. {@code TA_BAD_PARAM}, in the message)
     */
    public int run() {
        checkOpen();
        for (int i = 0; i < seriesSet.length; i++) {
            if (!seriesSet[i]) throw new IllegalStateException(description + ": input series " + meta.series().get(i) + " was not set");
        }
        ran = true;
        if (length == 0) {
            begIdx.setValue(0);
            nbElement.setValue(0);
            return 0;
        }
        Lock lock = TaLibC.callLock();
        lock.lock();
        try {
            TaLibC.check(lib.TA_CallFunc(params, 0, length - 1, begIdx, nbElement), description, "TA_CallFunc");
        } finally {
            lock.unlock();
        }
        return nbElement.getValue();
    }

    /** The last {@link #run()}'s outputs, copied into arrays as long as the input (NaN, or 0 for integers, where TA-Lib gives none). */
    public TaLibCResult result() {
        checkOpen();
        if (!ran) throw new IllegalStateException(description + ": result() before run()");
        int beg = begIdx.getValue(), nb = nbElement.getValue();
        List<TaLibCResult.Output> outs = new ArrayList<>(outputs.length);
        for (int i = 0; i < outputs.length; i++) {
            TaLibCMeta.Output o = meta.outputs().get(i);
            double[] values = new double[length];
            Arrays.fill(values, Double.NaN);
            if (o.isInteger()) {
                int[] ints = new int[length];
                outputs[i].read(0, ints, beg, nb);
                for (int b = beg; b < beg + nb; b++) values[b] = ints[b];
                outs.add(new TaLibCResult.Output(o.name(), true, values, ints));
            } else {
                outputs[i].read(0, values, beg, nb);
                outs.add(new TaLibCResult.Output(o.name(), false, values, new int[0]));
            }
        }
        return new TaLibCResult(meta.name(), length, beg, nb, outs);
    }

    /** Frees the parameter holder and the buffers; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        lib.TA_ParamHolderFree(params);
        for (Memory m : series) if (m != null) m.close();
        for (Memory m : outputs) if (m != null) m.close();
    }

    private void checkOpen() {
        if (closed.get()) throw new IllegalStateException(description + ": the call is closed");
    }

    /** {@code SMA(optInTimePeriod=30)}: the function and the optional inputs given, for messages. */
    private static String describe(TaLibCMeta meta, double[] optInputs) {
        StringBuilder b = new StringBuilder(meta.name()).append('(');
        for (int i = 0; i < optInputs.length; i++) {
            if (i > 0) b.append(", ");
            double v = optInputs[i];
            b.append(meta.optInputs().get(i).name()).append('=').append(v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v));
        }
        return b.append(')').toString();
    }
}
