package org.graftwatch.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class BatchRetryTest {
    private final BatchRetry retry = new BatchRetry(Duration.ofMillis(1), Duration.ofMillis(4));

    @Test
    void aBatchThatFailsWhileTheStoreIsDownRunsAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();

        retry.run("graft-inputs", () -> {
            if (attempts.incrementAndGet() < 4) {
                throw new MongoTimeoutException("Timed out after 30000 ms while waiting for a server");
            }
        });

        assertThat(attempts).hasValue(4);
    }

    @Test
    void anOutageIsRecognisedBehindTheWrappersOfAnAwaitedSend() {
        assertThat(BatchRetry.outageIn(new CompletionException(new TimeoutException("Expiring 3 record(s)")))).isNotNull();
        assertThat(BatchRetry.outageIn(new IllegalStateException("send failed",
                new MongoSocketOpenException("Exception opening socket", new ServerAddress("127.0.0.1", 27018))))).isNotNull();
    }

    @Test
    void anyOtherFailureFailsTheBatchAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run("graft-inputs", () -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("a bug, not an outage");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(attempts).hasValue(1);
        assertThat(BatchRetry.outageIn(new IllegalStateException("no cause"))).isNull();
    }
}
