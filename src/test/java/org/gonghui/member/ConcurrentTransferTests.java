package org.gonghui.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/**
 * Two officials act on the same member at once: exactly one succeeds, the other gets CONFLICT. The
 * barrier is the database: the test holds a share lock on the member's row, which lets both requests
 * read but stops both at their first write; only once both wait does the test let go. Checked with
 * the test's own SQL, 50 times over, half release-vs-release, half release-vs-status-change.
 */
@QuarkusTestWithOidc
class ConcurrentTransferTests {

    static final int ROUNDS = 50;
    static final long MEMBER = 2;

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    @Test
    void ofTwoOfficialsActingOnOneMemberAtOnceExactlyOneSucceeds() throws Exception {
        String release = "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id } }";
        String change = "mutation($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { id } }";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                DemoData.restore(dataSource);
                boolean twoReleases = round % 2 == 0;
                Map<String, Object> first = Map.of("id", MEMBER, "version", 0, "toUnionId", 41030612, "reason", "调往顺达");
                Map<String, Object> second = twoReleases
                        ? Map.of("id", MEMBER, "version", 0, "toUnionId", 22080212, "reason", "调往白城")
                        : Map.of("id", MEMBER, "version", 0, "status", "RETAINED", "reason", "退休");
                Result[] results = new Result[2];
                try (Connection barrier = dataSource.getConnection()) {
                    barrier.setAutoCommit(false);
                    try (PreparedStatement lock = barrier.prepareStatement("select 1 from membership where id = ? for share")) {
                        lock.setLong(1, MEMBER);
                        lock.executeQuery().close();
                    }
                    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> results[0] = GraphQLClient.post(
                            Tokens.forDemoUser("heyang-baoan"), release, Map.of("input", first)), pool);
                    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> results[1] = GraphQLClient.post(
                            Tokens.forDemoUser("heyang"), twoReleases ? release : change, Map.of("input", second)), pool);
                    awaitWaitingWriters(2);
                    barrier.rollback();
                    a.get(30, TimeUnit.SECONDS);
                    b.get(30, TimeUnit.SECONDS);
                }
                int winner = results[0].hasErrors() ? 1 : 0;
                Result loser = results[1 - winner];
                assertTrue(!results[winner].hasErrors(), () -> "round: no request succeeded: " + List.of(results));
                assertEquals("CONFLICT", loser.errorCode(), loser::toString);

                boolean releaseWon = winner == 0 || twoReleases;
                String expectedStatus = releaseWon ? "TRANSFERRING" : "RETAINED";
                assertEquals("1|" + expectedStatus + "|41030611", DemoData.queryString(dataSource,
                        "select version || '|' || status || '|' || union_id from membership where id = " + MEMBER));
                assertEquals(releaseWon ? 1 : 0, DemoData.queryLong(dataSource, "select count(*) from membership_transfer where membership_id = " + MEMBER));
                assertEquals(2, DemoData.queryLong(dataSource, "select count(*) from membership_event where membership_id = " + MEMBER));
                assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from audit_event where target_id = " + MEMBER));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Blocks until {@code count} other sessions of this database wait for a lock. */
    void awaitWaitingWriters(int count) throws SQLException, InterruptedException {
        DemoData.awaitWaitingWriters(dataSource, count);
    }
}
