package org.graftwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.graftwatch.contract.Analyte;
import org.graftwatch.ingest.fhir.TestTranslators;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every accepted unit of the criteria's units table, against a value computed by hand. */
class UnitConversionTest {
    private final UnitConversion units = TestTranslators.UNITS;

    @ParameterizedTest(name = "{1} {2} of {0} is {3} in the canonical unit")
    @CsvSource({
            // counts: 1 × 10⁹/L = 1000 /µL = 1 × 10³/µL
            "ANC, 580, /uL, 0.58",
            "ANC, 0.58, 10*3/uL, 0.58",
            "ANC, 0.58, 10*9/L, 0.58",
            "WBC, 4200, /uL, 4.2",
            "PLATELETS, 19, 10*3/uL, 19",
            "PLATELETS, 150000, /uL, 150",
            // haemoglobin: 1 g/dL = 10 g/L
            "HAEMOGLOBIN, 6.8, g/dL, 68",
            // bilirubin, M = 584.66 g/mol: 34.2 µmol/L × 584.66 g/mol = 19.99 mg/L = 2.0 mg/dL
            "BILIRUBIN, 34.2, umol/L, 2.0",
            "BILIRUBIN, 2.0, mg/dL, 2.0",
            // creatinine, M = 113.12 g/mol: 176.8 µmol/L × 113.12 g/mol = 20.0 mg/L = 2.0 mg/dL
            "CREATININE, 176.8, umol/L, 2.0",
            // lactate, M = 90.08 g/mol: 25.4 mg/dL = 254 mg/L ÷ 90.08 g/mol = 2.82 mmol/L
            "LACTATE, 25.4, mg/dL, 2.82",
            // temperature: (100.4 − 32) × 5/9 = 38.0
            "BODY_TEMPERATURE, 100.4, [degF], 38.0",
            "BODY_TEMPERATURE, 311.15, K, 38.0",
            "SYSTOLIC_BP, 120, mm[Hg], 120",
            "INHALED_O2_FLOW, 2000, mL/min, 2",
            "CRP, 1.5, mg/dL, 15",
    })
    void convertsToTheCanonicalUnit(Analyte analyte, String value, String unit, double expected) {
        UnitConversion.Converted converted = units.toCanonical(analyte, new BigDecimal(value), unit);
        assertThat(converted.problem()).isNull();
        assertThat(converted.value()).isCloseTo(expected, within(0.005));
    }

    @ParameterizedTest(name = "{1} for {0} is rejected: {2}")
    @CsvSource(delimiter = ';', value = {
            "ANC; mg/dL; cannot be converted to 10*9/L",
            "BODY_TEMPERATURE; mm[Hg]; cannot be converted to Cel",
            "HAEMOGLOBIN; mmol/L; cannot be converted to g/L",
            "ANC; cells per litre; not a valid UCUM unit",
            "SPO2; [furlong]; not a valid UCUM unit",
            "CRP; umol/L; cannot be converted to mg/L",
    })
    void incompatibleAndUnknownUnitsAreRejectedWithTheReason(Analyte analyte, String unit, String reason) {
        UnitConversion.Converted converted = units.toCanonical(analyte, BigDecimal.ONE, unit);
        assertThat(converted.isConverted()).isFalse();
        assertThat(converted.problem()).contains(unit).contains(reason);
    }
}
