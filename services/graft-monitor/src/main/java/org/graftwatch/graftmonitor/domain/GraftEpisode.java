package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * A clinical episode a graft rule concluded. {@code anchor} names the episode within the patient and rule
 * (e.g. the transplant's day 0), so that re-evaluation finds the same episode again; {@code supersedesAnchor} names
 * an earlier episode of the same rule that this one escalates (a warning followed by a critical finding), or null.
 * {@code endedAt} is the event time at which the condition resolved (the result that showed it), null while it holds.
 */
public record GraftEpisode(RuleRef rule, AlertKind kind, Severity severity, String anchor, Instant onsetAt,
                           Integer dayPostTransplant, String summary, List<Evidence> evidence, String supersedesAnchor,
                           Instant endedAt) {
    public GraftEpisode {
        evidence = List.copyOf(evidence);
    }

    /** An episode that holds. */
    public GraftEpisode(RuleRef rule, AlertKind kind, Severity severity, String anchor, Instant onsetAt, Integer dayPostTransplant,
                        String summary, List<Evidence> evidence, String supersedesAnchor) {
        this(rule, kind, severity, anchor, onsetAt, dayPostTransplant, summary, evidence, supersedesAnchor, null);
    }

    /** The same episode, ended at {@code at}: the summary says how it resolved, the evidence shows what showed it. */
    public GraftEpisode endedAt(Instant at, String resolution, List<Evidence> shownBy) {
        List<Evidence> all = new ArrayList<>(evidence);
        all.addAll(shownBy);
        return new GraftEpisode(rule, kind, severity, anchor, onsetAt, dayPostTransplant, summary + "; " + resolution, all,
                supersedesAnchor, at);
    }

    public boolean ended() {
        return endedAt != null;
    }
}
