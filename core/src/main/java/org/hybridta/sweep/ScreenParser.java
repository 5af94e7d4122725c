package org.hybridta.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hybridta.Field;
import org.hybridta.indicator.FunctionInfo;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.Output;
import org.hybridta.io.UntrustedText;

/** Recursive descent over {@link Screen}'s grammar, compiling to postfix as it goes. */
final class ScreenParser {
    private enum Kind { WORD, NUMBER, COMPARE, OPEN, CLOSE, END }

    private record Token(Kind kind, String text, int position) {}

    private final String text;
    private final List<Token> tokens;
    private int next;
    private final List<Integer> code = new ArrayList<>();
    private final List<Double> constants = new ArrayList<>();
    private final List<Indicator> indicators = new ArrayList<>();
    private final List<Screen.Operand> operands = new ArrayList<>();
    private int depth, maxDepth;

    private ScreenParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    static Screen parse(String condition) {
        if (condition == null || condition.isBlank()) throw new IllegalArgumentException("empty screen condition");
        ScreenParser p = new ScreenParser(condition);
        p.condition();
        Token t = p.peek();
        if (t.kind != Kind.END) throw p.error(t, "expected 'and', 'or' or the end");
        int[] code = p.code.stream().mapToInt(Integer::intValue).toArray();
        double[] constants = p.constants.stream().mapToDouble(Double::doubleValue).toArray();
        if (p.maxDepth > Screen.Program.MAX_DEPTH) {
            throw new IllegalArgumentException("the condition is too deeply nested (" + p.maxDepth + " values at once, at most " + Screen.Program.MAX_DEPTH + ")");
        }
        return new Screen(condition.strip(), p.indicators, p.operands, new Screen.Program(code, constants, p.maxDepth));
    }

    private void condition() {
        term();
        while (keyword(peek(), "or")) {
            next++;
            term();
            emit(Screen.Program.OR, 0, -1);
        }
    }

    private void term() {
        factor();
        while (keyword(peek(), "and")) {
            next++;
            factor();
            emit(Screen.Program.AND, 0, -1);
        }
    }

    private void factor() {
        Token t = peek();
        if (keyword(t, "not")) {
            next++;
            factor();
            emit(Screen.Program.NOT, 0, 0);
            return;
        }
        if (t.kind == Kind.OPEN) {
            next++;
            condition();
            Token c = peek();
            if (c.kind != Kind.CLOSE) throw error(c, "expected ')' to close the '(' at position " + (t.position + 1));
            next++;
            return;
        }
        // a comparison or a crossing: remember where the left operand's code starts, a crossing needs it twice
        int start = code.size();
        int leftDepth = depth;
        operand();
        Token op = peek();
        if (op.kind == Kind.COMPARE) {
            next++;
            operand();
            emit(compareOp(op.text), 0, -1);
            return;
        }
        if (keyword(op, "crosses")) {
            next++;
            Token dir = peek();
            if (!keyword(dir, "above") && !keyword(dir, "below")) throw error(dir, "expected 'above' or 'below' after 'crosses'");
            next++;
            List<Integer> left = new ArrayList<>(code.subList(start, code.size()));
            // a' b' a b: the left operand at the bar before, the right one before, then both at the bar
            int rightStart = code.size();
            operand();
            List<Integer> right = new ArrayList<>(code.subList(rightStart, code.size()));
            code.subList(start, code.size()).clear();
            depth = leftDepth;
            emitOperand(left, true);
            emitOperand(right, true);
            emitOperand(left, false);
            emitOperand(right, false);
            emit(keyword(dir, "above") ? Screen.Program.CROSS_ABOVE : Screen.Program.CROSS_BELOW, 0, -3);
            return;
        }
        throw error(op, "expected a comparison (<, <=, >, >=, ==, !=) or 'crosses above' / 'crosses below'");
    }

    /** Re-emits an operand's single push, at the bar ({@code NOW}) or the bar before ({@code BEFORE}); constants stay constants. */
    private void emitOperand(List<Integer> push, boolean before) {
        int op = push.get(0);
        emit(op == Screen.Program.CONST ? op : before ? Screen.Program.BEFORE : Screen.Program.NOW, push.get(1), 1);
    }

    private void operand() {
        Token t = peek();
        switch (t.kind) {
            case NUMBER -> {
                next++;
                constants.add(Double.parseDouble(t.text));
                emit(Screen.Program.CONST, constants.size() - 1, 1);
            }
            case WORD -> {
                if (isKeyword(t.text)) throw error(t, "expected a number, a price, a spec or a column");
                next++;
                emit(Screen.Program.NOW, operandIndex(t), 1);
            }
            default -> throw error(t, "expected a number, a price, a spec or a column");
        }
    }

    private int operandIndex(Token t) {
        Screen.Operand o = resolve(t);
        for (int i = 0; i < operands.size(); i++) if (operands.get(i).name().equals(o.name())) return i;
        operands.add(o);
        return operands.size() - 1;
    }

    /** A word as a price, a spec (with an output), or a column name. */
    private Screen.Operand resolve(Token t) {
        String w = t.text;
        String lower = w.toLowerCase(Locale.ROOT);
        for (Field f : Field.values()) if (f.columnName().equals(lower)) return new Screen.Operand(f.columnName(), f, -1, -1);
        boolean specForm = w.contains(":") || w.contains("@") || Indicators.functions().stream().anyMatch(f -> f.name().equals(lower.split("\\.")[0]));
        if (specForm) {
            String spec = w, output = null;
            int dot = w.lastIndexOf('.');
            if (dot > 0 && dot + 1 < w.length() && Character.isLetter(w.charAt(dot + 1))) {
                spec = w.substring(0, dot);
                output = w.substring(dot + 1).toLowerCase(Locale.ROOT);
            }
            Indicator ind;
            try {
                ind = Indicators.parse(spec);
            } catch (IllegalArgumentException e) {
                throw error(t, e.getMessage());
            }
            List<Output> outs = ind.outputs();
            if (output == null) {
                if (outs.size() > 1) {
                    throw error(t, ind.name() + " has " + outs.size() + " outputs (" + String.join(", ", outs.stream().map(Output::name).toList())
                            + "): name one, e.g. " + spec + "." + outs.get(0).name());
                }
                return indicatorOperand(ind, 0);
            }
            for (int k = 0; k < outs.size(); k++) if (outs.get(k).name().equals(output)) return indicatorOperand(ind, k);
            throw error(t, ind.name() + " has no output '" + UntrustedText.cap(output) + "' (its outputs: "
                    + String.join(", ", outs.stream().map(Output::name).toList()) + ")");
        }
        Screen.Operand column = column(lower);
        if (column != null) return column;
        throw error(t, "unknown column or spec '" + UntrustedText.cap(w) + "' (a price: open, high, low, close, adj_close, volume;"
                + " a spec such as rsi:14 or bbands:20:2.upperband; or a column name such as rsi_14)");
    }

    /** A column name such as {@code bbands_20_2_2_sma_upperband}: the spec it comes from, found by trying each function whose name starts it. */
    private Screen.Operand column(String w) {
        List<FunctionInfo> fs = new ArrayList<>(Indicators.functions());
        fs.sort(Comparator.comparingInt((FunctionInfo f) -> f.name().length()).reversed());
        for (FunctionInfo f : fs) {
            if (!w.equals(f.name()) && !w.startsWith(f.name() + "_")) continue;
            String rest = w.length() > f.name().length() ? w.substring(f.name().length() + 1) : "";
            List<String> candidates = new ArrayList<>();
            if (f.outputs().size() == 1) candidates.add(rest);
            else for (var o : f.outputs()) if (rest.equals(o.name()) || rest.endsWith("_" + o.name())) candidates.add(rest.substring(0, Math.max(0, rest.length() - o.name().length() - 1)));
            for (String params : candidates) {
                String[] parts = params.isEmpty() ? new String[0] : params.split("_");
                int n = Math.min(parts.length, f.params().size());
                StringBuilder spec = new StringBuilder(f.name());
                for (int i = 0; i < n; i++) spec.append(':').append(parts[i]);
                if (parts.length > n) spec.append('@').append(String.join("/", java.util.Arrays.copyOfRange(parts, n, parts.length)));
                try {
                    Indicator ind = Indicators.parse(spec.toString());
                    for (int k = 0; k < ind.outputs().size(); k++) if (ind.outputs().get(k).column().equals(w)) return indicatorOperand(ind, k);
                } catch (IllegalArgumentException e) {
                    // not this function: try the next
                }
            }
        }
        return null;
    }

    private Screen.Operand indicatorOperand(Indicator ind, int output) {
        int i = indicators.indexOf(ind);
        if (i < 0) {
            indicators.add(ind);
            i = indicators.size() - 1;
        }
        return new Screen.Operand(ind.outputs().get(output).column(), null, i, output);
    }

    private void emit(int op, int arg, int stackChange) {
        code.add(op);
        code.add(arg);
        depth += stackChange;
        maxDepth = Math.max(maxDepth, depth);
    }

    private static int compareOp(String s) {
        return switch (s) {
            case "<" -> Screen.Program.LT;
            case "<=" -> Screen.Program.LE;
            case ">" -> Screen.Program.GT;
            case ">=" -> Screen.Program.GE;
            case "==" -> Screen.Program.EQ;
            default -> Screen.Program.NE;
        };
    }

    private static boolean isKeyword(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return l.equals("and") || l.equals("or") || l.equals("not") || l.equals("crosses") || l.equals("above") || l.equals("below");
    }

    private static boolean keyword(Token t, String k) {
        return t.kind == Kind.WORD && t.text.equalsIgnoreCase(k);
    }

    private Token peek() { return tokens.get(next); }

    private IllegalArgumentException error(Token t, String what) {
        String found = t.kind == Kind.END ? "the end" : "'" + UntrustedText.cap(t.text) + "'";
        return new IllegalArgumentException("screen '" + UntrustedText.cap(text.strip()) + "', position " + (t.position + 1) + " (" + found + "): " + what);
    }

    private List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i));
                i++;
            } else if (c == '<' || c == '>' || c == '=' || c == '!') {
                boolean two = i + 1 < n && s.charAt(i + 1) == '=';
                String op = s.substring(i, i + (two ? 2 : 1));
                if (op.equals("=") || op.equals("!")) {
                    throw new IllegalArgumentException("screen '" + UntrustedText.cap(s.strip()) + "', position " + (i + 1) + " ('" + op
                            + "'): not an operator (compare with <, <=, >, >=, ==, !=)");
                }
                out.add(new Token(Kind.COMPARE, op, i));
                i += op.length();
            } else if (Character.isDigit(c) || c == '.' || ((c == '-' || c == '+') && i + 1 < n && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.'))) {
                int j = i + 1;
                while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == 'e' || s.charAt(j) == 'E'
                        || ((s.charAt(j) == '-' || s.charAt(j) == '+') && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E')))) j++;
                String num = s.substring(i, j);
                try {
                    if (!Double.isFinite(Double.parseDouble(num))) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("screen '" + UntrustedText.cap(s.strip()) + "', position " + (i + 1) + " ('"
                            + UntrustedText.cap(num) + "'): not a number");
                }
                out.add(new Token(Kind.NUMBER, num, i));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && wordChar(s, j)) j++;
                out.add(new Token(Kind.WORD, s.substring(i, j), i));
                i = j;
            } else {
                throw new IllegalArgumentException("screen '" + UntrustedText.cap(s.strip()) + "', position " + (i + 1) + " ('" + c + "'): unexpected character");
            }
        }
        out.add(new Token(Kind.END, "", n));
        return out;
    }

    /** Letters, digits and {@code _ : . @ /} continue a word; {@code =} too inside a spec's named parameter (not {@code ==}). */
    private static boolean wordChar(String s, int j) {
        char c = s.charAt(j);
        if (Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.' || c == '@' || c == '/') return true;
        if (c == '-' && j > 0 && s.charAt(j - 1) == ':') return true;   // a negative parameter: sarext:-0.02
        return c == '=' && (j + 1 >= s.length() || s.charAt(j + 1) != '=') && s.lastIndexOf(':', j) > s.lastIndexOf(' ', j)
                && Character.isLetter(s.charAt(j - 1));
    }
}
