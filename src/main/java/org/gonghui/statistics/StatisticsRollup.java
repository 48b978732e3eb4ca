package org.gonghui.statistics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.gonghui.union.SubtreeMoved;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Upkeep of {@code union_stat} and {@code rights_case_stat}, the per-union subtree figures (see
 * V10__statistics.sql, V23__rights_case_rollup.sql): the rows a subtree move shifts. Folding the ledger is {@link StatisticsFolder}'s job.
 */
@ApplicationScoped
public class StatisticsRollup {

    /** The subtree rollups, (union_id, metric, value) each: the statistics (V10) and the rights-case figures (V23). */
    private static final List<String> ROLLUPS = List.of("union_stat", "rights_case_stat");

    /**
     * Moves the folded figures of the moved subtree from its old ancestors to its new ones; ancestors
     * on both paths keep theirs. A synchronous observer: it runs in the move's transaction and under
     * its hierarchy lock, which the fold takes too, so the fold never sees half a move. Rows still
     * pending are attributed by the paths they find when folded or read, so they need nothing here.
     */
    void shiftSubtree(@Observes SubtreeMoved move) {
        long rootId = move.rootId();
        List<Long> oldAncestors = move.oldAncestors();
        List<Long> newAncestors = move.newAncestors();
        Set<Long> common = new HashSet<>(oldAncestors);
        common.retainAll(newAncestors);
        List<Long> ids = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        oldAncestors.stream().filter(id -> !common.contains(id)).forEach(id -> {
            ids.add(id);
            signs.add(-1);
        });
        newAncestors.stream().filter(id -> !common.contains(id)).forEach(id -> {
            ids.add(id);
            signs.add(1);
        });
        if (ids.isEmpty()) {
            return;
        }
        for (String rollup : ROLLUPS) {
            Panache.getEntityManager().createNativeQuery("""
                    insert into %1$s as s (union_id, metric, value)
                    select a.id, r.metric, r.value * a.sign
                      from %1$s r cross join unnest(cast(:ids as bigint[]), cast(:signs as int[])) as a (id, sign)
                     where r.union_id = :root and r.value <> 0
                    on conflict (union_id, metric) do update set value = s.value + excluded.value""".formatted(rollup))
                    .setParameter("ids", SqlArrays.of(ids))
                    .setParameter("signs", SqlArrays.of(signs))
                    .setParameter("root", rootId)
                    .executeUpdate();
        }
    }
}
