package org.graftwatch.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.DeadLetter.Problem;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.ingest.domain.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Units, plausibility and hospital codes, through the FHIR entry point. */
class NormalisationTest {
    private static final ObservationTranslator TRANSLATOR =
            TestTranslators.observations(Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC));

    static String quantity(String system, String code, String value, String unit) {
        return """
                {"resourceType":"Observation","id":"obs-1","status":"final","subject":{"reference":"Patient/P-1"},
                 "code":{"coding":[{"system":"%s","code":"%s"}]},"effectiveDateTime":"2025-03-16T07:30:00Z",
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}"""
                .formatted(system, code, value, unit, unit);
    }

    @Test
    void aLactateInMassConcentrationArrivesInMillimolesPerLitre() {
        ObservationEvent e = TRANSLATOR.translate(quantity("http://loinc.org", "2524-7", "25.4", "mg/dL"), "t").accepted().get(0);
        assertThat(e.value()).isCloseTo(2.82, within(0.005));
        assertThat(e.unit()).isEqualTo("mmol/L");
    }

    @Test
    void aFeverInFahrenheitArrivesInCelsius() {
        ObservationEvent e = TRANSLATOR.translate(quantity("http://loinc.org", "8310-5", "100.4", "[degF]"), "t").accepted().get(0);
        assertThat(e.value()).isCloseTo(38.0, within(0.005));
        assertThat(e.unit()).isEqualTo("Cel");
    }

    @ParameterizedTest(name = "{2} {3} for {1} is impossible")
    @CsvSource({
            "http://loinc.org, 8310-5, 60, Cel",
            "http://loinc.org, 8310-5, 140, [degF]",
            "http://loinc.org, 59408-5, 130, %",
            "http://loinc.org, 751-8, -0.2, 10*9/L",
            "http://loinc.org, 777-3, -5, /uL",
            "http://loinc.org, 8867-4, 900, /min",
            "http://loinc.org, 9269-2, 2, {score}",
            "http://loinc.org, 718-7, 60, g/dL",
            "urn:graftwatch:code, chimerism-cd3, 101, %",
    })
    void physiologicallyImpossibleValuesAreRejectedWithTheReason(String system, String code, String value, String unit) {
        Intake intake = TRANSLATOR.translate(quantity(system, code, value, unit), "t");
        assertThat(intake.reasons()).containsExactly(Reason.IMPLAUSIBLE);
        assertThat(intake.problems()).extracting(Problem::location).containsExactly("Observation.valueQuantity.value");
        assertThat(intake.problems().get(0).message()).contains("is not a possible").contains("possible:");
    }

    @Test
    void theEdgesOfThePlausibleRangeAreAccepted() {
        assertThat(TRANSLATOR.translate(quantity("http://loinc.org", "59408-5", "100", "%"), "t").isAccepted()).isTrue();
        assertThat(TRANSLATOR.translate(quantity("http://loinc.org", "751-8", "0", "10*9/L"), "t").isAccepted()).isTrue();
        assertThat(TRANSLATOR.translate(quantity("http://loinc.org", "8310-5", "45", "Cel"), "t").isAccepted()).isTrue();
    }

    @Test
    void aMappedHospitalCodeBecomesItsAnalyteAndAnUnmappedOneIsRejected() {
        ObservationEvent e = TRANSLATOR.translate(quantity("urn:oid:1.2.276.0.76.3.1.999.1", "NEUT-ABS", "580", "/uL"), "t").accepted().get(0);
        assertThat(e.analyte()).isEqualTo(Analyte.ANC);
        assertThat(e.code()).isEqualTo("751-8");
        assertThat(e.value()).isCloseTo(0.58, within(1e-9));

        Intake unmapped = TRANSLATOR.translate(quantity("urn:oid:1.2.276.0.76.3.1.999.1", "K-SERUM", "4.1", "mmol/L"), "t");
        assertThat(unmapped.reasons()).containsExactly(Reason.UNMAPPED_CODE);
        assertThat(unmapped.problems().get(0).location()).isEqualTo("Observation.code.coding");
        assertThat(unmapped.problems().get(0).message()).contains("urn:oid:1.2.276.0.76.3.1.999.1|K-SERUM");
    }

    @Test
    void anUnknownOrIncompatibleUnitIsRejectedWithTheReason() {
        Intake unknown = TRANSLATOR.translate(quantity("http://loinc.org", "751-8", "0.5", "cells"), "t");
        assertThat(unknown.reasons()).containsExactly(Reason.UNIT);
        assertThat(unknown.problems().get(0).message()).contains("not a valid UCUM unit");
        Intake incompatible = TRANSLATOR.translate(quantity("http://loinc.org", "8310-5", "38", "mm[Hg]"), "t");
        assertThat(incompatible.problems().get(0).message()).contains("cannot be converted to Cel");
    }
}
