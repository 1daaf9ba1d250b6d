package org.graftwatch.detector;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends keyed records through an emitter and blocks until the broker acknowledged all of them: a consumer
 * commits its offsets only after this returns, so nothing it produced can be lost to a crash.
 */
public final class KeyedSends {
    private KeyedSends() {
    }

    public static Message<String> keyed(String key, String value) {
        return keyed(key, value, null);
    }

    /** A keyed record that continues the trace of {@code traceparent} (see {@link RecordTrace}). */
    public static Message<String> keyed(String key, String value, String traceparent) {
        return RecordTrace.continueTrace(
                Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()), traceparent);
    }

    /** Sends in list order (one partition keeps the order of one key) and waits; fails if any send failed. */
    public static void sendAndAwait(MutinyEmitter<String> emitter, List<OutgoingRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = records.stream().map(r -> emitter.sendMessage(keyed(r.key(), r.value(), r.traceparent()))).toList();
        Uni.join().all(sends).andFailFast().await().indefinitely();
    }
}
