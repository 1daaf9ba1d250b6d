package org.graftwatch.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graftwatch.local.PlatformService;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine here, so the compose file is checked as data: it parses, runs Kafka and MongoDB with
 * healthchecks, runs every service on its documented port behind {@code service_healthy} dependencies, and takes
 * every version from {@code .env}.
 */
class DockerComposeFileTest {
    private static final Path ROOT = Path.of(System.getProperty("graftwatch.home", "../../..")).toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)(:-[^}]*)?}");

    /** SnakeYAML resolves the anchors and merge keys ({@code <<: *service}) the way Docker Compose does. */
    private static JsonNode compose() throws IOException {
        Object yaml = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return new ObjectMapper().valueToTree(yaml);
    }

    @Test
    void infrastructureHasHealthchecks() throws IOException {
        JsonNode services = compose().path("services");
        for (String infra : new String[] {"kafka", "mongodb"}) {
            assertThat(services.path(infra).path("image").asText()).as(infra + " image").startsWith("${");
            assertThat(services.path(infra).path("healthcheck").path("test").isArray()).as(infra + " healthcheck").isTrue();
        }
        assertThat(services.path("mongodb").path("command").toString()).contains("--replSet");
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    }

    @Test
    void everyServiceWaitsForHealthyInfrastructureOnItsPort() throws IOException {
        JsonNode services = compose().path("services");
        for (PlatformService service : PlatformService.ALL) {
            JsonNode s = services.path(service.name());
            assertThat(s.isMissingNode()).as(service.name()).isFalse();
            assertThat(s.path("image").asText()).contains("/" + service.name() + ":");
            assertThat(s.path("ports").toString()).contains(service.port() + ":" + service.port());
            assertThat(s.path("environment").path("QUARKUS_HTTP_PORT").asInt()).isEqualTo(service.port());
            assertThat(s.path("healthcheck").path("test").isArray()).as(service.name() + " healthcheck").isTrue();
            s.path("depends_on").forEach(d -> assertThat(d.path("condition").asText()).isEqualTo("service_healthy"));
            assertThat(s.path("depends_on").has("kafka")).as(service.name() + " depends on kafka").isTrue();
        }
    }

    @Test
    void everyVariableIsPinnedInDotEnv() throws IOException {
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve(".env"))) {
            env.load(in);
        }
        Set<String> missing = new HashSet<>();
        Matcher m = VARIABLE.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        while (m.find()) {
            if (m.group(2) == null && !env.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        assertThat(missing).as("variables without a value in .env").isEmpty();
        assertThat(env.getProperty("KAFKA_IMAGE")).doesNotEndWith(":latest");
        assertThat(env.getProperty("MONGO_IMAGE")).doesNotEndWith(":latest");
    }
}
