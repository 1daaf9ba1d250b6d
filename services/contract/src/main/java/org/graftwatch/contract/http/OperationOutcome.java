package org.graftwatch.contract.http;

import java.util.List;

/**
 * FHIR R4 OperationOutcome, the error body of every GraftWatch HTTP API: each problem with its severity,
 * its FHIR issue type, a human diagnostic and where in the input it lies.
 */
public record OperationOutcome(String resourceType, List<Issue> issue) {

    public static final String MEDIA_TYPE = "application/fhir+json";

    public OperationOutcome {
        issue = List.copyOf(issue);
    }

    public OperationOutcome(List<Issue> issues) {
        this("OperationOutcome", issues);
    }

    /** One problem, with its location as a FHIRPath-like expression (e.g. {@code Observation.valueQuantity.code}). */
    public record Issue(String severity, String code, String diagnostics, List<String> expression) {
        public static Issue error(String code, String diagnostics, String location) {
            return new Issue("error", code, diagnostics, location == null ? null : List.of(location));
        }
    }

    public static OperationOutcome of(String code, String diagnostics, String location) {
        return new OperationOutcome(List.of(Issue.error(code, diagnostics, location)));
    }
}
