package org.graftwatch.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the MongoDB-wire-compatible store (mongo-java-server, H2 backend persisted to one file) on 127.0.0.1.
 * <p>
 * Usage: {@code MongoStoreMain <port> <h2-data-file>}. Prints {@code READY <port>} once it accepts connections;
 * SIGTERM closes the server, which closes the H2 store, so every acknowledged write is on disk.
 */
public final class MongoStoreMain {

    private MongoStoreMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: MongoStoreMain <port> <h2-data-file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataFile = Path.of(args[1]).toAbsolutePath();
        try {
            Files.createDirectories(dataFile.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the directory of " + dataFile, e);
        }

        MongoServer server = new MongoServer(new H2Backend(dataFile.toString()));
        // Change streams read the oplog; without it the store answers them with an error.
        server.enableOplog();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-store-shutdown"));

        try {
            server.bind("127.0.0.1", port);
        } catch (Exception e) { // Netty throws the checked BindException undeclared
            // Netty's event loops would keep the JVM alive: exit, so the launcher sees the failure at once.
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("READY " + port);
        System.out.flush();
        // Hold main until the shutdown hook has closed the store.
        stopped.await();
    }
}
