package org.graftwatch.graftmonitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.graftwatch.graftmonitor.domain.EngraftmentCriteria;

/** Thresholds of clinical-criteria.md (Engraftment), overridable per site without a rebuild. */
@ConfigMapping(prefix = "graftwatch.criteria")
public interface GraftCriteriaConfig {

    Neutrophil neutrophil();

    interface Neutrophil {
        /** ANC in 10⁹/L that counts as engrafted (CIBMTR: 0.5). */
        @WithDefault("0.5")
        double engraftmentThreshold();

        /** Consecutive days at or above the threshold (CIBMTR: 3). */
        @WithDefault("3")
        int consecutiveDays();

        default EngraftmentCriteria criteria() {
            return new EngraftmentCriteria(engraftmentThreshold(), consecutiveDays());
        }
    }
}
