package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * A clinical episode a graft rule concluded. {@code anchor} names the episode within the patient and rule
 * (e.g. the transplant's day 0), so that re-evaluation finds the same episode again; {@code supersedesAnchor} names
 * an earlier episode of the same rule that this one escalates (a warning followed by a critical finding), or null.
 */
public record GraftEpisode(RuleRef rule, AlertKind kind, Severity severity, String anchor, Instant onsetAt,
                           Integer dayPostTransplant, String summary, List<Evidence> evidence, String supersedesAnchor) {
    public GraftEpisode {
        evidence = List.copyOf(evidence);
    }
}
