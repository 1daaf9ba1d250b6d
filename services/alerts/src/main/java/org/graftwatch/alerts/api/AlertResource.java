package org.graftwatch.alerts.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.graftwatch.alerts.persistence.AlertDocument;
import org.graftwatch.alerts.persistence.AlertQuery;
import org.graftwatch.alerts.persistence.AlertRepository;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.http.OperationOutcome;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Alerts as they stand, in the shape of tx.alerts.v1")
public class AlertResource {
    static final int MAX_PAGE_SIZE = 500;

    @Inject
    AlertRepository repository;

    @GET
    @Operation(summary = "Alerts, most recent onset first, filtered by patient, status, kind and severity")
    public Response list(@QueryParam("patientId") String patientId, @QueryParam("status") AlertStatus status,
                         @QueryParam("kind") AlertKind kind, @QueryParam("severity") Severity severity,
                         @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            return ProblemResponses.outcome(400, OperationOutcome.of("invalid",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE, page < 0 ? "page" : "size"));
        }
        List<AlertEvent> alerts = repository.search(new AlertQuery(patientId, status, kind, severity, page, size));
        return Response.ok(alerts).build();
    }

    @GET
    @Path("/{alertId}")
    @Operation(summary = "One alert with its evidence")
    public Response get(@PathParam("alertId") String alertId) {
        return repository.findByIdOptional(alertId).map(AlertDocument::toEvent).map(a -> Response.ok(a).build())
                .orElseGet(() -> ProblemResponses.outcome(404, OperationOutcome.of("not-found", "no alert " + alertId, "alertId")));
    }
}
