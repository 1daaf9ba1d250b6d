package org.graftwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.stream.Stream;
import org.graftwatch.contract.DeadLetter.Problem;
import org.graftwatch.ingest.fhir.Intake;
import org.graftwatch.ingest.fhir.ObservationTranslator;
import org.graftwatch.ingest.fhir.TestTranslators;
import org.graftwatch.ingest.hl7.OruTranslator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every payload of the hostile corpus ends in a precise rejection: the expected location and reason. */
class HostileCorpusTest {
    private static final ObservationTranslator FHIR = TestTranslators.observations(Clock.systemUTC());
    private static final OruTranslator HL7 = new OruTranslator(FHIR);

    static Stream<HostileCorpus.Entry> corpus() {
        return HostileCorpus.entries().stream();
    }

    @Test
    void theCorpusHoldsAtLeastFiftyPayloads() {
        assertThat(HostileCorpus.entries()).hasSizeGreaterThanOrEqualTo(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedWithAPreciseReason(HostileCorpus.Entry entry) {
        Intake intake = entry.isHl7() ? HL7.translate(entry.payload(), "t") : FHIR.translate(entry.payload(), "t");
        assertThat(intake.isAccepted()).isFalse();
        assertThat(intake.accepted()).isEmpty();
        assertThat(intake.problems()).anySatisfy(p -> {
            assertThat(p.location()).isEqualTo(entry.location());
            assertThat(p.message()).contains(entry.fragment());
        });
        assertThat(intake.reasons()).isNotEmpty();
    }

    @Test
    void aPayloadBeyondTheSizeLimitIsRejectedUnread() {
        String huge = "{\"resourceType\":\"Observation\",\"id\":\"" + "x".repeat(ObservationTranslator.MAX_PAYLOAD_CHARS) + "\"}";
        assertThat(FHIR.translate(huge, "t").problems()).extracting(Problem::message).singleElement().asString().contains("exceeds the limit");
        assertThat(HL7.translate("MSH|" + huge, "t").problems()).extracting(Problem::message).singleElement().asString().contains("exceeds the limit");
    }
}
