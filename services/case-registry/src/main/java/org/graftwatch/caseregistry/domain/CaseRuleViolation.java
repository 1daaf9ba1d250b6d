package org.graftwatch.caseregistry.domain;

import java.util.List;

/** A request the case cannot accept, with every reason and where in the request it lies. */
public class CaseRuleViolation extends RuntimeException {

    /** Why: the request is wrong in itself, names what does not exist, or clashes with what is recorded. */
    public enum Reason { INVALID, UNKNOWN, CONFLICT }

    public record Problem(String location, String message) {
    }

    private final Reason reason;
    private final List<Problem> problems;

    public CaseRuleViolation(Reason reason, List<Problem> problems) {
        super(problems.stream().map(p -> p.location() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(reason.name()));
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public static CaseRuleViolation of(Reason reason, String location, String message) {
        return new CaseRuleViolation(reason, List.of(new Problem(location, message)));
    }

    public Reason reason() {
        return reason;
    }

    public List<Problem> problems() {
        return problems;
    }
}
