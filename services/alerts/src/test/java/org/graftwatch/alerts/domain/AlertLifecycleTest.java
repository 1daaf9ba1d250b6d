package org.graftwatch.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
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
    private static final Instant T3 = Instant.parse("2025-03-18T10:00:00Z");
    private static final RuleRef RULE = new RuleRef("neutrophil-engraftment", "1");

    private static Finding finding(Finding.State state, Instant onset, double firstAnc) {
        return new Finding("ep-1", "P-1", "CASE-P-1", AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, state, onset, 13, RULE,
                "Neutrophil engraftment on day +13", List.of(new Evidence("lab-1", "751-8", firstAnc, "10*9/L", onset)), null, T1, "graft-monitor");
    }

    private static Finding sepsis(Severity severity, double lactate) {
        return new Finding("ep-sepsis", "P-1", "CASE-P-1", AlertKind.SEPSIS, severity, Finding.State.ACTIVE, ONSET, 9,
                new RuleRef("sepsis", "1"), "Sepsis on day +9", List.of(new Evidence("lab-2", "2524-7", lactate, "mmol/L", ONSET)),
                null, T1, "surveillance");
    }

    private static AlertState raised() {
        return AlertLifecycle.apply(null, finding(Finding.State.ACTIVE, ONSET, 0.58), T1).orElseThrow().state();
    }

    @Test
    void aNewEpisodeRaisesAnOpenAlertWithTheEpisodeIdAndStartsWaitingForAClinician() {
        AlertChange change = AlertLifecycle.apply(null, finding(Finding.State.ACTIVE, ONSET, 0.58), T1).orElseThrow();
        assertThat(change.alert().alertId()).isEqualTo("ep-1");
        assertThat(change.alert().status()).isEqualTo(AlertStatus.OPEN);
        assertThat(change.alert().revision()).isEqualTo(1);
        assertThat(change.alert().onsetAt()).isEqualTo(ONSET);
        assertThat(change.alert().raisedAt()).isEqualTo(T1);
        assertThat(change.state().awaitingSince()).isEqualTo(T1);
        assertThat(change.auditEntry()).isEmpty();
    }

    @Test
    void theSameFindingAgainChangesNothing() {
        AlertState alert = raised();
        assertThat(AlertLifecycle.apply(alert, finding(Finding.State.ACTIVE, ONSET, 0.58), T2)).isEmpty();
    }

    @Test
    void changedEvidenceIsANewRevisionOfTheSameAlert() {
        AlertState alert = raised();
        Instant earlier = ONSET.minusSeconds(86_400);
        AlertChange revised = AlertLifecycle.apply(alert, finding(Finding.State.ACTIVE, earlier, 0.61), T2).orElseThrow();
        assertThat(revised.alert().alertId()).isEqualTo("ep-1");
        assertThat(revised.alert().revision()).isEqualTo(2);
        assertThat(revised.alert().onsetAt()).isEqualTo(earlier);
        assertThat(revised.alert().raisedAt()).isEqualTo(T1);
        assertThat(revised.alert().changedAt()).isEqualTo(T2);
        assertThat(revised.state().awaitingSince()).as("same severity: the escalation clock keeps running").isEqualTo(T1);
        assertThat(revised.auditEntry()).isEmpty();
    }

    @Test
    void newEvidenceKeepsTheStatusAClinicianGave() {
        AlertState acknowledged = AlertLifecycle.acknowledge(raised(), "dr.meyer", null, T2).state();
        AlertChange revised = AlertLifecycle.apply(acknowledged, finding(Finding.State.ACTIVE, ONSET, 0.72), T3).orElseThrow();
        assertThat(revised.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(revised.alert().revision()).isEqualTo(3);
    }

    @Test
    void withdrawnEvidenceResolvesOnTheDetectorsBehalfAndAReturnReopens() {
        AlertState open = raised();
        AlertChange resolved = AlertLifecycle.apply(open, finding(Finding.State.WITHDRAWN, ONSET, 0.58), T2).orElseThrow();
        assertThat(resolved.alert().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.audit().actor()).isEqualTo("graft-monitor");
        assertThat(resolved.audit().reason()).isEqualTo("episode withdrawn");
        assertThat(resolved.audit().from()).isEqualTo(AlertStatus.OPEN);
        assertThat(AlertLifecycle.apply(resolved.state(), finding(Finding.State.WITHDRAWN, ONSET, 0.58), T2)).isEmpty();
        AlertChange reopened = AlertLifecycle.apply(resolved.state(), finding(Finding.State.ACTIVE, ONSET, 0.58), T3).orElseThrow();
        assertThat(reopened.alert().status()).isEqualTo(AlertStatus.OPEN);
        assertThat(reopened.alert().revision()).isEqualTo(3);
        assertThat(reopened.audit().action()).isEqualTo(AuditEntry.Action.REOPENED);
        assertThat(reopened.state().awaitingSince()).isEqualTo(T3);
    }

    @Test
    void anEpisodeFirstSeenEndedIsRaisedAlreadyResolvedAndAWithdrawnOneNotAtAll() {
        AlertChange ended = AlertLifecycle.apply(null, finding(Finding.State.ENDED, ONSET, 0.58), T1).orElseThrow();
        assertThat(ended.state().alert().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(ended.state().alert().revision()).isEqualTo(1);
        assertThat(ended.state().alert().onsetAt()).isEqualTo(ONSET);
        assertThat(ended.state().awaitingSince()).as("never escalated").isNull();
        assertThat(ended.audit().action()).isEqualTo(AuditEntry.Action.RESOLVED);
        assertThat(AlertLifecycle.apply(ended.state(), finding(Finding.State.ENDED, ONSET, 0.58), T2)).isEmpty();
        assertThat(AlertLifecycle.apply(null, finding(Finding.State.WITHDRAWN, ONSET, 0.58), T1)).isEmpty();
    }

    @Test
    void aClinicianAcknowledgesAnOpenAlertOnceWithWhoAndWhy() {
        AlertChange ack = AlertLifecycle.acknowledge(raised(), "dr.meyer", "seen on round", T2);
        assertThat(ack.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(ack.alert().revision()).isEqualTo(2);
        assertThat(ack.alert().changedAt()).isEqualTo(T2);
        assertThat(ack.state().awaitingSince()).isNull();
        assertThat(ack.audit()).isEqualTo(new AuditEntry("ep-1", "P-1", 2, AuditEntry.Action.ACKNOWLEDGED,
                AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, "dr.meyer", "seen on round", T2));
        assertThatThrownBy(() -> AlertLifecycle.acknowledge(ack.state(), "dr.meyer", null, T3))
                .isInstanceOf(ImpossibleTransition.class).hasMessageContaining("ACKNOWLEDGED");
    }

    @Test
    void anEscalatedAlertCanStillBeAcknowledged() {
        AlertState escalated = new AlertState(AlertLifecycle.withStatus(raised().alert(), AlertStatus.ESCALATED, T2), null, false);
        AlertChange ack = AlertLifecycle.acknowledge(escalated, "dr.on-call", null, T3);
        assertThat(ack.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(ack.audit().from()).isEqualTo(AlertStatus.ESCALATED);
    }

    @Test
    void aResolvedAlertCanBeNeitherAcknowledgedNorResolvedAgain() {
        AlertChange resolved = AlertLifecycle.resolve(raised(), "dr.meyer", "engraftment documented", T2);
        assertThat(resolved.alert().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.state().closedByClinician()).isTrue();
        assertThat(resolved.audit().reason()).isEqualTo("engraftment documented");
        assertThatThrownBy(() -> AlertLifecycle.acknowledge(resolved.state(), "dr.meyer", null, T3)).isInstanceOf(ImpossibleTransition.class);
        assertThatThrownBy(() -> AlertLifecycle.resolve(resolved.state(), "dr.meyer", "again", T3)).isInstanceOf(ImpossibleTransition.class);
    }

    @Test
    void aClinicianResolutionStandsUntilTheEpisodeGetsMoreSevere() {
        AlertState warning = AlertLifecycle.apply(null, sepsis(Severity.WARNING, 2.4), T1).orElseThrow().state();
        AlertState resolved = AlertLifecycle.resolve(warning, "dr.meyer", "treated, lactate falling", T2).state();
        assertThat(AlertLifecycle.apply(resolved, sepsis(Severity.WARNING, 2.4), T3)).as("replayed").isEmpty();
        assertThat(AlertLifecycle.apply(resolved, sepsis(Severity.WARNING, 2.1), T3)).as("new evidence, same severity").isEmpty();
        AlertChange worse = AlertLifecycle.apply(resolved, sepsis(Severity.CRITICAL, 4.8), T3).orElseThrow();
        assertThat(worse.alert().status()).isEqualTo(AlertStatus.OPEN);
        assertThat(worse.alert().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(worse.audit().action()).isEqualTo(AuditEntry.Action.REOPENED);
        assertThat(worse.audit().reason()).isEqualTo("episode became CRITICAL");
    }

    @Test
    void aMoreSevereEpisodeWaitingForAClinicianRestartsTheEscalationClock() {
        AlertState warning = AlertLifecycle.apply(null, sepsis(Severity.WARNING, 2.4), T1).orElseThrow().state();
        AlertChange critical = AlertLifecycle.apply(warning, sepsis(Severity.CRITICAL, 4.8), T2).orElseThrow();
        assertThat(critical.alert().status()).isEqualTo(AlertStatus.OPEN);
        assertThat(critical.state().awaitingSince()).isEqualTo(T2);
    }

    @Test
    void aSupersedingFindingLinksItsAlertToTheSupersededOne() {
        Finding shock = new Finding("ep-shock", "P-1", "CASE-P-1", AlertKind.SEPTIC_SHOCK, Severity.CRITICAL, Finding.State.ACTIVE,
                T1, 9, new RuleRef("septic-shock", "1"), "Septic shock on day +9", List.of(), "ep-sepsis", T1, "surveillance");
        AlertChange change = AlertLifecycle.apply(null, shock, T2).orElseThrow();
        assertThat(change.alert().alertId()).isEqualTo("ep-shock");
        assertThat(change.alert().supersedes()).isEqualTo("ep-sepsis");
        assertThat(AlertLifecycle.apply(change.state(), shock, T3)).as("the link is not a new change when replayed").isEmpty();
    }
}
