package org.gonghui.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.gonghui.support.NotFoundException;
import org.gonghui.union.TradeUnion;

/**
 * What the caller of this request may see, one call per kind of object: the boundary as a
 * {@link Subtree} for lists, and {@link #union} for one union (NOT_FOUND outside, exactly as for a
 * missing id) or {@link #visibleUnions} for the unions a page of nested fields links to. The first
 * call of a service method is one of these: it checks the caller (UNAUTHENTICATED without a token,
 * FORBIDDEN for members) and returns what the method then uses.
 */
@RequestScoped
public class Scope {

    @Inject
    Caller caller;

    /** The official's own subtree; FORBIDDEN for members, UNAUTHENTICATED without a token. */
    public Subtree subtree() {
        return caller.official().subtree();
    }

    /**
     * The subtree a list covers: that of union {@code unionId} (NOT_FOUND naming {@code field} outside the
     * caller's subtree), else the caller's own.
     */
    public Subtree subtree(Long unionId, String field) {
        return unionId == null ? subtree() : subtreeOf(union(unionId, field), field);
    }

    /** The subtree under a union already read; NOT_FOUND naming {@code field} when it lies outside the caller's. */
    public Subtree subtreeOf(TradeUnion union, String field) {
        return Subtree.at(checked(subtree(), union, union == null ? null : union.id, field).path);
    }

    /** A union of the caller's subtree; NOT_FOUND naming {@code field} otherwise, exactly as for a missing id. */
    public TradeUnion union(Long id, String field) {
        Subtree own = subtree();
        return checked(own, id == null ? null : TradeUnion.findById(id), id, field);
    }

    /** Whether the caller is an official who sees this union, already read (no statement). */
    public boolean sees(TradeUnion union) {
        CallerScope scope = caller.scope();
        return union != null && scope.isOfficial() && scope.subtree().contains(union.path);
    }

    /**
     * A record that belongs to a union (a program, a site, a target, a roster import), when that union
     * lies in the caller's subtree; null when the record is null or lies outside. The caller answers
     * NOT_FOUND with the record's own message, exactly as for a missing id.
     */
    public <T> T ifVisible(T record, ToLongFunction<T> unionIdOf) {
        Subtree own = subtree();
        if (record == null) {
            return null;
        }
        TradeUnion union = TradeUnion.findById(unionIdOf.applyAsLong(record));
        return union != null && own.contains(union.path) ? record : null;
    }

    /**
     * The one visibility rule for members: an official sees a member whose union lies in their subtree,
     * or who is the subject of an open transfer into it ({@code openTransferToPath}: the receiving
     * union's path, null without an open transfer). Members see no one through this rule.
     */
    public boolean seesMember(String memberUnionPath, String openTransferToPath) {
        CallerScope scope = caller.scope();
        return scope.isOfficial() && seesMember(scope.subtree(), memberUnionPath, openTransferToPath);
    }

    private static boolean seesMember(Subtree own, String memberUnionPath, String openTransferToPath) {
        return own.contains(memberUnionPath) || openTransferToPath != null && own.contains(openTransferToPath);
    }

    /**
     * Which of these memberships the official may see now ({@link #seesMember}); one statement for a
     * page of nested fields (a transfer's {@code member} reads null for a former party).
     */
    public Set<Long> visibleMembers(Collection<Long> membershipIds) {
        Subtree own = subtree();
        Set<Long> visible = new HashSet<>();
        if (membershipIds.isEmpty()) {
            return visible;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = TradeUnion.getEntityManager().createNativeQuery("""
                select m.id, %s, %s from membership m
                  join trade_union u on u.id = m.union_id
                  left join membership_transfer t on t.membership_id = m.id and t.status = 'RELEASED' and m.status = 'TRANSFERRING'
                  left join trade_union tu on tu.id = t.to_union_id
                 where m.id = any(cast(:ids as bigint[]))""".formatted(Subtree.column("u"), Subtree.column("tu")))
                .setParameter("ids", membershipIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        for (Object[] row : rows) {
            if (seesMember(own, (String) row[1], (String) row[2])) {
                visible.add(((Number) row[0]).longValue());
            }
        }
        return visible;
    }

    /**
     * Which of these transfers are open requests (REQUESTED and not past their expiry, now) with either
     * union in the official's subtree: the rule under which both unions' officials see who asks to move
     * (name, card number, status), and which ends with the request. One statement for a page.
     */
    public Set<Long> openRequestsSeen(Collection<Long> transferIds) {
        Subtree own = subtree();
        Set<Long> seen = new HashSet<>();
        if (transferIds.isEmpty()) {
            return seen;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = TradeUnion.getEntityManager().createNativeQuery("""
                select t.id, %s, %s from membership_transfer t
                  join trade_union fu on fu.id = t.from_union_id
                  join trade_union tu on tu.id = t.to_union_id
                 where t.id = any(cast(:ids as bigint[])) and t.status = 'REQUESTED' and t.expires_at > now()""".formatted(
                Subtree.column("fu"), Subtree.column("tu")))
                .setParameter("ids", transferIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        for (Object[] row : rows) {
            if (own.contains((String) row[1]) || own.contains((String) row[2])) {
                seen.add(((Number) row[0]).longValue());
            }
        }
        return seen;
    }

    /**
     * The unions with these ids that the caller may see, by id (absent: missing or outside); one
     * statement for a whole page of nested fields. FORBIDDEN for members.
     */
    public Map<Long, TradeUnion> visibleUnions(Collection<Long> ids) {
        Subtree own = subtree();
        Map<Long, TradeUnion> visible = new HashMap<>();
        for (TradeUnion u : TradeUnion.listByIds(ids)) {
            if (own.contains(u.path)) {
                visible.put(u.id, u);
            }
        }
        return visible;
    }

    private static TradeUnion checked(Subtree own, TradeUnion union, Long id, String field) {
        if (union == null || !own.contains(union.path)) {
            throw new NotFoundException(field + ": 工会不存在 — no union " + id + " in your scope");
        }
        return union;
    }
}
