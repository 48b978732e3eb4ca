package org.gonghui.support.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a connection's {@code totalCount} counts: a query, and the counter that counts queries of its
 * kind. The counts of a whole batch of connections are taken together, each counter called once with
 * its distinct queries (so one grouped statement can count the children of every union of a page).
 * Counters are constants: keys of one kind share one counter.
 */
public record CountKey<Q>(Counter<Q> counter, Q query) {

    /** Counts queries of one kind, all in one call; returns a count for each query. */
    @FunctionalInterface
    public interface Counter<Q> {
        Map<Q, Long> count(Set<Q> queries);

        /** A counter for queries that can only be counted one by one (each is a statement of its own). */
        static <Q> Counter<Q> eachBy(java.util.function.ToLongFunction<Q> count) {
            return queries -> {
                Map<Q, Long> counts = new HashMap<>();
                queries.forEach(q -> counts.put(q, count.applyAsLong(q)));
                return counts;
            };
        }
    }

    /** The totalCount of each connection, in order; one call per counter for the whole batch. */
    public static List<Integer> totalCounts(List<? extends Connection> connections) {
        Map<Counter<?>, Set<Object>> byCounter = new LinkedHashMap<>();
        for (Connection c : connections) {
            CountKey<?> key = c.countKey();
            if (key == null) {
                throw new IllegalStateException("a connection without a count key: " + c.getClass().getSimpleName());
            }
            byCounter.computeIfAbsent(key.counter(), k -> new LinkedHashSet<>()).add(key.query());
        }
        Map<Counter<?>, Map<?, Long>> counted = new HashMap<>();
        byCounter.forEach((counter, queries) -> counted.put(counter, countAll(counter, queries)));
        List<Integer> totals = new ArrayList<>(connections.size());
        for (Connection c : connections) {
            Long count = counted.get(c.countKey().counter()).get(c.countKey().query());
            totals.add(count == null ? 0 : Math.toIntExact(count));
        }
        return totals;
    }

    @SuppressWarnings("unchecked")
    private static <Q> Map<Q, Long> countAll(Counter<Q> counter, Set<Object> queries) {
        // every query was put under the counter of its own key, so each is a Q
        return counter.count((Set<Q>) queries);
    }
}
