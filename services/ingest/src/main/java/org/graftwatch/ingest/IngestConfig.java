package org.graftwatch.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "graftwatch.ingest")
public interface IngestConfig {
    /** How far in the future a result may be dated before it is rejected (ward clocks drift). */
    @WithDefault("PT5M")
    Duration futureSkew();
}
