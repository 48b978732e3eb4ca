package org.gonghui.member;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gonghui.member.MemberOrder.Direction;
import org.gonghui.member.MemberOrder.Field;
import org.gonghui.security.Subtree;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData;
import org.gonghui.support.SqlText;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.support.paging.PageRequest;

/**
 * A member search as SQL: the scope (a subtree range on the union path, or one union), the filter's
 * conditions and the sort, shared by a page and its totalCount (the page's position comes typed from its PageRequest). Phone and ID number are matched
 * through their keyed hashes; name searches go through the name-gram GIN index, which also serves
 * one- and two-character Chinese names.
 */
final class MemberQuery {

    final String from;
    final boolean personInWhere;
    final String where;
    final Map<String, Object> params;
    final Field field;
    final Direction direction;

    private MemberQuery(String from, boolean personInWhere, String where, Map<String, Object> params, Field field, Direction direction) {
        this.from = from;
        this.personInWhere = personInWhere;
        this.where = where;
        this.params = params;
        this.field = field;
        this.direction = direction;
    }

    /** Members in the subtree, or only in union {@code onlyUnionId} (of that subtree) when it is set. */
    static MemberQuery of(Subtree subtree, Long onlyUnionId, MemberFilter filter, MemberOrder order, PersonalData personalData) {
        StringBuilder from = new StringBuilder("membership m");
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (onlyUnionId != null) {
            where.append("m.union_id = :union");
            params.put("union", onlyUnionId);
        } else {
            from.append(" join trade_union u on u.id = m.union_id");
            where.append(subtree.covers("u"));
            subtree.bind(params);
        }
        if (filter != null) {
            String prefix = Text.name("filter.nameStartsWith", filter.nameStartsWith, 50, false);
            if (prefix != null) {
                where.append(" and m.name like :namePrefix escape '\\'");
                params.put("namePrefix", SqlText.escapeLike(prefix) + "%");
            }
            String text = Text.name("filter.nameContains", filter.nameContains, 50, false);
            if (text != null) {
                where.append(" and gonghui_name_grams(m.name) @> cast(:nameGrams as text[]) and m.name like :nameLike escape '\\'");
                params.put("nameGrams", SqlText.textArray(grams(text)));
                params.put("nameLike", "%" + SqlText.escapeLike(text) + "%");
            }
            if (filter.phone != null) {
                PhoneNumber phone = PhoneNumber.parse(filter.phone);
                if (phone == null) {
                    throw new ValidationException("filter.phone: 手机号格式不正确 (a mobile number is 1[3-9] and nine more digits)");
                }
                where.append(" and p.phone_hash = :phoneHash");
                params.put("phoneHash", personalData.hash(Purpose.PHONE, phone.value()));
            }
            if (filter.idNumber != null) {
                IdNumber.Result id = IdNumber.parse(filter.idNumber, LocalDate.now(MemberRules.CHINA));
                if (id.id().isEmpty()) {
                    throw new ValidationException("filter.idNumber: " + id.problem().message());
                }
                where.append(" and p.id_hash = :idHash");
                params.put("idHash", personalData.hash(Purpose.ID_NUMBER, id.id().get().value()));
            }
            if (filter.keyGroups != null && !filter.keyGroups.isEmpty()) {
                where.append(" and m.key_groups && cast(:keyGroups as text[])");
                params.put("keyGroups", SqlText.textArray(filter.keyGroups.stream().map(Enum::name).toList()));
            }
            if (filter.statuses != null && !filter.statuses.isEmpty()) {
                where.append(" and m.status = any(cast(:statuses as text[]))");
                params.put("statuses", SqlText.textArray(filter.statuses.stream().map(Enum::name).toList()));
            }
            if (filter.newEmploymentForm != null) {
                where.append(" and m.new_employment_form = :newForm");
                params.put("newForm", filter.newEmploymentForm);
            }
            if (filter.migrantWorker != null) {
                where.append(" and m.migrant_worker = :migrant");
                params.put("migrant", filter.migrantWorker);
            }
            if (filter.joinedFrom != null) {
                where.append(" and m.joined_on >= :joinedFrom");
                params.put("joinedFrom", filter.joinedFrom);
            }
            if (filter.joinedTo != null) {
                where.append(" and m.joined_on <= :joinedTo");
                params.put("joinedTo", filter.joinedTo);
            }
        }
        Field field = order == null || order.field == null ? Field.ID : order.field;
        Direction direction = order == null || order.direction == null ? Direction.ASC : order.direction;
        boolean personInWhere = params.containsKey("phoneHash") || params.containsKey("idHash");
        return new MemberQuery(from.toString(), personInWhere, where.toString(), params, field, direction);
    }

    String sortExpression() {
        return switch (field) {
            case ID -> "m.id";
            case NAME -> "m.name";
            case JOINED_ON -> "coalesce(m.joined_on, date '9999-12-31')";
        };
    }

    /** The SQL of one page, after a position when {@code after} (bound by {@link #pageParams}), fetching {@code :limit} rows. */
    String pageSql(boolean after) {
        StringBuilder sql = new StringBuilder("select ").append(Member.COLUMNS).append(" from ").append(from)
                .append(" join person p on p.id = m.person_id where ").append(where);
        String op = direction == Direction.ASC ? ">" : "<";
        if (after) {
            sql.append(field == Field.ID ? " and m.id " + op + " :afterId"
                    : " and (" + sortExpression() + ", m.id) " + op + " (:afterValue, :afterId)");
        }
        String dir = direction == Direction.ASC ? " asc" : " desc";
        sql.append(" order by ");
        if (field != Field.ID) {
            sql.append(sortExpression()).append(dir).append(", ");
        }
        return sql.append("m.id").append(dir).append(" limit :limit").toString();
    }

    /** The count joins the person only when the filter reads it (phone, ID number). */
    String countSql() {
        return "select count(*) from " + from + (personInWhere ? " join person p on p.id = m.person_id" : "") + " where " + where;
    }

    long count() {
        var count = Membership.getEntityManager().createNativeQuery(countSql());
        params.forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    /** Parameters of a page: the filter's plus the limit and, after the first page, the position's sort value and id. */
    Map<String, Object> pageParams(PageRequest<?> page) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("limit", page.rowsToFetch());
        if (page.after() != null) {
            all.put("afterId", page.afterId());
            if (field != Field.ID) {
                all.put("afterValue", page.afterValue());
            }
        }
        return all;
    }

    /** The member's value of the sort (what {@link #sortExpression()} reads): null for ID, the name, or the join date. */
    Object sortValue(Member member) {
        return switch (field) {
            case ID -> null;
            case NAME -> member.name;
            case JOINED_ON -> member.joinedOn == null ? LocalDate.of(9999, 12, 31) : member.joinedOn;
        };
    }

    /** The grams a name must contain to contain {@code text} (see {@link SqlText#grams}). */
    static List<String> grams(String text) {
        return SqlText.grams(text);
    }
}
