package org.graftwatch.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.DeadLetter.Problem;
import org.graftwatch.contract.ObservationEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ObservationTranslatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC);
    private static ObservationTranslator translator;

    @BeforeAll
    static void fhir() {
        translator = TestTranslators.observations(CLOCK);
    }

    static String anc(String id, String effective, String value, String unit) {
        return """
                {"resourceType":"Observation","id":"%s","status":"final","subject":{"reference":"Patient/P-1"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},"effectiveDateTime":"%s",
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}"""
                .formatted(id, effective, value, unit, unit);
    }

    @Test
    void ancBecomesACanonicalObservation() {
        Intake intake = translator.translate(anc("lab-1", "2025-03-16T07:30:00+00:00", "0.58", "10*9/L"), "ward.labs.v1");
        assertThat(intake.problems()).isEmpty();
        ObservationEvent e = intake.accepted().get(0);
        assertThat(e.analyte()).isEqualTo(Analyte.ANC);
        assertThat(e.patientId()).isEqualTo("P-1");
        assertThat(e.observationId()).isEqualTo("lab-1");
        assertThat(e.value()).isEqualTo(0.58);
        assertThat(e.unit()).isEqualTo("10*9/L");
        assertThat(e.effectiveAt()).isEqualTo(Instant.parse("2025-03-16T07:30:00Z"));
        assertThat(e.type()).isEqualTo(ObservationEvent.Type.RESULT);
    }

    @Test
    void theSameContentTwiceHasTheSameEventIdAndAChangeDoesNot() {
        String a = translator.translate(anc("lab-1", "2025-03-16T07:30:00Z", "0.58", "10*9/L"), "ward.labs.v1").accepted().get(0).eventId();
        String b = translator.translate(anc("lab-1", "2025-03-16T07:30:00Z", "0.58", "10*9/L"), "ward.labs.v1").accepted().get(0).eventId();
        String c = translator.translate(anc("lab-1", "2025-03-16T07:30:00Z", "0.59", "10*9/L"), "ward.labs.v1").accepted().get(0).eventId();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void offsetIsHonouredAndRequired() {
        assertThat(translator.translate(anc("lab-1", "2025-03-16T09:30:00+02:00", "0.58", "10*9/L"), "t").accepted().get(0).effectiveAt())
                .isEqualTo(Instant.parse("2025-03-16T07:30:00Z"));
        assertThat(translator.translate(anc("lab-1", "2025-03-16T07:30:00", "0.58", "10*9/L"), "t").problems())
                .extracting(Problem::location).containsExactly("Observation.effectiveDateTime");
        assertThat(translator.translate(anc("lab-1", "2025-03-16", "0.58", "10*9/L"), "t").problems())
                .extracting(Problem::location).containsExactly("Observation.effectiveDateTime");
    }

    @Test
    void aResultFromTheFutureBeyondTheSkewIsRejected() {
        assertThat(translator.translate(anc("lab-1", "2025-04-01T00:04:00Z", "0.58", "10*9/L"), "t").isAccepted()).isTrue();
        assertThat(translator.translate(anc("lab-1", "2025-04-01T00:06:00Z", "0.58", "10*9/L"), "t").problems().get(0).message())
                .contains("future");
    }

    @Test
    void everyProblemIsReportedWithItsLocation() {
        String bad = """
                {"resourceType":"Observation","status":"registered","code":{"coding":[{"system":"http://hospital.example/codes","code":"ANC"}]},
                 "valueQuantity":{"value":0.5,"code":"10*9/L"}}""";
        assertThat(translator.translate(bad, "t").problems()).extracting(Problem::location).containsExactlyInAnyOrder(
                "Observation.id", "Observation.status", "Observation.subject", "Observation.code.coding", "Observation.effectiveDateTime");
    }

    @Test
    void anIncompatibleUnitAndAnImpossibleValueAreRejected() {
        assertThat(translator.translate(anc("lab-1", "2025-03-16T07:30:00Z", "580", "mg/dL"), "t").problems())
                .extracting(Problem::location).containsExactly("Observation.valueQuantity.code");
        assertThat(translator.translate(anc("lab-1", "2025-03-16T07:30:00Z", "-1", "10*9/L"), "t").problems())
                .extracting(Problem::location).containsExactly("Observation.valueQuantity.value");
    }

    @Test
    void brokenJsonAndOtherResourcesAreRejected() {
        assertThat(translator.translate("{\"resourceType\":\"Observation\",", "t").problems().get(0).message()).contains("not valid FHIR");
        assertThat(translator.translate("{\"resourceType\":\"Patient\",\"id\":\"P-1\"}", "t").problems().get(0).message()).contains("Patient");
        assertThat(translator.translate("", "t").isAccepted()).isFalse();
    }

    @Test
    void aBundleIsAcceptedWholeOrRejectedWhole() {
        String good = anc("lab-1", "2025-03-16T07:30:00Z", "0.58", "10*9/L");
        String bad = anc("lab-2", "2025-03-17T07:30:00Z", "0.8", "mg");
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":%s},{\"resource\":%s}]}";
        assertThat(translator.translate(bundle.formatted(good, good.replace("lab-1", "lab-3")), "t").accepted()).hasSize(2);
        Intake rejected = translator.translate(bundle.formatted(good, bad), "t");
        assertThat(rejected.accepted()).isEmpty();
        assertThat(rejected.problems()).extracting(Problem::location).containsExactly("Bundle.entry[1].resource.valueQuantity.code");
        assertThat(translator.translate("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}", "t").problems())
                .extracting(Problem::location).containsExactly("Bundle.type");
    }

    @Test
    void chimerismCarriesOneShareperGraftSource() {
        String json = """
                {"resourceType":"Observation","id":"lab-40","status":"final","subject":{"reference":"Patient/P-1"},
                 "code":{"coding":[{"system":"urn:graftwatch:code","code":"chimerism-wb"}]},"effectiveDateTime":"2025-03-20T08:00:00Z",
                 "valueQuantity":{"value":99,"unit":"%","system":"http://unitsofmeasure.org","code":"%"},
                 "component":[{"code":{"coding":[{"system":"urn:graftwatch:graft-source","code":"UCB-1"}]},"valueQuantity":{"value":93,"code":"%"}},
                              {"code":{"coding":[{"system":"urn:graftwatch:graft-source","code":"PBSC-A"}]},"valueQuantity":{"value":6,"code":"%"}}]}""";
        ObservationEvent e = translator.translate(json, "t").accepted().get(0);
        assertThat(e.analyte()).isEqualTo(Analyte.CHIMERISM_WB);
        assertThat(e.components()).containsExactly(new ObservationEvent.SourceShare("UCB-1", 93), new ObservationEvent.SourceShare("PBSC-A", 6));
    }

    @Test
    void enteredInErrorIsARetractionWithoutValue() {
        String json = """
                {"resourceType":"Observation","id":"lab-9","status":"entered-in-error","subject":{"reference":"Patient/P-1"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},"effectiveDateTime":"2025-03-14T07:30:00Z"}""";
        ObservationEvent e = translator.translate(json, "t").accepted().get(0);
        assertThat(e.type()).isEqualTo(ObservationEvent.Type.RETRACTION);
        assertThat(e.observationId()).isEqualTo("lab-9");
    }

    @Test
    void consciousnessTakesAcvpuOnly() {
        String json = """
                {"resourceType":"Observation","id":"vit-1","status":"final","subject":{"reference":"Patient/P-1"},
                 "code":{"coding":[{"system":"urn:graftwatch:code","code":"consciousness"}]},"effectiveDateTime":"2025-01-30T14:00:00Z",
                 "valueCodeableConcept":{"coding":[{"system":"urn:graftwatch:code","code":"%s"}]}}""";
        assertThat(translator.translate(json.formatted("V"), "t").accepted().get(0).valueCode()).isEqualTo("V");
        assertThat(translator.translate(json.formatted("X"), "t").problems()).extracting(Problem::location)
                .containsExactly("Observation.valueCodeableConcept");
    }
}
