package org.graftwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/** Over Kafka, every payload of the hostile corpus ends as a dead letter with its payload untouched and its reason. */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class HostileCorpusIT {

    @Test
    void everyHostilePayloadBecomesADeadLetterWithItsReason() {
        String run = "CORPUS-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<HostileCorpus.Entry> corpus = HostileCorpus.entries();
        try (TopicProbe probe = TopicProbe.connect()) {
            for (HostileCorpus.Entry entry : corpus) {
                probe.send(entry.isHl7() ? Topics.WARD_HL7V2 : Topics.WARD_LABS, run + entry.file(), entry.payload());
            }
            var letters = probe.await(Topics.WARD_DLQ, r -> r.key() != null && r.key().startsWith(run), corpus.size(), Duration.ofSeconds(60));
            assertThat(letters).hasSize(corpus.size());
            Map<String, DeadLetter> byFile = letters.stream().peek(r -> ContractSchemas.assertConforms(Topics.WARD_DLQ, r.value()))
                    .collect(Collectors.toMap(r -> r.key().substring(run.length()), r -> EventJson.read(r.value(), DeadLetter.class)));
            for (HostileCorpus.Entry entry : corpus) {
                DeadLetter letter = byFile.get(entry.file());
                assertThat(letter).as(entry.file()).isNotNull();
                assertThat(letter.payload()).as(entry.file()).isEqualTo(entry.payload());
                assertThat(letter.problems()).as(entry.file())
                        .anySatisfy(p -> assertThat(p.message()).contains(entry.fragment()));
            }
        }
    }
}
