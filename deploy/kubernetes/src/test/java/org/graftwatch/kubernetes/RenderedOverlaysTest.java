package org.graftwatch.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.graftwatch.contract.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** Renders each overlay with {@code kubectl kustomize}, as ops would, and checks what must hold in every cluster. */
class RenderedOverlaysTest {
    private static final Path OVERLAYS = Path.of("overlays");
    /** Services whose resources quarkus-kubernetes generates and the build gathers into services/generated/. */
    private static final List<String> GENERATED = List.of("ingest", "case-registry", "graft-monitor", "surveillance", "alerts");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")) || Files.isExecutable(Path.of("/usr/local/bin/kubectl")),
                "kubectl is not installed: the overlays cannot be rendered here");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", OVERLAYS.resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor()).as("kubectl kustomize %s:%n%s", overlay, output).isZero();
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(output).forEach(d -> documents.add((Map<String, Object>) d));
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String key) {
        return (Map<String, Object>) ((Map<String, Object>) o).get(key);
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContractTopicIsDeclaredWithTheSamePartitionsForObservationsAndCaseEvents(String overlay) throws Exception {
        List<Map<String, Object>> topics = ofKind(render(overlay), "KafkaTopic");
        Map<String, Integer> partitions = topics.stream().collect(Collectors.toMap(
                t -> (String) map(t, "spec").get("topicName"), t -> (Integer) map(t, "spec").get("partitions")));
        assertThat(partitions.keySet()).containsAll(Topics.ALL);
        assertThat(partitions.get(Topics.CASE_EVENTS)).as("co-partitioned with observations")
                .isEqualTo(partitions.get(Topics.OBSERVATIONS));
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsInGit(String overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        assertThat(ofKind(docs, "Secret")).as("Secrets are created by ops or operators, never rendered from git").isEmpty();
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            for (Object env : containerOf(deployment).getOrDefault("env", List.of()) instanceof List<?> l ? l : List.of()) {
                Map<String, Object> variable = (Map<String, Object>) env;
                String name = String.valueOf(variable.get("name"));
                if (name.matches(".*(PASSWORD|JAAS|MONGODB_URI|SECRET|TOKEN).*")) {
                    assertThat(variable).as("%s comes from a Secret", name).doesNotContainKey("value").containsKey("valueFrom");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsWithProbesLimitsAndALockedDownContainer(String overlay) throws Exception {
        List<Map<String, Object>> deployments = ofKind(render(overlay), "Deployment");
        assertThat(deployments).extracting(d -> map(d, "metadata").get("name")).containsAll(GENERATED);
        for (Map<String, Object> deployment : deployments) {
            Map<String, Object> container = containerOf(deployment);
            String name = String.valueOf(map(deployment, "metadata").get("name"));
            assertThat(container).as(name).containsKeys("livenessProbe", "readinessProbe", "startupProbe");
            assertThat(String.valueOf(map(container, "readinessProbe"))).contains("/q/health/ready");
            assertThat(String.valueOf(map(container, "livenessProbe"))).contains("/q/health/live");
            assertThat(map(map(container, "resources"), "limits")).as(name).containsKey("memory");
            assertThat(map(map(container, "resources"), "requests")).as(name).containsKeys("cpu", "memory");
            assertThat(map(container, "securityContext")).as(name).containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
            Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
            assertThat(map(pod, "securityContext")).as(name).containsEntry("runAsNonRoot", true);
            assertThat(pod).as(name).containsEntry("automountServiceAccountToken", false);
            assertThat(String.valueOf(map(map(deployment, "spec"), "selector"))).as("selectors survive upgrades")
                    .doesNotContain("app.kubernetes.io/version");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> containerOf(Map<String, Object> deployment) {
        return (Map<String, Object>) ((List<Object>) map(map(map(deployment, "spec"), "template"), "spec").get("containers")).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyIngestAndAlertsAreReachableFromOutsideTheNamespace(String overlay) throws Exception {
        List<Map<String, Object>> policies = ofKind(render(overlay), "NetworkPolicy");
        assertThat(policies).extracting(p -> map(p, "metadata").get("name"))
                .contains("graftwatch-default-deny-ingress", "graftwatch-public-apis");
        Map<String, Object> publicApis = policies.stream().filter(p -> "graftwatch-public-apis".equals(map(p, "metadata").get("name")))
                .findFirst().orElseThrow();
        assertThat(String.valueOf(map(publicApis, "spec").get("podSelector"))).contains("ingest").contains("alerts")
                .doesNotContain("graft-monitor").doesNotContain("surveillance").doesNotContain("case-registry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void autoscalingNeverExceedsThePartitionsConsumed(String overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        int observationPartitions = ofKind(docs, "KafkaTopic").stream()
                .filter(t -> Topics.OBSERVATIONS.equals(map(t, "spec").get("topicName")))
                .map(t -> (Integer) map(t, "spec").get("partitions")).findFirst().orElseThrow();
        List<Map<String, Object>> hpas = ofKind(docs, "HorizontalPodAutoscaler");
        assertThat(hpas).extracting(h -> map(h, "metadata").get("name"))
                .containsExactlyInAnyOrder("ingest", "graft-monitor", "surveillance", "alerts");
        hpas.forEach(h -> assertThat((Integer) map(h, "spec").get("maxReplicas")).isLessThanOrEqualTo(observationPartitions));
        assertThat(ofKind(docs, "PodDisruptionBudget")).extracting(p -> map(p, "metadata").get("name"))
                .containsAll(Set.of("ingest", "case-registry", "graft-monitor", "surveillance", "alerts"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceSpreadsItsReplicasOverNodes(String overlay) throws Exception {
        for (Map<String, Object> deployment : ofKind(render(overlay), "Deployment")) {
            String name = String.valueOf(map(deployment, "metadata").get("name"));
            Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
            List<?> preferred = (List<?>) map(map(pod, "affinity"), "podAntiAffinity").get("preferredDuringSchedulingIgnoredDuringExecution");
            assertThat(preferred).as("%s: preferred anti-affinity", name).isNotEmpty();
            Map<String, Object> term = map(preferred.get(0), "podAffinityTerm");
            assertThat(term).as(name).containsEntry("topologyKey", "kubernetes.io/hostname");
            assertThat(map(map(term, "labelSelector"), "matchLabels")).as("%s: spreads its own replicas", name)
                    .containsEntry("app.kubernetes.io/name", name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsScrapedAndStartsWithinItsStartupProbe(String overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        List<Map<String, Object>> monitors = ofKind(docs, "PodMonitor");
        assertThat(monitors).hasSize(1);
        Map<String, Object> monitor = map(monitors.get(0), "spec");
        assertThat(String.valueOf(monitor.get("podMetricsEndpoints"))).contains("path=/q/metrics").contains("port=http");
        Map<String, Object> selected = map(map(monitor, "selector"), "matchLabels");
        assertThat(ofKind(docs, "ServiceMonitor")).as("no generated ServiceMonitor selecting every Service").isEmpty();
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            String name = String.valueOf(map(deployment, "metadata").get("name"));
            Map<String, Object> template = map(map(deployment, "spec"), "template");
            assertThat(map(map(template, "metadata"), "labels")).as("%s is selected by the PodMonitor", name)
                    .containsAllEntriesOf(selected);
            assertThat(map(map(template, "metadata"), "annotations")).as(name)
                    .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/q/metrics");
            Map<String, Object> startup = map(containerOf(deployment), "startupProbe");
            assertThat((Integer) startup.get("periodSeconds") * (Integer) startup.get("failureThreshold"))
                    .as("%s: seconds the JVM has to start", name).isGreaterThanOrEqualTo(60);
        }
        assertThat(ofKind(docs, "PrometheusRule")).extracting(r -> map(r, "metadata").get("name")).containsExactly("graftwatch-platform");
    }

    /**
     * What one service consumes (topics, groups) and produces (topics, transactional ids: the fixed part before a
     * per-instance suffix such as {@code ${quarkus.uuid}}), read from its application.properties.
     */
    private record KafkaUse(Set<String> reads, Set<String> groups, Set<String> writes, Set<String> transactionalIdPrefixes) {
        static KafkaUse of(String service) throws IOException {
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(Path.of("../../services", service, "src/main/resources/application.properties"))) {
                properties.load(in);
            }
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            Set<String> transactional = new TreeSet<>();
            for (String key : properties.stringPropertyNames()) {
                String value = withDefaults(properties.getProperty(key));
                if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?")) {
                    reads.addAll(List.of(value.split(",")));
                } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                    groups.add(value);
                } else if (key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.topic")) {
                    writes.add(value);
                } else if (key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.transactional\\.id")) {
                    transactional.add(properties.getProperty(key).replaceAll("\\$\\{[^}]*}.*$", ""));
                }
            }
            return new KafkaUse(reads, groups, writes, transactional);
        }

        /** {@code ${VARIABLE:default}} as the service sees it without the variable. */
        private static String withDefaults(String value) {
            return value.replaceAll("\\$\\{[A-Z_]+:([^}]*)}", "$1").strip();
        }
    }

    /**
     * Topics a service writes that its application.properties cannot show: its channel's records name their own topic
     * (ingest's transactional producer sends the observations and the ward dead letters of one batch together).
     */
    private static final Map<String, Set<String>> NAMED_PER_RECORD = Map.of("ingest", Set.of(Topics.WARD_DLQ));

    @SuppressWarnings("unchecked")
    @Test
    void inProductionEveryServiceIsItsOwnKafkaUserAllowedOnlyWhatItConsumesAndProduces() throws Exception {
        List<Map<String, Object>> docs = render("prod");
        Set<String> declaredTopics = ofKind(docs, "KafkaTopic").stream()
                .map(t -> (String) map(t, "spec").get("topicName")).collect(Collectors.toSet());
        Map<String, Map<String, Object>> users = ofKind(docs, "KafkaUser").stream()
                .collect(Collectors.toMap(u -> (String) map(u, "metadata").get("name"), u -> u));
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            String service = String.valueOf(map(deployment, "metadata").get("name"));
            String secret = ((List<Object>) containerOf(deployment).get("env")).stream().map(e -> (Map<String, Object>) e)
                    .filter(e -> "KAFKA_SASL_JAAS_CONFIG".equals(e.get("name")))
                    .map(e -> (String) map(map(e, "valueFrom"), "secretKeyRef").get("name")).findFirst().orElseThrow();
            assertThat(secret).as("%s uses the Secret of its own user", service).isEqualTo("graftwatch-" + service);
            Map<String, Object> user = users.get(secret);
            assertThat(user).as("KafkaUser %s", secret).isNotNull();
            assertThat(map(map(user, "spec"), "authentication")).containsEntry("type", "scram-sha-512");

            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            Set<String> transactional = new TreeSet<>();
            for (Object entry : (List<Object>) map(map(user, "spec"), "authorization").get("acls")) {
                Map<String, Object> resource = map(entry, "resource");
                List<String> operations = (List<String>) ((Map<String, Object>) entry).get("operations");
                String name = (String) resource.get("name");
                assertThat(name).doesNotContain("*");
                if ("transactionalId".equals(resource.get("type"))) {
                    // a transactional id ends in a per-instance suffix: the one prefix ACL, named after the service
                    assertThat(resource).as("%s: transactional ids by prefix", service).containsEntry("patternType", "prefix");
                    assertThat(name).as("%s: its own transactional ids only", service).startsWith(service + "-");
                    transactional.add(name);
                    continue;
                }
                assertThat(resource).as("%s: no prefix or wildcard ACL", service).containsEntry("patternType", "literal");
                if ("group".equals(resource.get("type"))) {
                    groups.add(name);
                } else {
                    assertThat(declaredTopics).as("%s: an ACL for a topic the cluster declares", service).contains(name);
                    assertThat(operations.contains("Read") == operations.contains("Write"))
                            .as("%s on %s: read or write, never both: %s", service, name, operations).isFalse();
                    (operations.contains("Read") ? reads : writes).add(name);
                }
            }
            KafkaUse use = KafkaUse.of(service);
            Set<String> expectedWrites = new TreeSet<>(use.writes());
            expectedWrites.addAll(NAMED_PER_RECORD.getOrDefault(service, Set.of()));
            assertThat(reads).as("%s reads exactly its input topics", service).isEqualTo(use.reads());
            assertThat(groups).as("%s joins exactly its consumer groups", service).isEqualTo(use.groups());
            assertThat(writes).as("%s writes exactly its output topics", service).isEqualTo(expectedWrites);
            assertThat(transactional).as("%s: ACLs for exactly its transactional ids", service).isEqualTo(use.transactionalIdPrefixes());
        }
        assertThat(users.keySet()).as("one user per service, no shared one")
                .containsExactlyInAnyOrderElementsOf(GENERATED.stream().map(s -> "graftwatch-" + s).toList());
    }
}
