package org.graftwatch.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

class EscalationTest {
    private static final Duration POLICY = Duration.ofMinutes(15);
    private static final Instant RAISED = Instant.parse("2025-03-18T08:00:00Z");

    private static AlertState raise(String episodeId, AlertKind kind, Severity severity, String supersedes) {
        Finding finding = new Finding(episodeId, "P-1", "CASE-P-1", kind, severity, Finding.State.ACTIVE, RAISED.minusSeconds(600), 9,
                new RuleRef(kind.name().toLowerCase(), "1"), kind + " on day +9", List.of(), supersedes, RAISED, "surveillance");
        return AlertLifecycle.apply(null, finding, RAISED).orElseThrow().state();
    }

    private static AlertState sepsis(Severity severity) {
        return raise("ep-sepsis", AlertKind.SEPSIS, severity, null);
    }

    @Test
    void aCriticalAlertUnacknowledgedForTheConfiguredTimeEscalatesOnce() {
        AlertState sepsis = sepsis(Severity.CRITICAL);
        assertThat(Escalation.due(sepsis, RAISED.plus(POLICY).minusSeconds(1), POLICY, List.of())).isEmpty();
        AlertChange escalated = Escalation.due(sepsis, RAISED.plus(POLICY), POLICY, List.of()).orElseThrow();
        assertThat(escalated.alert().status()).isEqualTo(AlertStatus.ESCALATED);
        assertThat(escalated.alert().revision()).isEqualTo(2);
        assertThat(escalated.alert().changedAt()).isEqualTo(RAISED.plus(POLICY));
        assertThat(escalated.audit().action()).isEqualTo(AuditEntry.Action.ESCALATED);
        assertThat(escalated.audit().actor()).isEqualTo(Escalation.ACTOR);
        assertThat(escalated.audit().reason()).isEqualTo("CRITICAL alert unacknowledged for 15 min");
        assertThat(Escalation.due(escalated.state(), RAISED.plus(POLICY.multipliedBy(3)), POLICY, List.of()))
                .as("no repeat").isEmpty();
    }

    @Test
    void theTimeIsConfigurable() {
        Duration five = Duration.ofMinutes(5);
        assertThat(Escalation.due(sepsis(Severity.CRITICAL), RAISED.plus(five), five, List.of())).isPresent();
    }

    @Test
    void onlyCriticalAlertsLeftOpenEscalate() {
        Instant late = RAISED.plus(Duration.ofHours(2));
        assertThat(Escalation.due(sepsis(Severity.WARNING), late, POLICY, List.of())).isEmpty();
        AlertState acknowledged = AlertLifecycle.acknowledge(sepsis(Severity.CRITICAL), "dr.meyer", null, RAISED.plusSeconds(60)).state();
        assertThat(Escalation.due(acknowledged, late, POLICY, List.of())).isEmpty();
        AlertState resolved = AlertLifecycle.resolve(sepsis(Severity.CRITICAL), "dr.meyer", "treated", RAISED.plusSeconds(60)).state();
        assertThat(Escalation.due(resolved, late, POLICY, List.of())).isEmpty();
    }

    @Test
    void anAlertSupersededByAnOpenOneIsNotEscalated() {
        AlertState sepsis = sepsis(Severity.CRITICAL);
        AlertEvent shock = raise("ep-shock", AlertKind.SEPTIC_SHOCK, Severity.CRITICAL, "ep-sepsis").alert();
        Instant late = RAISED.plus(POLICY).plusSeconds(1);
        assertThat(Escalation.due(sepsis, late, POLICY, List.of(sepsis.alert(), shock))).isEmpty();
        // the superseding alert resolved: the earlier one is on its own again
        AlertEvent shockResolved = AlertLifecycle.resolve(new AlertState(shock, null, false), "dr.meyer", "MAP restored", late).alert();
        assertThat(Escalation.due(sepsis, late, POLICY, List.of(shockResolved))).isPresent();
    }

    @Test
    void septicShockInhibitsSepsisAndFebrileNeutropeniaEvenWhenNamingOnlyOne() {
        AlertState neutropenicFever = raise("ep-fn", AlertKind.FEBRILE_NEUTROPENIA, Severity.CRITICAL, null);
        AlertEvent shock = raise("ep-shock", AlertKind.SEPTIC_SHOCK, Severity.CRITICAL, "ep-sepsis").alert();
        Instant late = RAISED.plus(POLICY);
        assertThat(Escalation.due(neutropenicFever, late, POLICY, List.of(shock))).isEmpty();
        assertThat(Escalation.due(raise("ep-shock", AlertKind.SEPTIC_SHOCK, Severity.CRITICAL, "ep-sepsis"), late, POLICY,
                List.of(neutropenicFever.alert(), sepsis(Severity.CRITICAL).alert()))).as("the less severe never inhibit").isPresent();
    }

    @Test
    void aCriticalChimerismDeclineInhibitsTheWarningButNotTheOtherWayRound() {
        AlertEvent warning = raise("ep-chim-w", AlertKind.CHIMERISM_DECLINE, Severity.WARNING, null).alert();
        AlertEvent critical = raise("ep-chim-c", AlertKind.CHIMERISM_DECLINE, Severity.CRITICAL, "ep-chim-w").alert();
        assertThat(Inhibition.inhibitor(warning, List.of(warning, critical))).contains(critical);
        assertThat(Inhibition.inhibitor(critical, List.of(warning, critical))).isEmpty();
    }

    @Test
    void anotherPatientsAlertsNeverInhibit() {
        AlertState sepsis = sepsis(Severity.CRITICAL);
        AlertEvent shock = raise("ep-shock", AlertKind.SEPTIC_SHOCK, Severity.CRITICAL, null).alert();
        AlertEvent otherPatientsShock = new AlertEvent(shock.alertId(), "P-2", shock.caseId(), shock.kind(), shock.severity(),
                shock.status(), shock.onsetAt(), shock.raisedAt(), shock.dayPostTransplant(), shock.rule(), shock.summary(),
                shock.evidence(), "ep-sepsis", shock.revision(), shock.changedAt());
        assertThat(Escalation.due(sepsis, RAISED.plus(POLICY), POLICY, List.of(otherPatientsShock))).isPresent();
    }
}
