package org.graftwatch.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CodeSystems;
import org.junit.jupiter.api.Test;

class CodeMapTest {

    @Test
    void aHospitalCodeReachesTheCatalogueThroughTheMap() throws IOException {
        CodeMap map = CodeMap.read(new StringReader("""
                # comment
                urn:oid:1.2.3,NEUT-ABS,751-8
                99HLAB,GVHD-BSA,gvhd-skin-bsa
                """));
        assertThat(map.analyteOf("urn:oid:1.2.3", "NEUT-ABS")).contains(Analyte.ANC);
        assertThat(map.analyteOf("99HLAB", "GVHD-BSA")).contains(Analyte.GVHD_SKIN_BSA);
        assertThat(map.analyteOf(CodeSystems.LOINC, "751-8")).as("LOINC needs no entry").contains(Analyte.ANC);
        assertThat(map.analyteOf("urn:oid:1.2.3", "751-8")).as("a code belongs to its system").isEmpty();
        assertThat(map.analyteOf("urn:oid:9.9.9", "NEUT-ABS")).isEmpty();
        assertThat(map.analyteOf(null, null)).isEmpty();
    }

    @Test
    void aMapPointingOutsideTheCatalogueIsRefusedAtStartUp() {
        assertThatThrownBy(() -> CodeMap.read(new StringReader("urn:oid:1.2.3,X,9999-9\n")))
                .hasMessageContaining("line 1").hasMessageContaining("9999-9");
        assertThatThrownBy(() -> CodeMap.read(new StringReader("urn:oid:1.2.3,X\n"))).hasMessageContaining("line 1");
    }
}
