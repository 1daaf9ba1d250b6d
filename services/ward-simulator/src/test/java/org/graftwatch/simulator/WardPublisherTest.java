package org.graftwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.graftwatch.contract.EventJson;
import org.junit.jupiter.api.Test;

class WardPublisherTest {
    private static final Scenario SCENARIO = Scenario.parse("""
            {"id": "pub", "patient": {"id": "P-PUB-01"}, "observations": [
              {"id": "lab-1", "topic": "ward.labs.v1", "effective": "2025-03-24T07:30:00+00:00",
               "code": {"system": "http://loinc.org", "code": "751-8"}, "value": 0.2, "unit": "10*9/L", "deliverAfter": "lab-2"},
              {"id": "vit-1", "topic": "ward.vitals.v1", "effective": "2025-03-24T08:00:00+00:00",
               "code": {"system": "http://loinc.org", "code": "8310-5"}, "value": 38.4, "unit": "Cel"},
              {"id": "lab-2", "topic": "ward.labs.v1", "effective": "2025-03-25T07:30:00+00:00",
               "code": {"system": "http://loinc.org", "code": "751-8"}, "value": 0.6, "unit": "10*9/L"}
            ]}
            """, "pub.json");

    @Test
    void sendsFhirKeyedByPatientToEachObservationsTopicInDeliveryOrder() throws Exception {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());

        Map<String, Integer> perTopic = new WardPublisher(producer).publish(SCENARIO);

        assertThat(producer.history()).extracting(ProducerRecord::topic)
                .containsExactly("ward.vitals.v1", "ward.labs.v1", "ward.labs.v1");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsOnly("P-PUB-01");
        assertThat(producer.history()).extracting(record -> EventJson.mapper().readTree(record.value()).path("id").asText())
                .containsExactly("vit-1", "lab-2", "lab-1");
        assertThat(EventJson.mapper().readTree(producer.history().get(0).value()).path("resourceType").asText())
                .isEqualTo("Observation");
        assertThat(perTopic).containsExactly(Map.entry("ward.labs.v1", 2), Map.entry("ward.vitals.v1", 1));
        assertThat(producer.flushed()).isTrue();
    }

    @Test
    void aSendTheBrokerRefusesFailsTheReplay() {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        producer.sendException = new KafkaException("topic authorization failed");

        assertThatThrownBy(() -> new WardPublisher(producer).publish(SCENARIO))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("vit-1")
                .hasMessageContaining("topic authorization failed");
    }
}
