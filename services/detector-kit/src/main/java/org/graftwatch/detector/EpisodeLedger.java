package org.graftwatch.detector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;

/**
 * Decides which findings a re-assessment must publish: episodes that are new or whose clinical content changed,
 * and previously published episodes that no longer hold (their evidence was retracted or re-dated away), which
 * are published once more as {@link Finding.State#WITHDRAWN}. An unchanged episode publishes nothing, so
 * re-processing the same records never emits a finding twice.
 */
public final class EpisodeLedger {
    private EpisodeLedger() {
    }

    /**
     * @param published episode id → last published finding; updated in place
     * @param current   the episodes as the rules now conclude them (state ACTIVE or ENDED)
     * @return the findings to publish, as JSON, in order
     */
    public static List<String> reconcile(Map<String, PublishedEpisode> published, List<Finding> current, Instant now) {
        List<String> out = new ArrayList<>();
        Set<String> holding = new HashSet<>();
        for (Finding finding : current) {
            holding.add(finding.episodeId());
            String key = contentKey(finding);
            PublishedEpisode last = published.get(finding.episodeId());
            if (last == null || !last.contentKey.equals(key)) {
                String json = EventJson.write(finding);
                published.put(finding.episodeId(), new PublishedEpisode(key, json));
                out.add(json);
            }
        }
        for (var entry : published.entrySet()) {
            if (holding.contains(entry.getKey())) {
                continue;
            }
            Finding last = EventJson.read(entry.getValue().findingJson, Finding.class);
            if (last.state() != Finding.State.WITHDRAWN) {
                Finding withdrawn = new Finding(last.episodeId(), last.patientId(), last.caseId(), last.kind(), last.severity(),
                        Finding.State.WITHDRAWN, last.onsetAt(), last.dayPostTransplant(), last.rule(), last.summary(),
                        last.evidence(), last.supersedes(), now, last.detector());
                String json = EventJson.write(withdrawn);
                entry.setValue(new PublishedEpisode(contentKey(withdrawn), json));
                out.add(json);
            }
        }
        return out;
    }

    /** Everything of a finding that matters to a clinician; when it was detected does not. */
    static String contentKey(Finding f) {
        return String.join("|", f.state().name(), f.severity().name(), String.valueOf(f.onsetAt()),
                String.valueOf(f.dayPostTransplant()), String.valueOf(f.caseId()), f.summary(), String.valueOf(f.supersedes()),
                String.join(",", f.evidence().stream().map(e -> e.observationId() + "=" + e.value() + "@" + e.effectiveAt()).toList()));
    }
}
