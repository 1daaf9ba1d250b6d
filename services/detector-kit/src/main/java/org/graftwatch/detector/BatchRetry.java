package org.graftwatch.detector;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Runs a consumer's batch again, after a pause, for as long as it fails because the store or the broker does not
 * answer. Without it, a store outage longer than the driver's server-selection timeout fails the batch, and with
 * {@code failure-strategy=fail} the channel stops for good: the service stays up, reports itself not live, and
 * consumes nothing until someone restarts it. Every batch is idempotent (what it publishes again is recognised
 * downstream, what it stores again changes nothing), and its offsets are committed only once it succeeds, so running
 * it again is safe; meanwhile its partitions wait, in order. Any other failure still fails the batch at once.
 */
public final class BatchRetry {
    private static final System.Logger LOG = System.getLogger(BatchRetry.class.getName());
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final Duration firstPause;
    private final Duration longestPause;

    BatchRetry(Duration firstPause, Duration longestPause) {
        this.firstPause = firstPause;
        this.longestPause = longestPause;
    }

    /** Runs {@code batch} of {@code channel} until it succeeds or fails for another reason than an outage. */
    public static void throughOutages(String channel, Runnable batch) {
        new BatchRetry(FIRST_PAUSE, LONGEST_PAUSE).run(channel, batch);
    }

    void run(String channel, Runnable batch) {
        Duration pause = firstPause;
        for (int attempt = 1; ; attempt++) {
            try {
                batch.run();
                if (attempt > 1) {
                    LOG.log(System.Logger.Level.INFO, "{0}: batch done at attempt {1}, the outage is over", channel, attempt);
                }
                return;
            } catch (RuntimeException e) {
                Throwable outage = outageIn(e);
                if (outage == null) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "{0}: batch failed at attempt {1} ({2}: {3}); running it again in {4} ms",
                        channel, attempt, outage.getClass().getSimpleName(), outage.getMessage(), pause.toMillis());
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(channel + ": interrupted while waiting out an outage", e);
            }
            pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
        }
    }

    /** The failure in {@code e}'s causes that says the store or the broker did not answer; null if there is none. */
    static Throwable outageIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoServerUnavailableException || cause instanceof MongoNotPrimaryException
                    || cause instanceof MongoNodeIsRecoveringException || cause instanceof RetriableException) {
                return cause;
            }
        }
        return null;
    }
}
