package org.graftwatch.surveillance.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;

/**
 * MAGIC acute GVHD organ stages and overall grade at one moment, from the latest assessment of each organ. Bilirubin
 * needs clinical attribution to GVHD: it stages the liver only while another organ is involved.
 */
public final class GvhdStaging {

    public enum Organ { SKIN, LIVER, UPPER_GI, LOWER_GI }

    /**
     * @param liverNote how bilirubin was treated, for the evidence; null when no bilirubin ≥ 2 mg/dL
     */
    public record Stage(int skin, int liver, int upperGi, int lowerGi, int grade, List<Evidence> evidence, String liverNote) {
        public Set<Organ> involved() {
            Set<Organ> organs = EnumSet.noneOf(Organ.class);
            if (skin > 0) {
                organs.add(Organ.SKIN);
            }
            if (liver > 0) {
                organs.add(Organ.LIVER);
            }
            if (upperGi > 0) {
                organs.add(Organ.UPPER_GI);
            }
            if (lowerGi > 0) {
                organs.add(Organ.LOWER_GI);
            }
            return organs;
        }

        public String describe() {
            return "skin " + skin + ", liver " + liver + ", upper GI " + upperGi + ", lower GI " + lowerGi;
        }
    }

    private final GvhdCriteria criteria;

    public GvhdStaging(GvhdCriteria criteria) {
        this.criteria = criteria;
    }

    public Stage at(PatientSeries series, Instant at) {
        List<Evidence> evidence = new ArrayList<>();
        Optional<Reading> bsa = latest(series, Analyte.GVHD_SKIN_BSA, at, evidence);
        Optional<Reading> bullae = latest(series, Analyte.GVHD_SKIN_BULLAE, at, evidence);
        int skin = bullae.filter(b -> b.value() > 0).isPresent() ? 4 : bsa.map(r -> skinStage(r.value())).orElse(0);
        int upperGi = latest(series, Analyte.NAUSEA_PERSISTENT, at, evidence).filter(r -> r.value() > 0).isPresent() ? 1 : 0;
        int lowerGi = Math.max(latest(series, Analyte.STOOL_VOLUME, at, evidence).map(r -> stoolVolumeStage(r.value())).orElse(0),
                latest(series, Analyte.STOOL_EPISODES, at, evidence).map(r -> stoolEpisodesStage(r.value())).orElse(0));
        boolean severeGut = latest(series, Analyte.ABDOMINAL_PAIN_SEVERE, at, evidence).filter(r -> r.value() > 0).isPresent()
                | latest(series, Analyte.STOOL_BLOODY, at, evidence).filter(r -> r.value() > 0).isPresent();
        if (severeGut) {
            lowerGi = 4;
        }
        Optional<Reading> bilirubin = series.latest(Analyte.BILIRUBIN, at, criteria.assessmentWindow());
        int liverFromBilirubin = bilirubin.map(r -> liverStage(r.value())).orElse(0);
        boolean otherOrgan = skin > 0 || upperGi > 0 || lowerGi > 0;
        int liver = otherOrgan ? liverFromBilirubin : 0;
        String liverNote = null;
        if (liverFromBilirubin > 0) {
            evidence.add(PatientSeries.evidence(Analyte.BILIRUBIN, bilirubin.get()));
            liverNote = otherOrgan
                    ? "bilirubin " + ClinicalText.number(bilirubin.get().value()) + " mg/dL staged as liver " + liver
                            + " because another organ is involved"
                    : "bilirubin " + ClinicalText.number(bilirubin.get().value())
                            + " mg/dL not attributed to GVHD: no other organ involved";
        }
        return new Stage(skin, liver, upperGi, lowerGi, grade(skin, liver, upperGi, lowerGi), evidence, liverNote);
    }

    private Optional<Reading> latest(PatientSeries series, Analyte analyte, Instant at, List<Evidence> evidence) {
        Optional<Reading> latest = series.latest(analyte, at, criteria.assessmentWindow());
        latest.filter(r -> r.value() > 0).ifPresent(r -> evidence.add(PatientSeries.evidence(analyte, r)));
        return latest;
    }

    int skinStage(double bsaPercent) {
        if (bsaPercent <= 0) {
            return 0;
        }
        if (bsaPercent < criteria.skinStage2AtOrAbove()) {
            return 1;
        }
        return bsaPercent <= criteria.skinStage3Above() ? 2 : 3;
    }

    int liverStage(double bilirubinMgDl) {
        if (bilirubinMgDl < criteria.liverStage1AtOrAbove()) {
            return 0;
        }
        if (bilirubinMgDl <= criteria.liverStage2Above()) {
            return 1;
        }
        if (bilirubinMgDl <= criteria.liverStage3Above()) {
            return 2;
        }
        return bilirubinMgDl <= criteria.liverStage4Above() ? 3 : 4;
    }

    int stoolVolumeStage(double mlPerDay) {
        if (mlPerDay < criteria.stoolStage1AtOrAbove()) {
            return 0;
        }
        if (mlPerDay < criteria.stoolStage2AtOrAbove()) {
            return 1;
        }
        return mlPerDay <= criteria.stoolStage3Above() ? 2 : 3;
    }

    int stoolEpisodesStage(double perDay) {
        if (perDay < criteria.episodesStage1AtOrAbove()) {
            return 0;
        }
        if (perDay < criteria.episodesStage2AtOrAbove()) {
            return 1;
        }
        return perDay <= criteria.episodesStage3Above() ? 2 : 3;
    }

    /** MAGIC overall grade: IV skin/liver/lower GI 4; III liver 2–3 or lower GI 2–3; II skin 3 or any stage 1 of the others; I skin 1–2. */
    static int grade(int skin, int liver, int upperGi, int lowerGi) {
        if (skin == 4 || liver == 4 || lowerGi == 4) {
            return 4;
        }
        if (liver >= 2 || lowerGi >= 2) {
            return 3;
        }
        if (skin == 3 || liver == 1 || upperGi == 1 || lowerGi == 1) {
            return 2;
        }
        return skin >= 1 ? 1 : 0;
    }
}
