package org.graftwatch.ingest.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import org.graftwatch.ingest.domain.Reason;

/**
 * Counters per outcome: observations accepted (published), duplicates (re-sent, not published again) and rejected
 * payloads per reason (a payload with several reasons counts once under each).
 */
@ApplicationScoped
public class IntakeMetrics {
    static final String OBSERVATIONS = "graftwatch.ingest.observations";
    static final String REJECTIONS = "graftwatch.ingest.rejections";

    @Inject
    MeterRegistry registry;

    public void accepted(int count) {
        registry.counter(OBSERVATIONS, "outcome", "accepted").increment(count);
    }

    public void duplicates(int count) {
        registry.counter(OBSERVATIONS, "outcome", "duplicate").increment(count);
    }

    public void rejected(Collection<Reason> reasons) {
        reasons.forEach(r -> registry.counter(REJECTIONS, "reason", r.tag()).increment());
    }
}
