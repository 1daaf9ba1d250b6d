package org.graftwatch.alerts.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.graftwatch.alerts.AlertDesk;
import org.graftwatch.alerts.domain.ImpossibleTransition;
import org.graftwatch.alerts.persistence.AlertDocument;
import org.graftwatch.alerts.persistence.AlertQuery;
import org.graftwatch.alerts.persistence.AlertRepository;
import org.graftwatch.alerts.persistence.AuditTrail;
import org.graftwatch.alerts.persistence.PatientWards;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.http.OperationOutcome;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Alerts as they stand, in the shape of tx.alerts.v1, and what clinicians do with them")
public class AlertResource {
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_TEXT = 2000;
    static final String ACTOR_HEADER = "X-Actor";

    @Inject
    AlertRepository repository;

    @Inject
    AlertDesk desk;

    @Inject
    AuditTrail auditTrail;

    @Inject
    PatientWards wards;

    @GET
    @Operation(summary = "Alerts, most recent onset first, filtered by patient, ward, status, kind, severity and onset time")
    @APIResponse(responseCode = "200", description = "One page of alerts")
    @APIResponse(responseCode = "400", description = "Invalid page, size, time bound, status, kind or severity (OperationOutcome naming it)")
    public Response list(@QueryParam("patientId") String patientId,
                         @Parameter(description = "The patients currently on this ward, as the case registry last reported")
                         @QueryParam("ward") String ward,
                         @Parameter(schema = @Schema(implementation = AlertStatus.class)) @QueryParam("status") String status,
                         @Parameter(schema = @Schema(implementation = AlertKind.class)) @QueryParam("kind") String kind,
                         @Parameter(schema = @Schema(implementation = Severity.class)) @QueryParam("severity") String severity,
                         @Parameter(description = "Onset at or after this instant (ISO-8601, e.g. 2025-03-16T00:00:00Z)")
                         @QueryParam("onsetFrom") String onsetFrom,
                         @Parameter(description = "Onset before this instant (ISO-8601)")
                         @QueryParam("onsetTo") String onsetTo,
                         @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            return ProblemResponses.outcome(400, OperationOutcome.of("invalid",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE, page < 0 ? "page" : "size"));
        }
        Instant from;
        Instant to;
        try {
            from = onsetFrom == null ? null : Instant.parse(onsetFrom);
        } catch (DateTimeParseException e) {
            return ProblemResponses.outcome(400, OperationOutcome.of("invalid", "onsetFrom must be an ISO-8601 instant", "onsetFrom"));
        }
        try {
            to = onsetTo == null ? null : Instant.parse(onsetTo);
        } catch (DateTimeParseException e) {
            return ProblemResponses.outcome(400, OperationOutcome.of("invalid", "onsetTo must be an ISO-8601 instant", "onsetTo"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            return ProblemResponses.outcome(400, OperationOutcome.of("invalid", "onsetFrom must be before onsetTo", "onsetFrom"));
        }
        AlertStatus wantedStatus = InvalidParameter.constantOf(AlertStatus.class, "status", status);
        AlertKind wantedKind = InvalidParameter.constantOf(AlertKind.class, "kind", kind);
        Severity wantedSeverity = InvalidParameter.constantOf(Severity.class, "severity", severity);
        List<String> wardPatients = ward == null ? null : wards.patientsOn(ward);
        return Response.ok(repository.search(new AlertQuery(patientId, wardPatients, wantedStatus, wantedKind, wantedSeverity,
                from, to, page, size))).build();
    }

    @GET
    @Path("/{alertId}")
    @Operation(summary = "One alert with its evidence")
    @APIResponse(responseCode = "404", description = "No such alert (OperationOutcome)")
    public Response get(@PathParam("alertId") String alertId) {
        return repository.findByIdOptional(alertId).map(AlertDocument::toEvent).map(a -> Response.ok(a).build())
                .orElseGet(() -> unknown(alertId));
    }

    @POST
    @Path("/{alertId}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an OPEN or ESCALATED alert: a clinician has seen it and takes care of it")
    @APIResponse(responseCode = "200", description = "The alert, ACKNOWLEDGED")
    @APIResponse(responseCode = "400", description = "No actor (OperationOutcome)")
    @APIResponse(responseCode = "404", description = "No such alert (OperationOutcome)")
    @APIResponse(responseCode = "409", description = "The alert is already acknowledged or resolved (OperationOutcome)")
    public Response acknowledge(@PathParam("alertId") String alertId,
                                @Parameter(description = "TEMPORARY: the acting clinician, until it comes from a verified JWT")
                                @HeaderParam(ACTOR_HEADER) String actorHeader, ClinicianActionRequest request) {
        return act(alertId, AlertDesk.ClinicianAction.ACKNOWLEDGE, actorHeader, request, false);
    }

    @POST
    @Path("/{alertId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve an unresolved alert, with the reason")
    @APIResponse(responseCode = "200", description = "The alert, RESOLVED")
    @APIResponse(responseCode = "400", description = "No actor or no reason (OperationOutcome)")
    @APIResponse(responseCode = "404", description = "No such alert (OperationOutcome)")
    @APIResponse(responseCode = "409", description = "The alert is already resolved (OperationOutcome)")
    public Response resolve(@PathParam("alertId") String alertId,
                            @Parameter(description = "TEMPORARY: the acting clinician, until it comes from a verified JWT")
                            @HeaderParam(ACTOR_HEADER) String actorHeader, ClinicianActionRequest request) {
        return act(alertId, AlertDesk.ClinicianAction.RESOLVE, actorHeader, request, true);
    }

    @GET
    @Path("/{alertId}/audit")
    @Operation(summary = "Who acknowledged, escalated, resolved or re-opened this alert, when and why, oldest first")
    @APIResponse(responseCode = "404", description = "No such alert (OperationOutcome)")
    public Response audit(@PathParam("alertId") String alertId) {
        if (repository.findByIdOptional(alertId).isEmpty()) {
            return unknown(alertId);
        }
        return Response.ok(auditTrail.ofAlert(alertId)).build();
    }

    private Response act(String alertId, AlertDesk.ClinicianAction action, String actorHeader, ClinicianActionRequest request,
                         boolean reasonRequired) {
        String actor = present(actorHeader) ? actorHeader.strip()
                : request != null && present(request.actor()) ? request.actor().strip() : null;
        String reason = request != null && present(request.reason()) ? request.reason().strip() : null;
        if (actor == null || actor.length() > MAX_TEXT) {
            return ProblemResponses.outcome(400, OperationOutcome.of("required",
                    "name the acting clinician in the X-Actor header or the actor field (temporary, until JWT security)", "actor"));
        }
        if ((reasonRequired && reason == null) || (reason != null && reason.length() > MAX_TEXT)) {
            return ProblemResponses.outcome(400, OperationOutcome.of("required",
                    "a reason of at most " + MAX_TEXT + " characters is required", "reason"));
        }
        try {
            return desk.act(alertId, action, actor, reason).map(a -> Response.ok(a).build()).orElseGet(() -> unknown(alertId));
        } catch (ImpossibleTransition e) {
            return ProblemResponses.outcome(409, OperationOutcome.of("conflict", e.getMessage(), "status"));
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static Response unknown(String alertId) {
        return ProblemResponses.outcome(404, OperationOutcome.of("not-found", "no alert " + alertId, "alertId"));
    }
}
