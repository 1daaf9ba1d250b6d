package org.graftwatch.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through Debian's chromedriver, headless. Both are installed with apt-get when missing; no
 * tool downloads a browser: the driver executable and the browser binary are given explicitly, so Selenium Manager
 * never runs. A machine where they cannot be installed fails the test with the reason, it never skips it.
 */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> PACKAGES = List.of("chromium", "chromium-driver");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);

    private HeadlessChromium() {
    }

    /** Installs chromium and chromium-driver with apt-get unless both are there. */
    static synchronized void ensureInstalled() {
        if (installed()) {
            return;
        }
        String failure = aptGet("install", "-y", "--no-install-recommends");
        if (failure != null && !installed()) {
            // the package lists may be missing or stale on a fresh machine
            String update = aptGet("update");
            failure = update != null ? update : aptGet("install", "-y", "--no-install-recommends");
        }
        if (!installed()) {
            throw new AssertionError("The dashboard's browser test needs Debian's chromium and chromedriver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + "; installing them failed: " + failure
                    + ". Install them as root: apt-get update && apt-get install -y " + String.join(" ", PACKAGES));
        }
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Runs apt-get (with the packages for an install); returns null on success, else what went wrong. */
    private static String aptGet(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("apt-get", "-q"));
        command.addAll(List.of(arguments));
        if (arguments[0].equals("install")) {
            command.addAll(PACKAGES);
        }
        try {
            Path log = Files.createTempFile("apt-get-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish within " + INSTALL_TIMEOUT;
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return process.exitValue() == 0 ? null : String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + output.substring(Math.max(0, output.length() - 1500)).strip();
        } catch (IOException e) {
            return "apt-get could not be run (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while running apt-get";
        }
    }

    /** A new headless browser with a fresh profile in {@code profile}; quit it when done. */
    static ChromeDriver start(Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1440,1600", "--force-device-scale-factor=1");
        return new ChromeDriver(service, options);
    }
}
