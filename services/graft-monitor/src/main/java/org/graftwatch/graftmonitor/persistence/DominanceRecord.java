package org.graftwatch.graftmonitor.persistence;

import java.time.Instant;
import org.graftwatch.graftmonitor.domain.Chimerism;

/**
 * A graft source's dominance in a lineage as last established (public fields for the MongoDB POJO codec): a record,
 * not an alert.
 */
public class DominanceRecord {
    public String transplantDay;
    public String lineage;
    public String source;
    public Instant since;
    public String observationId;
    public double shareOfDonor;

    public DominanceRecord() {
    }

    public DominanceRecord(String transplantDay, Chimerism.Dominance dominance) {
        this.transplantDay = transplantDay;
        this.lineage = dominance.lineage().name();
        this.source = dominance.source();
        this.since = dominance.since();
        this.observationId = dominance.observationId();
        this.shareOfDonor = dominance.shareOfDonor();
    }
}
