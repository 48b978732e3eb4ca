package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.statistics.StatisticsFolder;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A statement of a GraphQL request that runs past gonghui.limits.statement-timeout is cut short:
 * LIMIT_EXCEEDED, nothing written. A background job on the same pool is not bound by it. The
 * statements are held up by a lock another connection takes, since PostgreSQL counts lock waits
 * into the timeout and the demo data is too small for a genuinely slow query.
 */
@QuarkusTestWithOidc
@TestProfile(StatementTimeoutTests.HalfASecond.class)
class StatementTimeoutTests {

    /** A timeout short enough to pass in a test; the statistics job only runs when the test calls it. */
    public static class HalfASecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gonghui.limits.statement-timeout", "500ms", "gonghui.statistics.fold-every", "off");
        }
    }

    static final String UPDATE = "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id chairName } }";

    @Inject
    DataSource dataSource;

    @Inject
    StatisticsFolder folder;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    /** Holds a table lock on its own connection until closed. */
    private Connection lock(String sql) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return connection;
    }

    /** Sends the request while the lock is held; released after 20 s at most, so a request without a timeout fails the test instead of hanging it. */
    private Result whileLocked(String lockSql, Supplier<Result> request) throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection held = lock(lockSql)) {
            Future<Result> answer = client.submit(request::get);
            try {
                return answer.get(20, TimeUnit.SECONDS);
            } finally {
                held.rollback();
            }
        } finally {
            client.shutdown();
        }
    }

    /** The first request of a fresh application is slow on a busy machine (token keys, class loading): not what is measured. */
    @BeforeEach
    void warmUp() {
        Result me = GraphQLClient.post(Tokens.forDemoUser("henan"), "{ me { tier } }");
        assertEquals(200, me.status(), me::toString);
    }

    @Test
    void aReadBeyondTheStatementTimeoutAnswersLimitExceeded() throws Exception {
        long start = System.nanoTime();
        Result result = whileLocked("lock table membership in access exclusive mode",
                () -> GraphQLClient.post(Tokens.forDemoUser("henan"), "{ members(first: 1) { totalCount } }"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("LIMIT_EXCEEDED", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().startsWith("timeout:"), result::toString);
        assertTrue(result.body().contains("\"data\":null") || !result.body().contains("totalCount\":"), result::toString);
        assertTrue(millis >= 450, () -> "answered after " + millis + " ms");
    }

    @Test
    void aBatchedNestedFieldIsBoundToo() throws Exception {
        Result result = whileLocked("lock table union_stat in access exclusive mode", () -> GraphQLClient.post(Tokens.forDemoUser("henan"),
                "{ union(id: 41) { name children(first: 5) { edges { node { name statistics { members } } } } } }"));
        // one error per child whose figures were asked for, each the timeout
        assertEquals(List.of("LIMIT_EXCEEDED", "LIMIT_EXCEEDED"), result.json().getList("errors.extensions.code"), result::toString);
        assertTrue(result.json().getList("errors.message", String.class).stream().allMatch(m -> m.startsWith("timeout:")), result::toString);
        assertNull(result.data("union"), result::toString);
    }

    @Test
    void aWriteBeyondTheStatementTimeoutChangesNothing() throws Exception {
        String before = DemoData.fingerprint(dataSource);
        int version = DemoData.version(dataSource, 4103061);
        Result result = whileLocked("lock table trade_union in share mode", () -> GraphQLClient.post(Tokens.forDemoUser("jili"), UPDATE,
                Map.of("input", Map.of("id", 4103061, "version", version, "chairName", "超时主席"))));
        assertEquals("LIMIT_EXCEEDED", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().startsWith("timeout:"), result::toString);
        assertTrue(result.body().contains("\"updateUnion\":null") || result.body().contains("\"data\":null"), result::toString);
        assertEquals(before, DemoData.fingerprint(dataSource), "nothing written");
    }

    /** The session's statement_timeout as PostgreSQL shows it ("700ms", "0"). */
    private static String shown(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); var rs = statement.executeQuery("show statement_timeout")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aCheckoutThatFindsTheTimeoutAlreadyCommittedSendsNothing() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            StatementTimeout.apply(connection, 700);
            assertEquals("700ms", shown(connection));
            // changed behind the interceptor's back: a second checkout for 700 ms must not send a statement
            try (Statement statement = connection.createStatement()) {
                statement.execute("set statement_timeout = 900");
            }
            StatementTimeout.apply(connection, 700);
            assertEquals("900ms", shown(connection), "the connection was set again although it held the value");
            StatementTimeout.apply(connection, 0);
            assertEquals("0", shown(connection));
        }
    }

    @Test
    void aResetRolledBackWithItsTransactionIsSentAgain() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            StatementTimeout.apply(connection, 700);
            connection.setAutoCommit(false);
            StatementTimeout.apply(connection, 0);
            assertEquals("0", shown(connection));
            connection.rollback();
            assertEquals("700ms", shown(connection), "PostgreSQL undoes a SET with its transaction");
            connection.setAutoCommit(true);
            // a background job's checkout: the rolled-back reset must not count as held
            StatementTimeout.apply(connection, 0);
            assertEquals("0", shown(connection));
        }
    }

    @Test
    void theStatisticsFoldIsNotCutByTheRequestTimeout() throws Exception {
        DemoData.execute(dataSource, "update trade_union set new_employment_form = not new_employment_form where id = 41030612");
        assertTrue(DemoData.queryLong(dataSource, "select count(*) from stat_pending") > 0, "ledger rows to fold");
        CompletableFuture<Long> fold;
        long start = System.nanoTime();
        try (Connection held = lock("lock table union_stat in share mode")) {
            fold = CompletableFuture.supplyAsync(folder::foldAll, Executors.newSingleThreadExecutor());
            // three times the request timeout: a statement bound by it would have been cancelled by now
            Thread.sleep(1_500);
            held.rollback();
        }
        long folded = fold.get(30, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(folded > 0, "folded " + folded);
        assertTrue(millis >= 1_500, () -> "fold finished after " + millis + " ms");
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from stat_pending"));
    }
}
