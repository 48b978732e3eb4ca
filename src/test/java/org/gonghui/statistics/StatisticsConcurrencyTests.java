package org.gonghui.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/**
 * Concurrent joins, transfers across provinces, member changes, moves of a whole subtree with members
 * and folds of the ledger, all released together by a barrier, round after round. After each round the
 * figures of every union involved equal our own recount of the raw rows; during the rounds a reader
 * checks, inside one snapshot, that the service's statement agrees with the recount at that instant.
 */
@QuarkusTestWithOidc
class StatisticsConcurrencyTests {

    static final int ROUNDS = 8;

    @Inject
    DataSource dataSource;

    @Inject
    StatisticsFolder folder;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    @Test
    void figuresEqualARecountDuringAndAfterConcurrentJoinsTransfersAndSubtreeMoves() throws Exception {
        // A zone union without a region code, with a grassroots union and members below it: movable across provinces.
        long zone = StatisticsTests.id(StatisticsTests.post("quanzong", "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id } }",
                Map.of("input", Map.of("parentId", 410306, "level", "TOWNSHIP", "kind", "ZONE_UNION", "name", "测试物流园区工会"))), "createUnion.id");
        long grassroots = StatisticsTests.id(StatisticsTests.post("quanzong", "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id } }",
                Map.of("input", Map.of("parentId", zone, "level", "GRASSROOTS", "kind", "JOINT", "name", "测试物流联合工会", "newEmploymentForm", true))),
                "createUnion.id");
        long[] travellers = { StatisticsTests.join("quanzong", grassroots, 900, true), StatisticsTests.join("quanzong", grassroots, 901, false) };
        long changer = StatisticsTests.join("quanzong", grassroots, 902, true);
        long[][] transferPairs = { { 41030612, 22080211 }, { 22080212, 41030611 } };
        long[] zoneParents = { 410306, 220802 };

        List<Long> unions = new ArrayList<>(StatisticsTests.UNIONS);
        unions.addAll(List.of(zone, grassroots, 22080212L));
        int serial = 0;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Callable<Result>> writers = new ArrayList<>();
                for (int j = 0; j < 4; j++) {
                    long target = j % 2 == 0 ? 41030612 : grassroots;
                    int n = serial++;
                    writers.add(() -> {
                        StatisticsTests.join("quanzong", target, n, n % 3 == 0);
                        return null;
                    });
                }
                for (int t = 0; t < travellers.length; t++) {
                    long member = travellers[t];
                    long to = round % 2 == 0 ? transferPairs[t][0] : grassroots;
                    writers.add(() -> {
                        StatisticsTests.transfer(dataSource, "quanzong", member, to);
                        return null;
                    });
                }
                long newParent = zoneParents[(round + 1) % 2];
                writers.add(() -> StatisticsTests.move(dataSource, "quanzong", zone, newParent));
                List<String> groups = round % 2 == 0 ? List.of("COURIER") : List.of("TRUCK_DRIVER", "SECURITY_GUARD");
                writers.add(() -> StatisticsTests.post("quanzong", "mutation($input: UpdateMemberInput!) { updateMember(input: $input) { version } }",
                        Map.of("input", Map.of("id", changer, "version", StatisticsTests.memberVersion(dataSource, changer), "keyGroups", groups))));
                writers.add(() -> {
                    folder.foldAll();
                    return null;
                });

                CyclicBarrier barrier = new CyclicBarrier(writers.size());
                AtomicBoolean writing = new AtomicBoolean(true);
                Future<Integer> reader = Executors.newSingleThreadExecutor().submit(() -> readerChecks(writing, unions));
                List<Future<Result>> running = new ArrayList<>();
                for (Callable<Result> writer : writers) {
                    running.add(pool.submit(() -> {
                        barrier.await(30, TimeUnit.SECONDS);
                        return writer.call();
                    }));
                }
                int thisRound = round;
                for (Future<Result> f : running) {
                    Result r = f.get(120, TimeUnit.SECONDS);
                    assertTrue(r == null || !r.hasErrors(), () -> "round " + thisRound + ": " + r);
                }
                writing.set(false);
                assertTrue(reader.get(60, TimeUnit.SECONDS) > 0, "the reader compared at least one snapshot");

                Map<Long, Map<String, String>> recount = StatisticsRecount.recount(dataSource, unions, StatisticsTests.january(), StatisticsTests.thisMonth());
                assertEquals(recount, StatisticsTests.figures("quanzong", unions, null, null, null), "after round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        folder.foldAll();
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from stat_pending"));
        Map<Long, Map<String, String>> recount = StatisticsRecount.recount(dataSource, unions, StatisticsTests.january(), StatisticsTests.thisMonth());
        assertEquals(recount, StatisticsTests.figures("quanzong", unions, null, null, null), "after the last fold");
        // Three members to start with, two joins a round, and the two travellers back from their last transfer.
        assertEquals(String.valueOf(3 + 2 * ROUNDS), recount.get(grassroots).get("members"), "members of the moving grassroots union");
    }

    /** While the writers run: the service's statement and the recount inside one snapshot, again and again. */
    private int readerChecks(AtomicBoolean writing, List<Long> unions) throws SQLException {
        int snapshots = 0;
        do {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                Map<Long, Map<String, Long>> figures = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement(StatisticsService.CURRENT.replace(":ids", "?"))) {
                    s.setString(1, SqlArrays.of(unions));
                    s.setString(2, SqlArrays.of(unions));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            figures.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum);
                        }
                    }
                }
                for (long id : unions) {
                    Map<String, Long> f = figures.getOrDefault(id, Map.of());
                    String path = "(select path from trade_union where id = " + id + ")";
                    long members = single(c, "select count(*) from membership m join trade_union u on u.id = m.union_id where starts_with(u.path, " + path
                            + ") and m.status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')");
                    long transferring = single(c, "select count(*) from membership m join trade_union u on u.id = m.union_id where starts_with(u.path, "
                            + path + ") and m.status = 'TRANSFERRING'");
                    long unionCount = single(c, "select count(*) from trade_union u where starts_with(u.path, " + path + ")");
                    long couriers = single(c, "select count(*) from membership m join trade_union u on u.id = m.union_id where starts_with(u.path, " + path
                            + ") and m.status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED') and 'COURIER' = any(m.key_groups)");
                    long unionFigure = f.entrySet().stream().filter(e -> e.getKey().startsWith("union.")).mapToLong(Map.Entry::getValue).sum();
                    String snapshot = "union " + id + " in one snapshot: " + f;
                    assertEquals(members, f.getOrDefault("member.total", 0L), snapshot);
                    assertEquals(transferring, f.getOrDefault("member.status.TRANSFERRING", 0L), snapshot);
                    assertEquals(unionCount, unionFigure, snapshot);
                    assertEquals(couriers, f.getOrDefault("member.group.COURIER", 0L), snapshot);
                }
                c.commit();
                snapshots++;
            }
        } while (writing.get());
        return snapshots;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
