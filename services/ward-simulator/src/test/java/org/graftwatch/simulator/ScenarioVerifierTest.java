package org.graftwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.graftwatch.simulator.VerificationReport.Check;
import org.graftwatch.simulator.VerificationReport.Row;
import org.junit.jupiter.api.Test;

class ScenarioVerifierTest {

    private static final String ENGRAFTMENT = """
            {"kind": "NEUTROPHIL_ENGRAFTMENT", "severity": "INFO", "onsetDate": "2025-03-16", "day": 13}""";

    @Test
    void passesAnAlertOfTheKindSeverityDateAndDayExpected() {
        Row row = onlyRow(expecting(ENGRAFTMENT), alert(AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, "2025-03-16T07:30:00Z", 13));

        assertThat(row.passed()).isTrue();
        assertThat(row.check()).isEqualTo(Check.EXPECTED);
        assertThat(row.kind()).isEqualTo(AlertKind.NEUTROPHIL_ENGRAFTMENT);
        assertThat(row.line()).isEqualTo("PASS  expected NEUTROPHIL_ENGRAFTMENT INFO on 2025-03-16 (day +13)");
    }

    @Test
    void failsAnotherSeverityAndSaysWhatWasRaised() {
        Row row = onlyRow(expecting(ENGRAFTMENT), alert(AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.WARNING, "2025-03-16T07:30:00Z", 13));

        assertThat(row.passed()).isFalse();
        assertThat(row.line()).isEqualTo("FAIL  expected NEUTROPHIL_ENGRAFTMENT INFO on 2025-03-16 (day +13): "
                + "raised NEUTROPHIL_ENGRAFTMENT WARNING onset 2025-03-16 (day +13)");
    }

    @Test
    void failsAnOnsetADayLateWithoutTolerance() {
        Row row = onlyRow(expecting("""
                {"kind": "POOR_COUNT_RECOVERY", "severity": "CRITICAL", "onsetDate": "2025-01-15"}"""),
                alert(AlertKind.POOR_COUNT_RECOVERY, Severity.CRITICAL, "2025-01-16T00:10:00Z", null));

        assertThat(row.passed()).isFalse();
        assertThat(row.detail()).endsWith(": raised POOR_COUNT_RECOVERY CRITICAL onset 2025-01-16");
    }

    @Test
    void passesAnOnsetADayLateWithinToleranceOfOneDay() {
        Row row = onlyRow(expecting("""
                {"kind": "POOR_COUNT_RECOVERY", "severity": "CRITICAL", "onsetDate": "2025-01-15", "toleranceDays": 1}"""),
                alert(AlertKind.POOR_COUNT_RECOVERY, Severity.CRITICAL, "2025-01-16T00:10:00Z", null));

        assertThat(row.passed()).isTrue();
        assertThat(row.detail()).isEqualTo("expected POOR_COUNT_RECOVERY CRITICAL on 2025-01-15 ±1d");
    }

    @Test
    void countsTheOnsetOnItsUtcDateWhateverTheMachinesZone() {
        Row lateEvening = onlyRow(expecting(ENGRAFTMENT), alert(AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, "2025-03-16T23:30:00Z", 13));
        Row earlyMorning = onlyRow(expecting(ENGRAFTMENT), alert(AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, "2025-03-16T00:30:00Z", 13));

        assertThat(lateEvening.passed()).isTrue();
        assertThat(earlyMorning.passed()).isTrue();
    }

    @Test
    void failsAnotherDayPostTransplant() {
        Row row = onlyRow(expecting(ENGRAFTMENT), alert(AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, "2025-03-16T07:30:00Z", 14));

        assertThat(row.passed()).isFalse();
        assertThat(row.detail()).endsWith("raised NEUTROPHIL_ENGRAFTMENT INFO onset 2025-03-16 (day +14)");
    }

    @Test
    void failsWhenNothingOfTheKindWasRaised() {
        Row row = onlyRow(expecting(ENGRAFTMENT), alert(AlertKind.SEPSIS, Severity.CRITICAL, "2025-03-16T07:30:00Z", 13));

        assertThat(row.line()).isEqualTo("FAIL  expected NEUTROPHIL_ENGRAFTMENT INFO on 2025-03-16 (day +13): nothing raised");
    }

    @Test
    void anyRevisionOfAnAlertCounts() {
        AlertEvent opened = alert(AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.WARNING, "2025-03-16T07:30:00Z", 13);
        AlertEvent escalated = alert(AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, "2025-03-16T07:30:00Z", 13);

        assertThat(onlyRow(expecting(ENGRAFTMENT), opened, escalated).passed()).isTrue();
    }

    @Test
    void failsAForbiddenAlertInsideItsWindowAndListsIt() {
        Row row = onlyRow(forbidding("""
                {"kind": "SEPSIS", "from": "2025-06-11", "to": "2025-06-24"}"""),
                alert(AlertKind.SEPSIS, Severity.CRITICAL, "2025-06-12T10:00:00Z", 10),
                alert(AlertKind.SEPSIS, Severity.CRITICAL, "2025-06-24T23:59:00Z", 22));

        assertThat(row.passed()).isFalse();
        assertThat(row.check()).isEqualTo(Check.MUST_NOT);
        assertThat(row.line()).isEqualTo("FAIL  must-not SEPSIS 2025-06-11..2025-06-24: "
                + "raised SEPSIS CRITICAL onset 2025-06-12; SEPSIS CRITICAL onset 2025-06-24");
    }

    @Test
    void passesAForbiddenKindRaisedOutsideItsWindow() {
        Row row = onlyRow(forbidding("""
                {"kind": "SEPSIS", "from": "2025-06-11", "to": "2025-06-24"}"""),
                alert(AlertKind.SEPSIS, Severity.CRITICAL, "2025-06-10T23:59:00Z", 8),
                alert(AlertKind.SEPSIS, Severity.CRITICAL, "2025-06-25T00:00:00Z", 23),
                alert(AlertKind.SEPTIC_SHOCK, Severity.CRITICAL, "2025-06-12T00:00:00Z", 10));

        assertThat(row.line()).isEqualTo("PASS  must-not SEPSIS 2025-06-11..2025-06-24");
    }

    @Test
    void anOpenEndedWindowReachesAsFarAsItGoes() {
        Scenario scenario = forbidding("""
                {"kind": "GRAFT_FAILURE"}""", """
                {"kind": "RELAPSE", "from": "2025-03-03"}""");

        VerificationReport report = ScenarioVerifier.verify(scenario, List.of(
                alert(AlertKind.GRAFT_FAILURE, Severity.CRITICAL, "2030-01-01T00:00:00Z", null),
                alert(AlertKind.RELAPSE, Severity.WARNING, "2025-03-02T12:00:00Z", null)));

        assertThat(report.rows()).extracting(Row::line).containsExactly(
                "FAIL  must-not GRAFT_FAILURE: raised GRAFT_FAILURE CRITICAL onset 2030-01-01",
                "PASS  must-not RELAPSE 2025-03-03..");
        assertThat(report.summary()).isEqualTo("1 passed, 1 failed");
        assertThat(report.passed()).isFalse();
    }

    private static Row onlyRow(Scenario scenario, AlertEvent... alerts) {
        VerificationReport report = ScenarioVerifier.verify(scenario, List.of(alerts));
        assertThat(report.rows()).hasSize(1);
        return report.rows().get(0);
    }

    private static Scenario expecting(String... expected) {
        return Scenario.parse("""
                {"id": "v", "patient": {"id": "P-V"}, "expectedAlerts": [%s]}""".formatted(String.join(",", expected)), "v.json");
    }

    private static Scenario forbidding(String... forbidden) {
        return Scenario.parse("""
                {"id": "v", "patient": {"id": "P-V"}, "mustNotAlert": [%s]}""".formatted(String.join(",", forbidden)), "v.json");
    }

    static AlertEvent alert(AlertKind kind, Severity severity, String onsetAt, Integer day) {
        Instant onset = Instant.parse(onsetAt);
        return new AlertEvent(kind + "-" + onsetAt, "P-V", "C-V", kind, severity, AlertStatus.OPEN, onset, onset.plusSeconds(60),
                day, new RuleRef(kind.name().toLowerCase(), "1"), kind + " on " + onsetAt, List.of(), null, 1, onset.plusSeconds(60));
    }
}
