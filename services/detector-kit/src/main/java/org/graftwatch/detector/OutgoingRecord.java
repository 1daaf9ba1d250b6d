package org.graftwatch.detector;

/** A record to publish: its key (the patient id, or the original key of a dead letter) and its JSON value. */
public record OutgoingRecord(String key, String value) {
}
