package org.gonghui.roster;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.security.Caller;
import org.gonghui.security.CallerScope;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.Idempotency;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.PersonalData;
import org.gonghui.support.ValidationException;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionLevel;
import org.gonghui.union.UnionRef;
import org.gonghui.union.UnionStatus;

/**
 * Roster imports for officials: the upload (checked, encrypted and queued in one transaction with
 * its audit record and idempotency key) and the reads, confined to the caller's subtree. The
 * processing itself is {@link RosterImportWorker}'s.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RosterImportService {

    static final String OPERATION = "importRoster";

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    AuditLog audit;

    @Inject
    PersonalData personalData;

    @Inject
    Idempotency idempotency;

    @Inject
    EntityManager em;

    /** What an upload request asks for, as the HTTP layer received it. */
    public record Request(String unionId, String dryRun, String partial, String charset, String idempotencyKey, byte[] body) {
    }

    /** The job an upload created, or, for a retry with the same idempotency key, the job the first upload created. */
    public record Queued(long id, RosterImportState state, boolean replayed) {
    }

    @Transactional
    public Queued upload(Request request) {
        CallerScope who = caller.official();
        TradeUnion union = scope.union(number("unionId", request.unionId()), "unionId");
        if (union.level != UnionLevel.GRASSROOTS) {
            throw new ValidationException("unionId: 花名册只能导入基层工会 — rosters are imported into a GRASSROOTS union; union " + union.id
                    + " is " + union.level);
        }
        if (union.status != UnionStatus.ACTIVE) {
            throw new ValidationException("unionId: 工会未处于活动状态 — union " + union.id + " is " + union.status + "; only ACTIVE unions take members");
        }
        boolean dryRun = flag("dryRun", request.dryRun());
        boolean partial = flag("partial", request.partial());
        String charset = null;
        if (request.charset() != null && !request.charset().isBlank()) {
            charset = RosterFile.canonical(request.charset());
            if (charset == null) {
                throw new ValidationException("charset: 只支持 UTF-8, GBK, GB18030 — expected UTF-8, GBK or GB18030");
            }
        }
        byte[] body = request.body();
        if (body.length == 0) {
            throw new ValidationException("body: 文件为空 — the request body is empty; send the CSV file itself as the body");
        }
        String subject = caller.subject();
        String key = request.idempotencyKey();
        if (key != null) {
            // The request is identified without keeping it: a keyed hash over a digest of the file.
            byte[] requestHash = personalData.hash(Purpose.REQUEST, String.join("|", union.id.toString(), Boolean.toString(dryRun),
                    Boolean.toString(partial), String.valueOf(charset), HexFormat.of().formatHex(sha256(body))));
            Optional<Long> first = idempotency.claim(subject, OPERATION, key, requestHash);
            if (first.isPresent()) {
                RosterImport job = RosterImport.findById(first.get());
                return new Queued(job.id, job.state, true);
            }
        }
        Sealed sealed = personalData.encrypt(Purpose.ROSTER_FILE, body);
        long id = ((Number) em.createNativeQuery("""
                insert into roster_import (union_id, requested_by, requester_union_id, dry_run, partial, state, requested_encoding,
                                           content, content_key, size_bytes)
                values (:union, :subject, :requester, :dryRun, :partial, 'QUEUED', :charset, :content, :key, :size)
                returning id""")
                .setParameter("union", union.id).setParameter("subject", subject).setParameter("requester", who.unionId())
                .setParameter("dryRun", dryRun).setParameter("partial", partial).setParameter("charset", charset)
                .setParameter("content", sealed.ciphertext()).setParameter("key", sealed.keyId()).setParameter("size", body.length)
                .getSingleResult()).longValue();
        if (key != null) {
            idempotency.complete(subject, OPERATION, key, id);
        }
        audit.record(OPERATION, "RosterImport", id, union.id, union.path, Map.of(),
                Map.of("dryRun", Boolean.toString(dryRun), "partial", Boolean.toString(partial), "bytes", Integer.toString(body.length)));
        return new Queued(id, RosterImportState.QUEUED, false);
    }

    /** A job of a union in the caller's subtree; NOT_FOUND otherwise, exactly as for a missing id. */
    public RosterImport get(long id) {
        RosterImport job = scope.ifVisible(RosterImport.<RosterImport>findById(id), j -> j.unionId);
        if (job == null) {
            throw new NotFoundException("id: 导入任务不存在 — no roster import " + id + " in your scope");
        }
        return job;
    }

    /** Jobs of the unions at or below {@code unionId} (default: the caller's union), newest first. */
    public RosterImportConnection list(Long unionId, PageRequest<Void> page) {
        Subtree subtree = scope.subtree(unionId, "unionId");
        return new RosterImportConnection(page.page(RosterImport.findPage(subtree, page.afterId(), page.rowsToFetch()), j -> j.id, null));
    }

    /** The union of each job, in one statement. */
    public List<UnionRef> unionsOf(List<RosterImport> jobs) {
        Map<Long, TradeUnion> byId = TradeUnion.listByIds(jobs.stream().map(j -> j.unionId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(u -> u.id, u -> u, (a, b) -> a));
        return jobs.stream().map(j -> new UnionRef(byId.get(j.unionId))).toList();
    }

    /** A page of failures of each job, in row order, in one statement. */
    @SuppressWarnings("unchecked")
    public List<RosterImportFailureConnection> failuresOf(List<RosterImport> jobs, PageRequest<Void> page) {
        Map<Long, List<RosterImportFailure>> byJob = new HashMap<>();
        Set<Long> ids = jobs.stream().map(j -> j.id).collect(Collectors.toSet());
        if (!ids.isEmpty() && page.first() > 0) {
            List<Tuple> rows = em.createNativeQuery("""
                    select f.import_id, f.seq, f.row_number, f.column_name, f.code, f.message
                      from unnest(cast(:ids as bigint[])) as j(id) cross join lateral (
                           select * from roster_import_failure f where f.import_id = j.id and f.seq > :after order by f.seq limit :limit) f""",
                    Tuple.class)
                    .setParameter("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                    .setParameter("after", page.afterId() == null ? 0L : page.afterId())
                    .setParameter("limit", page.rowsToFetch())
                    .getResultList();
            for (Tuple row : rows) {
                RosterImportFailure f = new RosterImportFailure(row.get(0, Number.class).longValue(), row.get(1, Number.class).intValue(),
                        row.get(2, Number.class).intValue(), row.get(3, String.class), row.get(4, String.class), row.get(5, String.class));
                byJob.computeIfAbsent(f.importId, k -> new ArrayList<>()).add(f);
            }
        }
        return jobs.stream().map(j -> new RosterImportFailureConnection(page.page(byJob.getOrDefault(j.id, List.of()), f -> f.seq, null))).toList();
    }

    private static long number(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field + ": 必填 — required: the id of a grassroots union of your subtree");
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field + ": 应为数字 — must be a union id (a number)");
        }
    }

    private static boolean flag(String field, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new ValidationException(field + ": 应为 true 或 false — must be true or false");
        };
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
