package org.hybridta.conformance;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class or method only where TA-Lib's C library is loaded, and otherwise skips it with the
 * reason and the fix ({@code scripts/setup.sh}): {@code @ExtendWith(TaLibCLoaded.class)}.
 */
public final class TaLibCLoaded implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return TaLibC.available()
                ? ConditionEvaluationResult.enabled("TA-Lib C " + TaLibC.version() + " at " + TaLibC.library())
                : ConditionEvaluationResult.disabled("skipped: TA-Lib C is not available: " + TaLibC.whyUnavailable());
    }
}
