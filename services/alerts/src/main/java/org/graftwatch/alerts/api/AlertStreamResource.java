package org.graftwatch.alerts.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.graftwatch.alerts.config.AlertsConfig;
import org.graftwatch.alerts.persistence.AlertChangeDocument;
import org.graftwatch.alerts.persistence.AlertChangeLog;
import org.graftwatch.contract.EventJson;

/**
 * Alert changes as Server-Sent Events, read from the change log: event id = the change's sequence number. A client
 * that reconnects with {@code Last-Event-ID} gets every change stored after it, then the live ones, from the same
 * ordered read — so nothing is missed or repeated across a disconnect, whichever instance serves the reconnection.
 */
@Path("/api/alerts/stream")
@Tag(name = "Alerts")
public class AlertStreamResource {
    static final String EVENT_NAME = "alert";

    private static volatile boolean serving = true;

    @Inject
    AlertChangeLog changeLog;

    @Inject
    AlertsConfig config;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live alert changes (event 'alert', data = the change in the tx.alerts.v1 shape, id = its sequence number)",
            description = "Without Last-Event-ID (or 'since') the stream starts with the next change. With it, the changes stored "
                    + "after that sequence number are replayed first, then the stream continues live.")
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "Sequence number of the last event received; sent by EventSource on reconnection")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "Replay from after this sequence number on a first connection (0 = everything stored)")
            @QueryParam("since") String since,
            @Context Sse sse) {
        AtomicLong cursor = new AtomicLong(startAfter(lastEventId != null ? lastEventId : since,
                lastEventId != null ? "Last-Event-ID" : "since"));
        int pageSize = config.stream().pageSize();
        return Multi.createFrom().ticks().every(config.stream().pollInterval())
                // ends every stream when the service stops, so open connections never hold up its shutdown
                .select().first(tick -> serving)
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    List<AlertChangeDocument> changes = changeLog.after(cursor.get(), pageSize);
                    if (!changes.isEmpty()) {
                        cursor.set(changes.get(changes.size() - 1).sequence);
                    }
                    return changes;
                })
                .map(change -> sse.newEventBuilder()
                        .id(Long.toString(change.sequence))
                        .name(EVENT_NAME)
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, EventJson.write(change.toEvent()))
                        .build());
    }

    void stopServing(@Observes ShutdownEvent stop) {
        serving = false;
    }

    private long startAfter(String position, String name) {
        if (position == null || position.isBlank()) {
            return changeLog.lastSequence();
        }
        try {
            long sequence = Long.parseLong(position.strip());
            if (sequence < 0) {
                throw new NumberFormatException();
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a sequence number (a non-negative integer) of this stream");
        }
    }
}
