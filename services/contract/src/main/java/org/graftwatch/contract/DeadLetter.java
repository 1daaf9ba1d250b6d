package org.graftwatch.contract;

import java.time.Instant;
import java.util.List;

/**
 * A rejected ward record on {@link Topics#WARD_DLQ}: the original payload untouched, every reason it was
 * rejected, and where it came from, so that nothing sent is ever silently dropped.
 */
public record DeadLetter(
        String sourceTopic,
        Integer partition,
        Long offset,
        String key,
        String payload,
        List<Problem> problems,
        Instant rejectedAt,
        String rejectedBy) {

    /** One reason: where in the input (a FHIRPath-like location) and what is wrong there. */
    public record Problem(String location, String message) {
    }

    public DeadLetter {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
