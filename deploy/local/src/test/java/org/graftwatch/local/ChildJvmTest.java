package org.graftwatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChildJvmTest {

    @TempDir
    Path dir;

    @Test
    void stopSendsSigtermSoTheChildRunsItsShutdownHooks() throws Exception {
        ChildJvm child = start("print:up", "on-term:flushed-and-closed", "sleep");
        child.awaitReady("scripted child", () -> child.tail(5).contains("up"), Duration.ofSeconds(20));

        int exitCode = child.stop(Duration.ofSeconds(10));

        assertThat(exitCode).isEqualTo(143); // 128 + SIGTERM: the JVM's normal exit on a termination signal
        assertThat(child.isAlive()).isFalse();
        assertThat(Files.readString(child.logFile())).contains("flushed-and-closed");
    }

    @Test
    void stopKillsAChildThatDoesNotEndWithinTheGracePeriod() {
        ChildJvm child = start("print:up", "ignore-term", "sleep");
        child.awaitReady("scripted child", () -> child.tail(5).contains("up"), Duration.ofSeconds(20));

        long begin = System.nanoTime();
        int exitCode = child.stop(Duration.ofMillis(500));

        assertThat(exitCode).isEqualTo(137); // 128 + SIGKILL
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(6));
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void killEndsTheChildAtOnceWithoutItsShutdownHooks() throws Exception {
        ChildJvm child = start("print:up", "on-term:flushed-and-closed", "sleep");
        child.awaitReady("scripted child", () -> child.tail(5).contains("up"), Duration.ofSeconds(20));

        int exitCode = child.kill();

        assertThat(exitCode).isEqualTo(137); // 128 + SIGKILL
        assertThat(child.isAlive()).isFalse();
        assertThat(Files.readString(child.logFile())).doesNotContain("flushed-and-closed");
    }

    @Test
    void restartRunsTheSameCommandAgainAndKeepsTheEndedRunsLog() throws Exception {
        ChildJvm first = start("print:up", "sleep");
        first.awaitReady("scripted child", () -> first.tail(5).contains("up"), Duration.ofSeconds(20));
        assertThatThrownBy(first::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("still runs");
        first.kill();

        ChildJvm second = first.restart();
        try {
            second.awaitReady("scripted child", () -> second.tail(5).contains("up"), Duration.ofSeconds(20));
            assertThat(second.pid()).isNotEqualTo(first.pid());
            assertThat(second.logFile()).isEqualTo(first.logFile());
            assertThat(second.tail(10).lines()).containsExactly("up");
            assertThat(Files.readString(first.logFile().resolveSibling("child.log.1"))).contains("up");

            second.kill();
            ChildJvm third = second.restart();
            third.stop(Duration.ofSeconds(10));
            assertThat(first.logFile().resolveSibling("child.log.2")).exists();
        } finally {
            second.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void awaitReadyReportsAChildThatExitedWithTheTailOfItsLog() {
        ChildJvm child = start("print:binding port 1234", "print:java.lang.IllegalStateException: cannot bind",
                "print:\tat org.example.Server.bind(Server.java:12)",
                "print:Caused by: java.net.BindException: Address already in use",
                "print:\tat sun.nio.ch.Net.bind0(Native Method)", "print:\t... 18 more", "exit:3");

        assertThatThrownBy(() -> child.awaitReady("test server", () -> false, Duration.ofSeconds(20)))
                .isInstanceOf(InfrastructureStartException.class)
                .hasMessageStartingWith("test server failed to start: its JVM exited with code 3 "
                        + "(Caused by: java.net.BindException: Address already in use).")
                .hasMessageContaining("binding port 1234")
                .hasMessageNotContaining("Net.bind0")
                .hasMessageNotContaining("18 more");
    }

    @Test
    void awaitReadyStopsAChildThatIsNotReadyInTime() {
        ChildJvm child = start("sleep");

        assertThatThrownBy(() -> child.awaitReady("slow server", () -> false, Duration.ofMillis(600)))
                .isInstanceOf(InfrastructureStartException.class)
                .hasMessageContaining("slow server failed to start: not ready after 0.6 s");
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void tailReturnsTheLastLinesOfTheLog() throws Exception {
        ChildJvm child = start("print:one", "print:two", "print:three", "exit:0");
        assertThat(child.awaitExit(Duration.ofSeconds(20))).hasValue(0);

        assertThat(child.tail(2)).isEqualTo("two" + System.lineSeparator() + "three");
    }

    private ChildJvm start(String... steps) {
        String classpath;
        try {
            classpath = Path.of(ScriptedChild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return ChildJvm.start("scripted-child", classpath, List.of("-Xmx32m"), ScriptedChild.class.getName(),
                List.of(steps), dir.resolve("logs").resolve("child.log"));
    }
}
