package org.graftwatch.caseregistry.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.graftwatch.caseregistry.CaseLedger;
import org.graftwatch.caseregistry.domain.CaseRuleViolation;
import org.graftwatch.caseregistry.domain.CaseRuleViolation.Reason;
import org.graftwatch.contract.CaseEvent;

@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Patients and their transplant cases")
public class CaseResource {

    @Inject
    CaseLedger ledger;

    @POST
    @Operation(summary = "Register a patient and open their case")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "The patient is already registered (OperationOutcome)")
    @APIResponse(responseCode = "422", description = "The patient record is invalid (OperationOutcome)")
    public Response register(CaseEvent.Patient patient) {
        CaseView view = CaseView.of(ledger.register(patient));
        return Response.created(URI.create("/api/patients/" + view.patient().id())).entity(view).build();
    }

    @GET
    @Path("/{patientId}")
    @Operation(summary = "A patient's case with every treatment recorded")
    @APIResponse(responseCode = "404", description = "No such patient (OperationOutcome)")
    public CaseView get(@PathParam("patientId") String patientId) {
        return ledger.find(patientId).map(CaseView::of)
                .orElseThrow(() -> CaseRuleViolation.of(Reason.UNKNOWN, "Patient.id", "no patient " + patientId + " is registered"));
    }

    @POST
    @Path("/{patientId}/treatments")
    @Operation(summary = "Record an HSCT (day 0, graft sources), a CAR-T infusion or a DLI")
    @APIResponse(responseCode = "201", description = "Recorded; the body is the case after the change")
    @APIResponse(responseCode = "404", description = "No such patient (OperationOutcome)")
    @APIResponse(responseCode = "409", description = "Already recorded, or changed concurrently (OperationOutcome)")
    @APIResponse(responseCode = "422", description = "The treatment breaks a rule of the case (OperationOutcome)")
    public Response recordTreatment(@PathParam("patientId") String patientId, CaseEvent.Treatment treatment) {
        CaseView view = CaseView.of(ledger.recordTreatment(patientId, treatment));
        return Response.created(URI.create("/api/patients/" + patientId)).entity(view).build();
    }
}
