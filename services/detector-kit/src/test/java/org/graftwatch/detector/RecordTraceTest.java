package org.graftwatch.detector;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.TracingMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class RecordTraceTest {
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void aProducedRecordIsParentedOnTheTraceparentOfItsCause() {
        Message<String> message = KeyedSends.keyed("P-1", "{}", TRACEPARENT);

        var context = TracingMetadata.fromMessage(message).orElseThrow().getCurrentContext();
        var parent = Span.fromContext(context).getSpanContext();
        assertThat(parent.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(parent.getSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(parent.isRemote()).isTrue();
    }

    @Test
    void withoutACauseOrACurrentTraceNothingIsAttached() {
        assertThat(RecordTrace.current()).isNull();
        assertThat(TracingMetadata.fromMessage(KeyedSends.keyed("P-1", "{}"))).isEmpty();
        assertThat(TracingMetadata.fromMessage(KeyedSends.keyed("P-1", "{}", "not-a-traceparent"))).isEmpty();
    }

    @Test
    void theCurrentSpanIsWrittenAsATraceparent() {
        var remote = Span.fromContext(RecordTrace.continueTrace(Message.of(""), TRACEPARENT).getMetadata(TracingMetadata.class)
                .orElseThrow().getCurrentContext());
        try (var scope = remote.makeCurrent()) {
            assertThat(RecordTrace.current()).isEqualTo(TRACEPARENT);
        }
    }
}
