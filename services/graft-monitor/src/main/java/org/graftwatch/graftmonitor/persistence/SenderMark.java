package org.graftwatch.graftmonitor.persistence;

import java.time.Instant;

/**
 * How far one sending system has reported for a patient (public fields for the MongoDB POJO codec): the latest event
 * time it sent, and when the platform last received something from it. Senders are read independently upstream,
 * so one may lag another by days of event time; these marks tell a lagging sender from one that went quiet.
 */
public class SenderMark {
    public Instant latestEffective;
    public Instant lastReceived;

    public SenderMark() {
    }

    /** Records an observation of this sender; returns whether its event time advanced. */
    boolean advance(Instant effectiveAt, Instant receivedAt) {
        if (receivedAt != null && (lastReceived == null || receivedAt.isAfter(lastReceived))) {
            lastReceived = receivedAt;
        }
        if (latestEffective == null || effectiveAt.isAfter(latestEffective)) {
            latestEffective = effectiveAt;
            return true;
        }
        return false;
    }
}
