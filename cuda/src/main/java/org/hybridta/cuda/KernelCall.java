package org.hybridta.cuda;

import java.util.List;
import org.hybridta.Field;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Adx;
import org.hybridta.indicator.Atr;
import org.hybridta.indicator.Bbands;
import org.hybridta.indicator.Cci;
import org.hybridta.indicator.Dema;
import org.hybridta.indicator.Ema;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Macd;
import org.hybridta.indicator.Mfi;
import org.hybridta.indicator.Mom;
import org.hybridta.indicator.Obv;
import org.hybridta.indicator.Roc;
import org.hybridta.indicator.Rsi;
import org.hybridta.indicator.Sma;
import org.hybridta.indicator.Stoch;
import org.hybridta.indicator.Tema;
import org.hybridta.indicator.Trange;
import org.hybridta.indicator.Willr;
import org.hybridta.indicator.Wma;

/**
 * How one indicator runs on the device: the kernel (one per indicator, all outputs in one pass), the
 * fields it reads in the order of the kernel's parameters, its scalar parameters, and the per-series
 * scratch ring it needs, and how its time axis may be cut ({@link Segments}). Kernel parameters are always
 * {@code (inputs..., outputs..., lengths, bars, segmentLength, halo, align, ints..., doubles..., [scratch])}.
 *
 * @param kernel      base name of the kernel in {@code hybridta.cu}, e.g. {@code macd}
 * @param inputs      the fields passed as the kernel's inputs, in order
 * @param outputs     number of outputs (the indicator's {@link Indicator#outputs()} in order)
 * @param ints        integer parameters
 * @param doubles     double parameters
 * @param ringDoubles doubles of ring memory per series (0: no scratch parameter); small rings live in shared
 *                    memory (the scratch parameter is then null), large ones in global scratch memory
 * @param halo        bars a time segment computes before its own ({@link Segments#halo}); -1: one segment only
 * @param align       a segment's computation starts at a multiple of this ({@link Segments#align})
 * @param ringInRegisters whether the kernel keeps its ring in registers (CCI up to period 32, see {@code hybridta.cu}):
 *                    then it needs neither shared nor global ring memory, and reserving any would only leave
 *                    room for fewer blocks on a multiprocessor
 */
record KernelCall(String kernel, List<Field> inputs, int outputs, int[] ints, double[] doubles, int ringDoubles, int halo, int align,
                  boolean ringInRegisters) {
    private static final List<Field> CLOSE = List.of(Field.CLOSE);
    private static final List<Field> HLC = List.of(Field.HIGH, Field.LOW, Field.CLOSE);

    /** Ring bytes one block (32 series) may keep in shared memory; larger rings go to global scratch memory. */
    static final int SHARED_RING_LIMIT = 64 << 10;

    /** Whether the kernel's rings live in the block's shared memory (then it is passed no scratch pointer). */
    boolean ringInShared() {
        return ringDoubles > 0 && !ringInRegisters && ringDoubles * 8L * ChunkPlan.GROUP <= SHARED_RING_LIMIT;
    }

    /** Dynamic shared memory of one block. */
    int sharedBytes() {
        return ringInShared() ? ringDoubles * 8 * ChunkPlan.GROUP : 0;
    }

    /** Global scratch doubles per series (0 when the ring is in shared memory or there is none). */
    int globalRingDoubles() {
        return ringDoubles > 0 && !ringInRegisters && !ringInShared() ? ringDoubles : 0;
    }

    /**
     * Warps a block of the kernel has for its group of 32 series: 2 for MFI, whose bars' independent work (typical
     * price, money flows) one warp computes while another keeps the sums ({@code mfiSplit} in hybridta.cu); else 1.
     */
    int warps() {
        return kernel.equals("mfi") ? 2 : 1;
    }

    /** The entry point for a precision, e.g. {@code ema_f64}. */
    String entry(Precision precision) {
        return kernel + (precision == Precision.FLOAT ? "_f32" : "_f64");
    }

    /**
     * Appends the kernel's scalar arguments, which follow its inputs, outputs and the lengths pointer: bars,
     * the segments' length, halo and alignment, then the indicator's int and double parameters.
     */
    void addScalars(List<Object> args, int bars, Segments segments) {
        args.add(bars);
        args.add(segments.length());
        args.add(segments.halo());
        args.add(segments.align());
        for (int v : ints) args.add(v);
        for (double v : doubles) args.add(v);
    }

    /** The launch of {@code ind}; every catalog indicator has one. */
    static KernelCall of(Indicator ind) {
        Base b = base(ind);
        return new KernelCall(b.kernel, b.inputs, b.outputs, b.ints, b.doubles, b.ringDoubles, Segments.halo(ind), Segments.align(ind),
                ringInRegisters(ind));
    }

    /** The condition under which {@code cci} in {@code hybridta.cu} keeps its ring in registers. */
    static boolean ringInRegisters(Indicator ind) {
        return ind instanceof Cci x && x.period() <= 32;
    }

    private record Base(String kernel, List<Field> inputs, int outputs, int[] ints, double[] doubles, int ringDoubles) {}

    private static Base base(Indicator ind) {
        if (ind instanceof Sma x) return simple("sma", x.period());
        if (ind instanceof Ema x) return simple("ema", x.period());
        if (ind instanceof Wma x) {
            int divider = (x.period() * (x.period() + 1)) >> 1;  // TA-Lib's int arithmetic, overflow included
            return new Base("wma", CLOSE, 1, new int[] {x.period(), divider}, new double[0], 0);
        }
        if (ind instanceof Dema x) return simple("dema", x.period());
        if (ind instanceof Tema x) return simple("tema", x.period());
        if (ind instanceof Rsi x) return simple("rsi", x.period());
        if (ind instanceof Macd x) return new Base("macd", CLOSE, 3, new int[] {x.fast(), x.slow(), x.signal()}, new double[0], 0);
        if (ind instanceof Bbands x) return new Base("bbands", CLOSE, 3, new int[] {x.period()}, new double[] {x.k()}, 0);
        if (ind instanceof Roc x) return simple("roc", x.period());
        if (ind instanceof Mom x) return simple("mom", x.period());
        if (ind instanceof Trange) return new Base("trange", HLC, 1, new int[0], new double[0], 0);
        if (ind instanceof Atr x) return new Base("atr", HLC, 1, new int[] {x.period()}, new double[0], 0);
        if (ind instanceof Willr x) return new Base("willr", HLC, 1, new int[] {x.period()}, new double[0], 2 * x.period());
        if (ind instanceof Stoch x) {
            return new Base("stoch", HLC, 2, new int[] {x.fastK(), x.slowK(), x.slowD()}, new double[0],
                    2 * x.fastK() + x.slowK() + x.slowD());
        }
        if (ind instanceof Adx x) return new Base("adx", HLC, 3, new int[] {x.period()}, new double[0], 0);
        if (ind instanceof Cci x) return new Base("cci", HLC, 1, new int[] {x.period()}, new double[0], x.period());
        if (ind instanceof Obv) return new Base("obv", List.of(Field.CLOSE, Field.VOLUME), 1, new int[0], new double[0], 0);
        if (ind instanceof Mfi x) {
            return new Base("mfi", List.of(Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME), 1, new int[] {x.period()},
                    new double[0], 2 * x.period());
        }
        throw new IllegalArgumentException("the cuda backend has no kernel for " + ind.spec());
    }

    private static Base simple(String kernel, int period) {
        return new Base(kernel, CLOSE, 1, new int[] {period}, new double[0], 0);
    }
}
