package org.graftwatch.detector;

/**
 * A record to publish: its key (the patient id, or the original key of a dead letter), its JSON value, and the W3C
 * {@code traceparent} of the record or request that caused it (null: the trace current when it is sent).
 */
public record OutgoingRecord(String key, String value, String traceparent) {

    public OutgoingRecord(String key, String value) {
        this(key, value, null);
    }
}
