package org.graftwatch.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.graftwatch.ingest.domain.AnalyteTable;
import org.graftwatch.ingest.domain.CodeMap;
import org.graftwatch.ingest.domain.UnitConversion;

/** Translators as the service builds them: built-in analyte table, the test hospital's code map, one FHIR context. */
public final class TestTranslators {
    private static final FhirContext FHIR = FhirContext.forR4();
    public static final AnalyteTable ANALYTES = builtInTable();
    public static final CodeMap CODES = testCodeMap();
    public static final UnitConversion UNITS = new UnitConversion(UnitConversion.standardUcum(), ANALYTES);

    private TestTranslators() {
    }

    public static ObservationTranslator observations(Clock clock) {
        return new ObservationTranslator(FHIR, clock, Duration.ofMinutes(5), CODES, UNITS, ANALYTES);
    }

    private static AnalyteTable builtInTable() {
        try (Reader reader = FhirSetup.builtInAnalyteTable()) {
            return AnalyteTable.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CodeMap testCodeMap() {
        try (Reader reader = new InputStreamReader(TestTranslators.class.getResourceAsStream("/hospital-code-map.csv"), StandardCharsets.UTF_8)) {
            return CodeMap.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
