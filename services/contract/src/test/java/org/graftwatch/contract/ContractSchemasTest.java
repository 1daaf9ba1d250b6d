package org.graftwatch.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {
    private static final Instant T = Instant.parse("2025-03-16T07:30:00Z");
    private static final RuleRef RULE = new RuleRef("neutrophil-engraftment", "1");
    private static final Evidence ANC = new Evidence("lab-0001", "751-8", 0.58, "10*9/L", T);

    @Test
    void everyTopicPublishesASchema() {
        for (String topic : List.of(Topics.OBSERVATIONS, Topics.CASE_EVENTS, Topics.FINDINGS, Topics.ALERTS, Topics.WARD_DLQ)) {
            assertThat(ContractSchemas.schemaOf(topic)).isNotNull();
        }
    }

    @Test
    void observationConformsAndRoundTrips() {
        ObservationEvent chimerism = new ObservationEvent("e-1", ObservationEvent.Type.RESULT, "P-1", "lab-0040", Topics.WARD_LABS,
                "final", Analyte.CHIMERISM_WB, "chimerism-wb", T, 99.0, "%", null, null,
                List.of(new ObservationEvent.SourceShare("UCB-1", 93), new ObservationEvent.SourceShare("PBSC-A", 6)), T);
        String json = EventJson.write(chimerism);
        ContractSchemas.assertConforms(Topics.OBSERVATIONS, json);
        assertThat(EventJson.read(json, ObservationEvent.class)).isEqualTo(chimerism);
    }

    @Test
    void resultWithoutAnyValueIsRejectedBySchema() {
        ObservationEvent empty = new ObservationEvent("e-1", ObservationEvent.Type.RESULT, "P-1", "lab-1", Topics.WARD_LABS,
                "final", Analyte.ANC, "751-8", T, null, null, null, null, null, T);
        assertThat(ContractSchemas.violations(Topics.OBSERVATIONS, EventJson.write(empty))).isNotEmpty();
    }

    @Test
    void caseEventWithTwoGraftSourcesConforms() {
        var hsct = new CaseEvent.Treatment("T-1", CaseEvent.TreatmentType.HSCT, LocalDate.parse("2025-03-03"), "myeloablative",
                List.of(new CaseEvent.GraftSource("UCB-1", CaseEvent.GraftKind.UCB, "unrelated", "5/8", null, 3.1e7),
                        new CaseEvent.GraftSource("PBSC-A", CaseEvent.GraftKind.PBSC, "haploidentical", "5/10", 5.0e6, null)),
                null, null, null, null);
        var event = new CaseEvent("ce-1", CaseEvent.Type.HSCT_RECORDED, "P-1", "C-1", 2, T,
                new CaseEvent.CaseSnapshot(new CaseEvent.Patient("P-1", "male", LocalDate.parse("1989-05-14"), "AML", "HEM-3"), List.of(hsct)));
        String json = EventJson.write(event);
        ContractSchemas.assertConforms(Topics.CASE_EVENTS, json);
        assertThat(EventJson.read(json, CaseEvent.class)).isEqualTo(event);
    }

    @Test
    void steroidCourseWithItsDoseConformsAndRoundTrips() {
        var steroids = CaseEvent.Treatment.steroids("SYSTEMIC_STEROIDS-2025-05-20", LocalDate.parse("2025-05-20"), 2.0);
        var event = new CaseEvent("ce-2", CaseEvent.Type.STEROIDS_RECORDED, "P-1", "C-1", 3, T,
                new CaseEvent.CaseSnapshot(new CaseEvent.Patient("P-1", null, null, "AML", "HEM-3"), List.of(steroids)));
        String json = EventJson.write(event);
        ContractSchemas.assertConforms(Topics.CASE_EVENTS, json);
        assertThat(EventJson.read(json, CaseEvent.class)).isEqualTo(event);
        assertThat(json).contains("\"doseMgPerKgPerDay\":2.0");
    }

    @Test
    void steroidsWithoutADoseViolateSchema() {
        String json = """
                {"eventId":"e","type":"STEROIDS_RECORDED","patientId":"P","caseId":"C","version":2,"recordedAt":"2025-03-03T00:00:00Z",
                 "snapshot":{"patient":{"id":"P"},"treatments":[{"id":"T","type":"SYSTEMIC_STEROIDS","date":"2025-05-20"}]}}""";
        assertThat(ContractSchemas.violations(Topics.CASE_EVENTS, json)).isNotEmpty();
        assertThat(ContractSchemas.violations(Topics.CASE_EVENTS, json.replace("\"date\":\"2025-05-20\"",
                "\"date\":\"2025-05-20\",\"doseMgPerKgPerDay\":0"))).as("a dose must be positive").isNotEmpty();
    }

    @Test
    void hsctWithoutGraftSourceViolatesSchema() {
        String json = """
                {"eventId":"e","type":"HSCT_RECORDED","patientId":"P","caseId":"C","version":2,"recordedAt":"2025-03-03T00:00:00Z",
                 "snapshot":{"patient":{"id":"P"},"treatments":[{"id":"T","type":"HSCT","date":"2025-03-03","sources":[]}]}}""";
        assertThat(ContractSchemas.violations(Topics.CASE_EVENTS, json)).isNotEmpty();
    }

    @Test
    void findingAndAlertConform() {
        Finding finding = new Finding(Finding.episodeIdFor("P-1", RULE.id(), "2025-03-03"), "P-1", "C-1",
                AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, Finding.State.ACTIVE, T, 13, RULE,
                "Neutrophil engraftment on day +13", List.of(ANC), null, T, "graft-monitor");
        ContractSchemas.assertConforms(Topics.FINDINGS, EventJson.write(finding));
        AlertEvent alert = new AlertEvent(finding.episodeId(), "P-1", "C-1", finding.kind(), finding.severity(), AlertStatus.OPEN,
                T, T, 13, RULE, finding.summary(), finding.evidence(), null, 1, T);
        String json = EventJson.write(alert);
        ContractSchemas.assertConforms(Topics.ALERTS, json);
        assertThat(EventJson.read(json, AlertEvent.class)).isEqualTo(alert);
    }

    @Test
    void alertWithUnknownKindViolatesSchema() {
        String json = EventJson.write(new AlertEvent("a", "P", null, AlertKind.RELAPSE, Severity.CRITICAL, AlertStatus.OPEN,
                T, T, null, RULE, "s", List.of(), null, 1, T)).replace("RELAPSE", "SOMETHING_ELSE");
        assertThatThrownBy(() -> ContractSchemas.assertConforms(Topics.ALERTS, json)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("kind");
    }

    @Test
    void deadLetterNeedsAtLeastOneProblem() {
        DeadLetter ok = new DeadLetter(Topics.WARD_LABS, 0, 12L, "P-1", "{not json", List.of(new DeadLetter.Problem(null, "not JSON")), T, "ingest");
        ContractSchemas.assertConforms(Topics.WARD_DLQ, EventJson.write(ok));
        DeadLetter none = new DeadLetter(Topics.WARD_LABS, 0, 12L, "P-1", "{}", List.of(), T, "ingest");
        assertThat(ContractSchemas.violations(Topics.WARD_DLQ, EventJson.write(none))).isNotEmpty();
    }

    @Test
    void malformedEventSaysWhy() {
        assertThatThrownBy(() -> EventJson.read("{\"alertId\":", AlertEvent.class))
                .isInstanceOf(EventJson.MalformedEventException.class).hasMessageContaining("AlertEvent");
    }

    @Test
    void episodeIdsAreStable() {
        assertThat(Finding.episodeIdFor("P-1", "r", "a")).isEqualTo(Finding.episodeIdFor("P-1", "r", "a"))
                .isNotEqualTo(Finding.episodeIdFor("P-2", "r", "a"));
    }
}
