package org.graftwatch.ingest.domain;

import java.util.Optional;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CodeSystems;

/** Resolves a catalogue code (a LOINC code or a code of the local system) to its analyte. */
public final class CatalogueCodes {
    private CatalogueCodes() {
    }

    public static Optional<Analyte> byCatalogueCode(String code) {
        Optional<Analyte> loinc = Analyte.byCoding(CodeSystems.LOINC, code);
        return loinc.isPresent() ? loinc : Analyte.byCoding(CodeSystems.LOCAL, code);
    }
}
