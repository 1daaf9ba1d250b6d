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
import java.util.Set;
import java.util.stream.Collectors;
import org.graftwatch.contract.Topics;
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
}
