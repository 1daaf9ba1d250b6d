package org.graftwatch.alerts.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * The acute GVHD grade a GVHD onset or flare reported (public fields for the MongoDB POJO codec), at its onset;
 * {@code grade} null when the finding did not state one. {@code ended}: the course returned to grade 0 since (the
 * contract does not date that return).
 */
public class GvhdGradePoint {
    public String episodeId;
    public String kind;
    public String severity;
    public Instant at;
    public Integer grade;
    public boolean ended;

    public GvhdGradePoint() {
    }

    boolean sameAs(GvhdGradePoint other) {
        return episodeId.equals(other.episodeId) && Objects.equals(kind, other.kind) && Objects.equals(severity, other.severity)
                && Objects.equals(at, other.at) && Objects.equals(grade, other.grade) && ended == other.ended;
    }
}
