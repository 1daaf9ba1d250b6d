package org.graftwatch.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.Severity;
import org.graftwatch.detector.PublishedEpisode;
import org.graftwatch.surveillance.domain.Sepsis;
import org.graftwatch.surveillance.persistence.PatientSurveillanceState;
import org.junit.jupiter.api.Test;

/** An episode first seen already ended is announced as it began, once. */
class SurveillanceMonitorTest {

    private static Finding sepsis(Finding.State state) {
        return new Finding("ep-1", "P-1", null, AlertKind.SEPSIS, Severity.CRITICAL, state, Instant.parse("2025-06-08T13:30:00Z"), 6,
                Sepsis.RULE, "Sepsis", List.of(), null, Instant.now(), "surveillance");
    }

    @Test
    void anEndedEpisodeNeverPublishedIsAnnouncedActiveThenEnded() {
        PatientSurveillanceState state = new PatientSurveillanceState("P-1");
        assertThat(SurveillanceMonitor.announced(state, List.of(sepsis(Finding.State.ENDED)))).extracting(Finding::state)
                .containsExactly(Finding.State.ACTIVE, Finding.State.ENDED);
    }

    @Test
    void anEpisodeAlreadyPublishedIsPassedOnAsItIs() {
        PatientSurveillanceState state = new PatientSurveillanceState("P-1");
        state.published.put("ep-1", new PublishedEpisode("key", "{}"));
        assertThat(SurveillanceMonitor.announced(state, List.of(sepsis(Finding.State.ENDED)))).extracting(Finding::state)
                .containsExactly(Finding.State.ENDED);
    }
}
