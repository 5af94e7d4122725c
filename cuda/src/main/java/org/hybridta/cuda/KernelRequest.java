package org.hybridta.cuda;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.indicator.Indicator;

/**
 * The kernels of one pass of a request and the fields they read, in enum order (the order of the uploads), with the
 * global ring memory they need per series and their output columns.
 */
record KernelRequest(List<KernelCall> calls, List<Field> fields, EnumMap<Field, Integer> fieldIndex, int ring, int outputs) {
    static KernelRequest of(List<? extends Indicator> indicators) {
        List<KernelCall> calls = new ArrayList<>();
        EnumMap<Field, Integer> fieldIndex = new EnumMap<>(Field.class);
        int ring = 0, outputs = 0;
        for (Indicator ind : indicators) {
            KernelCall c = KernelCall.of(ind);
            calls.add(c);
            ring += c.globalRingDoubles();  // each kernel its own scratch: they run concurrently
            outputs += c.outputs();
            for (Field f : c.inputs()) fieldIndex.putIfAbsent(f, 0);
        }
        List<Field> fields = new ArrayList<>(fieldIndex.keySet());  // enum order
        for (int i = 0; i < fields.size(); i++) fieldIndex.put(fields.get(i), i);
        return new KernelRequest(calls, fields, fieldIndex, ring, outputs);
    }
}
