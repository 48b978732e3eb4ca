package org.gonghui.rights;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gonghui.security.Caller;
import org.gonghui.security.CallerScope;
import org.gonghui.security.Subtree;

/**
 * How far the caller of this request reaches into one rights case, the one rule every case operation,
 * nested field and attachment download applies at read time:
 * <ul>
 * <li>{@link Reach#WORKER}: the worker whose case it is (their login): status, dates, steps that are
 * not internal, outcome, their own texts and attachments; never internal notes;</li>
 * <li>{@link Reach#FULL}: an official of the handling union or of the union directly above it: everything,
 * texts only through an audited read with a reason;</li>
 * <li>{@link Reach#SUMMARY}: another official whose subtree contains the handling union, or one of the
 * unions that referred the case: category, channel, status, dates, unions and outcome, never a text;</li>
 * <li>{@link Reach#NONE}: anyone else, answered exactly as a case that does not exist (NOT_FOUND).</li>
 * </ul>
 *
 * <p>CONTRACT (issue 16): shared by the rights-case features.
 */
@RequestScoped
public class RightsCaseAccess {

    public enum Reach {
        NONE, SUMMARY, FULL, WORKER;

        public boolean readsTexts() {
            return this == FULL || this == WORKER;
        }
    }

    /** The unions and the worker a case's reach depends on. */
    public record CaseUnions(long caseId, long handlingUnionId, Long handlingParentId, String handlingPath,
            List<String> referrerPaths, String workerSubject) {}

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** The case's unions, or null when there is no such case (one statement). */
    public CaseUnions load(long caseId) {
        List<?> rows = em.createNativeQuery("select c.handling_union_id, u.parent_id, " + Subtree.column("u")
                + ", array(select " + Subtree.column("r") + " from trade_union r where r.id = any(c.referred_from_union_ids)),"
                + " c.worker_subject from rights_case c join trade_union u on u.id = c.handling_union_id where c.id = :id")
                .setParameter("id", caseId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new CaseUnions(caseId, ((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).longValue(),
                (String) row[2], row[3] == null ? List.of() : Arrays.asList((String[]) row[3]), (String) row[4]);
    }

    /** How far the caller reaches into the case (no statement). UNAUTHENTICATED without a token. */
    public Reach reach(CaseUnions c) {
        if (c == null) {
            return Reach.NONE;
        }
        CallerScope scope = caller.scope();
        if (c.workerSubject() != null && c.workerSubject().equals(caller.subject())) {
            return Reach.WORKER;
        }
        if (!scope.isOfficial()) {
            return Reach.NONE;
        }
        if (scope.unionId() == c.handlingUnionId() || scope.unionId().equals(c.handlingParentId())) {
            return Reach.FULL;
        }
        Subtree own = scope.subtree();
        if (own.contains(c.handlingPath()) || c.referrerPaths().stream().anyMatch(own::contains)) {
            return Reach.SUMMARY;
        }
        return Reach.NONE;
    }
}
