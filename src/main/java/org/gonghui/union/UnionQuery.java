package org.gonghui.union;

import org.gonghui.security.Subtree;
import org.gonghui.support.SqlText;
import org.gonghui.support.Text;

import io.quarkus.panache.common.Parameters;

/**
 * A filter over one subtree, as an HQL condition: what a {@code unions} page and its
 * {@code totalCount} share. The subtree condition is a range on the "C"-collated path (every path
 * that starts with the subtree's path), which the path's btree index answers even from a generic
 * prepared plan, unlike {@code LIKE ?}.
 */
record UnionQuery(String where, Parameters parameters) {

    static UnionQuery of(Subtree subtree, Long excludeId, UnionFilter filter) {
        StringBuilder where = new StringBuilder(subtree.covers(null));
        Parameters params = subtree.panacheParameters();
        if (excludeId != null) {
            where.append(" and id <> :exclude");
            params = params.and("exclude", excludeId);
        }
        if (filter != null) {
            if (filter.level != null) {
                where.append(" and level = :level");
                params = params.and("level", filter.level);
            }
            if (filter.kind != null) {
                where.append(" and kind = :kind");
                params = params.and("kind", filter.kind);
            }
            if (filter.status != null) {
                where.append(" and status = :status");
                params = params.and("status", filter.status);
            }
            if (filter.regionCode != null) {
                where.append(" and regionCode = :region");
                params = params.and("region", filter.regionCode);
            }
            String name = Text.name("filter.nameContains", filter.nameContains, 200, false);
            if (name != null) {
                where.append(" and name like :name escape '\\'");
                params = params.and("name", SqlText.containsPattern(name));
            }
        }
        return new UnionQuery(where.toString(), params);
    }
}
