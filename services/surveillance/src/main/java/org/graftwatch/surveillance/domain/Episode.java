package org.graftwatch.surveillance.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * One clinical episode a surveillance rule concluded, before it becomes a finding.
 *
 * @param key        names the episode (rule + anchor); the episode id derives from it
 * @param endedAt    event time at which the episode ended, or null while it holds
 * @param supersedes the earlier, less severe episode of the same clinical problem this one replaces, or null
 */
public record Episode(EpisodeKey key, AlertKind kind, Severity severity, Instant onsetAt, Instant endedAt, String summary,
                      List<Evidence> evidence, EpisodeKey supersedes) {

    public Episode {
        evidence = List.copyOf(evidence);
    }

    public RuleRef rule() {
        return key.rule();
    }

    /** The same episode, ended at {@code at}. */
    public Episode endedAt(Instant at) {
        return new Episode(key, kind, severity, onsetAt, at, summary, evidence, supersedes);
    }

    /** The same episode with a note appended to its summary and more evidence: a flag found on it later. */
    public Episode flagged(String note, List<Evidence> more) {
        List<Evidence> all = new java.util.ArrayList<>(evidence);
        all.addAll(more);
        return new Episode(key, kind, severity, onsetAt, endedAt, summary + note, distinct(all), supersedes);
    }

    /** Evidence without repeats: a result that counts for two scores is listed once. */
    static List<Evidence> distinct(List<Evidence> evidence) {
        Set<String> seen = new HashSet<>();
        return evidence.stream().filter(e -> seen.add(e.observationId() + "@" + e.code())).toList();
    }

    /** The episode's stable name: its rule and an anchor such as the onset time. */
    public record EpisodeKey(RuleRef rule, String anchor) {
        public static EpisodeKey at(RuleRef rule, Instant onset) {
            return new EpisodeKey(rule, onset.toString());
        }
    }
}
