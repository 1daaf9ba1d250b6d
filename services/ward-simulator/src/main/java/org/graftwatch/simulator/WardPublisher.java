package org.graftwatch.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes a scenario's observations to the ward topics as FHIR R4 JSON, keyed by patient, in delivery order. */
public final class WardPublisher implements AutoCloseable {
    private final Producer<String, String> producer;

    public WardPublisher(Producer<String, String> producer) {
        this.producer = producer;
    }

    public static WardPublisher connect(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ward-simulator");
        // Idempotent, fully acknowledged sends keep delivery order per patient even when a send is retried.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new WardPublisher(new KafkaProducer<>(config));
    }

    /**
     * Sends every observation and waits until the broker has acknowledged all of them.
     *
     * @return how many observations went to each topic
     * @throws ReplayException naming the first observation that was not accepted
     */
    public Map<String, Integer> publish(Scenario scenario) {
        List<ScenarioObservation> order = scenario.deliveryOrder();
        List<Future<RecordMetadata>> sends = new ArrayList<>(order.size());
        Map<String, Integer> perTopic = new TreeMap<>();
        for (ScenarioObservation o : order) {
            try {
                sends.add(producer.send(new ProducerRecord<>(o.topic(), scenario.patientId(), FhirObservations.json(scenario, o))));
            } catch (KafkaException e) {
                throw new ReplayException("cannot publish observation " + o.id() + " to " + o.topic() + ": " + e.getMessage(), e);
            }
            perTopic.merge(o.topic(), 1, Integer::sum);
        }
        producer.flush();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
            } catch (ExecutionException e) {
                ScenarioObservation o = order.get(i);
                throw new ReplayException("observation " + o.id() + " was not accepted by " + o.topic() + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayException("interrupted while publishing", e);
            }
        }
        return perTopic;
    }

    @Override
    public void close() {
        producer.close();
    }
}
