package org.graftwatch.local;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedRuntimeTest {

    @Test
    void theChildClasspathHoldsTheBrokerTheStoreAndTheEmbeddedRuntimeItself() {
        List<String> entries = Arrays.asList(EmbeddedRuntime.classpath().split(File.pathSeparator));

        assertThat(entries).allSatisfy(entry -> assertThat(Path.of(entry)).exists());
        assertThat(entries).anySatisfy(entry -> assertThat(entry).contains("kafka_2.13-"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry).contains("mongo-java-server-h2-backend-"));
        assertThat(entries).anySatisfy(entry -> assertThat(entry).contains("log4j-slf4j2-impl-"));
        // The first entry is the module itself: the store's main class and the child JVMs' log4j2 configuration.
        assertThat(Path.of(entries.get(0))).satisfiesAnyOf(
                root -> assertThat(root.toString()).endsWith(".jar"),
                root -> assertThat(root.resolve("org/graftwatch/embedded/MongoStoreMain.class")).exists());
    }

    @Test
    void kafkaAndScalaStayOffThisModulesOwnClasspath() {
        assertThat(resource("kafka/Kafka.class")).isFalse();
        assertThat(resource("scala/Option.class")).isFalse();
        assertThat(resource("org/apache/kafka/clients/admin/Admin.class")).isTrue();
    }

    private static boolean resource(String name) {
        return EmbeddedRuntimeTest.class.getClassLoader().getResource(name) != null;
    }
}
