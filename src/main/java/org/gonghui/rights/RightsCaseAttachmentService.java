package org.gonghui.rights;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gonghui.audit.AuditLog;
import org.gonghui.rights.RightsCaseAccess.CaseUnions;
import org.gonghui.rights.RightsCaseAccess.Reach;
import org.gonghui.rights.RightsCaseAttachmentContent.Checked;
import org.gonghui.rights.RightsCaseAttachmentContent.Kind;
import org.gonghui.security.Caller;
import org.gonghui.support.ConflictException;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.LimitExceededException;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.RateLimitBuckets;
import org.gonghui.support.RateLimitBuckets.Window;
import org.gonghui.support.RateLimiter;
import org.gonghui.support.Text;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Attachments of rights cases. Who may add one and who may download it is the case's reach
 * ({@link RightsCaseAccess}, read at the time of the request): the worker whose case it is (while the
 * case is neither CLOSED nor DECLINED) and the officials of the handling union and of the union
 * directly above it. Officials higher up (SUMMARY) know the case but not its material: FORBIDDEN for
 * an upload, NOT_FOUND for a download; anyone else gets NOT_FOUND, as for a case that does not exist.
 * The content is checked and stripped of image metadata ({@link RightsCaseAttachmentContent}) and stored
 * encrypted; an upload writes an ATTACHMENT_ADDED step and an audit record, a download an audit record
 * (with the official's reason), each in the transaction that reads or writes.
 */
@ApplicationScoped
public class RightsCaseAttachmentService {

    @Inject
    RightsCaseAccess access;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    PersonalData personalData;

    @Inject
    AuditLog audit;

    @Inject
    RateLimitBuckets buckets;

    @Inject
    CurrentVertxRequest request;

    @Inject
    RightsCaseAttachmentConfig config;

    /** An upload's result: the attachment and whether it is new (false: the same file was already attached). */
    public record Added(RightsCaseAttachment attachment, boolean created) {
    }

    /** A download: the checked type, the generated file name and the content. */
    public record Download(Kind kind, String fileName, byte[] content) {
    }

    /**
     * Adds the uploaded file to the case. Checks, in this order and before anything is stored: the
     * caller's reach, the size (reading at most one byte more than the limit), the worker's daily
     * allowance, the content; then, in one transaction, the case's state and its number of attachments.
     */
    public Added upload(long caseId, InputStream body) throws IOException {
        Reach reach = uploader(caseId);
        byte[] bytes = body.readNBytes(config.maxBytes() + 1);
        if (bytes.length > config.maxBytes()) {
            throw tooLarge(config);
        }
        if (reach == Reach.WORKER && !buckets.tryTake("rights-attachment-worker", "sub:" + caller.subject(),
                new Window(config.perWorkerPerDay(), Duration.ofDays(1)))) {
            long refill = Math.max(60, Duration.ofDays(1).toSeconds() / Math.max(1, config.perWorkerPerDay() / 2));
            throw RateLimiter.refuse(request.getCurrent(), refill, "今日上传的材料已达上限, 请稍后再试 (a worker may upload at most "
                    + config.perWorkerPerDay() + " attachments in any 24 hours; retry in " + refill + " s)");
        }
        Checked checked = RightsCaseAttachmentContent.check(bytes);
        return QuarkusTransaction.requiringNew().call(() -> store(caseId, checked));
    }

    static LimitExceededException tooLarge(RightsCaseAttachmentConfig config) {
        return new LimitExceededException("file: 文件过大 (at most " + config.maxBytes() + " bytes per attachment, gonghui.rights-attachments.max-bytes)");
    }

    /** The caller's reach if they may add attachments to the case; NOT_FOUND or FORBIDDEN otherwise. */
    private Reach uploader(long caseId) {
        Reach reach = access.reach(access.load(caseId));
        if (reach == Reach.NONE) {
            throw notFound(caseId);
        }
        if (reach == Reach.SUMMARY) {
            throw new ForbiddenException("id: 只有职工本人和承办工会及其上一级工会的干部可以上传材料 (only the worker and officials of the handling union "
                    + "or of the union directly above it add attachments to a case)");
        }
        return reach;
    }

    private Added store(long caseId, Checked checked) {
        // the case row is locked: the count of its attachments and its state hold until commit
        List<?> locked = em.createNativeQuery("select status from rights_case where id = :id for no key update")
                .setParameter("id", caseId).getResultList();
        CaseUnions unions = access.load(caseId);
        Reach reach = access.reach(unions);
        if (locked.isEmpty() || reach == Reach.NONE) {
            throw notFound(caseId);
        }
        if (reach == Reach.SUMMARY) {
            throw new ForbiddenException("id: 该个案已转至其他工会办理 (the case has moved to another union; only its worker and the officials "
                    + "of the handling union or the union above it add attachments)");
        }
        RightsCaseStatus status = RightsCaseStatus.valueOf((String) locked.get(0));
        if (reach == Reach.WORKER && (status == RightsCaseStatus.CLOSED || status == RightsCaseStatus.DECLINED)) {
            throw new ConflictException("id: 个案已" + (status == RightsCaseStatus.CLOSED ? "结案" : "不予受理") + ", 不能再上传材料 (the case is " + status
                    + "; a worker adds attachments only to a case that is still being handled)");
        }
        byte[] hash = personalData.hash(Purpose.RIGHTS_ATTACHMENT, HexFormat.of().formatHex(sha256(checked.bytes())));
        RightsCaseAttachment existing = find(caseId, hash);
        if (existing != null) {
            return new Added(existing, false);
        }
        long count = ((Number) em.createNativeQuery("select count(*) from rights_case_attachment where case_id = :id")
                .setParameter("id", caseId).getSingleResult()).longValue();
        if (count >= config.maxPerCase()) {
            throw new LimitExceededException("id: 该个案的材料已达 " + config.maxPerCase() + " 份上限 (a case holds at most " + config.maxPerCase()
                    + " attachments, gonghui.rights-attachments.max-per-case)");
        }
        Sealed sealed = personalData.encrypt(Purpose.RIGHTS_ATTACHMENT, checked.bytes());
        String subject = caller.subject();
        Object[] row = (Object[]) em.createNativeQuery("""
                insert into rights_case_attachment (case_id, content_type, size_bytes, content_hash, content_cipher, content_key,
                                                    uploaded_by, uploaded_by_worker)
                values (:case, :type, :size, :hash, :cipher, :key, :by, :worker)
                returning id, uploaded_at""")
                .setParameter("case", caseId).setParameter("type", checked.kind().mediaType).setParameter("size", checked.bytes().length)
                .setParameter("hash", hash).setParameter("cipher", sealed.ciphertext()).setParameter("key", sealed.keyId())
                .setParameter("by", subject).setParameter("worker", reach == Reach.WORKER)
                .getSingleResult();
        long id = ((Number) row[0]).longValue();
        em.createNativeQuery("""
                insert into rights_case_step (case_id, kind, internal, union_id, actor)
                values (:case, 'ATTACHMENT_ADDED', false, :union, :actor)""")
                .setParameter("case", caseId).setParameter("union", unions.handlingUnionId()).setParameter("actor", subject).executeUpdate();
        audit.record("addRightsCaseAttachment", "RightsCase", caseId, unions.handlingUnionId(), unions.handlingPath(), Map.of(),
                Map.of("attachment", Long.toString(id), "contentType", checked.kind().mediaType, "sizeBytes", Integer.toString(checked.bytes().length)));
        return new Added(view(caseId, id, checked.kind().mediaType, checked.bytes().length, timestamp(row[1]), reach == Reach.WORKER), true);
    }

    private RightsCaseAttachment find(long caseId, byte[] hash) {
        List<?> rows = em.createNativeQuery("""
                select id, content_type, size_bytes, uploaded_at, uploaded_by_worker from rights_case_attachment
                 where case_id = :case and content_hash = :hash""")
                .setParameter("case", caseId).setParameter("hash", hash).getResultList();
        return rows.isEmpty() ? null : view(caseId, (Object[]) rows.get(0));
    }

    /**
     * The attachment's content for the worker and the officials who read the case in full; NOT_FOUND for
     * anyone else and for an attachment of another case. An official gives a reason (audited with the read);
     * the worker may.
     */
    public Download download(long caseId, long attachmentId, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CaseUnions unions = access.load(caseId);
            Reach reach = access.reach(unions);
            if (!reach.readsTexts()) {
                throw notFound(caseId);
            }
            String why = Text.multiline("reason", reason, 500, reach == Reach.FULL);
            List<?> rows = em.createNativeQuery("""
                    select content_type, content_cipher, content_key from rights_case_attachment where case_id = :case and id = :id""")
                    .setParameter("case", caseId).setParameter("id", attachmentId).getResultList();
            if (rows.isEmpty()) {
                throw new NotFoundException("attachmentId: 没有这份材料 (no attachment " + attachmentId + " of case " + caseId + ")");
            }
            Object[] row = (Object[]) rows.get(0);
            Kind kind = Kind.ofMediaType((String) row[0]);
            byte[] content = personalData.decrypt(Purpose.RIGHTS_ATTACHMENT, (byte[]) row[1], (String) row[2]);
            audit.record("downloadRightsCaseAttachment", "RightsCase", caseId, unions.handlingUnionId(), unions.handlingPath(), Map.of(),
                    Map.of("attachment", Long.toString(attachmentId)), why);
            return new Download(kind, "case-" + caseId + "-" + attachmentId + "." + kind.extension, content);
        });
    }

    /** The attachments of one case for the worker and the officials who read it in full (NOT_FOUND for anyone else). */
    public List<RightsCaseAttachment> list(long caseId) {
        if (!access.reach(access.load(caseId)).readsTexts()) {
            throw notFound(caseId);
        }
        return attachmentsOf(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /**
     * The attachments of each case, oldest first, in one statement and without their content (batches
     * the nested field {@code RightsCase.attachments}: no N+1). Applies no reach: the field shows them
     * only where the caller's reach {@link Reach#readsTexts() reads texts} (WORKER, FULL), null otherwise.
     */
    public Map<Long, List<RightsCaseAttachment>> attachmentsOf(Collection<Long> caseIds) {
        Map<Long, List<RightsCaseAttachment>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        List<?> rows = em.createNativeQuery("""
                select case_id, id, content_type, size_bytes, uploaded_at, uploaded_by_worker from rights_case_attachment
                 where case_id in (:cases) order by case_id, id""")
                .setParameter("cases", caseIds.stream().distinct().toList()).getResultList();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            long caseId = ((Number) row[0]).longValue();
            Object[] rest = new Object[row.length - 1];
            System.arraycopy(row, 1, rest, 0, rest.length);
            byCase.computeIfAbsent(caseId, k -> new ArrayList<>()).add(view(caseId, rest));
        }
        return byCase;
    }

    /** A view of (id, content_type, size_bytes, uploaded_at, uploaded_by_worker). */
    private static RightsCaseAttachment view(long caseId, Object[] row) {
        return view(caseId, ((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue(), timestamp(row[3]), (Boolean) row[4]);
    }

    private static RightsCaseAttachment view(long caseId, long id, String contentType, int sizeBytes, OffsetDateTime uploadedAt, boolean byWorker) {
        RightsCaseAttachment a = new RightsCaseAttachment();
        a.id = id;
        a.caseId = caseId;
        a.contentType = contentType;
        a.sizeBytes = sizeBytes;
        a.uploadedAt = uploadedAt;
        a.uploadedByWorker = byWorker;
        a.downloadPath = RightsCaseAttachment.downloadPath(caseId, id);
        return a;
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp " + value.getClass());
    }

    private static NotFoundException notFound(long caseId) {
        return new NotFoundException("id: 没有这个维权个案 (no rights case " + caseId + " that you may see)");
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
