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

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsInGit(String overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        assertThat(ofKind(docs, "Secret")).as("Secrets are created by ops or operators, never rendered from git").isEmpty();
        String text = new Yaml().dumpAll(docs.iterator()).toLowerCase();
        assertThat(text).doesNotContain("password:").doesNotContain("sasl.jaas.config");
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
