package org.gonghui.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A PostgreSQL cluster of the test's own (never the machine's shared one), so a test can stop and
 * restart the database under a running service. Needs the Debian PostgreSQL binaries and runs the
 * server as the postgres user (PostgreSQL refuses root).
 */
public class ThrowawayPostgres implements QuarkusTestResourceLifecycleManager {

    private static Path dataDir;
    private static int port;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("gonghui-pg-");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            run("chown", "postgres:postgres", dataDir.toString());
            asPostgres(bin("initdb"), "-D", dataDir.toString(), "-A", "trust", "-U", "postgres", "--no-sync");
            startServer();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a throwaway PostgreSQL", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/gonghui_health",
                "quarkus.datasource.username", "postgres");
    }

    @Override
    public void stop() {
        if (dataDir != null) {
            stopServer();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }

    /** Starts the cluster again after {@link #stopServer()}. */
    public static void startServer() {
        asPostgres(bin("pg_ctl"), "-D", dataDir.toString(), "-w", "-l", dataDir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Stops the cluster at once, dropping every connection, as a crash or network cut would. */
    public static void stopServer() {
        asPostgres(bin("pg_ctl"), "-D", dataDir.toString(), "-w", "-m", "immediate", "stop");
    }

    private static String bin(String tool) {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(tool)).filter(Files::isExecutable)
                    .max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalStateException(tool + " not found under /usr/lib/postgresql"))
                    .toString();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL binaries not found under /usr/lib/postgresql", e);
        }
    }

    private static void asPostgres(String... command) {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
