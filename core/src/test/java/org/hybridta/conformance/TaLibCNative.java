package org.hybridta.conformance;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of TA-Lib's C API the reference uses (ta_common.h, ta_func.h, ta_abstract.h of TA-Lib 0.6),
 * mapped by JNA. Every {@code int} return is a {@code TA_RetCode}, 0 being {@code TA_SUCCESS}. Handles,
 * parameter holders and buffers are plain pointers: input and output buffers must be native memory that
 * outlives the parameter holder, because TA-Lib keeps the pointers, not copies.
 */
interface TaLibCNative extends Library {
    int TA_Initialize();

    String TA_GetVersionString();

    void TA_SetRetCodeInfo(int retCode, RetCodeInfo info);

    int TA_ForEachFunc(ForEachFunc callback, Pointer opaque);

    int TA_GetFuncHandle(String name, PointerByReference handle);

    int TA_GetFuncInfo(Pointer handle, PointerByReference funcInfo);

    int TA_GetInputParameterInfo(Pointer handle, int paramIndex, PointerByReference info);

    int TA_GetOptInputParameterInfo(Pointer handle, int paramIndex, PointerByReference info);

    int TA_GetOutputParameterInfo(Pointer handle, int paramIndex, PointerByReference info);

    int TA_ParamHolderAlloc(Pointer handle, PointerByReference params);

    int TA_ParamHolderFree(Pointer params);

    int TA_SetInputParamRealPtr(Pointer params, int paramIndex, Pointer values);

    int TA_SetInputParamIntegerPtr(Pointer params, int paramIndex, Pointer values);

    int TA_SetInputParamPricePtr(Pointer params, int paramIndex, Pointer open, Pointer high, Pointer low,
                                 Pointer close, Pointer volume, Pointer openInterest);

    int TA_SetOptInputParamInteger(Pointer params, int paramIndex, int value);

    int TA_SetOptInputParamReal(Pointer params, int paramIndex, double value);

    int TA_SetOutputParamRealPtr(Pointer params, int paramIndex, Pointer out);

    int TA_SetOutputParamIntegerPtr(Pointer params, int paramIndex, Pointer out);

    int TA_GetLookback(Pointer params, IntByReference lookback);

    int TA_CallFunc(Pointer params, int startIdx, int endIdx, IntByReference outBegIdx, IntByReference outNbElement);

    int TA_SetUnstablePeriod(int funcUnstId, int unstablePeriod);

    int TA_GetUnstablePeriod(int funcUnstId);

    int TA_SetCandleSettings(int settingType, int rangeType, int avgPeriod, double factor);

    int TA_RestoreCandleDefaultSettings(int settingType);

    /** {@code TA_CallForEachFunc}: called once per function, in TA-Lib's table order (alphabetical). */
    interface ForEachFunc extends Callback {
        void invoke(Pointer funcInfo, Pointer opaque);
    }

    /** {@code TA_RetCodeInfo}: the name and the text of a return code. */
    @Structure.FieldOrder({"enumStr", "infoStr"})
    final class RetCodeInfo extends Structure {
        public String enumStr;
        public String infoStr;
    }

    /** {@code TA_FuncInfo}: constant facts about one function. */
    @Structure.FieldOrder({"name", "group", "hint", "camelCaseName", "flags", "nbInput", "nbOptInput", "nbOutput", "handle"})
    final class FuncInfo extends Structure {
        public String name;
        public String group;
        public String hint;
        public String camelCaseName;
        public int flags;
        public int nbInput;
        public int nbOptInput;
        public int nbOutput;
        public Pointer handle;

        public FuncInfo(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code TA_InputParameterInfo} and {@code TA_OutputParameterInfo}, which share one layout. */
    @Structure.FieldOrder({"type", "paramName", "flags"})
    final class ParameterInfo extends Structure {
        public int type;
        public String paramName;
        public int flags;

        public ParameterInfo(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code TA_OptInputParameterInfo}; {@code dataSet} points at a range or a list, by {@code type}. */
    @Structure.FieldOrder({"type", "paramName", "flags", "displayName", "dataSet", "defaultValue", "hint", "helpFile"})
    final class OptInputParameterInfo extends Structure {
        public int type;
        public String paramName;
        public int flags;
        public String displayName;
        public Pointer dataSet;
        public double defaultValue;
        public String hint;
        public String helpFile;

        public OptInputParameterInfo(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code TA_RealRange}. */
    @Structure.FieldOrder({"min", "max", "precision", "suggestedStart", "suggestedEnd", "suggestedIncrement"})
    final class RealRange extends Structure {
        public double min;
        public double max;
        public int precision;
        public double suggestedStart;
        public double suggestedEnd;
        public double suggestedIncrement;

        public RealRange(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code TA_IntegerRange}. */
    @Structure.FieldOrder({"min", "max", "suggestedStart", "suggestedEnd", "suggestedIncrement"})
    final class IntegerRange extends Structure {
        public int min;
        public int max;
        public int suggestedStart;
        public int suggestedEnd;
        public int suggestedIncrement;

        public IntegerRange(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code TA_IntegerList} and {@code TA_RealList}: a pointer to pairs and their count. */
    @Structure.FieldOrder({"data", "nbElement"})
    final class DataList extends Structure {
        public Pointer data;
        public int nbElement;

        public DataList(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code TA_IntegerDataPair}. */
    @Structure.FieldOrder({"value", "string"})
    final class IntegerDataPair extends Structure {
        public int value;
        public String string;

        public IntegerDataPair(Pointer p) {
            super(p);
            read();
        }
    }

    /** {@code TA_RealDataPair}. */
    @Structure.FieldOrder({"value", "string"})
    final class RealDataPair extends Structure {
        public double value;
        public String string;

        public RealDataPair(Pointer p) {
            super(p);
            read();
        }
    }
}
