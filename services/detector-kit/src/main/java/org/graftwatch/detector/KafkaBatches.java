package org.graftwatch.detector;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** A polled batch as a list: records of one partition stay in offset order, which is each patient's order. */
public final class KafkaBatches {
    private KafkaBatches() {
    }

    public static <K, V> List<ConsumerRecord<K, V>> inPollOrder(ConsumerRecords<K, V> batch) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        return records;
    }
}
