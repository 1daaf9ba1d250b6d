package org.graftwatch.alerts.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.graftwatch.alerts.persistence.AlertQuery;
import org.graftwatch.alerts.persistence.AlertRepository;
import org.graftwatch.alerts.persistence.PatientTimelineDocument;
import org.graftwatch.alerts.persistence.PatientTimelines;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.http.OperationOutcome;

@Path("/api/patients/{patientId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline", description = "A patient's course as the dashboard plots it")
public class PatientTimelineResource {

    @Inject
    PatientTimelines timelines;

    @Inject
    AlertRepository alerts;

    @GET
    @Operation(summary = "The patient's timeline: ANC, platelets, chimerism per lineage and graft source, temperature, MAP, lactate, "
            + "GVHD grade, with HSCT day 0, DLI and CAR-T, and the onsets of the patient's alerts",
            description = "Projected from tx.observations.v1, tx.case-events.v1 and the GVHD findings as they arrive; each series "
                    + "keeps its most recent graftwatch.alerts.timeline.max-points-per-series points.")
    @APIResponse(responseCode = "200", description = "The timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientTimelineView.class)))
    @APIResponse(responseCode = "404", description = "Nothing is known of this patient (OperationOutcome)")
    public Response timeline(@PathParam("patientId") String patientId) {
        PatientTimelineDocument timeline = timelines.findByIdOptional(patientId).orElse(null);
        List<AlertEvent> patientAlerts = alerts.search(new AlertQuery(patientId, null, null, null, null, null, null, 0,
                AlertResource.MAX_PAGE_SIZE));
        if (timeline == null && patientAlerts.isEmpty()) {
            return ProblemResponses.outcome(404, OperationOutcome.of("not-found", "nothing is known of patient " + patientId, "patientId"));
        }
        return Response.ok(PatientTimelineView.of(patientId, timeline, patientAlerts)).build();
    }
}
