package org.graftwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What we publish must be FHIR R4 a ward system could have sent: HAPI's strict parser reads it back. */
class FhirObservationsTest {
    private static final Scenario SCENARIO = Scenario.parse("""
            {"id": "fhir-shapes", "patient": {"id": "P-FHIR-01"}, "observations": [
              {"id": "lab-0001", "topic": "ward.labs.v1", "effective": "2025-03-24T07:30:00+00:00",
               "code": {"system": "http://loinc.org", "code": "751-8"}, "value": 0.6, "unit": "10*9/L"},
              {"id": "vit-0101", "topic": "ward.vitals.v1", "effective": "2025-01-30T14:00:00+02:00",
               "code": {"system": "urn:graftwatch:code", "code": "oxygen-supplement"}, "valueBoolean": false},
              {"id": "vit-0100", "topic": "ward.vitals.v1", "effective": "2025-01-30T14:00:00+00:00",
               "code": {"system": "urn:graftwatch:code", "code": "consciousness"}, "valueCode": "V"},
              {"id": "lab-0040", "topic": "ward.labs.v1", "effective": "2025-04-07T08:00:00+00:00",
               "code": {"system": "urn:graftwatch:code", "code": "chimerism-wb"}, "value": 99, "unit": "%",
               "components": [{"source": "UCB-1", "value": 93, "unit": "%"}, {"source": "PBSC-A", "value": 6, "unit": "%"}]},
              {"id": "lab-0009", "status": "entered-in-error", "topic": "ward.labs.v1", "effective": "2025-03-14T07:30:00+00:00",
               "code": {"system": "http://loinc.org", "code": "751-8"}, "value": 0.9, "unit": "10*9/L"}
            ]}
            """, "fhir-shapes.json");

    private static IParser fhir;

    @BeforeAll
    static void parser() {
        fhir = FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    @Test
    void quantityCarriesItsUcumUnit() {
        Observation observation = parse("lab-0001");

        assertThat(observation.getIdElement().getIdPart()).isEqualTo("lab-0001");
        assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(observation.getSubject().getReference()).isEqualTo("Patient/P-FHIR-01");
        assertThat(observation.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("751-8");
        assertThat(observation.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-03-24T07:30:00+00:00");
        Quantity quantity = observation.getValueQuantity();
        assertThat(quantity.getValue()).isEqualByComparingTo("0.6");
        assertThat(quantity.getUnit()).isEqualTo("10*9/L");
        assertThat(quantity.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(quantity.getCode()).isEqualTo("10*9/L");
        assertThat(observation.getMeta().getSource()).isEqualTo("urn:graftwatch:scenario:fhir-shapes");
    }

    @Test
    void booleanKeepsTheOffsetOfItsTime() {
        Observation observation = parse("vit-0101");

        assertThat(observation.getValueBooleanType().booleanValue()).isFalse();
        assertThat(observation.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-01-30T14:00:00+02:00");
        assertThat(json("vit-0101").path("effectiveDateTime").asText()).isEqualTo("2025-01-30T14:00:00+02:00");
    }

    @Test
    void acvpuIsACodeableConceptInTheLocalSystem() {
        Observation observation = parse("vit-0100");

        assertThat(observation.getValueCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo("urn:graftwatch:code");
        assertThat(observation.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("V");
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("consciousness");
    }

    @Test
    void chimerismHasOneComponentPerGraftSource() {
        Observation observation = parse("lab-0040");

        assertThat(observation.getValueQuantity().getValue()).isEqualByComparingTo("99");
        assertThat(observation.getComponent()).hasSize(2);
        ObservationComponentComponent ucb = observation.getComponent().get(0);
        assertThat(ucb.getCode().getCodingFirstRep().getSystem()).isEqualTo("urn:graftwatch:graft-source");
        assertThat(ucb.getCode().getCodingFirstRep().getCode()).isEqualTo("UCB-1");
        assertThat(ucb.getValueQuantity().getValue()).isEqualByComparingTo("93");
        assertThat(ucb.getValueQuantity().getCode()).isEqualTo("%");
        ObservationComponentComponent pbsc = observation.getComponent().get(1);
        assertThat(pbsc.getCode().getCodingFirstRep().getCode()).isEqualTo("PBSC-A");
        assertThat(pbsc.getValueQuantity().getValue()).isEqualByComparingTo(new BigDecimal("6"));
        assertThat(pbsc.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
    }

    @Test
    void enteredInErrorRetractsTheResultWithItsId() {
        Observation observation = parse("lab-0009");

        assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(observation.getIdElement().getIdPart()).isEqualTo("lab-0009");
        assertThat(observation.getValueQuantity().getValue()).isEqualByComparingTo("0.9");
    }

    private static Observation parse(String id) {
        return fhir.parseResource(Observation.class, FhirObservations.json(SCENARIO, observation(id)));
    }

    private static JsonNode json(String id) {
        return FhirObservations.resource(SCENARIO, observation(id));
    }

    private static ScenarioObservation observation(String id) {
        return SCENARIO.observations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }
}
