package org.hybridta.functions;

import java.util.ArrayList;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.indicator.FunctionInfo;
import org.hybridta.indicator.Group;
import org.hybridta.indicator.InputInfo;
import org.hybridta.indicator.MaType;
import org.hybridta.indicator.OutputInfo;
import org.hybridta.indicator.ParamInfo;
import org.hybridta.indicator.ParamType;
import org.hybridta.indicator.ValueType;

/**
 * Builds a function's {@link FunctionInfo} in the order of TA-Lib's abstract interface table
 * ({@code ta_abstract/tables/table_<letter>.c}): inputs, optional inputs, outputs.
 */
final class Declaration {
    /** TA-Lib's {@code TA_REAL_MIN} and {@code TA_REAL_MAX}, the range of most real parameters. */
    static final double REAL_MIN = -3e37, REAL_MAX = 3e37;
    /** TA-Lib's upper bound of every period. */
    static final int MAX_PERIOD = 100_000;

    private final String name;
    private final Group group;
    private final String description;
    private final List<InputInfo> inputs = new ArrayList<>();
    private final List<ParamInfo> params = new ArrayList<>();
    private final List<OutputInfo> outputs = new ArrayList<>();
    private boolean overlap;

    private Declaration(String name, Group group, String description) {
        this.name = name;
        this.group = group;
        this.description = description;
    }

    /** Starts the declaration of TA-Lib function {@code name} (lower case) with TA-Lib's one-line description. */
    static Declaration function(String name, Group group, String description) {
        return new Declaration(name, group, description);
    }

    /** TA-Lib's {@code inReal}: one series, the close unless the spec names another field. */
    Declaration inputReal() {
        return inputReal("real", Field.CLOSE);
    }

    /** A real input with TA-Lib's name without {@code in} ({@code real0}, {@code periods}) and its default field. */
    Declaration inputReal(String inputName, Field defaultField) {
        inputs.add(new InputInfo(inputName, List.of(defaultField), true));
        return this;
    }

    /** TA-Lib's {@code inPriceXXX}: the given fields, in open, high, low, close, volume order. */
    Declaration inputPrice(Field... fields) {
        StringBuilder n = new StringBuilder("price");
        for (Field f : fields) n.append(f == Field.VOLUME ? 'v' : f.columnName().charAt(0));
        inputs.add(new InputInfo(n.toString(), List.of(fields), false));
        return this;
    }

    /** TA-Lib's {@code optInTimePeriod} with its default and minimum, up to 100000. */
    Declaration paramPeriod(int defaultValue, int min) {
        return paramInt("timeperiod", defaultValue, min, MAX_PERIOD);
    }

    Declaration paramInt(String paramName, int defaultValue, int min, int max) {
        params.add(new ParamInfo(paramName, ParamType.INTEGER, defaultValue, min, max));
        return this;
    }

    Declaration paramReal(String paramName, double defaultValue, double min, double max) {
        params.add(new ParamInfo(paramName, ParamType.REAL, defaultValue, min, max));
        return this;
    }

    Declaration paramMaType(String paramName, MaType defaultValue) {
        params.add(new ParamInfo(paramName, ParamType.MA_TYPE, defaultValue.ordinal(), 0, MaType.values().length - 1));
        return this;
    }

    /** A real output, named as python's {@code talib} names it ({@code real}, {@code upperband}). */
    Declaration output(String outputName) {
        outputs.add(new OutputInfo(outputName, ValueType.REAL));
        return this;
    }

    /** An integer output ({@code integer}, {@code minidx}). */
    Declaration outputInt(String outputName) {
        outputs.add(new OutputInfo(outputName, ValueType.INTEGER));
        return this;
    }

    /** TA-Lib's {@code TA_FUNC_FLG_OVERLAP}: the outputs are on the input's scale (MetadataTest checks the flag). */
    Declaration overlap() {
        overlap = true;
        return this;
    }

    FunctionInfo info() {
        return new FunctionInfo(name, group, description, inputs, params, outputs, overlap);
    }
}
