package org.graftwatch.caseregistry.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.graftwatch.caseregistry.domain.CaseRuleViolation;
import org.graftwatch.contract.http.OperationOutcome;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of this API is a FHIR OperationOutcome naming each problem and where it lies. */
public class ProblemResponses {

    @ServerExceptionMapper
    public Response caseRule(CaseRuleViolation violation) {
        int status = switch (violation.reason()) {
            case INVALID -> 422;
            case UNKNOWN -> 404;
            case CONFLICT -> 409;
        };
        String code = switch (violation.reason()) {
            case INVALID -> "business-rule";
            case UNKNOWN -> "not-found";
            case CONFLICT -> "conflict";
        };
        var issues = violation.problems().stream()
                .map(p -> OperationOutcome.Issue.error(code, p.message(), p.location())).toList();
        return outcome(status, new OperationOutcome(issues));
    }

    @ServerExceptionMapper
    public Response malformed(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        return outcome(status, OperationOutcome.of(status == 404 ? "not-found" : "invalid", firstLine(why), null));
    }

    /**
     * A body that is JSON but does not fit (a number given as text, an unknown enum constant): the built-in mapper of
     * this exact type would answer 400 without a body, so this one says what and where.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String location = e.getPath().stream()
                .map(JsonMappingException.Reference::getFieldName).filter(f -> f != null).reduce((a, b) -> a + "." + b).orElse(null);
        return outcome(400, OperationOutcome.of("invalid", firstLine(e.getOriginalMessage()), location));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the request could not be read";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static Response outcome(int status, OperationOutcome outcome) {
        return Response.status(status).type(OperationOutcome.MEDIA_TYPE).entity(outcome).build();
    }
}
