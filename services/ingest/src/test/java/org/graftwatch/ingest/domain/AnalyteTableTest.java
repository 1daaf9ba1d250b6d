package org.graftwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.graftwatch.contract.Analyte;
import org.graftwatch.ingest.fhir.TestTranslators;
import org.junit.jupiter.api.Test;

class AnalyteTableTest {

    @Test
    void everyQuantityOfTheCatalogueHasAPlausibleRange() {
        for (Analyte a : Analyte.values()) {
            if (a.valueType() == Analyte.ValueType.QUANTITY || a.valueType() == Analyte.ValueType.CHIMERISM) {
                assertThat(TestTranslators.ANALYTES.profile(a)).as(a.name()).isPresent();
            }
        }
    }

    @Test
    void substancesMeasuredInBothMassAndAmountCarryTheirMolarMass() {
        assertThat(TestTranslators.ANALYTES.profile(Analyte.BILIRUBIN).orElseThrow().molarMass()).isEqualTo(584.66);
        assertThat(TestTranslators.ANALYTES.profile(Analyte.CREATININE).orElseThrow().molarMass()).isEqualTo(113.12);
        assertThat(TestTranslators.ANALYTES.profile(Analyte.LACTATE).orElseThrow().molarMass()).isEqualTo(90.08);
        assertThat(TestTranslators.ANALYTES.profile(Analyte.ANC).orElseThrow().molarMass()).isNull();
    }

    @Test
    void aSiteTableReplacesTheRangesAndBadRowsAreRefused() throws IOException {
        AnalyteTable site = AnalyteTable.read(new StringReader("8310-5,,30,43\n"));
        assertThat(site.profile(Analyte.BODY_TEMPERATURE).orElseThrow().isPlausible(44)).isFalse();
        assertThat(site.profile(Analyte.ANC)).isEmpty();
        assertThatThrownBy(() -> AnalyteTable.read(new StringReader("8310-5,,45,25\n"))).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> AnalyteTable.read(new StringReader("nope,,0,1\n"))).hasMessageContaining("unknown analyte");
    }
}
