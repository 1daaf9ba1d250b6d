package org.graftwatch.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The command line, with defaults from the environment ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code CASE_REGISTRY_URL}). */
record SimulatorOptions(
        Command command,
        Path scenario,
        String bootstrapServers,
        String registryUrl,
        boolean verify,
        boolean follow,
        Duration quiet,
        Duration timeout) {

    enum Command { REPLAY, VERIFY }

    static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    static final String USAGE = """
            Usage: ward-simulator replay <scenario.json> [options]
                   ward-simulator verify <scenario.json> [options]
                   ward-simulator load [options]        (a synthetic cohort for load: load --help)

            replay  registers the scenario's patient and treatments with the case registry, then publishes its
                    observations as FHIR R4 to ward.labs.v1 / ward.vitals.v1 in delivery order
            verify  reads the patient's alerts from tx.alerts.v1 until the stream is quiet and checks them
                    against the scenario's expectedAlerts and mustNotAlert (no replay)

            Options:
              --bootstrap-servers HOST:PORT  Kafka (default $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)
              --registry-url URL             case registry (default $CASE_REGISTRY_URL or http://127.0.0.1:8082)
              --verify                       after replay, verify the alerts raised
              --follow                       then print every patient's alerts as they arrive, until Ctrl-C
              --quiet-seconds N              the stream is quiet after N s without a new alert of the patient (default 15)
              --timeout-seconds N            stop collecting after N s whatever happens (default 300)
              --help                         this text

            Exit status: 0 all checks passed (or nothing to check), 1 a check failed,
                         2 usage or scenario error, 3 the platform was unreachable or refused the replay.
            """;

    static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    static SimulatorOptions parse(List<String> args, Map<String, String> env) {
        if (args.isEmpty()) {
            throw new UsageException("a command is required: replay or verify");
        }
        Command command = switch (args.get(0)) {
            case "replay" -> Command.REPLAY;
            case "verify" -> Command.VERIFY;
            default -> throw new UsageException("unknown command '" + args.get(0) + "': use replay or verify");
        };
        Path scenario = null;
        String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", DEFAULT_BOOTSTRAP_SERVERS);
        String registry = env.getOrDefault("CASE_REGISTRY_URL", CaseRegistryClient.DEFAULT_URL);
        boolean verify = command == Command.VERIFY;
        boolean follow = false;
        Duration quiet = Duration.ofSeconds(15);
        Duration timeout = Duration.ofSeconds(300);
        Iterator<String> words = words(args.subList(1, args.size())).iterator();
        while (words.hasNext()) {
            String word = words.next();
            switch (word) {
                case "--verify" -> verify = true;
                case "--follow" -> follow = true;
                case "--bootstrap-servers" -> bootstrap = value(words, word);
                case "--registry-url" -> registry = url(value(words, word));
                case "--quiet-seconds" -> quiet = seconds(value(words, word), word);
                case "--timeout-seconds" -> timeout = seconds(value(words, word), word);
                default -> {
                    if (word.startsWith("-")) {
                        throw new UsageException("unknown option " + word);
                    }
                    if (scenario != null) {
                        throw new UsageException("one scenario at a time (got " + scenario + " and " + word + ")");
                    }
                    scenario = Path.of(word);
                }
            }
        }
        if (scenario == null) {
            throw new UsageException("a scenario file is required");
        }
        return new SimulatorOptions(command, scenario, bootstrap, registry, verify, follow, quiet, timeout);
    }

    /** {@code --name=value} is read as {@code --name value}. */
    private static List<String> words(List<String> args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                words.add(arg.substring(0, equals));
                words.add(arg.substring(equals + 1));
            } else {
                words.add(arg);
            }
        }
        return words;
    }

    private static String value(Iterator<String> words, String option) {
        String value = words.hasNext() ? words.next() : null;
        if (value == null || value.startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return value;
    }

    private static Duration seconds(String text, String option) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a positive whole number of seconds, not '" + text + "'");
    }

    private static String url(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException("--registry-url needs an http(s) URL, not '" + text + "'");
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
