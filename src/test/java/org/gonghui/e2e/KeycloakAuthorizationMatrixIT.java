package org.gonghui.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.gonghui.testing.AuthorizationMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every feature's authorization matrix, cell for cell, through HTTP with the tokens a real Keycloak
 * issues to the demo users, so the roles, {@code union_id} and audience that Keycloak puts in a token
 * are the ones the matrices were written against. The matrices are found on the test class path
 * (every concrete {@link AuthorizationMatrix}), so a new feature's matrix runs here without being
 * named; {@link AuthorizationMatrix#token} takes its tokens from Keycloak under {@link KeycloakProfile}.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@EnabledIfSystemProperty(named = KeycloakServer.HOME_PROPERTY, matches = ".+", disabledReason = "needs a Keycloak: ./mvnw verify -Pkeycloak")
class KeycloakAuthorizationMatrixIT {

    static final Path TEST_CLASSES = Path.of("target/test-classes");

    @TestFactory
    Stream<DynamicContainer> everyFeaturesMatrixWithRealKeycloakTokens() {
        List<AuthorizationMatrix<?, ?>> matrices = matrices();
        assertFalse(matrices.isEmpty(), "no authorization matrix found under " + TEST_CLASSES.toAbsolutePath());
        return matrices.stream().map(KeycloakAuthorizationMatrixIT::container);
    }

    private static <O, T> DynamicContainer container(AuthorizationMatrix<O, T> matrix) {
        return DynamicContainer.dynamicContainer(matrix.getClass().getSimpleName(),
                matrix.allCells().map(cell -> DynamicTest.dynamicTest(cell.toString(), () -> matrix.assertCell(cell))));
    }

    @AfterAll
    static void restoreDemoData() {
        AuthorizationMatrix.restore();
    }

    /** One instance of every concrete matrix class compiled into the test classes, in name order. */
    static List<AuthorizationMatrix<?, ?>> matrices() {
        try (Stream<Path> files = Files.walk(TEST_CLASSES)) {
            return files.map(f -> TEST_CLASSES.relativize(f).toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .sorted()
                    .map(f -> load(f.substring(0, f.length() - ".class".length()).replace('/', '.')))
                    .filter(type -> AuthorizationMatrix.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers()))
                    .<AuthorizationMatrix<?, ?>> map(KeycloakAuthorizationMatrixIT::instance)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, KeycloakAuthorizationMatrixIT.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuthorizationMatrix<?, ?> instance(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (AuthorizationMatrix<?, ?>) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }
}
