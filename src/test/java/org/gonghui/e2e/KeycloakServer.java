package org.gonghui.e2e;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the Keycloak distribution that the Maven profile {@code keycloak} unpacks, with the shipped demo
 * realm imported afresh, and points the service's OIDC configuration at it, so the end-to-end suite
 * verifies tokens that a real Keycloak issued.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    /** The Keycloak home directory, set by the Maven profile {@code keycloak}. */
    public static final String HOME_PROPERTY = "gonghui.keycloak.home";
    /** Keycloak's base URL ({@code http://127.0.0.1:<port>}), for the admin REST API. */
    public static final String URL_PROPERTY = "gonghui.e2e.keycloak-url";
    public static final String REALM = "gonghui";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);
    private static final Path DEMO_REALM = Path.of("src/main/keycloak/gonghui-demo-realm.json");
    /** Ready in about 45 s, 20 s of it the build step of a fresh distribution's first start; a busy 2-core machine needs the margin. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 60;

    private Process process;
    private Thread shutdownHook;
    private Path log;

    @Override
    public Map<String, String> start() {
        String homeValue = System.getProperty(HOME_PROPERTY);
        if (homeValue == null || homeValue.isBlank()) {
            throw new IllegalStateException(HOME_PROPERTY + " is not set: run this suite with ./mvnw verify -Pkeycloak");
        }
        Path home = Path.of(homeValue).toAbsolutePath();
        Path launcher = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no Keycloak distribution at " + home + ": run this suite with ./mvnw verify -Pkeycloak");
        }
        int port = freePort();
        String baseUrl = "http://127.0.0.1:" + port;
        String realmUrl = baseUrl + "/realms/" + REALM;
        long started = System.nanoTime();
        try {
            // A fresh H2 database on every run, so the realm is imported exactly as shipped.
            deleteRecursively(home.resolve("data/h2"));
            deleteRecursively(home.resolve("data/transaction-logs"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            // Keycloak imports a file from data/import only under the realm's name.
            Files.copy(DEMO_REALM, imports.resolve(REALM + "-realm.json"), REPLACE_EXISTING);
            log = home.getParent().resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "start-dev", "--http-port=" + port, "--http-host=127.0.0.1",
                    "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // The JDK that runs the tests, and a bounded heap also inside containers (kc.sh otherwise takes 70 % of their memory).
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // C1 only: on two cores Keycloak is ready about 40 % sooner, and logs users in as fast.
            environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shutdownHook = new Thread(this::destroy, "keycloak-e2e-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            awaitRealm(realmUrl + "/.well-known/openid-configuration");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.infof("Keycloak ready on %s after %d s (log: %s)", baseUrl, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), log);
        // The %test issuer of the WireMock OIDC server must not apply: only this realm's tokens are valid.
        return Map.of(
                "quarkus.oidc.auth-server-url", realmUrl,
                "quarkus.oidc.token.issuer", realmUrl,
                URL_PROPERTY, baseUrl);
    }

    @Override
    public void stop() {
        destroy();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down and runs the hook itself
            }
            shutdownHook = null;
        }
    }

    /**
     * Stops Keycloak's process tree (kc.sh runs the JVM as its child): politely first, forcibly after
     * {@link #STOP_TIMEOUT}.
     */
    private synchronized void destroy() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warnf("Keycloak did not stop within %s, killing it", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    private void awaitRealm(String discoveryUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(discoveryUrl)).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue() + " before serving " + discoveryUrl
                        + "\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve " + discoveryUrl + " within " + START_TIMEOUT + " (last: " + last + ")\n"
                + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
