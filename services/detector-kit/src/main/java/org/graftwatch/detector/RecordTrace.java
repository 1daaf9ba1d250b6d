package org.graftwatch.detector;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.graftwatch.contract.Traceparent;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The W3C trace context ({@code traceparent}) that links a produced record to the one that caused it: an observation
 * to its ward record or HTTP request, a finding to the observation that made the detector re-assess, an alert change
 * to its finding. The batch consumers handle many records at once, so no ambient context says which record caused
 * what; the {@code traceparent} travels with each produced record instead, and can be stored (the alerts outbox) so
 * that a re-delivery keeps it.
 */
public final class RecordTrace {
    public static final String HEADER = Traceparent.HEADER;

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private RecordTrace() {
    }

    /** The record's {@code traceparent} header (the last one, should a producer have added two), or null. */
    public static String of(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The {@code traceparent} of the span current on this thread (an HTTP request, say), or null outside any trace. */
    public static String current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /**
     * Makes the Kafka connector produce {@code message} as a child of {@code traceparent} (its span is parented there
     * and its own {@code traceparent} header carries the same trace id). Without one, the context current on this
     * thread is kept, since the connector may send on another thread.
     */
    public static <T> Message<T> continueTrace(Message<T> message, String traceparent) {
        Context context = traceparent == null ? Context.current()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), MAP_GETTER);
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return message;
        }
        return message.addMetadata(TracingMetadata.withCurrent(context));
    }
}
