package org.graftwatch.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "graftwatch.ingest")
public interface IngestConfig {
    /** How far in the future a result may be dated before it is rejected (ward clocks drift). */
    @WithDefault("PT5M")
    Duration futureSkew();

    /**
     * A CSV file mapping hospital codes to catalogue codes ({@code system,code,catalogue code}); read at start-up,
     * so operations extend it without a rebuild. Without it only LOINC and {@code urn:graftwatch:code} are understood.
     */
    Optional<String> codeMap();

    /**
     * A CSV file replacing the built-in analyte table ({@code code,molar mass,plausible min,plausible max}), for a
     * site that needs other plausible ranges.
     */
    Optional<String> analyteTable();
}
