package org.graftwatch.ingest.fhir;

import java.util.List;
import org.graftwatch.contract.DeadLetter.Problem;
import org.graftwatch.contract.ObservationEvent;

/**
 * What became of one ward payload: the canonical observations it carried, or every problem found in it.
 * A payload is accepted whole or rejected whole, so a sender never has to guess which half arrived.
 */
public record Intake(List<ObservationEvent> accepted, List<Problem> problems) {
    public Intake {
        accepted = List.copyOf(accepted);
        problems = List.copyOf(problems);
    }

    public static Intake rejected(List<Problem> problems) {
        return new Intake(List.of(), problems);
    }

    public boolean isAccepted() {
        return problems.isEmpty();
    }
}
