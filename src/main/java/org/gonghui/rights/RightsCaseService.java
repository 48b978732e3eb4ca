package org.gonghui.rights;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.calendar.WorkingCalendar.Deadline;
import org.gonghui.member.MemberService;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.Membership;
import org.gonghui.member.PhoneNumber;
import org.gonghui.notification.NoticeType;
import org.gonghui.notification.WorkerNotices;
import org.gonghui.region.Regions;
import org.gonghui.rights.RightsCaseAccess.Reach;
import org.gonghui.security.Caller;
import org.gonghui.security.Scope;
import org.gonghui.support.ConflictException;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.Money;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.support.Versions;
import org.gonghui.union.CreditCode;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionKind;
import org.gonghui.union.UnionLevel;
import org.gonghui.union.UnionStatus;

/**
 * The workflow of a rights case: a worker submits one from the app (routed to their union, the union
 * above it, or an area's union), officials record those taken by phone or at a desk, and the handling
 * union's officials (or those of the union directly above it: FULL reach) accept or decline, work on,
 * refer and resolve it; the worker confirms and rates it. Every step is a row with who and when, every
 * change is audited, the worker hears of each step through their notifications, and stale versions are
 * CONFLICT. Personal texts are encrypted ({@link Purpose#RIGHTS_CASE_TEXT}, the phone as
 * {@link Purpose#CONTACT_PHONE}) with masked copies for lists.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RightsCaseService {

    /** The system's name as a step's actor (the automatic closing). */
    static final String SYSTEM = "system";

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    RightsCaseAccess access;

    @Inject
    RightsCaseReads reads;

    @Inject
    RightsDeadlines deadlines;

    @Inject
    MemberService members;

    @Inject
    Regions regions;

    @Inject
    PersonalData personalData;

    @Inject
    AuditLog audit;

    @Inject
    Event<WorkerNotices> notices;

    @Inject
    EntityManager em;

    @Inject
    RightsCaseFigureLedger figureLedger;

    /** The checked facts of a new case, common to both ways in. */
    record Facts(RightsCaseCategory category, String description, String employerName, String employerCreditCode, String regionCode,
            PhoneNumber phone, String preferredContactTime, BigDecimal amountClaimed, String workerName) {
    }

    // --- new cases

    /**
     * A worker's case from the app: a member's goes to their own union (by default to the union above it
     * when it is against their own enterprise union's employer), a non-member's to the community or
     * joint union of the region they give, else its county federation; handlingUnionId may pick the
     * routed union or the one directly above it.
     */
    public RightsCase submit(RightsCaseInputs.Submit in) {
        Facts facts = facts(in.category, in.description, in.employerName, in.employerCreditCode, in.regionCode, in.contactPhone,
                in.preferredContactTime, in.amountClaimedYuan, in.workerName);
        Optional<Membership> membership = members.ownOpenMembership();
        TradeUnion routed;
        boolean ownEmployer = false;
        if (membership.isPresent()) {
            TradeUnion own = TradeUnion.findById(membership.get().unionId);
            routed = openOrAbove(own);
            ownEmployer = routed == own && isHostEmployer(own, facts);
        } else {
            if (facts.regionCode() == null) {
                throw new ValidationException("regionCode: 未关联会籍时必填, 用于确定受理工会 — required without a membership: it decides which union handles the case");
            }
            if (facts.phone() == null) {
                throw new ValidationException("contactPhone: 未关联会籍时必填 — required without a membership, so that the union can reach you");
            }
            routed = unionOfArea(facts.regionCode());
        }
        TradeUnion above = routed.parentId == null ? null : TradeUnion.findById(routed.parentId);
        TradeUnion handling;
        if (in.handlingUnionId == null) {
            handling = ownEmployer && above != null ? above : routed;
        } else if (in.handlingUnionId.equals(routed.id)) {
            handling = routed;
        } else if (above != null && in.handlingUnionId.equals(above.id)) {
            handling = above;
        } else {
            throw new ValidationException("handlingUnionId: 只能选择 " + routed.id + (above == null ? "" : " 或其上一级工会 " + above.id)
                    + " — the case goes to union " + routed.id + (above == null ? "" : " or the union directly above it, " + above.id));
        }
        Membership m = membership.orElse(null);
        RightsCaseRecord c = create(facts, RightsCaseChannel.APP, handling, caller.subject(), m, "submitRightsCase");
        return reads.one(c.id);
    }

    /** A case an official takes by hotline, at the desk, at a station or on the web, for a member of their subtree or anyone else. */
    public RightsCase record(RightsCaseInputs.Record in) {
        caller.official();
        if (in.channel == RightsCaseChannel.APP) {
            throw new ValidationException("channel: APP 仅用于职工本人提交 — APP is for cases workers submit themselves; choose HOTLINE, WALK_IN, STATION or WEB");
        }
        Facts facts = facts(in.category, in.description, in.employerName, in.employerCreditCode, in.regionCode, in.contactPhone,
                in.preferredContactTime, in.amountClaimedYuan, in.workerName);
        Membership m = null;
        String workerSubject = null;
        if (in.memberId != null) {
            if (facts.workerName() != null) {
                throw new ValidationException("workerName: 已指定会员时不填 — give memberId or workerName, not both");
            }
            m = members.visibleMembership(in.memberId, "memberId");
            if (m.status == MemberStatus.PENDING) {
                throw new ValidationException("memberId: 入会申请尚未批准 — an application is not a membership yet; record the case with workerName and contactPhone");
            }
            workerSubject = m.person.subject;
        } else {
            if (facts.workerName() == null) {
                throw new ValidationException("workerName: 未指定会员时必填 — required without memberId");
            }
            if (facts.phone() == null) {
                throw new ValidationException("contactPhone: 未指定会员时必填 — required without memberId, so that the union can reach the worker");
            }
        }
        TradeUnion handling = in.handlingUnionId == null ? scope.union(caller.official().unionId(), "handlingUnionId")
                : scope.union(in.handlingUnionId, "handlingUnionId");
        if (!handling.status.isOpen()) {
            throw new ValidationException("handlingUnionId: 该工会已撤销或合并, 不再受理维权诉求 — a dissolved or merged union takes no new cases; record it at the union above");
        }
        RightsCaseRecord c = create(facts, in.channel, handling, workerSubject, m, "recordRightsCase");
        return reads.one(c.id);
    }

    // --- the handling union's steps (FULL reach)

    public RightsCase accept(Long id, Integer version) {
        RightsCaseRecord c = actable(id, version);
        requireStatus(c, "accepted", RightsCaseStatus.SUBMITTED);
        OffsetDateTime now = OffsetDateTime.now();
        Deadline due = deadlines.resolveDue(c.category, now.toInstant());
        Map<String, String> before = fields(c);
        c.status = RightsCaseStatus.ACCEPTED;
        c.acceptedAt = now;
        c.assignedTo = caller.subject();
        c.resolveDue = due.day();
        c.deadlineFallback = due.fallback();
        return stepped(c, before, "acceptRightsCase", RightsCaseStepKind.ACCEPTED, null, null, null,
                "您的维权诉求已受理, 办结期限 " + due.day(), "Your rights case was accepted; it is due to be resolved by " + due.day());
    }

    public RightsCase decline(Long id, Integer version, String reason) {
        RightsCaseRecord c = actable(id, version);
        requireStatus(c, "declined", RightsCaseStatus.SUBMITTED);
        String why = Text.multiline("reason", reason, 500, true);
        Map<String, String> before = fields(c);
        c.status = RightsCaseStatus.DECLINED;
        c.declinedAt = OffsetDateTime.now();
        c.declineReason = why;
        leaveOpen(c);
        return stepped(c, before, "declineRightsCase", RightsCaseStepKind.DECLINED, null, null, why,
                "您的维权诉求未予受理, 原因请在个案详情中查看", "Your rights case was declined; the reason is in the case");
    }

    public RightsCase start(Long id, Integer version) {
        RightsCaseRecord c = actable(id, version);
        requireStatus(c, "started", RightsCaseStatus.ACCEPTED);
        Map<String, String> before = fields(c);
        c.status = RightsCaseStatus.IN_PROGRESS;
        return stepped(c, before, "startRightsCase", RightsCaseStepKind.STARTED, null, null, null, null, null);
    }

    /** A note, a contact record or an action, with its text (encrypted); the case's version moves on. */
    public RightsCase addStep(Long id, Integer version, RightsCaseInputs.NoteKind kind, String text) {
        RightsCaseRecord c = actable(id, version);
        requireStatus(c, "worked on", RightsCaseStatus.SUBMITTED, RightsCaseStatus.ACCEPTED, RightsCaseStatus.IN_PROGRESS);
        String body = Text.multiline("text", text, 2000, true);
        Map<String, String> before = fields(c);
        return stepped(c, before, "addRightsCaseStep", RightsCaseStepKind.valueOf(kind.name()), null, body, null, null, null);
    }

    /**
     * Refers the case to the union directly above the handling one (grassroots → township → county …):
     * it starts again there as SUBMITTED with a new acceptance deadline; the referring union keeps
     * SUMMARY reach; the steps keep the history.
     */
    public RightsCase refer(Long id, Integer version, String reason) {
        RightsCaseRecord c = actable(id, version);
        requireStatus(c, "referred", RightsCaseStatus.SUBMITTED, RightsCaseStatus.ACCEPTED, RightsCaseStatus.IN_PROGRESS);
        String why = Text.multiline("reason", reason, 500, true);
        TradeUnion from = TradeUnion.findById(c.handlingUnionId);
        if (from.parentId == null) {
            throw new ConflictException("id: 全国总工会之上没有可转办的工会 — the national union has no union above it to refer the case to");
        }
        TradeUnion to = TradeUnion.findById(from.parentId);
        Map<String, String> before = fields(c);
        OffsetDateTime now = OffsetDateTime.now();
        Deadline due = deadlines.acceptDue(now.toInstant());
        Long[] referrers = Arrays.copyOf(c.referredFromUnionIds, c.referredFromUnionIds.length + 1);
        referrers[referrers.length - 1] = from.id;
        c.referredFromUnionIds = referrers;
        c.handlingUnionId = to.id;
        c.status = RightsCaseStatus.SUBMITTED;
        c.acceptDue = due.day();
        c.deadlineFallback = due.fallback();
        c.resolveDue = null;
        c.acceptedAt = null;
        c.assignedTo = null;
        return stepped(c, before, "referRightsCase", RightsCaseStepKind.REFERRED, from.id, why, null,
                "您的维权诉求已转至" + to.name + "办理", "Your rights case was referred to " + to.name);
    }

    public RightsCase resolve(Long id, Integer version, RightsCaseOutcome outcome, String wagesRecoveredYuan, String outcomeText) {
        RightsCaseRecord c = actable(id, version);
        requireStatus(c, "resolved", RightsCaseStatus.ACCEPTED, RightsCaseStatus.IN_PROGRESS);
        BigDecimal wages = Money.parse("wagesRecoveredYuan", wagesRecoveredYuan);
        if (outcome == RightsCaseOutcome.WAGES_RECOVERED && wages == null) {
            throw new ValidationException("wagesRecoveredYuan: 结果为追回工资时必填 — required when the outcome is WAGES_RECOVERED");
        }
        String words = Text.multiline("outcomeText", outcomeText, 1000, outcome == RightsCaseOutcome.OTHER);
        Map<String, String> before = fields(c);
        OffsetDateTime now = OffsetDateTime.now();
        c.status = RightsCaseStatus.RESOLVED;
        c.resolvedAt = now;
        c.outcome = outcome;
        c.wagesRecovered = wages;
        c.outcomeText = words;
        c.resolveWorkingDays = deadlines.workingDaysTaken(c.acceptedAt.toInstant(), now.toInstant());
        leaveOpen(c);
        return stepped(c, before, "resolveRightsCase", RightsCaseStepKind.RESOLVED, null, null, null,
                "您的维权诉求已办结, 请确认并评价 (7 日后自动结案)", "Your rights case was resolved; please confirm and rate it (it closes by itself after 7 days)");
    }

    // --- the worker

    /** The worker confirms the resolution and rates it: CLOSED. Only the worker whose case it is. */
    public RightsCase confirm(Long id, Integer version, Integer rating, String comment) {
        RightsCaseRecord c = locked(id);
        Reach reach = access.reach(access.load(c.id));
        if (reach == Reach.NONE) {
            throw RightsCaseReads.notFound(id);
        }
        if (reach != Reach.WORKER) {
            throw new ForbiddenException("id: 只有提出诉求的职工本人可以确认 — only the worker whose case it is confirms it");
        }
        Versions.check("rights case", c.id, c.version, version);
        requireStatus(c, "confirmed", RightsCaseStatus.RESOLVED);
        if (rating == null || rating < 1 || rating > 5) {
            throw new ValidationException("rating: 评分为 1 至 5 — a rating from 1 to 5");
        }
        String words = Text.multiline("comment", comment, 500, false);
        Map<String, String> before = fields(c);
        c.status = RightsCaseStatus.CLOSED;
        c.closedAt = OffsetDateTime.now();
        c.rating = rating.shortValue();
        c.ratingComment = words;
        return stepped(c, before, "confirmRightsCase", RightsCaseStepKind.CONFIRMED, null, null, null,
                "您已确认办理结果, 个案已结案", "You confirmed the outcome; the case is closed");
    }

    // --- the automatic closing (RightsCaseAutoClose)

    /** Closes one batch of cases resolved at least 7 calendar days ago (rows being changed right now are skipped); returns how many. */
    public int closeResolvedBefore(OffsetDateTime resolvedBefore, int batch) {
        List<RightsCaseRecord> due = RightsCaseRecord.<RightsCaseRecord>find("status = ?1 and resolvedAt <= ?2 order by resolvedAt",
                RightsCaseStatus.RESOLVED, resolvedBefore)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, batch).list();
        OffsetDateTime now = OffsetDateTime.now();
        for (RightsCaseRecord c : due) {
            c.status = RightsCaseStatus.CLOSED;
            c.closedAt = now;
            c.updatedAt = now;
            insertStep(c, RightsCaseStepKind.CLOSED, null, null, SYSTEM);
            figuresChanged(c);
            tell(c, "您的维权个案已自动结案 (办结 7 日后)", "Your rights case was closed automatically, 7 days after it was resolved");
        }
        RightsCaseRecord.flush();
        return due.size();
    }

    // --- shared

    private Facts facts(RightsCaseCategory category, String description, String employerName, String employerCreditCode, String regionCode,
            String contactPhone, String preferredContactTime, String amountClaimedYuan, String workerName) {
        String text = Text.multiline("description", description, 2000, true);
        String employer = Text.name("employerName", employerName, 200, false);
        String code = employerCreditCode == null || employerCreditCode.isBlank() ? null : employerCreditCode.strip().toUpperCase();
        if (code != null) {
            String problem = CreditCode.problem(code);
            if (problem != null) {
                throw new ValidationException("employerCreditCode: 统一社会信用代码不正确 — not a valid unified social credit code (GB 32100)");
            }
        }
        String region = regionCode == null || regionCode.isBlank() ? null : regions.requireCurrent("regionCode", regionCode);
        PhoneNumber phone = null;
        if (contactPhone != null && !contactPhone.isBlank()) {
            Text.requireNoControls("contactPhone", contactPhone);
            phone = PhoneNumber.parse(contactPhone);
            if (phone == null) {
                throw new ValidationException("contactPhone: 应为 11 位手机号 — a mainland mobile number: 1[3-9] and nine more digits");
            }
        }
        String when = Text.line("preferredContactTime", preferredContactTime, 100, false);
        BigDecimal amount = Money.parse("amountClaimedYuan", amountClaimedYuan);
        String name = Text.name("workerName", workerName, 50, false);
        return new Facts(category, text, employer, code, region, phone, when, amount, name);
    }

    /** Whether the case is against the employer of the worker's own enterprise union (credit code, else the name without spaces). */
    private static boolean isHostEmployer(TradeUnion union, Facts facts) {
        if (union.kind != UnionKind.ENTERPRISE) {
            return false;
        }
        if (facts.employerCreditCode() != null && union.hostEmployerCreditCode != null) {
            return facts.employerCreditCode().equals(union.hostEmployerCreditCode);
        }
        return facts.employerName() != null && union.hostEmployerName != null
                && compact(facts.employerName()).equals(compact(union.hostEmployerName));
    }

    /**
     * The union that takes cases of workers without a membership in an area: its ACTIVE community union,
     * else its ACTIVE joint union (TradeUnion.findCommunityUnion: community first, then the lowest id),
     * else the area's ACTIVE county federation (lowest id).
     */
    /**
     * The union itself while it is open, else the nearest open union above it: a member whose union was
     * dissolved keeps the membership until it is transferred, but the closed union takes no new cases.
     * At most one statement per closed level.
     */
    private static TradeUnion openOrAbove(TradeUnion union) {
        TradeUnion u = union;
        while (!u.status.isOpen() && u.parentId != null) {
            u = TradeUnion.findById(u.parentId);
        }
        return u;
    }

    private static TradeUnion unionOfArea(String regionCode) {
        return TradeUnion.findCommunityUnion(regionCode)
                .or(() -> TradeUnion.<TradeUnion>find("level = ?1 and status = ?2 and regionCode = ?3 order by id", UnionLevel.COUNTY,
                        UnionStatus.ACTIVE, regionCode).firstResultOptional())
                .orElseThrow(() -> new ValidationException("regionCode: 该地区暂无受理维权的工会, 请选择所在区县 — no community, joint or county "
                        + "union takes cases for area " + regionCode + "; choose the district or county you work in"));
    }

    private RightsCaseRecord create(Facts f, RightsCaseChannel channel, TradeUnion handling, String workerSubject, Membership m, String operation) {
        String workerKey = workerSubject != null ? "S:" + workerSubject
                : m != null ? "P:" + HexFormat.of().formatHex(m.personHash)
                : "T:" + HexFormat.of().formatHex(personalData.hash(Purpose.PHONE, f.phone().value()));
        String employerKey = f.employerCreditCode() != null ? f.employerCreditCode()
                : f.employerName() != null ? "N:" + compact(f.employerName()) : "-";
        Long open = openCase(workerKey, employerKey, f.category());
        if (open != null) {
            throw duplicate(open);
        }
        OffsetDateTime now = OffsetDateTime.now();
        Deadline due = deadlines.acceptDue(now.toInstant());
        RightsCaseRecord c = new RightsCaseRecord();
        c.category = f.category();
        c.channel = channel;
        c.status = RightsCaseStatus.SUBMITTED;
        c.workerSubject = workerSubject;
        c.membershipId = m == null ? null : m.id;
        c.personHash = m == null ? null : m.personHash;
        if (f.workerName() != null) {
            Sealed name = personalData.encrypt(Purpose.RIGHTS_CASE_TEXT, f.workerName());
            c.workerNameCipher = name.ciphertext();
            c.workerNameKey = name.keyId();
        }
        c.workerNameMasked = maskName(m != null ? m.name : f.workerName());
        c.employerName = f.employerName();
        c.employerCreditCode = f.employerCreditCode();
        c.regionCode = f.regionCode();
        Sealed description = personalData.encrypt(Purpose.RIGHTS_CASE_TEXT, f.description());
        c.descriptionCipher = description.ciphertext();
        c.descriptionKey = description.keyId();
        c.descriptionMasked = maskText(f.description());
        if (f.phone() != null) {
            Sealed phone = personalData.encrypt(Purpose.CONTACT_PHONE, f.phone().value());
            c.contactPhoneCipher = phone.ciphertext();
            c.contactPhoneKey = phone.keyId();
            c.contactPhoneMasked = f.phone().masked();
        }
        c.preferredContactTime = f.preferredContactTime();
        c.amountClaimed = f.amountClaimed();
        c.receivedUnionId = handling.id;
        c.handlingUnionId = handling.id;
        c.submittedBy = caller.subject();
        c.submittedAt = now;
        c.acceptDue = due.day();
        c.deadlineFallback = due.fallback();
        c.updatedAt = now;
        c.persist();
        c.flush();
        figuresChanged(c);
        // the one-open-case rule, in this transaction: a concurrent twin loses here
        int claimed = em.createNativeQuery("insert into rights_case_open (worker_key, employer_key, category, case_id) values (?1, ?2, ?3, ?4)"
                + " on conflict do nothing")
                .setParameter(1, workerKey).setParameter(2, employerKey).setParameter(3, f.category().name()).setParameter(4, c.id)
                .executeUpdate();
        if (claimed == 0) {
            throw duplicate(openCase(workerKey, employerKey, f.category()));
        }
        insertStep(c, RightsCaseStepKind.SUBMITTED, null, null, caller.subject());
        audit.record(operation, "RightsCase", c.id, handling.id, handling.path, Map.of(), fields(c));
        tell(c, "您的维权诉求已提交至" + handling.name + ", 受理期限 " + due.day(),
                "Your rights case was lodged with " + handling.name + "; it is due to be accepted by " + due.day());
        return c;
    }

    private Long openCase(String workerKey, String employerKey, RightsCaseCategory category) {
        List<?> found = em.createNativeQuery("select case_id from rights_case_open where worker_key = ?1 and employer_key = ?2 and category = ?3")
                .setParameter(1, workerKey).setParameter(2, employerKey).setParameter(3, category.name()).getResultList();
        return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
    }

    private static ConflictException duplicate(Long open) {
        return new ConflictException("category: 同一用人单位同类诉求已有在办个案 " + open + " — an open case of this worker against this employer in this "
                + "category exists already: " + open);
    }

    /** The case leaves the open states: the one-open-case rule no longer holds it. */
    private void leaveOpen(RightsCaseRecord c) {
        em.createNativeQuery("delete from rights_case_open where case_id = ?1").setParameter(1, c.id).executeUpdate();
    }

    /** The case, locked for this transaction, if the caller has FULL reach (NOT_FOUND without reach, FORBIDDEN with less), at the version sent. */
    private RightsCaseRecord actable(Long id, Integer version) {
        RightsCaseRecord c = locked(id);
        Reach reach = access.reach(access.load(c.id));
        if (reach == Reach.NONE) {
            throw RightsCaseReads.notFound(id);
        }
        if (reach != Reach.FULL) {
            throw new ForbiddenException("id: 仅受理工会及其直接上级工会的干部可以办理 — only officials of the handling union and of the union directly above it act on a case");
        }
        Versions.check("rights case", c.id, c.version, version);
        return c;
    }

    private static RightsCaseRecord locked(Long id) {
        RightsCaseRecord c = id == null ? null : RightsCaseRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw RightsCaseReads.notFound(id);
        }
        return c;
    }

    private static void requireStatus(RightsCaseRecord c, String what, RightsCaseStatus... allowed) {
        if (!Arrays.asList(allowed).contains(c.status)) {
            throw new ConflictException("id: 个案状态为 " + c.status + ", 不能办理此步骤 — a " + c.status + " case cannot be " + what
                    + " (only " + Arrays.toString(allowed) + ")");
        }
    }

    /** Writes the step, the audit record and the worker's notice for a change already made on the locked case; returns the new view. */
    private RightsCase stepped(RightsCaseRecord c, Map<String, String> before, String operation, RightsCaseStepKind kind, Long fromUnionId,
            String text, String auditReason, String noticeZh, String noticeEn) {
        c.updatedAt = OffsetDateTime.now();
        c.flush();
        figuresChanged(c);
        Long unionId = fromUnionId != null ? fromUnionId : c.handlingUnionId;
        insertStep(c, kind, unionId, text, caller.subject());
        TradeUnion union = TradeUnion.findById(unionId);
        audit.record(operation, "RightsCase", c.id, union.id, union.path, before, fields(c), auditReason);
        if (noticeZh != null) {
            tell(c, noticeZh, noticeEn);
        }
        return reads.one(c.id);
    }

    /** The rollup hook (V23): the case's figure cells as changed by this step, in its transaction. */
    private void figuresChanged(RightsCaseRecord c) {
        figureLedger.changed(c);
    }

    /** One step row; a REFERRED step goes from {@code unionId} to the case's (new) handling union. */
    private void insertStep(RightsCaseRecord c, RightsCaseStepKind kind, Long unionId, String text, String actor) {
        Sealed sealed = text == null ? null : personalData.encrypt(Purpose.RIGHTS_CASE_TEXT, text);
        em.createNativeQuery("insert into rights_case_step (case_id, kind, internal, union_id, to_union_id, text_cipher, text_key, actor)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, c.id).setParameter(2, kind.name()).setParameter(3, kind.internal())
                .setParameter(4, unionId == null ? c.handlingUnionId : unionId)
                .setParameter(5, kind == RightsCaseStepKind.REFERRED ? c.handlingUnionId : null)
                .setParameter(6, sealed == null ? null : sealed.ciphertext())
                .setParameter(7, sealed == null ? null : sealed.keyId())
                .setParameter(8, actor)
                .executeUpdate();
    }

    /** A notice to the worker: to the case's membership, else to the login the case belongs to (none for a case without either). */
    private void tell(RightsCaseRecord c, String zh, String en) {
        WorkerNotices.To to = worker(c.id, c.membershipId, c.workerSubject);
        if (to != null) {
            notices.fire(new WorkerNotices(NoticeType.RIGHTS_CASE_STEP, zh, en, List.of(to)));
        }
    }

    /** Whom a case's notices go to: its membership, else its worker's login, else nobody (a case recorded for someone without a login). */
    static WorkerNotices.To worker(long caseId, Long membershipId, String workerSubject) {
        return membershipId != null ? WorkerNotices.To.membership(membershipId, String.valueOf(caseId))
                : workerSubject != null ? WorkerNotices.To.login(workerSubject, String.valueOf(caseId)) : null;
    }

    /** What the audit trail records of a case: no text, no personal data. */
    private static Map<String, String> fields(RightsCaseRecord c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("status", c.status.name());
        f.put("category", c.category.name());
        f.put("channel", c.channel.name());
        f.put("handlingUnionId", String.valueOf(c.handlingUnionId));
        if (c.assignedTo != null) {
            f.put("assignedTo", c.assignedTo);
        }
        if (c.acceptDue != null) {
            f.put("acceptDue", c.acceptDue.toString());
        }
        if (c.resolveDue != null) {
            f.put("resolveDue", c.resolveDue.toString());
        }
        if (c.outcome != null) {
            f.put("outcome", c.outcome.name());
        }
        return f;
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** 王*, 阿卜杜拉·***: the first character, the rest starred (at most 10 stars). */
    static String maskName(String name) {
        if (name == null) {
            return null;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(1, Math.min(10, rest)));
    }

    /**
     * （共123字）: the length only. No part of a free text is shown beside its ciphertext: even a prefix can
     * name a person or an employer; the text itself is read through the audited reveal.
     */
    static String maskText(String text) {
        return "（共" + text.codePointCount(0, text.length()) + "字）";
    }
}
