package org.graftwatch.ingest.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.graftwatch.contract.DeadLetter.Problem;

/** Every problem found in one payload, each with its location, and the reasons they fall under. */
public final class Rejections {
    private final List<Problem> problems = new ArrayList<>();
    private final Set<Reason> reasons = EnumSet.noneOf(Reason.class);

    public static Rejections of(Reason reason, String location, String message) {
        Rejections rejections = new Rejections();
        rejections.add(reason, location, message);
        return rejections;
    }

    public void add(Reason reason, String location, String message) {
        problems.add(new Problem(location, message));
        reasons.add(reason);
    }

    public int size() {
        return problems.size();
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public Set<Reason> reasons() {
        return reasons.isEmpty() ? Set.of() : Set.copyOf(reasons);
    }
}
