package org.graftwatch.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.simulator.FhirObservations;
import org.graftwatch.simulator.Scenario;
import org.graftwatch.simulator.ScenarioObservation;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

class SyntheticCohortTest {
    private static final SyntheticCohort.Settings SETTINGS = new SyntheticCohort.Settings(7, 200, 40, 0.3, LocalDate.parse("2025-01-06"));

    @Test
    void theSameSeedGivesTheSameCohort() {
        SyntheticCohort a = new SyntheticCohort(SETTINGS);
        SyntheticCohort b = new SyntheticCohort(SETTINGS);
        assertThat(a.plan(17)).isEqualTo(b.plan(17));
        assertThat(a.day(17, 12)).isEqualTo(b.day(17, 12));
        assertThat(new SyntheticCohort(new SyntheticCohort.Settings(8, 200, 40, 0.3, SETTINGS.firstDayZero())).day(17, 12))
                .isNotEqualTo(a.day(17, 12));
    }

    @Test
    void everyPatientHasDailyLabsAndSixFullVitalRoundsInEventTimeOrder() {
        SyntheticCohort cohort = new SyntheticCohort(SETTINGS);
        List<ScenarioObservation> day = cohort.day(3, 20);
        assertThat(day.stream().filter(o -> o.code().code().equals("751-8"))).hasSize(1);
        assertThat(day.stream().filter(o -> o.code().code().equals("8310-5"))).hasSize(6);
        assertThat(day.stream().filter(o -> o.code().code().equals("consciousness"))).hasSize(6);
        assertThat(day).extracting(ScenarioObservation::effective).isSorted();
        assertThat(day).extracting(ScenarioObservation::id).doesNotHaveDuplicates();
    }

    @Test
    void plannedEngraftmentFollowsANadirAndThreeDaysAtOrAbovehalf() {
        SyntheticCohort cohort = new SyntheticCohort(SETTINGS);
        SyntheticCohort.PatientPlan plan = cohort.plan(5);
        double[] anc = IntStream.range(0, plan.neutrophilDay() + 3).mapToDouble(d -> cohort.day(5, d).stream()
                .filter(o -> o.code().code().equals("751-8")).findFirst().orElseThrow().value().doubleValue()).toArray();
        assertThat(anc[plan.neutrophilDay() - 1]).isLessThan(0.5);
        assertThat(anc[plan.neutrophilDay()]).isGreaterThanOrEqualTo(0.5);
        assertThat(anc[plan.neutrophilDay() + 2]).isGreaterThanOrEqualTo(0.5);
        assertThat(cohort.header(5).expectedAlerts()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.NEUTROPHIL_ENGRAFTMENT);
            assertThat(a.day()).isEqualTo(plan.neutrophilDay());
        });
    }

    @Test
    void aKnownShareCarriesPlantedEpisodesWithTheirAlerts() {
        SyntheticCohort cohort = new SyntheticCohort(SETTINGS);
        long planted = IntStream.range(0, 200).filter(i -> cohort.plan(i).episode() != SyntheticCohort.PlantedEpisode.NONE).count();
        assertThat(planted).isBetween(40L, 80L);
        int shock = IntStream.range(0, 200).filter(i -> cohort.plan(i).episode() == SyntheticCohort.PlantedEpisode.FEBRILE_NEUTROPENIA_TO_SHOCK)
                .findFirst().orElseThrow();
        SyntheticCohort.PatientPlan plan = cohort.plan(shock);
        assertThat(plan.episodeDay()).isLessThan(plan.neutrophilDay());
        assertThat(cohort.header(shock).expectedAlerts()).extracting(Scenario.ExpectedAlert::kind)
                .contains(AlertKind.FEBRILE_NEUTROPENIA, AlertKind.SEPSIS, AlertKind.SEPTIC_SHOCK);
        assertThat(cohort.day(shock, plan.episodeDay())).extracting(o -> o.code().code()).contains("norepinephrine-dose", "2524-7");
    }

    @Test
    void everyGeneratedObservationIsValidFhir() {
        SyntheticCohort cohort = new SyntheticCohort(SETTINGS);
        IParser parser = FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        for (int patient : new int[] {0, 1, 2}) {
            Scenario header = cohort.header(patient);
            for (ScenarioObservation o : cohort.day(patient, 6)) {
                Observation parsed = parser.parseResource(Observation.class, FhirObservations.json(header, o));
                assertThat(parsed.getSubject().getReference()).isEqualTo("Patient/" + header.patientId());
            }
        }
    }

    @Test
    void theGeneratorOffersEveryRecordWithTheConfiguredShareMalformed() {
        SyntheticCohort cohort = new SyntheticCohort(new SyntheticCohort.Settings(7, 20, 3, 0.0, LocalDate.parse("2025-01-06")));
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        LoadGenerator.Report report = new LoadGenerator(cohort, producer, 0.1, 0).publish();
        assertThat(producer.history()).hasSize((int) (report.observations() + report.malformed()));
        double share = (double) report.malformed() / (report.observations() + report.malformed());
        assertThat(share).isBetween(0.07, 0.13);
        assertThat(producer.history()).allSatisfy(r -> assertThat(r.key()).startsWith("P-LOAD-"));
        Map<AlertKind, Integer> planted = report.plantedAlerts();
        assertThat(planted).doesNotContainKey(AlertKind.NEUTROPHIL_ENGRAFTMENT); // 3 days: no engraftment yet
    }
}
