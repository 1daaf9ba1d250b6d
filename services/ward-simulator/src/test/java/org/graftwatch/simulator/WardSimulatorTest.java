package org.graftwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WardSimulatorTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final WardSimulator simulator = new WardSimulator(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).startsWith("Usage: ward-simulator replay <scenario.json>").contains("--quiet-seconds N");
    }

    @Test
    void withoutACommandItIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("a command is required").contains("--help");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("replay", "scenario.json", "--fast")).isEqualTo(2);
        assertThat(stderr()).contains("unknown option --fast");
    }

    @Test
    void aNonNumericQuietPeriodIsAUsageError() {
        assertThat(run("verify", "scenario.json", "--quiet-seconds", "soon")).isEqualTo(2);
        assertThat(stderr()).contains("--quiet-seconds needs a positive whole number of seconds");
    }

    @Test
    void aMissingOptionValueIsAUsageError() {
        assertThat(run("replay", "scenario.json", "--bootstrap-servers")).isEqualTo(2);
        assertThat(stderr()).contains("--bootstrap-servers needs a value");
    }

    @Test
    void aMalformedScenarioIsAnInputErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"id\": \"bad\", \"patient\": {}}");

        assertThat(run("replay", file.toString())).isEqualTo(2);
        assertThat(stderr()).contains("bad.json").contains("patient.id is missing");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aRefusedReplayIsAPlatformErrorWithTheRegistrysReason(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ok.json"), "{\"id\": \"ok\", \"patient\": {\"id\": \"P-OK\"}}");
        try (FakeCaseRegistry registry = FakeCaseRegistry.start(0, request -> new FakeCaseRegistry.Answer(422,
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"sex is required\"}]}"))) {

            assertThat(run("replay", file.toString(), "--registry-url", registry.url())).isEqualTo(3);
        }
        assertThat(stdout()).contains("Scenario ok: patient P-OK, 0 treatments, 0 observations");
        assertThat(stderr()).contains("case registry refused patient P-OK").contains("sex is required");
    }

    @Test
    void optionsFallBackToTheEnvironmentAndTheDefaults() {
        SimulatorOptions fromEnv = SimulatorOptions.parse(List.of("replay", "s.json", "--verify"),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:29092", "CASE_REGISTRY_URL", "http://registry:8080"));
        SimulatorOptions given = SimulatorOptions.parse(List.of("verify", "s.json", "--bootstrap-servers=broker:9092",
                "--registry-url", "http://localhost:9000", "--quiet-seconds", "3", "--timeout-seconds", "60", "--follow"),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:29092"));
        SimulatorOptions defaults = SimulatorOptions.parse(List.of("replay", "s.json"), Map.of());

        assertThat(fromEnv.bootstrapServers()).isEqualTo("kafka:29092");
        assertThat(fromEnv.registryUrl()).isEqualTo("http://registry:8080");
        assertThat(fromEnv.verify()).isTrue();
        assertThat(given.command()).isEqualTo(SimulatorOptions.Command.VERIFY);
        assertThat(given.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(given.registryUrl()).isEqualTo("http://localhost:9000");
        assertThat(given.quiet()).isEqualTo(Duration.ofSeconds(3));
        assertThat(given.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(given.verify()).isTrue();
        assertThat(given.follow()).isTrue();
        assertThat(defaults.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(defaults.registryUrl()).isEqualTo("http://127.0.0.1:8082");
        assertThat(defaults.quiet()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(defaults.verify()).isFalse();
        assertThat(defaults.follow()).isFalse();
    }

    @Test
    void aFollowedAlertIsOneLineWithItsLatestChangeTime() {
        Instant raised = Instant.parse("2025-03-16T08:00:00Z");
        AlertEvent alert = new AlertEvent("a-1", "P-SEED-01", "C-1", AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO,
                AlertStatus.ACKNOWLEDGED, raised, raised, 13, new RuleRef("engraftment", "1"),
                "Neutrophil engraftment on day +13", List.of(), null, 2, raised.plusSeconds(3600));
        AlertEvent unchanged = new AlertEvent("a-2", "P-SEED-01", "C-1", AlertKind.SEPSIS, Severity.CRITICAL,
                AlertStatus.OPEN, raised, raised, 13, new RuleRef("sepsis", "1"), "Sepsis", List.of(), null, 1, null);

        assertThat(WardSimulator.followLine(alert)).isEqualTo(
                "2025-03-16T09:00:00Z  P-SEED-01  NEUTROPHIL_ENGRAFTMENT  INFO  ACKNOWLEDGED  Neutrophil engraftment on day +13");
        assertThat(WardSimulator.followLine(unchanged)).startsWith("2025-03-16T08:00:00Z  P-SEED-01  SEPSIS  CRITICAL  OPEN");
    }

    private int run(String... args) {
        return simulator.run(List.of(args), Map.of());
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
