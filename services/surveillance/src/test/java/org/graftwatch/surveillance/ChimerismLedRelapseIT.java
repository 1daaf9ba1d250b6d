package org.graftwatch.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.graftwatch.surveillance.domain.Relapse;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Chimerism-led relapse through the real broker and store: the graft monitor's CD33+ chimerism decline, read from
 * tx.findings.v1, with a positive flow MRD within 30 days; other findings ignored; unusable findings dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class ChimerismLedRelapseIT {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-10-30");

    private static SurveillanceFeed transplanted(TopicProbe probe) {
        return new SurveillanceFeed(probe).treated(new CaseEvent.Treatment("HSCT-" + DAY_ZERO, CaseEvent.TreatmentType.HSCT, DAY_ZERO,
                "myeloablative", List.of(new CaseEvent.GraftSource("UCB-1", CaseEvent.GraftKind.UCB, "unrelated", "6/8", null, null),
                        new CaseEvent.GraftSource("PBSC-H", CaseEvent.GraftKind.PBSC, "haploidentical", "5/10", null, null)),
                null, null, null, null), CaseEvent.Type.HSCT_RECORDED);
    }

    /** A decline as the graft monitor publishes it: in {@code lineage}, from 99 % to {@code to} % at {@code onset}. */
    private static Finding decline(String patientId, String episodeId, Analyte lineage, String onset, double to, Finding.State state) {
        Instant at = Instant.parse(onset);
        return new Finding(episodeId, patientId, "CASE-" + patientId, AlertKind.CHIMERISM_DECLINE, Severity.WARNING, state, at, 80,
                new RuleRef("chimerism-decline", "1"), "Donor chimerism in " + lineage.code() + " fell to " + to + " %",
                List.of(new Evidence(lineage.code() + "-d66", lineage.code(), 99.0, "%", at.minus(Duration.ofDays(14))),
                        new Evidence(lineage.code() + "-d80", lineage.code(), to, "%", at)),
                null, Instant.now(), "graft-monitor");
    }

    @Test
    void aMyeloidChimerismDeclineWithPositiveMrdIsACriticalRelapseOnceAndWithdrawnWithTheDecline() {
        try (TopicProbe probe = TopicProbe.connect()) {
            SurveillanceFeed patient = transplanted(probe);
            patient.reading("mrd-1", Analyte.MRD_FLOW, "2026-01-05T09:00:00Z", 0.02);
            // ignored: a T-cell decline, a decline of surveillance's own, a finding of another kind
            patient.finding(EventJson.write(decline(patient.patientId, "ep-cd3", Analyte.CHIMERISM_CD3, "2026-01-18T09:00:00Z", 80,
                    Finding.State.ACTIVE)));
            Finding own = decline(patient.patientId, "ep-own", Analyte.CHIMERISM_CD33, "2026-01-18T09:00:00Z", 85, Finding.State.ACTIVE);
            patient.finding(EventJson.write(new Finding(own.episodeId(), own.patientId(), own.caseId(), own.kind(), own.severity(),
                    own.state(), own.onsetAt(), null, own.rule(), own.summary(), own.evidence(), null, own.detectedAt(), "surveillance")));
            patient.reading("mrd-2", Analyte.MRD_FLOW, "2026-01-26T09:00:00Z", 0.3);
            Finding conversion = patient.await(f -> f.kind() == AlertKind.RELAPSE, 1).get(0);
            assertThat(conversion.rule()).isEqualTo(Relapse.MRD_CONVERSION);

            // the graft monitor's CD33+ decline of 2026-01-18, eight days before the positive MRD
            Finding cd33 = decline(patient.patientId, "ep-cd33", Analyte.CHIMERISM_CD33, "2026-01-18T09:00:00Z", 88, Finding.State.ACTIVE);
            patient.finding(EventJson.write(cd33));
            Finding led = patient.await(f -> Relapse.CHIMERISM_LED.equals(f.rule()), 1).get(0);
            assertThat(led.kind()).isEqualTo(AlertKind.RELAPSE);
            assertThat(led.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(led.state()).isEqualTo(Finding.State.ACTIVE);
            assertThat(led.onsetAt()).isEqualTo(Instant.parse("2026-01-26T09:00:00Z"));
            assertThat(led.dayPostTransplant()).isEqualTo(88);
            assertThat(led.supersedes()).isEqualTo(conversion.episodeId());
            assertThat(led.evidence()).extracting(Evidence::observationId).containsExactly("chimerism-cd33-d66", "chimerism-cd33-d80", "mrd-2");
            assertThat(led.summary()).contains("CD33+ myeloid cells fell to 88 % (from 99 %)", "flow MRD 0.3 %");

            // the same decline again: still one relapse
            patient.finding(EventJson.write(cd33));
            assertThat(patient.published(Duration.ofSeconds(4))).filteredOn(f -> Relapse.CHIMERISM_LED.equals(f.rule())).hasSize(1);

            // the graft monitor withdraws the decline (its evidence was retracted): so is the relapse it made
            patient.finding(EventJson.write(decline(patient.patientId, "ep-cd33", Analyte.CHIMERISM_CD33, "2026-01-18T09:00:00Z", 88,
                    Finding.State.WITHDRAWN)));
            Finding withdrawn = patient.await(f -> Relapse.CHIMERISM_LED.equals(f.rule()) && f.state() == Finding.State.WITHDRAWN, 1).get(0);
            assertThat(withdrawn.episodeId()).isEqualTo(led.episodeId());
        }
    }

    @Test
    void anUnreadableOrIncompleteFindingIsADeadLetterWithTheReasonAndTheChannelGoesOn() {
        try (TopicProbe probe = TopicProbe.connect()) {
            SurveillanceFeed patient = transplanted(probe);
            patient.finding("{\"episodeId\":");
            Finding complete = decline(patient.patientId, "ep-cd34", Analyte.CHIMERISM_CD34, "2026-01-18T09:00:00Z", 85, Finding.State.ACTIVE);
            String withoutOnset = EventJson.write(complete).replace("\"onsetAt\":\"2026-01-18T09:00:00Z\",", "");
            patient.finding(withoutOnset);

            var letters = probe.await("surveillance.dlq.v1", r -> patient.patientId.equals(r.key()), 2, SurveillanceFeed.WAIT);
            letters.forEach(r -> ContractSchemas.assertConforms(Topics.WARD_DLQ, r.value()));
            List<DeadLetter> dead = letters.stream().map(r -> EventJson.read(r.value(), DeadLetter.class)).toList();
            assertThat(dead).allSatisfy(d -> assertThat(d.sourceTopic()).isEqualTo(Topics.FINDINGS));
            assertThat(dead.get(0).problems().get(0).message()).startsWith("Finding:");
            assertThat(dead.get(1).payload()).isEqualTo(withoutOnset);
            assertThat(dead.get(1).problems().get(0).message()).contains("IllegalArgumentException", "onsetAt");

            // the complete decline and a positive MRD still make the relapse
            patient.finding(EventJson.write(complete)).reading("mrd-1", Analyte.MRD_FLOW, "2026-02-10T09:00:00Z", 0.15);
            Finding led = patient.await(f -> Relapse.CHIMERISM_LED.equals(f.rule()), 1).get(0);
            assertThat(led.summary()).contains("CD34+ progenitors fell to 85 %");
            assertThat(led.onsetAt()).isEqualTo(Instant.parse("2026-02-10T09:00:00Z"));
        }
    }
}
