package org.graftwatch.surveillance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.graftwatch.surveillance.domain.FebrileNeutropeniaCriteria;
import org.graftwatch.surveillance.domain.GvhdCriteria;
import org.graftwatch.surveillance.domain.RelapseCriteria;
import org.graftwatch.surveillance.domain.SepsisCriteria;
import org.graftwatch.surveillance.domain.SepticShockCriteria;
import org.graftwatch.surveillance.domain.SteroidRefractoryCriteria;

/** Thresholds of clinical-criteria.md (Relapse; Infection; Acute GVHD), overridable per site without a rebuild. */
@ConfigMapping(prefix = "graftwatch.criteria")
public interface SurveillanceCriteriaConfig {

    FebrileNeutropenia febrileNeutropenia();

    Sepsis sepsis();

    SepticShock septicShock();

    Relapse relapse();

    Gvhd gvhd();

    interface FebrileNeutropenia {
        /** IDSA: a single temperature at or above this, in °C. */
        @WithDefault("38.3")
        double singleFever();

        /** IDSA: a temperature at or above this, in °C, ... */
        @WithDefault("38.0")
        double sustainedFever();

        /** ... held for this long. */
        @WithDefault("PT1H")
        Duration sustainedFor();

        /** Neutropenia: ANC below this, in 10⁹/L ... */
        @WithDefault("0.5")
        double ancBelow();

        /** ... in the latest ANC no older than this. */
        @WithDefault("PT48H")
        Duration ancLookback();

        /** An episode ends after this long without a temperature at the sustained threshold. */
        @WithDefault("PT72H")
        Duration episodeQuiet();

        default FebrileNeutropeniaCriteria criteria() {
            return new FebrileNeutropeniaCriteria(singleFever(), sustainedFever(), sustainedFor(), ancBelow(), ancLookback(), episodeQuiet());
        }
    }

    interface Sepsis {
        /** Suspected infection: a temperature at or above this, in °C ... */
        @WithDefault("38.0")
        double feverAtOrAbove();

        /** ... or below this, in °C ... */
        @WithDefault("36.0")
        double hypothermiaBelow();

        /** ... or procalcitonin at or above this, in ng/mL ... */
        @WithDefault("0.5")
        double procalcitoninAtOrAbove();

        /** ... within this long before; a sepsis episode ends this long after the last sign. */
        @WithDefault("PT48H")
        Duration infectionLookback();

        /** Scores use the latest vital sign no older than this ... */
        @WithDefault("PT12H")
        Duration vitalSignsWindow();

        /** ... and the latest laboratory value (platelets, bilirubin, creatinine) no older than this. */
        @WithDefault("PT36H")
        Duration laboratoryWindow();

        /** qSOFA: respiratory rate at or above this, /min. */
        @WithDefault("22")
        double qsofaRespiratoryRate();

        /** qSOFA: systolic BP at or below this, mmHg. */
        @WithDefault("100")
        double qsofaSystolic();

        /** qSOFA: GCS below this. */
        @WithDefault("15")
        double qsofaGcsBelow();

        @WithDefault("2")
        int qsofaAtLeast();

        @WithDefault("7")
        int news2AtLeast();

        @WithDefault("2")
        int sofaRiseAtLeast();

        /** SOFA baseline: each component's lowest score within this long before. */
        @WithDefault("PT72H")
        Duration sofaBaseline();

        default SepsisCriteria criteria() {
            return new SepsisCriteria(feverAtOrAbove(), hypothermiaBelow(), procalcitoninAtOrAbove(), infectionLookback(),
                    vitalSignsWindow(), laboratoryWindow(), qsofaRespiratoryRate(), qsofaSystolic(), qsofaGcsBelow(), qsofaAtLeast(),
                    news2AtLeast(), sofaRiseAtLeast(), sofaBaseline());
        }
    }

    interface SepticShock {
        /** Circulatory failure: MAP below this, mmHg (or any vasopressor). */
        @WithDefault("65")
        double mapBelow();

        /** Lactate above this, mmol/L. */
        @WithDefault("2.0")
        double lactateAbove();

        /** Circulatory failure and lactate within this long of each other. */
        @WithDefault("PT6H")
        Duration pairedWithin();

        /** Resolved once no vasopressor runs and lactate is at or below the threshold for this long. */
        @WithDefault("PT24H")
        Duration resolvedFor();

        default SepticShockCriteria criteria() {
            return new SepticShockCriteria(mapBelow(), lactateAbove(), pairedWithin(), resolvedFor());
        }
    }

    interface Relapse {
        /** Morphologic relapse: marrow blasts at or above this, %. */
        @WithDefault("5.0")
        double marrowBlastsAtOrAbove();

        /** Blasts reappearing in blood: above this, %. */
        @WithDefault("0.0")
        double bloodBlastsAbove();

        /** Flow MRD positive at or above this, %. */
        @WithDefault("0.1")
        double mrdPositiveAtOrAbove();

        /** Molecular progression: a rise of at least this many log10. */
        @WithDefault("1.0")
        double molecularRiseLog10();

        /** Chimerism-led relapse: a CD33+/CD34+ chimerism decline and MRD positivity at most this far apart. */
        @WithDefault("P30D")
        Duration chimerismWindow();

        default RelapseCriteria criteria() {
            return new RelapseCriteria(marrowBlastsAtOrAbove(), bloodBlastsAbove(), mrdPositiveAtOrAbove(), molecularRiseLog10(),
                    chimerismWindow());
        }
    }

    /** MAGIC organ staging. */
    interface Gvhd {
        @WithDefault("25")
        double skinStage2AtOrAbove();

        @WithDefault("50")
        double skinStage3Above();

        @WithDefault("2.0")
        double liverStage1AtOrAbove();

        @WithDefault("3.0")
        double liverStage2Above();

        @WithDefault("6.0")
        double liverStage3Above();

        @WithDefault("15.0")
        double liverStage4Above();

        @WithDefault("500")
        double stoolStage1AtOrAbove();

        @WithDefault("1000")
        double stoolStage2AtOrAbove();

        @WithDefault("1500")
        double stoolStage3Above();

        @WithDefault("3")
        double episodesStage1AtOrAbove();

        @WithDefault("5")
        double episodesStage2AtOrAbove();

        @WithDefault("7")
        double episodesStage3Above();

        /** An organ assessment stands until a newer one, for at most this long. */
        @WithDefault("P14D")
        Duration assessmentWindow();

        /** Steroid-refractory: systemic steroids count from this daily dose, mg/kg methylprednisolone equivalent. */
        @WithDefault("2.0")
        double steroidDoseAtLeast();

        /** Steroid-refractory: progression once this many days of treatment are complete. */
        @WithDefault("3")
        int steroidProgressionAfterDays();

        /** Steroid-refractory: no improvement once this many days of treatment are complete. */
        @WithDefault("7")
        int steroidNoImprovementAfterDays();

        default SteroidRefractoryCriteria steroidCriteria() {
            return new SteroidRefractoryCriteria(steroidDoseAtLeast(), steroidProgressionAfterDays(), steroidNoImprovementAfterDays());
        }

        default GvhdCriteria criteria() {
            return new GvhdCriteria(skinStage2AtOrAbove(), skinStage3Above(), liverStage1AtOrAbove(), liverStage2Above(),
                    liverStage3Above(), liverStage4Above(), stoolStage1AtOrAbove(), stoolStage2AtOrAbove(), stoolStage3Above(),
                    episodesStage1AtOrAbove(), episodesStage2AtOrAbove(), episodesStage3Above(), assessmentWindow());
        }
    }
}
