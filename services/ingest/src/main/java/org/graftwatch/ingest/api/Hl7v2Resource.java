package org.graftwatch.ingest.api;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ACK;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.graftwatch.ingest.hl7.OruTranslator;
import org.graftwatch.ingest.messaging.IntakeMetrics;
import org.graftwatch.ingest.messaging.ObservationPublisher;

/**
 * HL7 v2.5.1 ORU^R01 over HTTP, for laboratory systems without Kafka. The reply is always an HL7 ACK: AA once every
 * observation is published, AE (with every problem) when the message was read but its content is invalid, AR when
 * it could not be read as an ORU^R01 at all. HTTP status 200 in each case: the verdict is in MSA-1, as HL7 senders
 * expect.
 */
@Path("/hl7v2")
@Tag(name = "HL7 v2 intake")
public class Hl7v2Resource {
    static final String MEDIA_TYPE = "application/hl7-v2";
    static final String HTTP_SOURCE = "http";

    @Inject
    OruTranslator oru;

    @Inject
    ObservationPublisher publisher;

    @Inject
    IntakeMetrics metrics;

    @POST
    @Consumes({MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @Produces(MEDIA_TYPE)
    @Operation(summary = "Submit one HL7 v2.5.1 ORU^R01 message (ER7)")
    @APIResponse(responseCode = "200", description = "An HL7 ACK: AA accepted, AE invalid content, AR unreadable")
    public Response submit(String body) throws HL7Exception, IOException {
        OruTranslator.Read read = oru.read(body, HTTP_SOURCE);
        var intake = read.intake();
        if (intake.isAccepted()) {
            publisher.publishAndAwait(intake.accepted());
            return ack(read.message().generateACK());
        }
        metrics.rejected(intake.reasons());
        String problems = intake.problems().stream()
                .map(p -> p.location() == null ? p.message() : p.location() + ": " + p.message())
                .collect(Collectors.joining("; "));
        if (read.message() == null || intake.isUnreadable()) {
            return ack(rejectedUnread(problems));
        }
        try {
            return ack(read.message().generateACK(AcknowledgmentCode.AE, new HL7Exception(problems)));
        } catch (HL7Exception e) {
            // The header itself is too damaged to answer in kind (no MSH-10 to refer to).
            return ack(rejectedUnread(problems));
        }
    }

    /** An ACK for a message that could not be read, so there is no header to answer to. */
    private Message rejectedUnread(String problems) throws HL7Exception, IOException {
        ACK ack = new ACK();
        ack.setParser(oru.parser());
        ack.initQuickstart("ACK", null, "P");
        ack.getMSA().getAcknowledgmentCode().setValue(AcknowledgmentCode.AR.name());
        ack.getMSA().getMessageControlID().setValue("");
        ack.getMSA().getTextMessage().setValue(truncate(problems));
        return ack;
    }

    private static String truncate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static Response ack(Message ack) throws HL7Exception {
        return Response.ok(ack.encode(), MEDIA_TYPE).build();
    }
}
