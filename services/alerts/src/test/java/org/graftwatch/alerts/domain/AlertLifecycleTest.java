package org.graftwatch.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {
    private static final Instant ONSET = Instant.parse("2025-03-16T07:30:00Z");
    private static final Instant T1 = Instant.parse("2025-03-18T08:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-18T09:00:00Z");
    private static final RuleRef RULE = new RuleRef("neutrophil-engraftment", "1");

    private static Finding finding(Finding.State state, Instant onset, double firstAnc) {
        return new Finding("ep-1", "P-1", "CASE-P-1", AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, state, onset, 13, RULE,
                "Neutrophil engraftment on day +13", List.of(new Evidence("lab-1", "751-8", firstAnc, "10*9/L", onset)), null, T1, "graft-monitor");
    }

    @Test
    void aNewEpisodeRaisesAnOpenAlertWithTheEpisodeId() {
        AlertEvent alert = AlertLifecycle.apply(null, finding(Finding.State.ACTIVE, ONSET, 0.58), T1).orElseThrow();
        assertThat(alert.alertId()).isEqualTo("ep-1");
        assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(alert.revision()).isEqualTo(1);
        assertThat(alert.onsetAt()).isEqualTo(ONSET);
        assertThat(alert.raisedAt()).isEqualTo(T1);
    }

    @Test
    void theSameFindingAgainChangesNothing() {
        AlertEvent alert = AlertLifecycle.apply(null, finding(Finding.State.ACTIVE, ONSET, 0.58), T1).orElseThrow();
        assertThat(AlertLifecycle.apply(alert, finding(Finding.State.ACTIVE, ONSET, 0.58), T2)).isEmpty();
    }

    @Test
    void changedEvidenceIsANewRevisionOfTheSameAlert() {
        AlertEvent alert = AlertLifecycle.apply(null, finding(Finding.State.ACTIVE, ONSET, 0.58), T1).orElseThrow();
        Instant earlier = ONSET.minusSeconds(86_400);
        AlertEvent revised = AlertLifecycle.apply(alert, finding(Finding.State.ACTIVE, earlier, 0.61), T2).orElseThrow();
        assertThat(revised.alertId()).isEqualTo(alert.alertId());
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.onsetAt()).isEqualTo(earlier);
        assertThat(revised.raisedAt()).isEqualTo(T1);
        assertThat(revised.changedAt()).isEqualTo(T2);
    }

    @Test
    void withdrawnEvidenceResolvesAndAReturnReopens() {
        AlertEvent open = AlertLifecycle.apply(null, finding(Finding.State.ACTIVE, ONSET, 0.58), T1).orElseThrow();
        AlertEvent resolved = AlertLifecycle.apply(open, finding(Finding.State.WITHDRAWN, ONSET, 0.58), T2).orElseThrow();
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(AlertLifecycle.apply(resolved, finding(Finding.State.WITHDRAWN, ONSET, 0.58), T2)).isEmpty();
        AlertEvent reopened = AlertLifecycle.apply(resolved, finding(Finding.State.ACTIVE, ONSET, 0.58), T2).orElseThrow();
        assertThat(reopened.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(reopened.revision()).isEqualTo(3);
    }

    @Test
    void anEpisodeNeverRaisedIsNotRaisedByItsEnd() {
        assertThat(AlertLifecycle.apply(null, finding(Finding.State.ENDED, ONSET, 0.58), T1)).isEmpty();
    }
}
