package org.gonghui.security;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.panache.common.Parameters;

/**
 * The service's authorization boundary, written once: the unions at or below one union, as the range
 * {@code path >= :subtreeFrom and path < :subtreeTo} on the "C"-collated materialized path (paths end
 * in '/', and '0' is the character after '/', so the range is exactly the paths that start with the
 * root's path; the path's btree index answers it even from a generic prepared plan, unlike
 * {@code LIKE ?}). A value renders its predicate for HQL and native SQL, binds its parameters, and
 * answers {@link #contains} for checks in memory.
 * <p>
 * Only {@link Scope} (the caller's own subtree, or that of a union id checked against it) and
 * {@link CallerScope} create one: no public constructor takes a path, so feature code cannot scope a
 * list to a subtree the caller does not reach. {@code SubtreeBoundaryTest} keeps every other main
 * source from naming the path column.
 */
public final class Subtree {

    /** Names of the two bound parameters; only this class binds them. */
    private static final String FROM = "subtreeFrom";
    private static final String TO = "subtreeTo";

    private final String from;
    private final String to;

    private Subtree(String rootPath) {
        if (rootPath == null || !rootPath.startsWith("/") || !rootPath.endsWith("/")) {
            throw new IllegalArgumentException("not a union path");
        }
        this.from = rootPath;
        this.to = rootPath.substring(0, rootPath.length() - 1) + "0";
    }

    /** The subtree under the union with this materialized path; callers have checked it is in scope. */
    static Subtree at(String rootPath) {
        return new Subtree(rootPath);
    }

    // --- rendering

    /**
     * HQL or SQL: the union with table alias {@code unionAlias} ({@code trade_union} / {@code TradeUnion};
     * null or empty when unqualified) lies in this subtree. Bind with one of the {@code bind} methods.
     */
    public String covers(String unionAlias) {
        return onPath(column(unionAlias));
    }

    /**
     * The same range on another expression that holds a copy of a union's path (the audit trail's
     * {@code targetPath}). Prefer {@link #covers}; this exists for denormalised copies only.
     */
    public String onPath(String pathExpression) {
        return pathExpression + " >= :" + FROM + " and " + pathExpression + " < :" + TO;
    }

    /** HQL: the union id property {@code unionIdProperty} names a union of this subtree (programs, sites, funds, targets). */
    public String hqlUnionIdIn(String unionIdProperty) {
        return unionIdProperty + " in (select u.id from TradeUnion u where " + covers("u") + ")";
    }

    /** Native SQL: the union id column {@code unionIdColumn} names a union of this subtree, as a correlated EXISTS. */
    public String sqlUnionExists(String unionIdColumn) {
        return "exists (select 1 from trade_union u where u.id = " + unionIdColumn + " and " + covers("u") + ")";
    }

    /** JDBC: {@link #covers} with positional parameters; bind with {@link #bind(PreparedStatement, int)}. */
    public String jdbcCovers(String unionAlias) {
        String path = column(unionAlias);
        return path + " >= ? and " + path + " < ?";
    }

    // --- binding

    /** The parameters of the rendered predicate, in a new map the caller may extend. */
    public Map<String, Object> parameters() {
        return bind(new HashMap<>());
    }

    /** Adds the parameters of the rendered predicate to {@code params} and returns it. */
    public Map<String, Object> bind(Map<String, Object> params) {
        params.put(FROM, from);
        params.put(TO, to);
        return params;
    }

    /** Panache parameters holding only this subtree's; extend them with {@code and}. */
    public Parameters panacheParameters() {
        return Parameters.with(FROM, from).and(TO, to);
    }

    /** Binds the parameters to a JPA or Hibernate query (HQL or native) and returns it. */
    public <Q extends jakarta.persistence.Query> Q bind(Q query) {
        query.setParameter(FROM, from);
        query.setParameter(TO, to);
        return query;
    }

    /** Binds {@link #jdbcCovers} at {@code index} and the next index; returns the index after them. */
    public int bind(PreparedStatement statement, int index) throws SQLException {
        statement.setString(index, from);
        statement.setString(index + 1, to);
        return index + 2;
    }

    // --- in memory

    /** Whether a union with this path lies in the subtree (its root included). */
    public boolean contains(String unionPath) {
        return unionPath != null && unionPath.startsWith(from);
    }

    /** Whether the whole subtree under {@code other} lies in this one. */
    public boolean contains(Subtree other) {
        return other != null && contains(other.from);
    }

    // --- rows against rows (several roots in one statement; ids checked by the caller beforehand)

    /**
     * Native SQL: union {@code unionAlias} lies in the subtree of union {@code rootAlias}, as the btree
     * range with the end computed in SQL ({@code left(r.path, -1) || '0'}).
     */
    public static String sqlWithinByRange(String unionAlias, String rootAlias) {
        String path = column(unionAlias);
        String root = column(rootAlias);
        return path + " >= " + root + " and " + path + " < left(" + root + ", -1) || '0'";
    }

    /** Native SQL: the same as {@code starts_with}, for joins the planner answers by hashing few roots. */
    public static String sqlWithinByPrefix(String unionAlias, String rootAlias) {
        return "starts_with(" + column(unionAlias) + ", " + column(rootAlias) + ")";
    }

    /**
     * Native SQL: the ids of the unions above the union (or a row carrying its path) with this alias, root first,
     * as a {@code bigint[]} (empty for the root); what {@code TradeUnion.pathIds()} gives in Java, without the union itself.
     */
    public static String sqlIdsAbove(String alias) {
        return "trim_array(cast(string_to_array(trim(both '/' from " + column(alias) + "), '/') as bigint[]), 1)";
    }

    /**
     * The path column of the union (or a row carrying it) with this alias: for select lists and tree
     * order ({@code order by}), which is path order. Never compare it by hand: render a predicate above.
     */
    public static String column(String alias) {
        return alias == null || alias.isEmpty() ? "path" : alias + ".path";
    }

    /**
     * SQL or HQL: the row of alias {@code alias} comes after union {@code :after} in tree order;
     * {@code unionTable} is {@code trade_union} in SQL, {@code TradeUnion} in HQL.
     */
    public static String afterInTreeOrder(String alias, String unionTable, String afterParameter) {
        return column(alias) + " > (select " + column("a") + " from " + unionTable + " a where a.id = :" + afterParameter + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subtree other && from.equals(other.from);
    }

    @Override
    public int hashCode() {
        return from.hashCode();
    }

    /** The root path only: no personal data. */
    @Override
    public String toString() {
        return "Subtree[" + from + "]";
    }
}
