package org.hybridta.indicator;

import java.util.List;
import java.util.Locale;
import org.hybridta.functions.Functions;
import org.hybridta.io.UntrustedText;

/**
 * The text form shared by specs ({@code stoch:14:slowd_period=5@close}) and sweep grids ({@code sma:10..50:5}): a
 * function name, then parameters separated by {@code :} in TA-Lib's order or by name in any order (positional ones
 * first), then optionally {@code @fields}. This type assigns each parameter's text to its slot and checks the form
 * (unknown names, too many parameters, one given twice); what a slot's text means is its caller's business
 * ({@link Indicators#parse} reads one value, a sweep reads lists and ranges).
 */
public final class SpecText {
    private final FunctionInfo function;
    private final String[] slots;
    private final String fields;
    private final String where;

    private SpecText(FunctionInfo function, String[] slots, String fields, String where) {
        this.function = function;
        this.slots = slots;
        this.fields = fields;
        this.where = where;
    }

    /**
     * Splits {@code text}.
     *
     * @param what what the text is, for the message when it is empty ("indicator spec", "sweep grid")
     * @throws IllegalArgumentException with one line naming the text, the parameter and what is wrong
     */
    public static SpecText parse(String text, String what) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty " + what);
        String s = text.strip();
        String where = "'" + UntrustedText.cap(s) + "'";
        int at = s.indexOf('@');
        String[] parts = (at < 0 ? s : s.substring(0, at)).split(":", -1);
        FunctionInfo f = function(parts[0].strip().toLowerCase(Locale.ROOT), where);
        String[] slots = new String[f.params().size()];
        int positional = 0;
        boolean named = false;
        for (int k = 1; k < parts.length; k++) {
            String part = parts[k].strip();
            int eq = part.indexOf('=');
            int i;
            if (eq >= 0) {
                named = true;
                i = index(f, part.substring(0, eq).strip().toLowerCase(Locale.ROOT), where);
                part = part.substring(eq + 1).strip();
            } else {
                if (named) throw new IllegalArgumentException(where + ": positional parameters must come before named ones");
                i = positional++;
                if (i >= slots.length) {
                    throw new IllegalArgumentException(where + ": " + (parts.length - 1) + " parameters given, " + f.name() + " takes " + expected(f));
                }
            }
            if (slots[i] != null) throw new IllegalArgumentException(where + ": " + f.params().get(i).name() + " is given twice");
            slots[i] = part;
        }
        return new SpecText(f, slots, at < 0 ? null : s.substring(at + 1), where);
    }

    /** The function named. */
    public FunctionInfo function() { return function; }

    /** The text given for parameter {@code i} (in TA-Lib's order), or null where it was not given. */
    public String slot(int i) { return slots[i]; }

    /** The text after {@code @}, or null where there is none. */
    public String fields() { return fields; }

    /** The whole text, quoted and capped, to begin messages with. */
    public String where() { return where; }

    /**
     * The position of parameter {@code param} of {@code f} in TA-Lib's order.
     *
     * @throws IllegalArgumentException naming the parameters {@code f} takes
     */
    public static int index(FunctionInfo f, String param, String where) {
        for (int i = 0; i < f.params().size(); i++) if (f.params().get(i).name().equals(param)) return i;
        throw new IllegalArgumentException(where + ": " + f.name() + " has no parameter '" + UntrustedText.cap(param) + "' (it takes " + expected(f) + ")");
    }

    /** "no parameters" or "3 parameters (fastperiod:slowperiod:signalperiod)". */
    static String expected(FunctionInfo f) {
        List<ParamInfo> ps = f.params();
        if (ps.isEmpty()) return "no parameters";
        return ps.size() + " parameter" + (ps.size() == 1 ? "" : "s") + " (" + String.join(":", ps.stream().map(ParamInfo::name).toList()) + ")";
    }

    static FunctionInfo function(String name, String where) {
        String n = name.toLowerCase(Locale.ROOT);
        return Functions.find(n).orElseThrow(() -> {
            Group pending = Functions.pending().get(n);
            if (pending != null) {
                return new IllegalArgumentException(where + ": " + n + " (TA-Lib " + pending.taLibName() + ") is not ported to HybridTA yet");
            }
            return new IllegalArgumentException(where + ": unknown indicator '" + UntrustedText.cap(name)
                    + "' (TA-Lib's function names in lower case; `hybridta indicators` lists them)");
        });
    }
}
