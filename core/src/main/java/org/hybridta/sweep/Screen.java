package org.hybridta.sweep;

import java.util.List;
import java.util.Objects;
import org.hybridta.Field;
import org.hybridta.indicator.Indicator;

/**
 * A condition on the latest bars of a series, such as {@code rsi:14 < 30 and close > sma:200}, parsed and compiled to a
 * small postfix {@link Program} that a CPU loop or a GPU kernel evaluates per series.
 *
 * <h2>Language</h2>
 * <pre>
 *   condition := term ('or' term)*
 *   term      := factor ('and' factor)*
 *   factor    := 'not' factor | '(' condition ')' | operand compare operand
 *              | operand 'crosses' ('above' | 'below') operand
 *   compare   := '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!='
 *   operand   := number | price | spec | column
 * </pre>
 * <ul>
 *   <li>price: {@code open high low close adj_close volume};</li>
 *   <li>spec: a spec of the catalog ({@link org.hybridta.indicator.Indicators#parse}), followed by {@code .name} of an
 *       output for functions of several: {@code rsi:14}, {@code sma:200}, {@code bbands:20:2.upperband},
 *       {@code macd:12:26:9.macdsignal}, {@code sma:50@volume}; a bare function name takes its defaults ({@code obv});</li>
 *   <li>column: an output's column name as {@code compute} names it: {@code rsi_14}, {@code bbands_20_2_2_sma_upperband};</li>
 *   <li>{@code a crosses above b}: {@code a <= b} on the bar before and {@code a > b} on the bar
 *       ({@code crosses below}: {@code a >= b}, then {@code a < b});</li>
 *   <li>keywords are case-insensitive; {@code and} binds tighter than {@code or}.</li>
 * </ul>
 * A comparison involving a missing value (NaN: before an indicator's first value, or no bar before for a crossing) is
 * <em>unknown</em>; {@code and}, {@code or} and {@code not} follow SQL's three-valued logic, and a series matches only
 * where the condition is true.
 */
public final class Screen {
    private final String text;
    private final List<Indicator> indicators;
    private final List<Operand> operands;
    private final Program program;

    Screen(String text, List<Indicator> indicators, List<Operand> operands, Program program) {
        this.text = text;
        this.indicators = List.copyOf(indicators);
        this.operands = List.copyOf(operands);
        this.program = program;
    }

    /**
     * Parses a condition.
     *
     * @throws IllegalArgumentException with one line naming the position (1-based) and the token, or the unknown spec
     *                                  or column
     */
    public static Screen parse(String condition) {
        return ScreenParser.parse(condition);
    }

    /** The condition as given. */
    public String text() { return text; }

    /** The specs whose outputs the condition reads, each once, in order of appearance. */
    public List<Indicator> indicators() { return indicators; }

    /** The series the condition reads (prices and indicator outputs), each once, in order of appearance. */
    public List<Operand> operands() { return operands; }

    /** The compiled condition. */
    public Program program() { return program; }

    /**
     * Evaluates the condition given each operand's value at the bar ({@code now}) and at the bar before ({@code before};
     * NaN where there is none).
     */
    public boolean test(double[] now, double[] before) {
        return program.evaluate(now, before) == 1.0;
    }

    @Override public String toString() { return text; }

    /**
     * One series a condition reads: a price field, or output {@code output} of {@link #indicators()}{@code .get(indicator)}.
     *
     * @param name      its column name: {@code close}, {@code rsi_14}, {@code bbands_20_2_2_sma_upperband}
     * @param field     the price, or null for an indicator output
     * @param indicator index into {@link #indicators()}, or -1 for a price
     * @param output    index of the output of that indicator, or -1 for a price
     */
    public record Operand(String name, Field field, int indicator, int output) {
        public Operand {
            Objects.requireNonNull(name, "name");
            if ((field == null) == (indicator < 0)) throw new IllegalArgumentException("an operand is a price or an indicator output");
        }
    }

    /**
     * The condition in postfix form: {@code code} holds pairs {@code (op, arg)}; {@code depth} is the most values on the
     * stack. Values are doubles; a truth value is 1 (true), 0 (false) or NaN (unknown).
     *
     * <table>
     *   <caption>Operations</caption>
     *   <tr><td>{@link #CONST} k</td><td>push {@code constants[k]}</td></tr>
     *   <tr><td>{@link #NOW} i</td><td>push operand i at the bar</td></tr>
     *   <tr><td>{@link #BEFORE} i</td><td>push operand i at the bar before</td></tr>
     *   <tr><td>{@link #LT} .. {@link #NE}</td><td>pop b, a; push a op b (unknown if either is NaN)</td></tr>
     *   <tr><td>{@link #AND}, {@link #OR}</td><td>pop two truth values, push the three-valued result</td></tr>
     *   <tr><td>{@link #NOT}</td><td>negate the top truth value</td></tr>
     *   <tr><td>{@link #CROSS_ABOVE}, {@link #CROSS_BELOW}</td><td>pop b, a (at the bar), b', a' (the bar before)</td></tr>
     * </table>
     */
    public record Program(int[] code, double[] constants, int depth) {
        public static final int CONST = 0, NOW = 1, BEFORE = 2, LT = 3, LE = 4, GT = 5, GE = 6, EQ = 7, NE = 8, AND = 9, OR = 10, NOT = 11,
                CROSS_ABOVE = 12, CROSS_BELOW = 13;
        /** The deepest stack a device kernel supports. */
        public static final int MAX_DEPTH = 32;

        public Program {
            code = code.clone();
            constants = constants.clone();
        }

        @Override public int[] code() { return code.clone(); }

        @Override public double[] constants() { return constants.clone(); }

        /** Runs the program: 1 (true), 0 (false) or NaN (unknown). */
        public double evaluate(double[] now, double[] before) {
            double[] st = new double[Math.max(1, depth)];
            int sp = 0;
            for (int pc = 0; pc < code.length; pc += 2) {
                int op = code[pc], arg = code[pc + 1];
                switch (op) {
                    case CONST -> st[sp++] = constants[arg];
                    case NOW -> st[sp++] = now[arg];
                    case BEFORE -> st[sp++] = before[arg];
                    case NOT -> st[sp - 1] = not(st[sp - 1]);
                    case CROSS_ABOVE, CROSS_BELOW -> {
                        double b = st[--sp], a = st[--sp], b0 = st[--sp], a0 = st[--sp];
                        st[sp++] = op == CROSS_ABOVE ? and(compare(LE, a0, b0), compare(GT, a, b)) : and(compare(GE, a0, b0), compare(LT, a, b));
                    }
                    default -> {
                        double b = st[--sp], a = st[--sp];
                        st[sp++] = op == AND ? and(a, b) : op == OR ? or(a, b) : compare(op, a, b);
                    }
                }
            }
            return st[0];
        }

        static double compare(int op, double a, double b) {
            if (Double.isNaN(a) || Double.isNaN(b)) return Double.NaN;
            boolean r = switch (op) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
                case EQ -> a == b;
                case NE -> a != b;
                default -> throw new IllegalStateException("op " + op);
            };
            return r ? 1 : 0;
        }

        static double and(double a, double b) {
            if (a == 0 || b == 0) return 0;
            return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : 1;
        }

        static double or(double a, double b) {
            if (a == 1 || b == 1) return 1;
            return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : 0;
        }

        static double not(double a) {
            return Double.isNaN(a) ? Double.NaN : 1 - a;
        }
    }
}
