package org.graftwatch.graftmonitor.domain;

import java.util.Arrays;
import java.util.Optional;
import org.graftwatch.contract.Analyte;

/** The cell populations whose donor chimerism is reported. */
public enum Lineage {
    WHOLE_BLOOD(Analyte.CHIMERISM_WB, "whole blood"),
    CD3(Analyte.CHIMERISM_CD3, "CD3+ T cells"),
    CD33(Analyte.CHIMERISM_CD33, "CD33+ myeloid cells"),
    CD34(Analyte.CHIMERISM_CD34, "CD34+ progenitors"),
    BONE_MARROW(Analyte.CHIMERISM_BM, "bone marrow");

    private final Analyte analyte;
    private final String display;

    Lineage(Analyte analyte, String display) {
        this.analyte = analyte;
        this.display = display;
    }

    public static Optional<Lineage> of(Analyte analyte) {
        return Arrays.stream(values()).filter(l -> l.analyte == analyte).findFirst();
    }

    public Analyte analyte() {
        return analyte;
    }

    public String display() {
        return display;
    }

    /** Myeloid and progenitor cells: their falling donor share predicts relapse, so a lower floor is critical. */
    public boolean myeloidOrProgenitor() {
        return this == CD33 || this == CD34;
    }
}
