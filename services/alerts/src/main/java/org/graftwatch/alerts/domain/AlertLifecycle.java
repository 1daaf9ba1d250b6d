package org.graftwatch.alerts.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.Finding;

/**
 * How an alert moves: OPEN → ACKNOWLEDGED → RESOLVED, and OPEN → ESCALATED (see {@link Escalation}).
 *
 * <p>Findings: one clinical episode is one alert, its id is the finding's episode id, so a re-delivered or replayed
 * finding finds the alert it already made and changes nothing; a changed finding (new evidence, an onset moved by a
 * late result) is a new revision of the same alert, keeping the status a clinician gave it. An episode that ended or
 * whose evidence was withdrawn resolves its alert; if it holds again later, the alert re-opens — unless a clinician
 * resolved it, which stands until the episode gets more severe.
 *
 * <p>Clinicians acknowledge an OPEN or ESCALATED alert and resolve any unresolved one; anything else is an
 * {@link ImpossibleTransition}. Every change is the next revision.
 */
public final class AlertLifecycle {

    private AlertLifecycle() {
    }

    /** The alert's next state change, or empty when the finding changes nothing a clinician would see. */
    public static Optional<AlertChange> apply(AlertState current, Finding finding, Instant now) {
        boolean holds = finding.state() == Finding.State.ACTIVE;
        if (current == null) {
            if (holds) {
                return Optional.of(new AlertChange(new AlertState(raise(finding, now), now, false), null));
            }
            if (finding.state() == Finding.State.ENDED) {
                // The whole episode happened before the platform saw it (one batch, or a replay): the patient still had
                // it, so it is raised, already resolved, and never escalated. A withdrawn one never held: nothing.
                AlertEvent ended = withStatus(raise(finding, now), AlertStatus.RESOLVED, now);
                ended = new AlertEvent(ended.alertId(), ended.patientId(), ended.caseId(), ended.kind(), ended.severity(),
                        ended.status(), ended.onsetAt(), ended.raisedAt(), ended.dayPostTransplant(), ended.rule(), ended.summary(),
                        ended.evidence(), ended.supersedes(), 1, now);
                return Optional.of(new AlertChange(new AlertState(ended, null, false), new AuditEntry(ended.alertId(),
                        ended.patientId(), 1, AuditEntry.Action.RESOLVED, null, AlertStatus.RESOLVED, finding.detector(),
                        "episode ended before it was seen", now)));
            }
            return Optional.empty();
        }
        AlertEvent alert = current.alert();
        if (!holds) {
            if (!current.unresolved()) {
                return Optional.empty();
            }
            AlertEvent next = next(alert, finding, AlertStatus.RESOLVED, now);
            return Optional.of(new AlertChange(new AlertState(next, null, false), audit(alert, next, AuditEntry.Action.RESOLVED,
                    finding.detector(), "episode " + finding.state().name().toLowerCase(Locale.ROOT), now)));
        }
        if (!current.unresolved()) {
            if (current.closedByClinician() && finding.severity().compareTo(alert.severity()) <= 0) {
                return Optional.empty();
            }
            AlertEvent next = next(alert, finding, AlertStatus.OPEN, now);
            String why = current.closedByClinician() ? "episode became " + finding.severity() : "episode holds again";
            return Optional.of(new AlertChange(new AlertState(next, now, false),
                    audit(alert, next, AuditEntry.Action.REOPENED, finding.detector(), why, now)));
        }
        if (sameClinicalContent(alert, finding)) {
            return Optional.empty();
        }
        AlertEvent next = next(alert, finding, alert.status(), now);
        // A more severe episode waiting for a clinician starts its escalation clock afresh.
        Instant awaitingSince = alert.status() != AlertStatus.OPEN ? null
                : finding.severity().compareTo(alert.severity()) > 0 ? now : current.awaitingSince();
        return Optional.of(new AlertChange(new AlertState(next, awaitingSince, false), null));
    }

    public static AlertChange acknowledge(AlertState current, String actor, String reason, Instant now) {
        AlertStatus status = current.status();
        if (status != AlertStatus.OPEN && status != AlertStatus.ESCALATED) {
            throw new ImpossibleTransition(AuditEntry.Action.ACKNOWLEDGED, status);
        }
        AlertEvent next = withStatus(current.alert(), AlertStatus.ACKNOWLEDGED, now);
        return new AlertChange(new AlertState(next, null, false),
                audit(current.alert(), next, AuditEntry.Action.ACKNOWLEDGED, actor, reason, now));
    }

    public static AlertChange resolve(AlertState current, String actor, String reason, Instant now) {
        if (!current.unresolved()) {
            throw new ImpossibleTransition(AuditEntry.Action.RESOLVED, current.status());
        }
        AlertEvent next = withStatus(current.alert(), AlertStatus.RESOLVED, now);
        return new AlertChange(new AlertState(next, null, true),
                audit(current.alert(), next, AuditEntry.Action.RESOLVED, actor, reason, now));
    }

    static AlertEvent withStatus(AlertEvent a, AlertStatus status, Instant now) {
        return new AlertEvent(a.alertId(), a.patientId(), a.caseId(), a.kind(), a.severity(), status, a.onsetAt(), a.raisedAt(),
                a.dayPostTransplant(), a.rule(), a.summary(), a.evidence(), a.supersedes(), a.revision() + 1, now);
    }

    static AuditEntry audit(AlertEvent before, AlertEvent after, AuditEntry.Action action, String actor, String reason, Instant now) {
        return new AuditEntry(after.alertId(), after.patientId(), after.revision(), action, before.status(), after.status(),
                actor, reason, now);
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
                && Objects.equals(a.dayPostTransplant(), f.dayPostTransplant())
                && Objects.equals(a.caseId(), f.caseId())
                && a.summary().equals(f.summary())
                && a.evidence().equals(f.evidence())
                && Objects.equals(a.supersedes(), f.supersedes());
    }
}
