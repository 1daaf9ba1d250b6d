package org.graftwatch.surveillance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.graftwatch.surveillance.domain.FebrileNeutropeniaCriteria;

/** Thresholds of clinical-criteria.md (Infection), overridable per site without a rebuild. */
@ConfigMapping(prefix = "graftwatch.criteria")
public interface SurveillanceCriteriaConfig {

    FebrileNeutropenia febrileNeutropenia();

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
}
