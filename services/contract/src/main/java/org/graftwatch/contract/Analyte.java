package org.graftwatch.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analyte catalogue: every quantity the platform understands, with the codes that name it
 * (LOINC where one exists, the local system {@code urn:graftwatch:code} otherwise) and its canonical unit.
 * Canonical observations carry the analyte and a value in its canonical unit, so no detector ever converts.
 */
public enum Analyte {
    ANC(CodeSystems.LOINC, "751-8", List.of("26499-4"), ValueType.QUANTITY, "10*9/L", "Neutrophils (ANC)"),
    WBC(CodeSystems.LOINC, "6690-2", List.of(), ValueType.QUANTITY, "10*9/L", "Leukocytes"),
    PLATELETS(CodeSystems.LOINC, "777-3", List.of(), ValueType.QUANTITY, "10*9/L", "Platelets"),
    HAEMOGLOBIN(CodeSystems.LOINC, "718-7", List.of(), ValueType.QUANTITY, "g/L", "Haemoglobin"),
    BILIRUBIN(CodeSystems.LOINC, "1975-2", List.of(), ValueType.QUANTITY, "mg/dL", "Total bilirubin"),
    CREATININE(CodeSystems.LOINC, "2160-0", List.of(), ValueType.QUANTITY, "mg/dL", "Creatinine"),
    LACTATE(CodeSystems.LOINC, "2524-7", List.of("32693-4"), ValueType.QUANTITY, "mmol/L", "Lactate"),
    CRP(CodeSystems.LOINC, "1988-5", List.of(), ValueType.QUANTITY, "mg/L", "C-reactive protein"),
    PROCALCITONIN(CodeSystems.LOINC, "33959-8", List.of(), ValueType.QUANTITY, "ng/mL", "Procalcitonin"),
    HEART_RATE(CodeSystems.LOINC, "8867-4", List.of(), ValueType.QUANTITY, "/min", "Heart rate"),
    RESPIRATORY_RATE(CodeSystems.LOINC, "9279-1", List.of(), ValueType.QUANTITY, "/min", "Respiratory rate"),
    SPO2(CodeSystems.LOINC, "59408-5", List.of("2708-6"), ValueType.QUANTITY, "%", "Oxygen saturation"),
    BODY_TEMPERATURE(CodeSystems.LOINC, "8310-5", List.of(), ValueType.QUANTITY, "Cel", "Body temperature"),
    SYSTOLIC_BP(CodeSystems.LOINC, "8480-6", List.of(), ValueType.QUANTITY, "mm[Hg]", "Systolic blood pressure"),
    DIASTOLIC_BP(CodeSystems.LOINC, "8462-4", List.of(), ValueType.QUANTITY, "mm[Hg]", "Diastolic blood pressure"),
    MEAN_ARTERIAL_PRESSURE(CodeSystems.LOINC, "8478-0", List.of(), ValueType.QUANTITY, "mm[Hg]", "Mean arterial pressure"),
    GCS_TOTAL(CodeSystems.LOINC, "9269-2", List.of(), ValueType.QUANTITY, "{score}", "Glasgow coma score"),
    INHALED_O2_FLOW(CodeSystems.LOINC, "3151-8", List.of(), ValueType.QUANTITY, "L/min", "Inhaled oxygen flow"),

    CHIMERISM_WB(CodeSystems.LOCAL, "chimerism-wb", List.of(), ValueType.CHIMERISM, "%", "Donor chimerism, whole blood"),
    CHIMERISM_CD3(CodeSystems.LOCAL, "chimerism-cd3", List.of(), ValueType.CHIMERISM, "%", "Donor chimerism, CD3+ T cells"),
    CHIMERISM_CD33(CodeSystems.LOCAL, "chimerism-cd33", List.of(), ValueType.CHIMERISM, "%", "Donor chimerism, CD33+ myeloid cells"),
    CHIMERISM_CD34(CodeSystems.LOCAL, "chimerism-cd34", List.of(), ValueType.CHIMERISM, "%", "Donor chimerism, CD34+ progenitors"),
    CHIMERISM_BM(CodeSystems.LOCAL, "chimerism-bm", List.of(), ValueType.CHIMERISM, "%", "Donor chimerism, bone marrow"),
    MRD_FLOW(CodeSystems.LOCAL, "mrd-flow", List.of(), ValueType.QUANTITY, "%", "Flow cytometric MRD"),
    BLASTS_MARROW(CodeSystems.LOCAL, "blasts-marrow", List.of(), ValueType.QUANTITY, "%", "Bone marrow blasts"),
    BLASTS_BLOOD(CodeSystems.LOCAL, "blasts-blood", List.of(), ValueType.QUANTITY, "%", "Peripheral blood blasts"),
    WT1_TRANSCRIPTS(CodeSystems.LOCAL, "wt1-transcripts", List.of(), ValueType.QUANTITY, "{copies}/10*4{ABL}", "WT1 transcripts"),
    NOREPINEPHRINE_DOSE(CodeSystems.LOCAL, "norepinephrine-dose", List.of(), ValueType.QUANTITY, "ug/kg/min", "Norepinephrine dose"),
    PLATELET_TRANSFUSION(CodeSystems.LOCAL, "platelet-transfusion", List.of(), ValueType.QUANTITY, "{unit}", "Platelet transfusion"),
    GVHD_SKIN_BSA(CodeSystems.LOCAL, "gvhd-skin-bsa", List.of(), ValueType.QUANTITY, "%", "Active rash, % body surface"),
    GVHD_SKIN_BULLAE(CodeSystems.LOCAL, "gvhd-skin-bullae", List.of(), ValueType.BOOLEAN, null, "Bullae and desquamation > 5 % BSA"),
    STOOL_VOLUME(CodeSystems.LOCAL, "stool-volume", List.of(), ValueType.QUANTITY, "mL/d", "Stool volume"),
    STOOL_EPISODES(CodeSystems.LOCAL, "stool-episodes", List.of(), ValueType.QUANTITY, "/d", "Stool episodes"),
    NAUSEA_PERSISTENT(CodeSystems.LOCAL, "nausea-persistent", List.of(), ValueType.BOOLEAN, null, "Persistent nausea"),
    ABDOMINAL_PAIN_SEVERE(CodeSystems.LOCAL, "abdominal-pain-severe", List.of(), ValueType.BOOLEAN, null, "Severe abdominal pain or ileus"),
    STOOL_BLOODY(CodeSystems.LOCAL, "stool-bloody", List.of(), ValueType.BOOLEAN, null, "Grossly bloody stool"),
    OXYGEN_SUPPLEMENT(CodeSystems.LOCAL, "oxygen-supplement", List.of(), ValueType.BOOLEAN, null, "Supplemental oxygen"),
    CONSCIOUSNESS(CodeSystems.LOCAL, "consciousness", List.of("A", "C", "V", "P", "U"), ValueType.CODE, null, "Consciousness (ACVPU)");

    /** How an analyte's value is carried. */
    public enum ValueType { QUANTITY, BOOLEAN, CODE, CHIMERISM }

    private static final Map<String, Analyte> BY_CODING = new HashMap<>();

    static {
        for (Analyte a : values()) {
            BY_CODING.put(key(a.system, a.code), a);
            if (a.system.equals(CodeSystems.LOINC)) {
                a.alternateCodes.forEach(alt -> BY_CODING.put(key(CodeSystems.LOINC, alt), a));
            }
        }
    }

    private final String system;
    private final String code;
    private final List<String> alternateCodes;
    private final ValueType valueType;
    private final String canonicalUnit;
    private final String display;

    Analyte(String system, String code, List<String> alternateCodes, ValueType valueType, String canonicalUnit, String display) {
        this.system = system;
        this.code = code;
        this.alternateCodes = alternateCodes;
        this.valueType = valueType;
        this.canonicalUnit = canonicalUnit;
        this.display = display;
    }

    /** The analyte a coding names in LOINC or the local system, if any. */
    public static Optional<Analyte> byCoding(String system, String code) {
        return Optional.ofNullable(BY_CODING.get(key(system, code)));
    }

    private static String key(String system, String code) {
        return system + "|" + code;
    }

    public String system() {
        return system;
    }

    /** The catalogue code, used in canonical observations and evidence. */
    public String code() {
        return code;
    }

    public ValueType valueType() {
        return valueType;
    }

    /** UCUM code of the canonical unit, or null for boolean and coded results. */
    public String canonicalUnit() {
        return canonicalUnit;
    }

    public String display() {
        return display;
    }

    /** For coded results: the codes allowed as value (ACVPU for consciousness). */
    public List<String> allowedValueCodes() {
        return valueType == ValueType.CODE ? alternateCodes : List.of();
    }
}
