package org.hybridta.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What TA-Lib's abstract interface says about one function: its group and one-line hint, its inputs,
 * optional inputs (with type, default and range) and outputs, each in TA-Lib's order. Read from the C
 * library by {@link TaLibC#meta(String)}, never typed in by hand.
 *
 * @param name          TA-Lib's name, upper case ({@code "STOCHRSI"})
 * @param group         TA-Lib's group ({@code "Momentum Indicators"})
 * @param hint          the one-line description ({@code "Stochastic Relative Strength Index"})
 * @param camelCaseName the name TA-Lib's generated wrappers use ({@code "StochRsi"})
 * @param flags         the function flags
 * @param inputs        the input parameters; a price input stands for several series, see {@link #series()}
 * @param optInputs     the optional inputs, in the order {@link TaLibC#call} takes their values
 * @param outputs       the outputs
 */
public record TaLibCMeta(String name, String group, String hint, String camelCaseName, Set<Flag> flags,
                         List<Input> inputs, List<OptInput> optInputs, List<Output> outputs) {
    public TaLibCMeta {
        flags = Set.copyOf(flags);
        inputs = List.copyOf(inputs);
        optInputs = List.copyOf(optInputs);
        outputs = List.copyOf(outputs);
    }

    /** {@code TA_FUNC_FLG_*}. */
    public enum Flag {
        /** The output is on the input's scale (an overlay on the price chart). */
        OVERLAP(0x01000000),
        /** The output belongs over the volume. */
        VOLUME(0x04000000),
        /** The function has an unstable period, settable by {@link TaLibC#setUnstablePeriod}. */
        UNSTABLE_PERIOD(0x08000000),
        /** A candlestick pattern. */
        CANDLESTICK(0x10000000);

        final int bit;

        Flag(int bit) { this.bit = bit; }
    }

    /** The components of a price input ({@code TA_IN_PRICE_*}), in the order TA-Lib takes them. */
    public enum PriceField {
        OPEN(0x01), HIGH(0x02), LOW(0x04), CLOSE(0x08), VOLUME(0x10), OPEN_INTEREST(0x20);

        final int bit;

        PriceField(int bit) { this.bit = bit; }

        /** The series name: the field in lower case ({@code "high"}), as {@code BarSeries} names its arrays. */
        public String series() { return name().toLowerCase(Locale.ROOT).replace("_", ""); }
    }

    /** {@code TA_InputParameterType}. */
    public enum InputType { PRICE, REAL, INTEGER }

    /**
     * One input parameter.
     *
     * @param name   TA-Lib's parameter name ({@code "inPriceHLC"}, {@code "inReal0"}, {@code "inPeriods"})
     * @param type   price bars, or one series of reals or integers
     * @param fields for a price input, its components in TA-Lib's order; empty otherwise
     */
    public record Input(String name, InputType type, List<PriceField> fields) {
        public Input {
            fields = List.copyOf(fields);
        }

        /**
         * The series this input takes: a price input's fields ({@code high, low, close}), else the parameter
         * name without its {@code in} prefix, in lower case ({@code real}, {@code real0}, {@code periods}).
         */
        public List<String> series() {
            if (type == InputType.PRICE) return fields.stream().map(PriceField::series).toList();
            String bare = name.startsWith("in") ? name.substring(2) : name;
            return List.of(bare.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code TA_OptInputParameterType}. */
    public enum OptInputType {
        REAL_RANGE, REAL_LIST, INTEGER_RANGE, INTEGER_LIST;

        /** Whether values are integers (a period, an MA type). */
        public boolean isInteger() { return this == INTEGER_RANGE || this == INTEGER_LIST; }
    }

    /**
     * One optional input.
     *
     * @param name         TA-Lib's parameter name ({@code "optInTimePeriod"}, {@code "optInMAType"})
     * @param displayName  its label ({@code "Time Period"})
     * @param hint         TA-Lib's one-line help
     * @param type         range or list, real or integer
     * @param defaultValue the value used when {@link TaLibC#call} is given none
     * @param min          the smallest allowed value (for a list, its smallest value)
     * @param max          the largest allowed value (for a list, its largest value)
     * @param choices      for a list, its values and their names (MA types: 0 {@code SMA} … 8 {@code T3}); else empty
     */
    public record OptInput(String name, String displayName, String hint, OptInputType type, double defaultValue,
                           double min, double max, List<Choice> choices) {
        public OptInput {
            choices = List.copyOf(choices);
        }
    }

    /** One value of a list-typed optional input and its name. */
    public record Choice(double value, String name) {}

    /**
     * One output.
     *
     * @param name      TA-Lib's parameter name ({@code "outReal"}, {@code "outMACDSignal"}, {@code "outInteger"})
     * @param isInteger whether TA-Lib writes integers (candlestick patterns, index functions)
     */
    public record Output(String name, boolean isInteger) {}

    /** The input series {@link TaLibC#call} takes, in order: every input's {@link Input#series()}, concatenated. */
    public List<String> series() {
        List<String> all = new ArrayList<>();
        for (Input in : inputs) all.addAll(in.series());
        return List.copyOf(all);
    }
}
