package org.graftwatch.ingest.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.http.OperationOutcome;
import org.graftwatch.ingest.fhir.Intake;
import org.graftwatch.ingest.fhir.ObservationTranslator;
import org.graftwatch.ingest.messaging.IntakeMetrics;
import org.graftwatch.ingest.messaging.ObservationPublisher;

/**
 * The HTTP door for ward systems that cannot speak Kafka: the same validation as the ward topics, the same
 * output topic. A request is accepted whole (202, after the broker acknowledged every observation) or
 * rejected whole (4xx with an OperationOutcome naming every problem).
 */
@Path("/fhir")
@Consumes({OperationOutcome.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Produces({OperationOutcome.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(name = "FHIR intake")
public class FhirResource {
    static final String HTTP_SOURCE = "http";

    @Inject
    ObservationTranslator translator;

    @Inject
    ObservationPublisher publisher;

    @Inject
    IntakeMetrics metrics;

    /** The ids of the accepted Observations; those among them already received with the same content are duplicates. */
    public record Accepted(List<String> accepted, List<String> duplicates) {
    }

    @POST
    @Path("/Observation")
    @Operation(summary = "Submit one FHIR R4 Observation")
    @APIResponse(responseCode = "202", description = "Accepted and published")
    @APIResponse(responseCode = "422", description = "Rejected; the OperationOutcome lists every problem")
    public Response observation(String body) {
        return submit(body);
    }

    @POST
    @Operation(summary = "Submit a FHIR R4 Bundle (collection, batch, transaction or message) of Observations")
    @APIResponse(responseCode = "202", description = "Accepted and published")
    @APIResponse(responseCode = "422", description = "Rejected; the OperationOutcome lists every problem")
    public Response bundle(String body) {
        return submit(body);
    }

    private Response submit(String body) {
        Intake intake = translator.translate(body, HTTP_SOURCE);
        if (!intake.isAccepted()) {
            metrics.rejected(intake.reasons());
            boolean unreadable = intake.isUnreadable();
            var issues = intake.problems().stream()
                    .map(p -> OperationOutcome.Issue.error(unreadable ? "structure" : "invalid", p.message(), p.location()))
                    .toList();
            return Response.status(unreadable ? 400 : 422).type(OperationOutcome.MEDIA_TYPE)
                    .entity(new OperationOutcome(issues)).build();
        }
        ObservationPublisher.Published published = publisher.publishAndAwait(intake.accepted());
        return Response.accepted(new Accepted(intake.accepted().stream().map(ObservationEvent::observationId).toList(),
                        published.duplicates().stream().map(ObservationEvent::observationId).toList()))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
