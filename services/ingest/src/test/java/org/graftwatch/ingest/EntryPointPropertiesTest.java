package org.graftwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.graftwatch.ingest.fhir.Intake;
import org.graftwatch.ingest.fhir.ObservationTranslator;
import org.graftwatch.ingest.fhir.TestTranslators;
import org.graftwatch.ingest.hl7.OruMessages;
import org.graftwatch.ingest.hl7.OruTranslator;

/**
 * Whatever arrives, both entry points answer with an Intake, never an exception: arbitrary text, mutations of valid
 * payloads (characters cut, replaced, inserted) and valid structures carrying arbitrary field values.
 */
class EntryPointPropertiesTest {
    private static final ObservationTranslator FHIR = TestTranslators.observations(Clock.systemUTC());
    private static final OruTranslator HL7 = new OruTranslator(FHIR);
    private static final String VALID_FHIR = """
            {"resourceType":"Observation","id":"p-1","status":"final","subject":{"reference":"Patient/P-1"},
             "code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},"effectiveDateTime":"2025-03-16T07:30:00Z",
             "valueQuantity":{"value":0.58,"unit":"10*9/L","system":"http://unitsofmeasure.org","code":"10*9/L"}}""";
    private static final String VALID_ORU = OruMessages.oru("M-1", "P-1", "ORD-1",
            OruMessages.obx("751-8", "LN", "580", "/uL", "F", "20250316073000+0000"));

    @Property(tries = 400)
    void fhirNeverThrows(@ForAll("fhirInputs") String payload) {
        assertAnswered(FHIR.translate(payload, "t"));
    }

    @Property(tries = 400)
    void hl7NeverThrows(@ForAll("hl7Inputs") String payload) {
        assertAnswered(HL7.translate(payload, "t"));
    }

    private static void assertAnswered(Intake intake) {
        assertThat(intake).isNotNull();
        assertThat(intake.isAccepted() || !intake.problems().isEmpty()).isTrue();
    }

    @Provide
    Arbitrary<String> fhirInputs() {
        Arbitrary<String> fields = Combinators.combine(
                Arbitraries.of("final", "amended", "entered-in-error", "", "x"),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("0.58", "-1", "1e308", "1e-400", "0", "NaN", "\"x\"", "null", "99999999999999999999999"),
                Arbitraries.of("10*9/L", "/uL", "[degF]", "Cel", "mg/dL", "((", "10*", "{", "umol/L", "", "%"),
                Arbitraries.of("751-8", "8310-5", "2524-7", "1975-2", "chimerism-wb", "consciousness", "???"),
                Arbitraries.of("2025-03-16T07:30:00Z", "2025-02-30T25:61:00Z", "0000-01-01T00:00:00Z", "2025", ""))
                .as((status, id, value, unit, code, time) -> VALID_FHIR.replace("\"final\"", "\"" + status + "\"")
                        .replace("p-1", id.replace("\"", "")).replace("0.58", value).replace("10*9/L", unit)
                        .replace("751-8", code).replace("2025-03-16T07:30:00Z", time));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), mutationsOf(VALID_FHIR), fields);
    }

    @Provide
    Arbitrary<String> hl7Inputs() {
        Arbitrary<String> fields = Combinators.combine(
                Arbitraries.strings().withChars("0123456789.-+eE^&|~\\ ").ofMaxLength(12),
                Arbitraries.of("/uL", "10*9/L", "mg", "((", "", "^^", "[degF]"),
                Arbitraries.of("F", "C", "D", "W", "P", "X", ""),
                Arbitraries.strings().withChars("0123456789+-.").ofMaxLength(24))
                .as((value, unit, status, time) -> OruMessages.oru("M-1", "P-1", "ORD-1",
                        OruMessages.obx("751-8", "LN", value, unit, status, time)));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), mutationsOf(VALID_ORU), fields,
                Arbitraries.strings().ofMaxLength(200).map(tail -> "MSH|^~\\&|" + tail));
    }

    /** A valid payload with one stretch cut, replaced by arbitrary text, or repeated. */
    private static Arbitrary<String> mutationsOf(String valid) {
        return Combinators.combine(Arbitraries.integers().between(0, valid.length()), Arbitraries.integers().between(0, 40),
                Arbitraries.strings().ofMaxLength(10), Arbitraries.of(0, 1, 2))
                .as((at, length, text, kind) -> {
                    int end = Math.min(valid.length(), at + length);
                    return switch (kind) {
                        case 0 -> valid.substring(0, at) + valid.substring(end);
                        case 1 -> valid.substring(0, at) + text + valid.substring(end);
                        default -> valid.substring(0, end) + valid.substring(at);
                    };
                });
    }
}
