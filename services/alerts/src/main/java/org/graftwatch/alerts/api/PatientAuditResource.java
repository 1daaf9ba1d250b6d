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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.graftwatch.alerts.persistence.AuditTrail;
import org.graftwatch.contract.http.OperationOutcome;

@Path("/api/patients/{patientId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The append-only record of what was done with alerts")
public class PatientAuditResource {

    @Inject
    AuditTrail auditTrail;

    @GET
    @Operation(summary = "Every acknowledgement, escalation, resolution and re-opening of the patient's alerts, oldest first")
    @APIResponse(responseCode = "200", description = "One page of audit entries (empty for a patient without any)")
    @APIResponse(responseCode = "400", description = "Invalid page or size (OperationOutcome)")
    public Response ofPatient(@PathParam("patientId") String patientId,
                              @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0 || size < 1 || size > AlertResource.MAX_PAGE_SIZE) {
            return ProblemResponses.outcome(400, OperationOutcome.of("invalid",
                    "page must be >= 0 and size between 1 and " + AlertResource.MAX_PAGE_SIZE, page < 0 ? "page" : "size"));
        }
        return Response.ok(auditTrail.ofPatient(patientId, page, size)).build();
    }
}
