package org.graftwatch.graftmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.graftwatch.graftmonitor.GraftTimeline.source;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.Finding;
import org.bson.Document;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.graftmonitor.persistence.PatientGraftStateRepository;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Through the real broker and store: findings end when their condition resolves (chimerism back to full donor, counts
 * recovered), the ended episode keeps its id, and a second decline after recovery is a new finding; replaying the
 * same input leaves the stored state as it was.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class GraftEpisodeEndsIT {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-03-03");

    @Inject
    PatientGraftStateRepository repository;

    /** The patient's document as stored, as JSON. */
    private String storedState(String patientId) {
        return repository.mongoCollection().withDocumentClass(Document.class).find(new Document("_id", patientId)).first().toJson();
    }

    @Test
    void aChimerismDeclineEndsWhenFullDonorAgainAndTheNextDeclineIsANewFinding() {
        try (TopicProbe probe = TopicProbe.connect()) {
            GraftTimeline patient = new GraftTimeline(probe, DAY_ZERO).registered(CaseEvent.TreatmentType.HSCT,
                    source("UCB-1", CaseEvent.GraftKind.UCB), source("PBSC-A", CaseEvent.GraftKind.PBSC));
            // whole blood 98 % on day +28, then 94 %: below full donor after having been full donor
            patient.send(patient.chimerism(Analyte.CHIMERISM_WB, 28, 8, 90), patient.chimerism(Analyte.CHIMERISM_WB, 42, 6, 88));
            Finding first = patient.awaitFinding(f -> f.kind() == AlertKind.CHIMERISM_DECLINE);
            assertThat(first.state()).isEqualTo(Finding.State.ACTIVE);
            assertThat(first.dayPostTransplant()).isEqualTo(42);

            // 95 % on day +56: full donor again, the decline has ended
            patient.send(patient.chimerism(Analyte.CHIMERISM_WB, 56, 5, 90));
            Finding ended = patient.awaitFinding(f -> f.state() == Finding.State.ENDED);
            assertThat(ended.episodeId()).isEqualTo(first.episodeId());
            assertThat(ended.summary()).contains("recovered to 95 % on 2025-04-28");
            assertThat(ended.evidence()).extracting(e -> e.value()).containsExactly(98.0, 94.0, 95.0);

            // 93 % on day +70: a second decline, its own finding
            patient.send(patient.chimerism(Analyte.CHIMERISM_WB, 70, 5, 88));
            Finding second = patient.awaitFinding(f -> f.kind() == AlertKind.CHIMERISM_DECLINE && !f.episodeId().equals(first.episodeId()));
            assertThat(second.state()).isEqualTo(Finding.State.ACTIVE);
            assertThat(second.dayPostTransplant()).isEqualTo(70);

            // the whole series again: nothing new, and the stored state is the same to the byte
            int published = patient.findings(Duration.ofSeconds(2)).size();
            String stored = storedState(patient.patientId);
            patient.send(patient.chimerism(Analyte.CHIMERISM_WB, 28, 8, 90), patient.chimerism(Analyte.CHIMERISM_WB, 42, 6, 88),
                    patient.chimerism(Analyte.CHIMERISM_WB, 56, 5, 90), patient.chimerism(Analyte.CHIMERISM_WB, 70, 5, 88));
            assertThat(patient.findings(Duration.ofSeconds(5))).hasSize(published).hasSize(3);
            assertThat(storedState(patient.patientId)).isEqualTo(stored);
        }
    }

    @Test
    void poorGraftFunctionEndsWhenTwoCountsAreNormalOnThreeDays() {
        try (TopicProbe probe = TopicProbe.connect()) {
            GraftTimeline patient = new GraftTimeline(probe, DAY_ZERO).registered(CaseEvent.TreatmentType.HSCT,
                    source("PBSC-A", CaseEvent.GraftKind.PBSC));
            List<ObservationEvent> cytopenic = new ArrayList<>(patient.daily(Analyte.ANC, 29, 0.3, 0.3, 0.3));
            cytopenic.addAll(patient.daily(Analyte.PLATELETS, 29, 12, 14, 11));
            cytopenic.add(patient.chimerism(Analyte.CHIMERISM_WB, 21, 0, 99));
            patient.send(cytopenic);
            Finding pgf = patient.awaitFinding(f -> f.rule().id().equals("poor-graft-function"));
            assertThat(pgf.state()).isEqualTo(Finding.State.ACTIVE);
            assertThat(pgf.dayPostTransplant()).isEqualTo(31);

            List<ObservationEvent> recovering = new ArrayList<>(patient.daily(Analyte.ANC, 32, 0.7, 0.9, 1.2));
            recovering.addAll(patient.daily(Analyte.PLATELETS, 32, 24, 31, 38));
            patient.send(recovering);
            Finding ended = patient.awaitFinding(f -> f.state() == Finding.State.ENDED && f.episodeId().equals(pgf.episodeId()));
            assertThat(ended.kind()).isEqualTo(AlertKind.GRAFT_FAILURE);
            assertThat(ended.summary()).contains("recovered on 2025-04-06");
        }
    }

    @Test
    void earlyIcahtEndsWhenTheNeutrophilsRecover() {
        try (TopicProbe probe = TopicProbe.connect()) {
            GraftTimeline patient = new GraftTimeline(probe, DAY_ZERO).registered(CaseEvent.TreatmentType.CAR_T);
            patient.send(patient.daily(Analyte.ANC, 1, 0.3, 0.2, 0.3, 0.4, 0.2, 0.3, 0.3, 0.2, 0.1, 0.2, 0.3, 0.4, 0.3, 0.2));
            Finding grade3 = patient.awaitFinding(f -> f.kind() == AlertKind.POOR_COUNT_RECOVERY);
            assertThat(grade3.state()).isEqualTo(Finding.State.ACTIVE);
            assertThat(grade3.onsetAt()).isEqualTo(patient.at(14, "07:30"));

            patient.send(patient.daily(Analyte.ANC, 15, 0.6, 0.8));
            assertThat(patient.findings(Duration.ofSeconds(3))).as("two days above 0.5 are no recovery yet").hasSize(1);
            patient.send(patient.daily(Analyte.ANC, 17, 1.1));
            Finding ended = patient.awaitFinding(f -> f.state() == Finding.State.ENDED);
            assertThat(ended.episodeId()).isEqualTo(grade3.episodeId());
            assertThat(ended.summary()).contains("counts recovered: ANC 0.6, 0.8, 1.1");
        }
    }
}
