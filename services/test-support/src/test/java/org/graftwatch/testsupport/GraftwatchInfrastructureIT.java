package org.graftwatch.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraftwatchInfrastructureIT {

    static TopicProbe probe;

    @BeforeAll
    static void connect() {
        probe = TopicProbe.connect();
    }

    @AfterAll
    static void disconnect() {
        probe.close();
    }

    @Test
    void theInfrastructureIsStartedOncePerJvm() {
        GraftwatchInfrastructure first = GraftwatchInfrastructure.get();
        GraftwatchInfrastructure second = GraftwatchInfrastructure.get();

        assertThat(second).isSameAs(first);
        assertThat(first.backend()).isEqualTo(
                GraftwatchInfrastructure.choose(System.getProperty("graftwatch.infra"), () -> first.backend()
                        == GraftwatchInfrastructure.Backend.CONTAINERS).backend());
    }

    @Test
    void theTestResourceHandsTheServiceBothServersAndTheTokenIssuer() {
        var resource = new InfrastructureResource();
        Map<String, String> config = resource.start();
        resource.stop();

        GraftwatchInfrastructure infrastructure = GraftwatchInfrastructure.get();
        assertThat(config).containsOnly(
                Map.entry("kafka.bootstrap.servers", infrastructure.bootstrapServers()),
                Map.entry("quarkus.mongodb.connection-string", infrastructure.mongoConnectionString()),
                Map.entry("mp.jwt.verify.publickey.location", TestTokens.publicKeyLocation()),
                Map.entry("mp.jwt.verify.issuer", TestTokens.ISSUER));
        assertThat(config.get("quarkus.mongodb.connection-string")).startsWith("mongodb://");
    }

    @Test
    void everyContractTopicExistsWithThreePartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, GraftwatchInfrastructure.get().bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);

            assertThat(topics.values()).extracting(topic -> topic.partitions().size()).containsOnly(3);
        }
    }

    @Test
    void aRecordSentIsFoundByAwait() {
        String patient = "patient-" + UUID.randomUUID();
        probe.send(Topics.FINDINGS, patient, "{\"kind\":\"NEUTROPHIL_ENGRAFTMENT\"}");
        probe.send(Topics.FINDINGS, "someone-else", "{\"kind\":\"SEPSIS\"}");

        List<ConsumerRecord<String, String>> found =
                probe.await(Topics.FINDINGS, record -> patient.equals(record.key()), Duration.ofSeconds(30));

        assertThat(found).singleElement().satisfies(record ->
                assertThat(record.value()).isEqualTo("{\"kind\":\"NEUTROPHIL_ENGRAFTMENT\"}"));
    }

    @Test
    void awaitReturnsEveryMatchOnceEnoughHaveArrived() {
        String patient = "patient-" + UUID.randomUUID();
        for (int day = 1; day <= 3; day++) {
            probe.send(Topics.OBSERVATIONS, patient, "{\"day\":" + day + "}");
        }

        assertThat(probe.await(Topics.OBSERVATIONS, record -> patient.equals(record.key()), 2, Duration.ofSeconds(30)))
                .extracting(ConsumerRecord::value)
                .containsExactly("{\"day\":1}", "{\"day\":2}", "{\"day\":3}"); // one key, one partition: in order
    }

    @Test
    void recordsReturnsTheWholeTopicOnceItIsQuiet() {
        String topic = "probe.records." + UUID.randomUUID();
        probe.send(topic, "a", "1");
        probe.send(topic, "b", "2");

        assertThat(probe.records(topic, Duration.ofMillis(500))).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("a", "b");
        assertThat(probe.records("probe.never-created." + UUID.randomUUID(), Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void awaitFailsWithWhatItReadWhenNothingMatches() {
        String topic = "probe.await." + UUID.randomUUID();
        probe.send(topic, "patient-1", "{\"kind\":\"GVHD_ONSET\"}");

        assertThatThrownBy(() -> probe.await(topic, record -> "patient-2".equals(record.key()), Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected at least 1 record(s) on " + topic + " matching the condition within PT2S, found 0 among 1 read")
                .hasMessageContaining("key patient-1: {\"kind\":\"GVHD_ONSET\"}");
    }
}
