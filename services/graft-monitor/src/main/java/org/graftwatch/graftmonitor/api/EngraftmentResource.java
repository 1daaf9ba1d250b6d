package org.graftwatch.graftmonitor.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.graftmonitor.persistence.PatientGraftState;
import org.graftwatch.graftmonitor.persistence.PatientGraftStateRepository;

@Path("/api/patients/{patientId}/engraftment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Engraftment", description = "A patient's graft status and the series behind it")
public class EngraftmentResource {

    @Inject
    PatientGraftStateRepository repository;

    /** The graft status as the monitor sees it: transplants, current findings, and the ANC series to plot. */
    public record EngraftmentStatus(String patientId, String caseId, List<String> transplantDays,
                                    List<Finding> findings, List<Point> anc) {
    }

    public record Point(String observationId, Instant at, double value) {
    }

    @GET
    @Operation(summary = "Transplant days, graft findings and the ANC series of a patient")
    public EngraftmentStatus status(@PathParam("patientId") String patientId) {
        PatientGraftState state = repository.findByIdOptional(patientId)
                .orElseThrow(() -> new NotFoundException("no graft data for patient " + patientId));
        List<Finding> findings = state.published.values().stream()
                .map(p -> EventJson.read(p.findingJson, Finding.class))
                .filter(f -> f.state() == Finding.State.ACTIVE).toList();
        return new EngraftmentStatus(state.patientId, state.knownCase.caseId, state.knownCase.transplantDays, findings,
                state.anc.stream().map(s -> new Point(s.observationId, s.at, s.value)).toList());
    }
}
