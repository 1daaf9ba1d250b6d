package org.graftwatch.ingest.fhir;

import java.util.List;
import java.util.Set;
import org.graftwatch.contract.DeadLetter.Problem;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.ingest.domain.Reason;
import org.graftwatch.ingest.domain.Rejections;

/**
 * What became of one ward payload: the canonical observations it carried, or every problem found in it and the
 * reasons they fall under. A payload is accepted whole or rejected whole, so a sender never has to guess which
 * half arrived.
 */
public record Intake(List<ObservationEvent> accepted, List<Problem> problems, Set<Reason> reasons) {
    public Intake {
        accepted = List.copyOf(accepted);
        problems = List.copyOf(problems);
        reasons = Set.copyOf(reasons);
    }

    public static Intake accepted(List<ObservationEvent> accepted) {
        return new Intake(accepted, List.of(), Set.of());
    }

    public static Intake rejected(Rejections rejections) {
        return new Intake(List.of(), rejections.problems(), rejections.reasons());
    }

    public static Intake rejected(Reason reason, String location, String message) {
        return rejected(Rejections.of(reason, location, message));
    }

    public boolean isAccepted() {
        return problems.isEmpty();
    }

    /** True when the payload could not even be read, as opposed to read and found invalid. */
    public boolean isUnreadable() {
        return reasons.contains(Reason.UNREADABLE);
    }
}
