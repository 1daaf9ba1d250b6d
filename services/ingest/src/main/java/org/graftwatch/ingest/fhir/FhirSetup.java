package org.graftwatch.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.graftwatch.ingest.IngestConfig;
import org.graftwatch.ingest.domain.AnalyteTable;
import org.graftwatch.ingest.domain.CodeMap;
import org.graftwatch.ingest.domain.UnitConversion;
import org.graftwatch.ingest.hl7.OruTranslator;

/** One FHIR context, UCUM model and set of tables per process: each takes noticeable time to build. */
public class FhirSetup {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Produces
    @Singleton
    AnalyteTable analyteTable(IngestConfig config) {
        try (Reader reader = config.analyteTable().isPresent()
                ? Files.newBufferedReader(Path.of(config.analyteTable().get()), StandardCharsets.UTF_8)
                : builtInAnalyteTable()) {
            return AnalyteTable.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the analyte table", e);
        }
    }

    /** The analyte table shipped with ingest. */
    public static Reader builtInAnalyteTable() {
        InputStream table = FhirSetup.class.getClassLoader().getResourceAsStream("analyte-table.csv");
        if (table == null) {
            throw new IllegalStateException("analyte-table.csv is missing from the classpath");
        }
        return new InputStreamReader(table, StandardCharsets.UTF_8);
    }

    @Produces
    @Singleton
    CodeMap codeMap(IngestConfig config) {
        if (config.codeMap().isEmpty()) {
            return CodeMap.EMPTY;
        }
        try (Reader reader = Files.newBufferedReader(Path.of(config.codeMap().get()), StandardCharsets.UTF_8)) {
            return CodeMap.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the code map " + config.codeMap().get(), e);
        }
    }

    @Produces
    @Singleton
    ObservationTranslator translator(FhirContext fhir, IngestConfig config, CodeMap codes, AnalyteTable analytes) {
        return new ObservationTranslator(fhir, Clock.systemUTC(), config.futureSkew(), codes,
                new UnitConversion(UnitConversion.standardUcum(), analytes), analytes);
    }

    @Produces
    @Singleton
    OruTranslator oruTranslator(ObservationTranslator observations) {
        return new OruTranslator(observations);
    }
}
