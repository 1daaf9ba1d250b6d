package org.graftwatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedInfrastructureStartFailureIT {

    @TempDir
    Path dataDir;

    @Test
    void aTakenStorePortFailsTheStartWithTheReasonAndLeavesNoProcess() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedInfrastructure.builder(dataDir).mongoPort(port).start())
                    .isInstanceOf(InfrastructureStartException.class)
                    .hasMessageContaining("embedded MongoDB store on 127.0.0.1:" + port + " failed to start")
                    .hasMessageContaining("Address already in use");
        }
        assertNoChildProcess();
    }

    @Test
    void aTakenBrokerPortStopsTheStoreThatHadStarted() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedInfrastructure.builder(dataDir).kafkaPort(port).start())
                    .isInstanceOf(InfrastructureStartException.class)
                    .hasMessageContaining("embedded Kafka broker on 127.0.0.1:" + port + " failed to start")
                    .hasMessageContaining("Address already in use");
        }
        assertNoChildProcess();
    }

    private static void assertNoChildProcess() {
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::info))
                .as("child processes still running")
                .isEmpty();
    }
}
