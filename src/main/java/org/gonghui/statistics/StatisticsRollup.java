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
 * Upkeep of {@code union_stat}, the per-union subtree figures (see V10__statistics.sql): the rows a
 * subtree move shifts. Folding the ledger is {@link StatisticsFolder}'s job.
 */
@ApplicationScoped
public class StatisticsRollup {

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
        Panache.getEntityManager().createNativeQuery("""
                insert into union_stat as s (union_id, metric, value)
                select a.id, r.metric, r.value * a.sign
                  from union_stat r cross join unnest(cast(:ids as bigint[]), cast(:signs as int[])) as a (id, sign)
                 where r.union_id = :root and r.value <> 0
                on conflict (union_id, metric) do update set value = s.value + excluded.value""")
                .setParameter("ids", SqlArrays.of(ids))
                .setParameter("signs", SqlArrays.of(signs))
                .setParameter("root", rootId)
                .executeUpdate();
    }
}
