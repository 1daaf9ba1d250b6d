package org.graftwatch.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.graftwatch.ingest.IngestConfig;

/** One FHIR context per process: building it scans the R4 model, which takes a second or two. */
public class FhirSetup {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Produces
    @Singleton
    ObservationTranslator translator(FhirContext fhir, IngestConfig config) {
        return new ObservationTranslator(fhir, Clock.systemUTC(), config.futureSkew());
    }
}
