package org.graftwatch.simulator.load;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.graftwatch.simulator.CaseRegistryClient;

/** {@code ward-simulator load [options]}: offers a synthetic cohort and prints what was offered and what must follow. */
public final class LoadCommand {
    public static final String USAGE = """
            Usage: ward-simulator load [options]
            Offers a synthetic cohort (HSCT, daily labs, vital signs every 4 h, planted episodes) on the ward topics.
              --patients N          cohort size (default 5000)
              --days N              days of follow-up per patient (default 30)
              --seed N              makes the cohort reproducible (default 42)
              --planted-share X     share of patients with a planted episode (default 0.1)
              --malformed-share X   share of malformed records (default 0.01)
              --rate N              records per second, 0 = as fast as possible (default 0)
              --no-register         do not register the patients with the case registry
              --bootstrap-servers HOST:PORT, --registry-url URL   as for replay
            """;

    private LoadCommand() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        int patients = 5000;
        int days = 30;
        long seed = 42;
        double planted = 0.1;
        double malformed = 0.01;
        double rate = 0;
        boolean register = true;
        String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        String registry = env.getOrDefault("CASE_REGISTRY_URL", CaseRegistryClient.DEFAULT_URL);
        try {
            for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
                String option = it.next();
                switch (option) {
                    case "--patients" -> patients = Integer.parseInt(next(it, option));
                    case "--days" -> days = Integer.parseInt(next(it, option));
                    case "--seed" -> seed = Long.parseLong(next(it, option));
                    case "--planted-share" -> planted = Double.parseDouble(next(it, option));
                    case "--malformed-share" -> malformed = Double.parseDouble(next(it, option));
                    case "--rate" -> rate = Double.parseDouble(next(it, option));
                    case "--no-register" -> register = false;
                    case "--bootstrap-servers" -> bootstrap = next(it, option);
                    case "--registry-url" -> registry = next(it, option);
                    case "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            SyntheticCohort cohort = new SyntheticCohort(new SyntheticCohort.Settings(seed, patients, days, planted,
                    LocalDate.parse("2025-01-06")));
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                LoadGenerator generator = new LoadGenerator(cohort, producer, malformed, rate);
                if (register) {
                    out.printf("registering %d patients with %s%n", patients, registry);
                    generator.register(new CaseRegistryClient(registry, java.time.Duration.ofSeconds(20)));
                }
                LoadGenerator.Report report = generator.publish();
                out.printf("offered %d observations and %d malformed records in %.1f s (%.0f records/s)%n",
                        report.observations(), report.malformed(), report.elapsed().toMillis() / 1000.0, report.perSecond());
                out.println("planted alerts that must follow: " + report.plantedAlerts());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("ward-simulator load: " + e.getMessage() + " (see load --help)");
            return 2;
        }
    }

    private static String next(Iterator<String> it, String option) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return it.next();
    }
}
