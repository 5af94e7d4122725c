package org.hybridta.indicator;

/** TA-Lib's function groups, in TA-Lib's order; {@link #taLibName()} is the name TA-Lib's abstract interface gives. */
public enum Group {
    MATH_OPERATORS("Math Operators"),
    MATH_TRANSFORM("Math Transform"),
    OVERLAP_STUDIES("Overlap Studies"),
    VOLATILITY_INDICATORS("Volatility Indicators"),
    MOMENTUM_INDICATORS("Momentum Indicators"),
    CYCLE_INDICATORS("Cycle Indicators"),
    VOLUME_INDICATORS("Volume Indicators"),
    PATTERN_RECOGNITION("Pattern Recognition"),
    STATISTIC_FUNCTIONS("Statistic Functions"),
    PRICE_TRANSFORM("Price Transform");

    private final String taLibName;

    Group(String taLibName) {
        this.taLibName = taLibName;
    }

    /** The group's name in TA-Lib, e.g. {@code Overlap Studies}. */
    public String taLibName() { return taLibName; }
}
