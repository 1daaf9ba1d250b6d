package org.graftwatch.detector;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * How long the clinical rules take on one patient's history: {@code graftwatch_rule_evaluation_seconds} per detector
 * and rule (the rule id, or the name of an evaluation that decides several rules at once): count, total and maximum.
 * A rule whose time grows with the history shows here before it slows the consumer.
 */
public final class RuleTiming {
    public static final String EVALUATION = "graftwatch.rule.evaluation";

    private RuleTiming() {
    }

    public static <T> T time(String detector, String rule, Supplier<T> evaluation) {
        return Timer.builder(EVALUATION).tag("detector", detector).tag("rule", rule).register(Metrics.globalRegistry)
                .record(evaluation);
    }
}
