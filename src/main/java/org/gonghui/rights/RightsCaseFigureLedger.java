package org.gonghui.rights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Keeps the rights-case rollup (V23: {@code rights_case_stat}) equal to a recount: after a case is
 * created or changed, writes the difference between its figure cells before and after (the cells are
 * {@code gonghui_rights_case_cells}, the one definition of them) into {@code rights_case_stat_pending},
 * in the case's transaction, keyed by the receiving union; the statistics fold job spreads them to the
 * ancestors. A step that changes nothing the figures read (a note, start, a referral before acceptance)
 * writes nothing.
 */
@ApplicationScoped
public class RightsCaseFigureLedger {

    /** The columns of a case the figures read (the referral-proof receiving union, the category, channel and event times). */
    public record Facts(Long receivedUnionId, RightsCaseCategory category, RightsCaseChannel channel, OffsetDateTime submittedAt,
            OffsetDateTime acceptedAt, OffsetDateTime declinedAt, OffsetDateTime resolvedAt, LocalDate resolveDue, Integer resolveWorkingDays,
            BigDecimal wagesRecovered, OffsetDateTime closedAt, Short rating) {

        static Facts of(RightsCaseRecord c) {
            return new Facts(c.receivedUnionId, c.category, c.channel, c.submittedAt, c.acceptedAt, c.declinedAt, c.resolvedAt, c.resolveDue,
                    c.resolveWorkingDays, c.wagesRecovered, c.closedAt, c.rating);
        }

        /** Equal for the figures: the deadline counts only once the case is resolved, the closing only with a rating, amounts by value. */
        boolean sameFigures(Facts o) {
            return Objects.equals(receivedUnionId, o.receivedUnionId) && category == o.category && channel == o.channel
                    && same(submittedAt, o.submittedAt) && same(acceptedAt, o.acceptedAt) && same(declinedAt, o.declinedAt)
                    && same(resolvedAt, o.resolvedAt) && (resolvedAt == null || Objects.equals(resolveDue, o.resolveDue))
                    && Objects.equals(resolveWorkingDays, o.resolveWorkingDays)
                    && (wagesRecovered == null ? o.wagesRecovered == null : o.wagesRecovered != null && wagesRecovered.compareTo(o.wagesRecovered) == 0)
                    && Objects.equals(rating, o.rating) && (rating == null || same(closedAt, o.closedAt));
        }

        private static boolean same(OffsetDateTime a, OffsetDateTime b) {
            return a == null ? b == null : b != null && a.isEqual(b);
        }
    }

    /** The case's cells now (read back from its row) minus its cells as loaded, per metric, for the receiving union. */
    private static final String DIFFERENCE = """
            insert into rights_case_stat_pending (union_id, metric, value)
            select x.union_id, x.metric, sum(x.value)
              from (select cast(nullif(:oldUnion, '') as bigint) as union_id, m.metric, -m.value as value
                      from gonghui_rights_case_cells(cast(nullif(:category, '') as text), cast(nullif(:channel, '') as text), cast(nullif(:submitted, '') as timestamptz),
                                                     cast(nullif(:accepted, '') as timestamptz), cast(nullif(:declined, '') as timestamptz), cast(nullif(:resolved, '') as timestamptz),
                                                     cast(nullif(:resolveDue, '') as date), cast(nullif(:workingDays, '') as integer), cast(nullif(:wages, '') as numeric),
                                                     cast(nullif(:closed, '') as timestamptz), cast(nullif(:rating, '') as integer)) m
                    union all
                    select c.received_union_id, m.metric, m.value
                      from rights_case c
                     cross join lateral gonghui_rights_case_cells(c.category, c.channel, c.submitted_at, c.accepted_at, c.declined_at,
                                                                  c.resolved_at, c.resolve_due, c.resolve_working_days, c.wages_recovered,
                                                                  c.closed_at, c.rating) m
                     where c.id = :id) x
             group by 1, 2
            having sum(x.value) <> 0""";

    @Inject
    EntityManager em;

    /**
     * The hook of the case steps: call after every change of a case (creation included) in its
     * transaction. One statement when a figure moves, none otherwise.
     */
    public void changed(RightsCaseRecord c) {
        Facts now = Facts.of(c);
        Facts before = c.figuresAsLoaded;
        if (before != null && before.sameFigures(now)) {
            return;
        }
        em.flush();
        em.createNativeQuery(DIFFERENCE)
                .setParameter("oldUnion", text(before == null ? null : before.receivedUnionId()))
                .setParameter("category", text(before == null ? null : before.category()))
                .setParameter("channel", text(before == null ? null : before.channel()))
                .setParameter("submitted", text(before == null ? null : before.submittedAt()))
                .setParameter("accepted", text(before == null ? null : before.acceptedAt()))
                .setParameter("declined", text(before == null ? null : before.declinedAt()))
                .setParameter("resolved", text(before == null ? null : before.resolvedAt()))
                .setParameter("resolveDue", text(before == null ? null : before.resolveDue()))
                .setParameter("workingDays", text(before == null ? null : before.resolveWorkingDays()))
                .setParameter("wages", before == null || before.wagesRecovered() == null ? "" : before.wagesRecovered().toPlainString())
                .setParameter("closed", text(before == null ? null : before.closedAt()))
                .setParameter("rating", text(before == null ? null : before.rating()))
                .setParameter("id", c.id)
                .executeUpdate();
        c.figuresAsLoaded = now;
    }

    /** Old values travel as text, '' for none (an untyped null does not bind to a native statement); PostgreSQL casts them back. */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
