package org.graftwatch.alerts.domain;

import java.time.Instant;
import java.util.Optional;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.Finding;

/**
 * How a finding changes an alert. One clinical episode is one alert: its id is the finding's episode id, so a
 * re-delivered or replayed finding finds the alert it already made and changes nothing, and a changed finding
 * (new evidence, an onset moved by a late result) publishes a new revision of the same alert. An episode whose
 * evidence was withdrawn, or that ended, resolves its alert; if it holds again later, the alert re-opens.
 */
public final class AlertLifecycle {

    private AlertLifecycle() {
    }

    /** The alert's next state change, or empty when the finding changes nothing a clinician would see. */
    public static Optional<AlertEvent> apply(AlertEvent current, Finding finding, Instant now) {
        boolean holds = finding.state() == Finding.State.ACTIVE;
        if (current == null) {
            return holds ? Optional.of(raise(finding, now)) : Optional.empty();
        }
        if (!holds) {
            return current.status() == AlertStatus.RESOLVED ? Optional.empty()
                    : Optional.of(next(current, finding, AlertStatus.RESOLVED, now));
        }
        AlertStatus status = current.status() == AlertStatus.RESOLVED ? AlertStatus.OPEN : current.status();
        if (status == current.status() && sameClinicalContent(current, finding)) {
            return Optional.empty();
        }
        return Optional.of(next(current, finding, status, now));
    }

    private static AlertEvent raise(Finding f, Instant now) {
        return new AlertEvent(f.episodeId(), f.patientId(), f.caseId(), f.kind(), f.severity(), AlertStatus.OPEN,
                f.onsetAt(), now, f.dayPostTransplant(), f.rule(), f.summary(), f.evidence(), f.supersedes(), 1, now);
    }

    private static AlertEvent next(AlertEvent current, Finding f, AlertStatus status, Instant now) {
        return new AlertEvent(current.alertId(), current.patientId(), f.caseId() != null ? f.caseId() : current.caseId(),
                current.kind(), f.severity(), status, f.onsetAt(), current.raisedAt(), f.dayPostTransplant(), f.rule(),
                f.summary(), f.evidence(), f.supersedes(), current.revision() + 1, now);
    }

    private static boolean sameClinicalContent(AlertEvent a, Finding f) {
        return a.severity() == f.severity()
                && a.onsetAt().equals(f.onsetAt())
                && java.util.Objects.equals(a.dayPostTransplant(), f.dayPostTransplant())
                && java.util.Objects.equals(a.caseId(), f.caseId())
                && a.summary().equals(f.summary())
                && a.evidence().equals(f.evidence())
                && java.util.Objects.equals(a.supersedes(), f.supersedes());
    }
}
