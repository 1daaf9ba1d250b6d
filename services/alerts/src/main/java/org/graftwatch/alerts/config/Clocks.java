package org.graftwatch.alerts.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import io.quarkus.arc.DefaultBean;
import java.time.Clock;

/** The service's notion of now: the system clock, replaceable in tests to move time past an escalation deadline. */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
