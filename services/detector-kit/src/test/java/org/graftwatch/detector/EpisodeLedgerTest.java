package org.graftwatch.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

class EpisodeLedgerTest {
    private static final Instant ONSET = Instant.parse("2025-03-16T07:30:00Z");

    private static Finding finding(Instant onset, Instant detectedAt) {
        return new Finding("ep-1", "P-1", "CASE-P-1", AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, Finding.State.ACTIVE,
                onset, 13, new RuleRef("neutrophil-engraftment", "1"), "Neutrophil engraftment on day +13",
                List.of(new Evidence("lab-1", "751-8", 0.58, "10*9/L", onset)), null, detectedAt, "graft-monitor");
    }

    @Test
    void newEpisodeIsPublishedOnceWhateverTheDetectionTime() {
        Map<String, PublishedEpisode> published = new HashMap<>();
        assertThat(EpisodeLedger.reconcile(published, List.of(finding(ONSET, ONSET)), ONSET)).hasSize(1);
        assertThat(EpisodeLedger.reconcile(published, List.of(finding(ONSET, ONSET.plusSeconds(60))), ONSET.plusSeconds(60))).isEmpty();
    }

    @Test
    void changedContentIsPublishedAgain() {
        Map<String, PublishedEpisode> published = new HashMap<>();
        EpisodeLedger.reconcile(published, List.of(finding(ONSET, ONSET)), ONSET);
        List<String> out = EpisodeLedger.reconcile(published, List.of(finding(ONSET.minusSeconds(86_400), ONSET)), ONSET);
        assertThat(out).hasSize(1);
        assertThat(EventJson.read(out.get(0), Finding.class).onsetAt()).isEqualTo(ONSET.minusSeconds(86_400));
    }

    @Test
    void anEpisodeThatNoLongerHoldsIsWithdrawnOnce() {
        Map<String, PublishedEpisode> published = new HashMap<>();
        EpisodeLedger.reconcile(published, List.of(finding(ONSET, ONSET)), ONSET);
        List<String> out = EpisodeLedger.reconcile(published, List.of(), ONSET);
        assertThat(out).hasSize(1);
        assertThat(EventJson.read(out.get(0), Finding.class).state()).isEqualTo(Finding.State.WITHDRAWN);
        assertThat(EpisodeLedger.reconcile(published, List.of(), ONSET)).isEmpty();
        assertThat(EpisodeLedger.reconcile(published, List.of(finding(ONSET, ONSET)), ONSET)).hasSize(1);
    }
}
