package org.graftwatch.alerts.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.graftwatch.contract.http.OperationOutcome;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of this API is a FHIR OperationOutcome. */
public class ProblemResponses {

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String why = e.getMessage() == null ? "the request could not be served" : e.getMessage();
        return outcome(status, OperationOutcome.of(status == 404 ? "not-found" : "invalid", why, null));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter e) {
        return outcome(400, OperationOutcome.of("invalid", e.getMessage(), e.parameter()));
    }

    static Response outcome(int status, OperationOutcome outcome) {
        return Response.status(status).type(OperationOutcome.MEDIA_TYPE).entity(outcome).build();
    }
}
