package org.graftwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

class ScenarioTest {
    /** The shared scenarios, beside the repository (the module's directory is the working directory). */
    static final Path SCENARIOS = Path.of("../../../shared/scenarios");

    static Scenario shared(String name) {
        Path file = SCENARIOS.resolve(name);
        assumeTrue(Files.isRegularFile(file), "shared scenario " + file + " is not here");
        return Scenario.read(file);
    }

    @Test
    void readsTheSeedCaseAndDeliversItsLateResultAfterTheOneItNames() {
        Scenario scenario = shared("seed-case.json");

        assertThat(scenario.id()).isEqualTo("seed-case");
        assertThat(scenario.patient().id()).isEqualTo("P-SEED-01");
        assertThat(scenario.patient().birthDate()).isEqualTo(LocalDate.of(1989, 5, 14));
        assertThat(scenario.events()).extracting(e -> e.path("type").asText()).containsExactly("CAR_T", "HSCT", "DLI");
        assertThat(scenario.events().get(1).path("sources")).hasSize(2);
        assertThat(scenario.observations()).hasSize(1157);
        assertThat(scenario.expectedAlerts()).hasSize(10);
        assertThat(scenario.expectedAlerts().get(0).kind()).isEqualTo(AlertKind.POOR_COUNT_RECOVERY);
        assertThat(scenario.expectedAlerts().get(0).tolerance()).isEqualTo(1);
        assertThat(scenario.mustNotAlert()).hasSize(19);

        List<String> order = ids(scenario.deliveryOrder());
        assertThat(order).hasSize(1157).doesNotHaveDuplicates();
        assertThat(ids(scenario.observations()).indexOf("lab-0125")).isEqualTo(319);
        assertThat(order.indexOf("lab-0125")).isEqualTo(order.indexOf("lab-0133") + 1);
        assertThat(order.get(319)).isEqualTo(scenario.observations().get(320).id());
    }

    @Test
    void deliversTwoLateVitalsAfterTheSameLabInArrayOrder() {
        Scenario scenario = shared("fn-to-shock.json");

        assertThat(scenario.patientId()).isEqualTo("P-FNSHOCK-01");
        assertThat(scenario.events()).hasSize(1);
        assertThat(scenario.observations()).hasSize(688);
        assertThat(scenario.expectedAlerts()).extracting(Scenario.ExpectedAlert::kind).containsExactly(
                AlertKind.FEBRILE_NEUTROPENIA, AlertKind.SEPSIS, AlertKind.SEPTIC_SHOCK,
                AlertKind.NEUTROPHIL_ENGRAFTMENT, AlertKind.PLATELET_ENGRAFTMENT);
        assertThat(scenario.mustNotAlert()).hasSize(16);

        List<String> order = ids(scenario.deliveryOrder());
        int lab = order.indexOf("lab-0053");
        assertThat(order.subList(lab, lab + 3)).containsExactly("lab-0053", "vit-0207", "vit-0208");
        assertThat(order).hasSize(688).doesNotHaveDuplicates();
    }

    @Test
    void keepsArrayOrderWhenNothingIsLate() {
        Scenario scenario = shared("uneventful.json");

        assertThat(scenario.observations()).hasSize(601);
        assertThat(scenario.expectedAlerts()).hasSize(2);
        assertThat(scenario.expectedAlerts().get(1).severity()).isEqualTo(Severity.INFO);
        assertThat(scenario.expectedAlerts().get(1).day()).isEqualTo(16);
        assertThat(scenario.mustNotAlert()).hasSize(12);
        assertThat(scenario.mustNotAlert().get(0).to()).isEqualTo(LocalDate.of(2025, 4, 26));
        assertThat(scenario.mustNotAlert().get(0).from()).isNull();
        assertThat(ids(scenario.deliveryOrder())).isEqualTo(ids(scenario.observations()));
    }

    @Test
    void followsChainsOfLateResults() {
        Scenario scenario = Scenario.parse(
                scenarioWith(lab("a", null), lab("b", "c"), lab("c", "d"), lab("d", null), lab("e", "a")), "chain.json");

        assertThat(ids(scenario.deliveryOrder())).containsExactly("a", "e", "d", "c", "b");
    }

    @Test
    void rejectsALateResultAfterAnUnknownObservation() {
        assertThatThrownBy(() -> Scenario.parse(scenarioWith(lab("a", null), lab("b", "zz")), "late.json"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("late.json: ")
                .hasMessageContaining("observation b: deliverAfter names unknown observation 'zz'");
    }

    @Test
    void rejectsACycleOfLateResults() {
        assertThatThrownBy(() -> Scenario.parse(scenarioWith(lab("a", null), lab("b", "c"), lab("c", "b")), "cycle.json"))
                .hasMessageContaining("cycle");
    }

    @Test
    void namesTheFileAndEveryProblem() {
        String json = """
                {"id": "broken", "patient": {"sex": "female"},
                 "events": [{"type": "STEM_CELLS", "date": "2025-01-01"}],
                 "observations": [{"id": "x", "topic": "ward.other.v1", "effective": "2025-01-01T08:00:00",
                                   "code": {"system": "http://loinc.org", "code": "751-8"}, "value": 1.0}]}
                """;

        assertThatThrownBy(() -> Scenario.parse(json, "broken.json"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("broken.json: ")
                .hasMessageContaining("patient.id is missing")
                .hasMessageContaining("events[0].type")
                .hasMessageContaining("observation x: topic must be")
                .hasMessageContaining("observation x: effective must be a date-time with a UTC offset")
                .hasMessageContaining("observation x: value without unit");
    }

    @Test
    void pointsAtAnUnknownAlertKind() {
        String json = """
                {"id": "s", "patient": {"id": "P"}, "expectedAlerts": [
                  {"kind": "NEUTROPHIL_ENGRAFTMENT", "severity": "INFO", "onsetDate": "2025-03-16"},
                  {"kind": "ENGRAFTMENT", "severity": "INFO", "onsetDate": "2025-03-16"}]}
                """;

        assertThatThrownBy(() -> Scenario.parse(json, "kind.json"))
                .hasMessageStartingWith("kind.json: ")
                .hasMessageContaining("ENGRAFTMENT")
                .hasMessageContaining("expectedAlerts[1].kind");
    }

    @Test
    void reportsBrokenJsonWithItsLine() {
        assertThatThrownBy(() -> Scenario.parse("{\n \"id\": \"s\",\n \"patient\": {\n}", "cut.json"))
                .hasMessageStartingWith("cut.json: ")
                .hasMessageContaining("line ");
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> Scenario.read(Path.of("no/such/scenario.json")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("scenario.json: no such file");
    }

    static String scenarioWith(String... observations) {
        return """
                {"id": "t", "patient": {"id": "P-T"}, "observations": [%s]}
                """.formatted(String.join(",", observations));
    }

    static String lab(String id, String deliverAfter) {
        return """
                {"id": "%s", "topic": "ward.labs.v1", "effective": "2025-03-24T07:30:00+00:00",
                 "code": {"system": "http://loinc.org", "code": "751-8"}, "value": 0.6, "unit": "10*9/L",
                 "deliverAfter": %s}
                """.formatted(id, deliverAfter == null ? "null" : '"' + deliverAfter + '"');
    }

    static List<String> ids(List<ScenarioObservation> observations) {
        return observations.stream().map(ScenarioObservation::id).toList();
    }
}
