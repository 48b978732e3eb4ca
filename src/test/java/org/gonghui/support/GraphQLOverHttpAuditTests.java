package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.gonghui.testing.QuarkusTestWithOidc;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * The graphql-http server audit (npm package graphql-http, {@code auditServer}) against the running
 * service: every MUST passes, and every SHOULD except the deliberate exceptions that
 * src/test/graphql-http/allowed-exceptions.json lists and README.md repeats with their reasons.
 */
@QuarkusTestWithOidc
class GraphQLOverHttpAuditTests {

    static final Path AUDIT = Path.of("src/test/graphql-http");

    @TestHTTPResource("/graphql")
    URL endpoint;

    @Test
    void graphqlHttpAuditPassesEveryMustAndEveryShouldThatIsNotAListedException() throws IOException, InterruptedException {
        if (!Files.isDirectory(AUDIT.resolve("node_modules/graphql-http"))) {
            // a fresh clone: install the locked packages, so that `./mvnw verify` alone runs the audit
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(AUDIT.toFile())
                    .redirectErrorStream(true).start();
            String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(install.waitFor(5, TimeUnit.MINUTES) && install.exitValue() == 0,
                    () -> "`npm ci --prefix src/test/graphql-http` failed:\n" + log);
        }
        assertTrue(Files.isDirectory(AUDIT.resolve("node_modules/graphql-http")),
                "the audit's npm packages are missing: run `npm ci --prefix src/test/graphql-http`");
        Process audit;
        try {
            audit = new ProcessBuilder("node", "audit.mjs", endpoint.toString()).directory(AUDIT.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("Node.js (`node`, version 18 or later) is needed to run the graphql-http audit: " + e.getMessage());
            return;
        }
        String output = new String(audit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(audit.waitFor(2, TimeUnit.MINUTES), output);
        // the audit's own report (one line per check) belongs in the build log
        System.out.println(output);
        assertEquals(0, audit.exitValue(), output);
        assertTrue(output.contains(" audits, "), output);
        assertFalse(output.contains("FAIL"), output);
    }

    @Test
    void readmeRepeatsEveryAllowedExceptionWithItsReason() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(AUDIT.resolve("allowed-exceptions.json"))))) {
            JsonObject allowed = reader.readObject();
            allowed.forEach((id, reason) -> {
                String text = allowed.getString(id);
                assertFalse(text.isBlank(), id + " has no reason");
                assertTrue(readme.contains("| `" + id + "` |") && readme.contains(text),
                        "README.md must list the allowed audit exception `" + id + "` with its reason: " + text);
            });
        }
    }
}
