package org.hybridta.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hybridta.indicator.Group;

/** Every ported function: the group registries concatenated, checked once (unique names, each in its group's file). */
final class Catalog {
    private static final Map<String, FunctionDef> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, Group> PENDING = new LinkedHashMap<>();

    static {
        register(Group.OVERLAP_STUDIES, OverlapStudies::functions, OverlapStudies.PENDING);
        register(Group.MOMENTUM_INDICATORS, MomentumIndicators::functions, MomentumIndicators.PENDING);
        register(Group.VOLUME_INDICATORS, VolumeIndicators::functions, VolumeIndicators.PENDING);
        register(Group.VOLATILITY_INDICATORS, VolatilityIndicators::functions, VolatilityIndicators.PENDING);
        register(Group.PRICE_TRANSFORM, PriceTransforms::functions, PriceTransforms.PENDING);
        register(Group.CYCLE_INDICATORS, CycleIndicators::functions, CycleIndicators.PENDING);
        register(Group.STATISTIC_FUNCTIONS, StatisticFunctions::functions, StatisticFunctions.PENDING);
        register(Group.MATH_TRANSFORM, MathTransforms::functions, MathTransforms.PENDING);
        register(Group.MATH_OPERATORS, MathOperators::functions, MathOperators.PENDING);
        register(Group.PATTERN_RECOGNITION, PatternRecognition::functions, PatternRecognition.PENDING);
    }

    private Catalog() {}

    private static void register(Group group, Consumer<List<FunctionDef>> registry, Set<String> pending) {
        List<FunctionDef> functions = new ArrayList<>();
        registry.accept(functions);
        for (String name : pending) PENDING.put(name, group);
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

    /** The names of TA-Lib's functions not ported yet, with their groups. */
    static Map<String, Group> pending() {
        return Map.copyOf(PENDING);
    }

    /** The names of a text block, one per line. */
    static Set<String> names(String lines) {
        Set<String> names = new java.util.TreeSet<>();
        for (String line : lines.split("\n")) if (!line.isBlank()) names.add(line.strip());
        return Set.copyOf(names);
    }

    /** The function of that lower-case name. */
    static Optional<FunctionDef> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
