package org.graftwatch.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.graftwatch.contract.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics of the contract ({@link Topics#ALL}) that a broker does not have yet, so services never
 * depend on auto-creation (and its partition count) for their own topics.
 */
public final class ContractTopics {

    /** Partitions of every contract topic on a development or test broker. */
    public static final int PARTITIONS = 3;
    private static final short REPLICATION_FACTOR = 1;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    private ContractTopics() {
    }

    /** Connects to {@code bootstrapServers} and creates the missing contract topics; returns the ones it created. */
    public static List<String> createMissing(String bootstrapServers, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis())))) {
            return createMissing(admin, timeout);
        }
    }

    /**
     * Creates the missing contract topics ({@value #PARTITIONS} partitions, replication factor 1); returns the
     * ones it created. Retries while the broker is still registering itself, up to {@code timeout}.
     */
    public static List<String> createMissing(Admin admin, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return attempt(admin, remaining(deadline));
            } catch (ExecutionException e) {
                // A broker that just started may not be registered yet: "only 0 broker(s) are registered".
                boolean retriable = e.getCause() instanceof RetriableException
                        || e.getCause() instanceof InvalidReplicationFactorException;
                if (!retriable || System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("cannot create the contract topics: " + e.getCause(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("cannot create the contract topics within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating the contract topics", e);
            }
            pause();
        }
    }

    private static List<String> attempt(Admin admin, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<NewTopic> missing = Topics.ALL.stream()
                .filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, PARTITIONS, REPLICATION_FACTOR))
                .toList();
        List<String> created = new ArrayList<>();
        for (var result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                // Another client (a service, auto-creation) was faster: the topic is there, which is all we need.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(1).toNanos()));
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the contract topics", e);
        }
    }
}
