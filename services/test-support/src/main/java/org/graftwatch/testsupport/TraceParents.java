package org.graftwatch.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.graftwatch.contract.Traceparent;

/** W3C trace context in tests: the header that carries a {@code traceparent} on a record sent, and the one received. */
public final class TraceParents {

    private TraceParents() {
    }

    /** The header map that carries {@code traceparent} on a record. */
    public static Map<String, String> header(String traceparent) {
        return Map.of(Traceparent.HEADER, traceparent);
    }

    /** The record's {@code traceparent} header; fails the test when there is none. */
    public static String of(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(Traceparent.HEADER);
        if (header == null) {
            throw new AssertionError("no traceparent header on " + record.topic() + " record with key " + record.key());
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
