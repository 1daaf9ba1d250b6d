package org.graftwatch.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classpath of the child JVMs: the jars the {@code embedded-runtime} module recorded at build time, plus
 * that module's own jar (or classes directory), which holds the store's main class and the log4j2 config.
 */
final class EmbeddedRuntime {

    static final String CLASSPATH_RESOURCE = "org/graftwatch/embedded/runtime.classpath";
    /** Given to every child JVM: the log4j2 configuration packaged in the embedded-runtime jar. */
    static final String LOG_CONFIG_OPTION = "-Dlog4j2.configurationFile=org/graftwatch/embedded/log4j2.xml";

    private static volatile String classpath;

    private EmbeddedRuntime() {
    }

    static String classpath() {
        String cached = classpath;
        if (cached == null) {
            cached = resolve();
            classpath = cached;
        }
        return cached;
    }

    private static String resolve() {
        URL resource = EmbeddedRuntime.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the classpath: add the dependency "
                    + "org.graftwatch:embedded-runtime (built with ./mvnw install)");
        }
        List<String> entries = new ArrayList<>();
        entries.add(moduleRoot(resource).toString());
        try (InputStream in = resource.openStream()) {
            String recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            entries.addAll(Arrays.asList(recorded.split(File.pathSeparator)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        List<String> missing = entries.stream().filter(entry -> !Files.exists(Path.of(entry))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the embedded servers' classpath names files that do not exist "
                    + "(rebuild embedded-runtime with ./mvnw install on this machine): " + missing);
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar or the classes directory that holds {@code resource}. */
    private static Path moduleRoot(URL resource) {
        try {
            switch (resource.getProtocol()) {
                case "jar" -> {
                    URL jar = ((JarURLConnection) resource.openConnection()).getJarFileURL();
                    return Path.of(jar.toURI());
                }
                case "file" -> {
                    // .../classes/org/graftwatch/embedded/runtime.classpath: climb one level per path segment
                    Path path = Path.of(resource.toURI());
                    for (int segments = CLASSPATH_RESOURCE.split("/").length; segments > 0; segments--) {
                        path = path.getParent();
                    }
                    return path;
                }
                default -> throw new IllegalStateException("cannot locate the embedded-runtime module from " + resource);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate the embedded-runtime module from " + resource, e);
        }
    }
}
