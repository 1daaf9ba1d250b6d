package org.graftwatch.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.Topics;
import org.graftwatch.simulator.SimulatorOptions.Command;
import org.graftwatch.simulator.SimulatorOptions.UsageException;
import org.graftwatch.simulator.load.LoadCommand;

/** The command line: replays a scenario through the platform's public interfaces and verifies the alerts raised. */
public final class WardSimulator {
    static final int PASSED = 0;
    static final int CHECK_FAILED = 1;
    static final int USAGE_ERROR = 2;
    static final int PLATFORM_ERROR = 3;

    /** How long the registry may take to start answering. */
    private static final Duration REGISTRY_PATIENCE = Duration.ofSeconds(20);

    private final PrintStream out;
    private final PrintStream err;
    private volatile boolean shuttingDown;

    WardSimulator(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        WardSimulator simulator = new WardSimulator(System.out, System.err);
        int status = simulator.run(List.of(args), System.getenv());
        // During Ctrl-C the JVM is already exiting, and System.exit would block on the shutdown hook.
        if (!simulator.shuttingDown) {
            System.exit(status);
        }
    }

    int run(List<String> args, Map<String, String> env) {
        if (!args.isEmpty() && args.get(0).equals("load")) {
            try {
                return LoadCommand.run(args.subList(1, args.size()), env, out, err);
            } catch (ReplayException | KafkaException e) {
                err.println("ward-simulator: " + e.getMessage());
                return PLATFORM_ERROR;
            }
        }
        if (SimulatorOptions.wantsHelp(args)) {
            out.print(SimulatorOptions.USAGE);
            return PASSED;
        }
        SimulatorOptions options;
        Scenario scenario;
        try {
            options = SimulatorOptions.parse(args, env);
            scenario = Scenario.read(options.scenario());
        } catch (UsageException e) {
            err.println("ward-simulator: " + e.getMessage() + " (see --help)");
            return USAGE_ERROR;
        } catch (ScenarioException e) {
            err.println("ward-simulator: " + e.getMessage());
            return USAGE_ERROR;
        }
        try {
            return execute(options, scenario);
        } catch (ReplayException | KafkaException e) {
            err.println("ward-simulator: " + e.getMessage());
            return PLATFORM_ERROR;
        }
    }

    private int execute(SimulatorOptions options, Scenario scenario) {
        out.printf("Scenario %s: patient %s, %d treatments, %d observations%n", scenario.id(), scenario.patientId(),
                scenario.events().size(), scenario.observations().size());
        if (options.command() == Command.REPLAY) {
            replay(options, scenario);
        }
        int status = PASSED;
        if (options.verify()) {
            status = verify(options, scenario);
        }
        if (options.follow()) {
            follow(options);
        }
        return status;
    }

    private void replay(SimulatorOptions options, Scenario scenario) {
        CaseRegistryClient registry = new CaseRegistryClient(options.registryUrl(), REGISTRY_PATIENCE);
        CaseRegistryClient.Outcome patient = registry.registerPatient(scenario.patient());
        out.printf("Patient %s: %s%n", scenario.patientId(),
                patient == CaseRegistryClient.Outcome.CREATED ? "registered" : "already registered");
        scenario.events().forEach(event -> {
            CaseRegistryClient.Outcome treatment = registry.recordTreatment(scenario.patientId(), event);
            out.printf("%s %s: %s%n", event.path("type").asText(), event.path("date").asText(),
                    treatment == CaseRegistryClient.Outcome.CREATED ? "recorded" : "already recorded");
        });
        try (WardPublisher publisher = WardPublisher.connect(options.bootstrapServers())) {
            Map<String, Integer> perTopic = publisher.publish(scenario);
            out.printf("Published %d observations: %s%n", scenario.observations().size(), perTopic.entrySet().stream()
                    .map(e -> e.getValue() + " to " + e.getKey()).collect(Collectors.joining(", ")));
        }
    }

    private int verify(SimulatorOptions options, Scenario scenario) {
        out.printf("Collecting alerts of %s from %s until quiet for %d s (at most %d s)%n", scenario.patientId(),
                Topics.ALERTS, options.quiet().toSeconds(), options.timeout().toSeconds());
        List<AlertEvent> alerts;
        try (AlertStream stream = AlertStream.connect(options.bootstrapServers())) {
            alerts = stream.collect(scenario.patientId(), options.quiet(), options.timeout());
        }
        out.printf("Collected %d alert records (%d alerts)%n", alerts.size(),
                alerts.stream().map(AlertEvent::alertId).distinct().count());
        VerificationReport report = ScenarioVerifier.verify(scenario, alerts);
        out.print(report.text());
        return report.passed() ? PASSED : CHECK_FAILED;
    }

    /** Prints alerts until Ctrl-C or SIGTERM, which stop the consumer so that it is closed properly. */
    private void follow(SimulatorOptions options) {
        out.printf("Following %s for all patients (Ctrl-C to stop)%n", Topics.ALERTS);
        AlertStream stream = AlertStream.connect(options.bootstrapServers());
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            shuttingDown = true;
            stream.stop();
            try {
                main.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ward-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (stream) {
            stream.follow(alert -> out.println(followLine(alert)));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is what ended follow()
            }
        }
    }

    /** {@code <changedAt or raisedAt>  <patientId>  <kind>  <severity>  <status>  <summary>}. */
    static String followLine(AlertEvent alert) {
        Object at = alert.changedAt() != null ? alert.changedAt() : alert.raisedAt();
        return String.join("  ", String.valueOf(at), alert.patientId(), String.valueOf(alert.kind()),
                String.valueOf(alert.severity()), String.valueOf(alert.status()), String.valueOf(alert.summary()));
    }
}
