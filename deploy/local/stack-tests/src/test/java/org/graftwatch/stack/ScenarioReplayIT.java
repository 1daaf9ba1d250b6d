package org.graftwatch.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Topics;
import org.graftwatch.local.EmbeddedInfrastructure;
import org.graftwatch.local.PlatformService;
import org.graftwatch.local.PlatformServices;
import org.graftwatch.simulator.AlertStream;
import org.graftwatch.simulator.CaseRegistryClient;
import org.graftwatch.simulator.Scenario;
import org.graftwatch.simulator.ScenarioVerifier;
import org.graftwatch.simulator.VerificationReport;
import org.graftwatch.simulator.WardPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole platform end to end: every packaged service on one real Kafka broker and one MongoDB-wire store,
 * each scenario replayed through the public interfaces only (case registry REST, FHIR on the ward topics) and
 * its alerts read from {@code tx.alerts.v1} and verified, exactly as {@code ward-simulator replay --verify} does.
 * Every row must pass: each expected alert raised on its day, nothing a must-not row forbids.
 */
class ScenarioReplayIT {
    /** Alert kinds whose rules are implemented: every kind of the contract. */
    static final Set<AlertKind> RAISED_KINDS = java.util.EnumSet.allOf(AlertKind.class);
    private static final Path ROOT = Path.of(System.getProperty("graftwatch.home", "../../..")).toAbsolutePath().normalize();

    @TempDir
    static Path data;
    static EmbeddedInfrastructure infrastructure;
    static PlatformServices services;

    @BeforeAll
    static void startPlatform() throws IOException {
        infrastructure = EmbeddedInfrastructure.builder(data).start();
        List<PlatformService> onFreePorts = new ArrayList<>();
        for (PlatformService service : PlatformService.ALL) {
            onFreePorts.add(service.withPort(freePort()));
        }
        services = PlatformServices.start(ROOT, onFreePorts, infrastructure.bootstrapServers(),
                infrastructure.mongoConnectionString(), data.resolve("logs"), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopPlatform() {
        if (services != null) {
            services.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    static Stream<Path> scenarios() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(ROOT.resolve("services/ward-simulator/scenarios"), ROOT.resolveSibling("shared/scenarios"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> listing = Files.list(dir)) {
                    listing.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
        }
        assertThat(files).as("scenario files under %s", ROOT).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioRaisesWhatItShouldAndNothingItMustNot(Path file) {
        Scenario scenario = Scenario.read(file);
        new CaseRegistryClient(services.url("case-registry"), Duration.ofSeconds(30)).registerCase(scenario);
        try (WardPublisher publisher = WardPublisher.connect(infrastructure.bootstrapServers())) {
            publisher.publish(scenario);
        }
        List<AlertEvent> alerts;
        try (AlertStream stream = AlertStream.connect(infrastructure.bootstrapServers())) {
            alerts = stream.collect(scenario.patientId(), Duration.ofSeconds(12), Duration.ofSeconds(240));
        }
        alerts.forEach(a -> ContractSchemas.assertConforms(Topics.ALERTS, EventJson.write(a)));
        VerificationReport report = ScenarioVerifier.verify(scenario, alerts);
        System.out.println("== " + file.getFileName() + "\n" + report.text());

        List<VerificationReport.Row> mustHold = report.rows().stream()
                .filter(r -> r.check() == VerificationReport.Check.MUST_NOT || RAISED_KINDS.contains(r.kind())).toList();
        assertThat(mustHold).as("rows that must pass").isNotEmpty();
        assertThat(mustHold.stream().filter(r -> !r.passed()).map(VerificationReport.Row::line)).isEmpty();
        assertThat(alerts.stream().map(AlertEvent::alertId).distinct().count())
                .as("one alert per episode: raised once, whatever the revisions")
                .isEqualTo(alerts.stream().filter(a -> a.revision() == 1).count());
    }

    /** Observability across the platform: one observation's trace id reaches the alert it raises (TraceAcrossStack). */
    @org.junit.jupiter.api.Test
    void anObservationsTraceIdReachesTheAlertItRaises() throws Exception {
        TraceAcrossStack.verify(infrastructure.bootstrapServers());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
