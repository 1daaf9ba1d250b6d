package org.graftwatch.graftmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.graftwatch.graftmonitor.GraftTimeline.BEDSIDE;
import static org.graftwatch.graftmonitor.GraftTimeline.LABORATORY;
import static org.graftwatch.graftmonitor.GraftTimeline.source;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Platelet engraftment and primary graft failure with late results, through the real broker and store. The laboratory
 * (counts) and the ward (bedside documentation, transfusions included) reach the platform as separate streams that
 * lag each other: a conclusion that a late record of the lagging stream could overturn waits until that stream has
 * reported past it, unless the stream has gone quiet (nothing received from it for six hours of arrival time while
 * the other keeps delivering). The last test shows the price of that exception.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class LateInputStreamsIT {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-03-03");

    private static GraftTimeline transplanted(TopicProbe probe) {
        return new GraftTimeline(probe, DAY_ZERO).registered(CaseEvent.TreatmentType.HSCT, source("PBSC-A", CaseEvent.GraftKind.PBSC));
    }

    /** The ward's bedside documentation: a temperature every day of {@code fromDay}..{@code toDay}, received at {@code receivedAt}. */
    private static List<ObservationEvent> wardRounds(GraftTimeline patient, int fromDay, int toDay, Instant receivedAt) {
        List<ObservationEvent> rounds = new ArrayList<>();
        for (int day = fromDay; day <= toDay; day++) {
            rounds.add(patient.result(BEDSIDE, Analyte.BODY_TEMPERATURE, day, "08:00", 36.8, receivedAt));
        }
        return rounds;
    }

    /** Platelets after a nadir: 25 on days +15..+17 (a run), 18 on day +18, 30 on days +22..+24 (a second run). */
    private static List<ObservationEvent> platelets(GraftTimeline patient) {
        List<ObservationEvent> counts = new ArrayList<>();
        for (int day = 1; day <= 24; day++) {
            double value = day >= 15 && day <= 17 ? 25 : day >= 22 ? 30 : day == 18 ? 18 : 15;
            counts.add(patient.result(LABORATORY, Analyte.PLATELETS, day, "07:30", value));
        }
        return counts;
    }

    @Test
    void aTransfusionTheWardDocumentsLateIsWaitedForAndVoidsTheRunItPrecedes() {
        try (TopicProbe probe = TopicProbe.connect()) {
            GraftTimeline patient = transplanted(probe);
            // the ward has documented up to day +10; the laboratory is at day +24
            patient.send(wardRounds(patient, 1, 10, Instant.now())).send(platelets(patient));
            assertThat(patient.findings(Duration.ofSeconds(4))).as("the run of days +15..+17 waits for the ward").isEmpty();

            // the ward catches up, in its own order, with the platelet transfusion of day +12: days +15..+17 follow it by three days
            List<ObservationEvent> ward = new ArrayList<>(wardRounds(patient, 11, 24, Instant.now()));
            ward.add(2, patient.result(BEDSIDE, Analyte.PLATELET_TRANSFUSION, 12, "10:00", 1));
            patient.send(ward);
            Finding engraftment = patient.awaitFinding(f -> f.kind() == AlertKind.PLATELET_ENGRAFTMENT);
            assertThat(engraftment.dayPostTransplant()).isEqualTo(22);
            assertThat(patient.findings(Duration.ofSeconds(3))).as("never dated day +15, not even for a moment")
                    .extracting(Finding::dayPostTransplant).containsExactly(22);
        }
    }

    @Test
    void primaryGraftFailureWaitsForTheCountsWhenTheWardIsAhead() {
        try (TopicProbe probe = TopicProbe.connect()) {
            GraftTimeline patient = transplanted(probe);
            // the ward has documented to day +30 (past the day +28 deadline); the counts have reached day +20
            patient.send(wardRounds(patient, 1, 30, Instant.now()));
            patient.send(patient.daily(Analyte.ANC, 1, 0.3, 0.1, 0.05, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.02, 0.03, 0.05, 0.05,
                    0.08, 0.1, 0.15, 0.2, 0.3, 0.4));
            assertThat(patient.findings(Duration.ofSeconds(4))).as("no graft failure while the counts lag").isEmpty();

            // the counts of days +21..+30 arrive: ANC 0.5 or more from day +25, engrafted in time
            patient.send(patient.daily(Analyte.ANC, 21, 0.4, 0.45, 0.42, 0.48, 0.55, 0.7, 0.9, 1.2, 1.5, 1.8));
            Finding engraftment = patient.awaitFinding(f -> f.kind() == AlertKind.NEUTROPHIL_ENGRAFTMENT);
            assertThat(engraftment.dayPostTransplant()).isEqualTo(25);
            assertThat(patient.findings(Duration.ofSeconds(3))).extracting(Finding::kind).containsExactly(AlertKind.NEUTROPHIL_ENGRAFTMENT);
        }
    }

    @Test
    void aWardQuietForSixHoursNoLongerHoldsEngraftmentBackSoItsLateTransfusionWithdrawsTheFinding() {
        try (TopicProbe probe = TopicProbe.connect()) {
            GraftTimeline patient = transplanted(probe);
            Instant wardLastHeard = Instant.now().minus(Duration.ofHours(7));
            patient.send(wardRounds(patient, 1, 10, wardLastHeard));
            patient.send(platelets(patient).subList(0, 17));
            Finding engraftment = patient.awaitFinding(f -> f.kind() == AlertKind.PLATELET_ENGRAFTMENT);
            assertThat(engraftment.dayPostTransplant()).isEqualTo(15);
            assertThat(engraftment.state()).isEqualTo(Finding.State.ACTIVE);

            // the ward was only late, and now documents the transfusion of day +12
            patient.send(patient.result(BEDSIDE, Analyte.PLATELET_TRANSFUSION, 12, "10:00", 1, Instant.now()));
            Finding withdrawn = patient.awaitFinding(f -> f.state() == Finding.State.WITHDRAWN);
            assertThat(withdrawn.episodeId()).isEqualTo(engraftment.episodeId());
        }
    }
}
