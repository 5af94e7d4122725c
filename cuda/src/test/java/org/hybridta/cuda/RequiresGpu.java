package org.hybridta.cuda;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs an NVIDIA GPU. Without one the class is skipped with the reason (as a
 * disabled class, which the build reports as skipped, unlike an assumption failing in {@code @BeforeAll},
 * which surefire shows as zero tests); the reason is also printed once to stderr for the CI log.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresGpu.Condition.class)
@interface RequiresGpu {

    /** Disables the class, with the reason, where {@link Gpu#available()} is false. */
    final class Condition implements ExecutionCondition {
        private static volatile boolean told;

        @Override public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Gpu.available()) return ConditionEvaluationResult.enabled("GPU available");
            String reason = "skipped, no usable GPU: " + Gpu.whyNot();
            if (!told) {
                told = true;
                System.err.println("[GPU tests] " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
