package org.gonghui.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;
import org.gonghui.e2e.KeycloakClient;
import org.gonghui.e2e.KeycloakServer;
import org.gonghui.testing.GraphQLClient.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.arc.Arc;

/**
 * The authorization matrix every feature's matrix test is built on: the demo officials by tier, the
 * relations a caller has to what they act on, cells (operation × caller → OK or the exact error code)
 * and the checks of every cell: a refused call answers exactly its code and a message, its result is
 * null and the database fingerprint is unchanged. A feature supplies only its operations
 * ({@link #call}) and its cells ({@link #cells}). Tokens come from {@link #token}: signed locally, or
 * issued by a real Keycloak when the service runs under {@code KeycloakProfile}
 * ({@code e2e/KeycloakAuthorizationMatrixIT} finds and runs every matrix that way).
 *
 * @param <O> the feature's operations
 * @param <T> what an operation acts on (ids of the feature's objects)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuthorizationMatrix<O, T> {

    public static final String OK = "OK";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String VALIDATION = "VALIDATION";

    /** The demo member's login (a worker without a membership, role member). */
    public static final String MEMBER = "worker";

    /**
     * The demo officials of the README's table, one or two per tier: 1 全总 > 41 河南 > 4103 洛阳 > 410306 吉利区 >
     * 4103061 河阳街道 > 41030611 河阳保安, 41030612 顺达商贸; siblings 22 吉林 > 2208 白城, 410326 汝阳, 4103062 康乐.
     */
    public enum Official {
        QUANZONG("quanzong", 1), HENAN("henan", 41), JILIN("jilin", 22), LUOYANG("luoyang", 4103), BAICHENG("baicheng", 2208),
        JILI("jili", 410306), RUYANG("ruyang", 410326), HEYANG("heyang", 4103061), KANGLE("kangle", 4103062),
        HEYANG_BAOAN("heyang-baoan", 41030611), SHUNDA("shunda", 41030612);

        public final String username;
        public final long union;

        Official(String username, long union) {
            this.username = username;
            this.union = union;
        }
    }

    /** How the caller of a cell stands to what it acts on. */
    public enum Relation {
        /** an official of the object's own union */
        OWN,
        /** an official of a union above it whose subtree contains it (for union operations: a union below the caller's) */
        INSIDE,
        /** an official of the union directly above the object's union */
        PARENT,
        /** an official of a union higher up than the parent */
        ANCESTOR,
        /** an official of a union below the object's union (the object lies above their subtree) */
        DESCENDANT,
        /** an official of a union that is a sibling, or of a sibling subtree */
        SIBLING,
        /** an official of another subtree (another province, or anywhere outside the caller's subtree) */
        OUTSIDE,
        /** a member's login */
        MEMBER,
        /** no token */
        ANONYMOUS,
        /** an official of a union that was a party to a transfer that has ended */
        FORMER_PARTY,
        /** an official of the union a member's transfer request or a transfer goes to */
        RECEIVING,
        /** a member's login linked to another membership than the object's */
        ANOTHER_MEMBER,
        /** an official reaching a union outside their subtree through a nested field */
        NESTED_OUTSIDE
    }

    /**
     * One cell: the caller (a demo login, null for anonymous), their relation to the target, the
     * operation and the exact outcome. A cell with a {@code check} is one whose request and assertions
     * are the feature's own (e.g. a relation reached through nested fields).
     */
    public record Cell<O, T>(String caller, Relation relation, O operation, T target, String expected, Check check) {

        @Override
        public String toString() {
            return (caller == null ? "anonymous" : caller) + " " + operation + " " + relation + (target == null ? "" : " (" + target + ")")
                    + " → " + expected;
        }
    }

    /** A cell's own request and assertions. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /**
     * The answer of one operation: the response, the JSON path of the operation's result (null when
     * refused; not null when allowed unless {@code resultMayBeNull}) and whether it is a REST call (whose
     * statuses follow the error code) or GraphQL (always 200).
     */
    public record Call(Result result, String root, boolean rest, boolean resultMayBeNull) {

        /** The same call, for an operation whose allowed result may be null (e.g. "no such record yet"). */
        public Call nullable() {
            return new Call(result, root, rest, true);
        }
    }

    /** HTTP statuses of REST refusals, as the README's error table gives them. */
    static final Map<String, Integer> REST_STATUS = Map.of(OK, 202, VALIDATION, 400, UNAUTHENTICATED, 401, FORBIDDEN, 403, NOT_FOUND, 404,
            "CONFLICT", 409);

    /** The feature's cells. */
    protected abstract List<Cell<O, T>> cells();

    /** Performs one operation on a target with a token (null: anonymous). */
    protected abstract Call call(String token, O operation, T target);

    /** Whether a successful call of the operation changes the database (it is then restored). */
    protected abstract boolean writes(O operation);

    /** Rows the feature's cells need beyond the demo data; called before every cell, so it must be idempotent. */
    protected void fixtures() {
    }

    /** Further checks of a cell that answered OK; {@code before} is the fingerprint before the call. */
    protected void assertAllowed(Cell<O, T> cell, Result result, String before) {
    }

    // --- building cells

    public static <O, T> Cell<O, T> cell(String caller, Relation relation, O operation, T target, String expected) {
        return new Cell<>(caller, relation, operation, target, expected, null);
    }

    public static <O, T> Cell<O, T> check(String caller, Relation relation, O operation, T target, String expected, Check check) {
        return new Cell<>(caller, relation, operation, target, expected, check);
    }

    /** Every operation as a member and anonymously, on the given target: FORBIDDEN and UNAUTHENTICATED unless {@code memberMay} lists it. */
    public static <O, T> List<Cell<O, T>> memberAndAnonymous(O[] operations, T target, List<O> memberMay) {
        List<Cell<O, T>> cells = new ArrayList<>();
        for (O operation : operations) {
            cells.add(cell(MEMBER, Relation.MEMBER, operation, target, memberMay.contains(operation) ? OK : FORBIDDEN));
        }
        for (O operation : operations) {
            cells.add(cell(null, Relation.ANONYMOUS, operation, target, UNAUTHENTICATED));
        }
        return cells;
    }

    // --- the test

    public final Stream<Cell<O, T>> allCells() {
        return cells().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCells")
    void everyCell(Cell<O, T> cell) throws Exception {
        assertCell(cell);
    }

    @AfterAll
    void restoreDemoData() {
        restore();
    }

    /** Runs one cell with its checks. */
    public final void assertCell(Cell<O, T> cell) throws Exception {
        if (cell.check() != null) {
            cell.check().run();
            return;
        }
        fixtures();
        String before = fingerprint();
        Call call = call(token(cell.caller()), cell.operation(), cell.target());
        Result result = call.result();
        boolean allowed = OK.equals(cell.expected());
        assertEquals(call.rest() ? REST_STATUS.get(cell.expected()) : 200, result.status(), result::toString);
        if (allowed) {
            assertFalse(result.hasErrors(), result::toString);
            if (!call.resultMayBeNull()) {
                assertNotNull(result.json().get(call.root()), result::toString);
            }
            assertAllowed(cell, result, before);
            if (writes(cell.operation())) {
                restore();
            }
        } else {
            assertEquals(cell.expected(), result.errorCode(), result::toString);
            assertNotNull(result.errorMessage(), result::toString);
            assertNull(result.json().get(call.root()), result::toString);
            assertEquals(before, fingerprint(), "database changed although the operation was refused: " + cell);
        }
    }

    // --- helpers for features

    /** A GraphQL operation whose result is the root field {@code root}. */
    protected static Call graphql(String token, String root, String query, Map<String, Object> variables) {
        return new Call(GraphQLClient.post(token, query, variables), "data." + root, false, false);
    }

    /**
     * The bearer token of a demo login (null stays null: anonymous): signed locally against the WireMock
     * OIDC server, or, when the service runs against a real Keycloak ({@code KeycloakProfile}), the token
     * that Keycloak issues to the demo user with the password grant (cached per user for the run).
     */
    public static String token(String username) {
        if (username == null) {
            return null;
        }
        Optional<String> keycloak = ConfigProvider.getConfig().getOptionalValue(KeycloakServer.URL_PROPERTY, String.class);
        if (keycloak.isPresent()) {
            return KeycloakClient.cachedToken(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class), username);
        }
        return Tokens.forDemoUser(username);
    }

    protected static DataSource dataSource() {
        return Arc.container().instance(DataSource.class).get();
    }

    /** The demo data's fingerprint plus the roster import jobs and their failures. */
    public static String fingerprint() {
        DataSource dataSource = dataSource();
        return DemoData.fingerprint(dataSource) + DemoData.queryString(dataSource, """
                select md5(coalesce((select string_agg(r::text, '|' order by id) from roster_import r), '')
                        || coalesce((select string_agg(f::text, '|' order by import_id, seq) from roster_import_failure f), ''))""");
    }

    public static void restore() {
        DemoData.restore(dataSource());
    }
}
