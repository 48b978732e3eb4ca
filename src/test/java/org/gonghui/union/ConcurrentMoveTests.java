package org.gonghui.union;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Two officials move nested subtrees at the same moment: a development-zone union (county level)
 * moves from its city to the province while a township inside it moves to another county. Levels
 * only ever decrease downwards, so no move can close a cycle; what concurrency could break is the
 * materialized paths and subtree sizes. Both requests wait at a barrier so they run together.
 */
@QuarkusTestWithOidc
class ConcurrentMoveTests {

    static final int ROUNDS = 25;
    static final String MOVE = "mutation($input: MoveUnionInput!) { moveUnion(input: $input) { id } }";
    static final String CREATE = "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id } }";

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    @Test
    void concurrentMovesOfNestedSubtreesKeepPathsAndCountsExact() throws Exception {
        String national = Tokens.forDemoUser("quanzong");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int r = 0; r < ROUNDS; r++) {
                int round = r;
                DemoData.restore(dataSource);
                // 白城经济开发区 (2208900, no region code) gets a township with a grassroots union below it
                long township = createdId(GraphQLClient.post(national, CREATE, Map.of("input", Map.of("parentId", 2208900,
                        "level", "TOWNSHIP", "kind", "ZONE_UNION", "name", "开发区园区工会" + round))));
                createdId(GraphQLClient.post(national, CREATE, Map.of("input", Map.of("parentId", township,
                        "level", "GRASSROOTS", "kind", "JOINT", "name", "园区联合基层工会" + round))));
                List<Result> results = together(pool,
                        () -> move(national, 2208900, 22),
                        () -> move(national, township, 220802));
                results.forEach(result -> assertEquals(false, result.hasErrors(), "round " + round + ": " + results));
                assertEquals(0, DemoData.inconsistentUnions(dataSource), "round " + round + ": " + results);
                assertEquals("/1/22/2208/220802/" + township + "/",
                        DemoData.queryString(dataSource, "select path from trade_union where id = " + township));
                assertEquals("/1/22/2208900/", DemoData.queryString(dataSource, "select path from trade_union where id = 2208900"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void crossedMovesOfTwoUnionsUnderEachOtherAreBothRefused() throws Exception {
        String national = Tokens.forDemoUser("quanzong");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int r = 0; r < ROUNDS; r++) {
                int round = r;
                String before = DemoData.fingerprint(dataSource);
                // 吉利区 under 汝阳县 and 汝阳县 under 吉利区 at the same moment: a county never hangs under a county
                List<Result> results = together(pool, () -> move(national, 410306, 410326), () -> move(national, 410326, 410306));
                results.forEach(result -> assertEquals("VALIDATION", result.errorCode(), "round " + round + ": " + results));
                assertEquals(before, DemoData.fingerprint(dataSource));
                assertEquals(0, DemoData.inconsistentUnions(dataSource));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentUpdatesOfOneUnionLetExactlyOneWin() throws Exception {
        String jili = Tokens.forDemoUser("jili");
        String update = "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { version } }";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int r = 0; r < ROUNDS; r++) {
                int round = r;
                int version = DemoData.version(dataSource, 4103061);
                List<Result> results = together(pool,
                        () -> GraphQLClient.post(jili, update, Map.of("input", Map.of("id", 4103061, "version", version, "chairName", "甲"))),
                        () -> GraphQLClient.post(jili, update, Map.of("input", Map.of("id", 4103061, "version", version, "chairName", "乙"))));
                assertEquals(1, results.stream().filter(result -> !result.hasErrors()).count(), "round " + round + ": " + results);
                results.stream().filter(Result::hasErrors).forEach(result -> assertEquals("CONFLICT", result.errorCode(), result::toString));
                assertEquals(version + 1, DemoData.version(dataSource, 4103061));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Result move(String token, long id, long newParentId) {
        return GraphQLClient.post(token, MOVE, Map.of("input",
                Map.of("id", id, "version", DemoData.version(dataSource, id), "newParentId", newParentId)));
    }

    private static long createdId(Result result) {
        assertEquals(false, result.hasErrors(), result::toString);
        return Long.parseLong(result.data("createUnion.id"));
    }

    /** Runs both calls on two threads released together by a barrier. */
    private static List<Result> together(ExecutorService pool, Callable<Result> first, Callable<Result> second) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<Result>> futures = new ArrayList<>();
        for (Callable<Result> call : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        List<Result> results = new ArrayList<>();
        for (Future<Result> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        return results;
    }
}
