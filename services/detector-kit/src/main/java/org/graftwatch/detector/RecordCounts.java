package org.graftwatch.detector;

import io.micrometer.core.instrument.Metrics;

/**
 * Records consumed, per service and topic: {@code graftwatch_records_processed_total} for each record read, and
 * {@code graftwatch_records_rejected_total} with the reason for each one set aside on a dead-letter topic. The
 * counters live in Micrometer's global registry, to which Quarkus adds its Prometheus registry ({@code /q/metrics}).
 */
public final class RecordCounts {
    public static final String PROCESSED = "graftwatch.records.processed";
    public static final String REJECTED = "graftwatch.records.rejected";

    private RecordCounts() {
    }

    public static void processed(String service, String topic) {
        Metrics.counter(PROCESSED, "service", service, "topic", topic).increment();
    }

    /** @param reason a short, fixed tag such as {@code unreadable}; never a value taken from the record */
    public static void rejected(String service, String topic, String reason) {
        Metrics.counter(REJECTED, "service", service, "topic", topic, "reason", reason).increment();
    }
}
