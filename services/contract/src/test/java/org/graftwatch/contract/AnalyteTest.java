package org.graftwatch.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalyteTest {
    @Test
    void findsLoincPrimaryAndAlternateCodes() {
        assertThat(Analyte.byCoding(CodeSystems.LOINC, "751-8")).contains(Analyte.ANC);
        assertThat(Analyte.byCoding(CodeSystems.LOINC, "26499-4")).contains(Analyte.ANC);
        assertThat(Analyte.byCoding(CodeSystems.LOINC, "32693-4")).contains(Analyte.LACTATE);
        assertThat(Analyte.byCoding(CodeSystems.LOINC, "2708-6")).contains(Analyte.SPO2);
    }

    @Test
    void findsLocalCodesButNotAcrossSystems() {
        assertThat(Analyte.byCoding(CodeSystems.LOCAL, "chimerism-cd34")).contains(Analyte.CHIMERISM_CD34);
        assertThat(Analyte.byCoding(CodeSystems.LOINC, "chimerism-cd34")).isEmpty();
        assertThat(Analyte.byCoding(CodeSystems.LOCAL, "751-8")).isEmpty();
        assertThat(Analyte.byCoding(CodeSystems.LOCAL, "A")).isEmpty();
    }

    @Test
    void consciousnessAllowsAcvpu() {
        assertThat(Analyte.CONSCIOUSNESS.allowedValueCodes()).containsExactly("A", "C", "V", "P", "U");
        assertThat(Analyte.ANC.allowedValueCodes()).isEmpty();
    }
}
