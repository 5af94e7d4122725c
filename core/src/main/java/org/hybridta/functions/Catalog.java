package org.hybridta.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hybridta.indicator.Group;

/** Every ported function: the group registries concatenated, checked once (unique names, each in its group's file). */
final class Catalog {
    private static final Map<String, FunctionDef> BY_NAME = new LinkedHashMap<>();

    static {
        register(Group.OVERLAP_STUDIES, OverlapStudies.functions());
        register(Group.MOMENTUM_INDICATORS, MomentumIndicators.functions());
        register(Group.VOLUME_INDICATORS, VolumeIndicators.functions());
        register(Group.VOLATILITY_INDICATORS, VolatilityIndicators.functions());
        register(Group.PRICE_TRANSFORM, PriceTransforms.functions());
        register(Group.CYCLE_INDICATORS, CycleIndicators.functions());
        register(Group.STATISTIC_FUNCTIONS, StatisticFunctions.functions());
        register(Group.MATH_TRANSFORM, MathTransforms.functions());
        register(Group.MATH_OPERATORS, MathOperators.functions());
        register(Group.PATTERN_RECOGNITION, PatternRecognition.functions());
    }

    private Catalog() {}

    private static void register(Group group, List<FunctionDef> functions) {
        for (FunctionDef f : functions) {
            if (f.info().group() != group) {
                throw new IllegalStateException(f.name() + " is in the " + group.taLibName() + " registry but declares " + f.info().group().taLibName());
            }
            if (BY_NAME.putIfAbsent(f.name(), f) != null) throw new IllegalStateException(f.name() + " is registered twice");
        }
    }

    /** Every function, group by group. */
    static List<FunctionDef> all() {
        return new ArrayList<>(BY_NAME.values());
    }

    /** The function of that lower-case name. */
    static Optional<FunctionDef> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
