package org.graftwatch.alerts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Alert lifecycle settings; the schedules' intervals are read by the scheduler from the same keys. */
@ConfigMapping(prefix = "graftwatch.alerts")
public interface AlertsConfig {

    Escalation escalation();

    Stream stream();

    Outbox outbox();

    Timeline timeline();

    interface Escalation {
        /** How long a CRITICAL alert may stay OPEN (unacknowledged) before it is ESCALATED. */
        @WithDefault("PT15M")
        Duration unacknowledgedFor();

        /** How often OPEN CRITICAL alerts are checked against that time (a scheduler interval such as {@code 30s}). */
        @WithDefault("30s")
        String checkEvery();
    }

    interface Outbox {
        /** How often changes stored but not yet delivered are delivered again (a scheduler interval). */
        @WithDefault("10s")
        String relayEvery();
    }

    interface Stream {
        /** How often an open SSE stream looks for changes stored after the last one it sent. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** Most changes read from the store per look, so a client resuming far back is served in pages. */
        @WithDefault("200")
        int pageSize();
    }

    interface Timeline {
        /** Most points kept per plotted series (and GVHD grades) of a patient's timeline; older ones are dropped. */
        @WithDefault("500")
        int maxPointsPerSeries();
    }
}
