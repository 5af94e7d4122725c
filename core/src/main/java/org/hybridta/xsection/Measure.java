package org.hybridta.xsection;

/** What a cross-sectional analysis computes. */
public enum Measure {
    /** The Pearson correlation matrix of the returns. */
    CORRELATION,
    /** The sample covariance matrix of the returns (divided by days − 1). */
    COVARIANCE,
    /** Each symbol's beta to the benchmark (its covariance with the benchmark over the benchmark's variance) and its correlation with it. */
    BETA;

    /** The lower-case name used on the command line and in file names. */
    public String text() { return name().toLowerCase(java.util.Locale.ROOT); }
}
