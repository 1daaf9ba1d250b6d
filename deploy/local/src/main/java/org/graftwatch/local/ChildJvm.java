package org.graftwatch.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A Java program in its own JVM (same {@code java.home} as this one), its stdout and stderr in one log file.
 * <p>
 * The servers run this way because their classpath (Kafka, Scala, H2, log4j2) clashes with the services'.
 * A shutdown hook stops the child if this JVM exits without {@link #stop(Duration)}, so a test run that ends
 * abruptly does not leave a broker behind.
 */
public final class ChildJvm {

    private static final System.Logger LOG = System.getLogger(ChildJvm.class.getName());
    private static final Duration FORCED_EXIT_WAIT = Duration.ofSeconds(5);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final int TAIL_BYTES = 64 * 1024;
    private static final int TAIL_LINES = 30;
    private static final Duration READY_POLL = Duration.ofMillis(200);
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ more)");
    private static final Pattern ROOT_CAUSE = Pattern.compile("^(Caused by: )?[\\w.$]+(Exception|Error): ");

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Path logFile;
    private final Thread orphanGuard;

    private ChildJvm(String name, List<String> command, Process process, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.process = process;
        this.logFile = logFile;
        this.orphanGuard = new Thread(() -> terminate(Duration.ofSeconds(10)), "stop-" + name);
        Runtime.getRuntime().addShutdownHook(orphanGuard);
    }

    /**
     * Starts {@code java [jvmOptions] -cp classpath mainClass [args]}; the log file is truncated first, so
     * {@link #tail(int)} and readiness checks only see this run.
     */
    public static ChildJvm start(String name, String classpath, List<String> jvmOptions, String mainClass,
                                 List<String> args, Path logFile) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Its own session: a Ctrl-C in the terminal reaches only the parent, which stops children in order.
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return launch(name, command, logFile);
    }

    private static ChildJvm launch(String name, List<String> command, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            LOG.log(System.Logger.Level.DEBUG, "started {0} (pid {1}): {2}", name, process.pid(), command);
            return new ChildJvm(name, command, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command + ")", e);
        }
    }

    /**
     * Starts the same program again, with the same command line and log file, once this child has ended (after
     * {@link #stop(Duration)} or {@link #kill()}): a restart on the same ports and data. The ended run's log is kept
     * beside the new one ({@code kafka.log.1}, {@code kafka.log.2}, ...), so readiness checks see only the new run.
     *
     * @throws IllegalStateException if this child still runs
     */
    public ChildJvm restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(this + " still runs: stop or kill it first");
        }
        forgetOrphanGuard();
        try {
            if (Files.exists(logFile)) {
                int run = 1;
                while (Files.exists(previousLog(run))) {
                    run++;
                }
                Files.move(logFile, previousLog(run));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the log of the ended run of " + name, e);
        }
        return launch(name, command, logFile);
    }

    private Path previousLog(int run) {
        return logFile.resolveSibling(logFile.getFileName() + "." + run);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The exit code once the child has ended within {@code timeout}, empty if it still runs. */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            forgetOrphanGuard();
            return OptionalInt.of(process.exitValue());
        }
        return OptionalInt.empty();
    }

    /**
     * Polls {@code ready} until it answers true. If the child exits first or {@code timeout} passes, stops the
     * child and throws, naming {@code server}, the reason and the tail of the log.
     */
    public void awaitReady(String server, BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw startFailure(server, "its JVM exited with code " + process.exitValue());
                }
                if (ready.getAsBoolean()) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw startFailure(server, "not ready after " + seconds(timeout));
                }
                Thread.sleep(READY_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw startFailure(server, "interrupted while waiting for it");
        } catch (RuntimeException e) {
            if (e instanceof InfrastructureStartException) {
                throw e;
            }
            throw startFailure(server, "its readiness check failed: " + e, e);
        }
    }

    /** Stops the child (it is of no use half-started) and describes why it did not start. */
    public InfrastructureStartException startFailure(String server, String reason) {
        return startFailure(server, reason, null);
    }

    private InfrastructureStartException startFailure(String server, String reason, Throwable cause) {
        stop(Duration.ofSeconds(10));
        // Stack frames would push the telling lines out of the tail: keep the messages and "Caused by" lines.
        List<String> lines = tail(Integer.MAX_VALUE).lines()
                .filter(line -> !STACK_FRAME.matcher(line).lookingAt())
                .toList();
        String rootCause = lines.stream()
                .filter(line -> ROOT_CAUSE.matcher(line).find())
                .reduce((first, second) -> second)
                .map(line -> " (" + line.strip() + ")")
                .orElse("");
        String message = server + " failed to start: " + reason + rootCause + "." + System.lineSeparator()
                + "Last lines of " + logFile + ", stack frames left out:" + System.lineSeparator()
                + String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        return new InfrastructureStartException(message, cause);
    }

    /**
     * SIGTERM, so the server runs its own shutdown (Kafka's controlled shutdown, the store's flush); after
     * {@code grace} SIGKILL. Returns the exit code (143 is a clean SIGTERM exit of a JVM).
     */
    public int stop(Duration grace) {
        int exitCode = terminate(grace);
        forgetOrphanGuard();
        return exitCode;
    }

    /**
     * SIGKILL at once, as {@code kill -9} or a crash would end the program: no shutdown hook runs, nothing is flushed
     * or committed. Returns the exit code (137), or -1 if the child did not end within a few seconds.
     */
    public int kill() {
        process.destroyForcibly();
        try {
            process.waitFor(FORCED_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forgetOrphanGuard();
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** The last {@code lines} lines of the child's log, for error messages. */
    public String tail(int lines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", log " + logFile + ")";
    }

    private int terminate(Duration grace) {
        if (!process.isAlive()) {
            return process.exitValue();
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "{0} did not stop within {1}, killing it", this, grace);
                process.destroyForcibly();
                process.waitFor(FORCED_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    private void forgetOrphanGuard() {
        try {
            Runtime.getRuntime().removeShutdownHook(orphanGuard);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running or about to run: it finds the child already stopped
        }
    }

    /** "0.6 s", "60.0 s": the way the failure messages state time limits. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
