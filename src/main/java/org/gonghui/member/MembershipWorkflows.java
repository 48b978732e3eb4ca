package org.gonghui.member;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.region.Regions;
import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.security.Caller;
import org.gonghui.security.CallerScope;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.ConflictException;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.Idempotency;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData;
import org.gonghui.support.SqlText;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionLevel;
import org.gonghui.union.UnionStatus;

/**
 * Joining and moving: applications (apply, approve, reject, withdraw), transfers (会员接转: release,
 * accept, cancel) and members' transfer requests (request, decline, cancel, expire). Every step is one
 * transaction that checks the member's version (or locks the request); the database's unique indexes
 * keep one membership per person and one open request or transfer per member even when two steps race.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MembershipWorkflows {

    @Inject
    Event<MemberNotice> notices;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    Regions regions;

    @Inject
    MemberService members;

    @Inject
    AuditLog audit;

    @Inject
    PersonalData personalData;

    @Inject
    Idempotency idempotency;

    @Inject
    TransferRequestExpiry expiry;

    /** How long a member's transfer request waits for the outgoing union. */
    static final java.time.Duration REQUEST_VALIDITY = java.time.Duration.ofDays(30);

    // --- applications

    @Transactional
    public Member apply(MemberInputs.Apply input) {
        CallerScope who = caller.scope();
        String subject = caller.subject();
        IdNumber idNumber = MemberRules.idNumber("idNumber", input.idNumber);
        String name = MemberRules.name("name", input.name);
        PhoneNumber phone = MemberRules.phone("phone", input.phone);
        if (input.idempotencyKey != null) {
            Optional<Long> first = idempotency.claim(subject, "applyForMembership", input.idempotencyKey, requestHash(input, idNumber, phone));
            if (first.isPresent()) {
                Membership m = Membership.findWithPerson(first.get()).orElseThrow();
                return Member.of(m, m.person);
            }
        }
        if ((input.unionId == null) == (input.regionCode == null || input.regionCode.isBlank())) {
            throw new ValidationException("unionId: 请提供 unionId 或 regionCode 之一 — give either unionId or regionCode");
        }
        boolean provisional = input.unionId == null;
        TradeUnion union = provisional ? communityUnion(who, input.regionCode.strip()) : applicableUnion(who, input.unionId);

        byte[] idHash = personalData.hash(Purpose.ID_NUMBER, idNumber.value());
        Person person = Person.findByIdHash(idHash).orElse(null);
        if (!who.isOfficial()) {
            Optional<Person> linked = Person.findBySubject(subject);
            if (linked.isPresent() && linked.get() != person) {
                throw new ValidationException("idNumber: 您的账号已绑定另一身份证号 — your login is linked to a person with another ID number");
            }
            if (person != null && person.subject != null && !person.subject.equals(subject)) {
                throw new ForbiddenException("idNumber: 该身份证号已绑定其他账号 — this ID number belongs to another login");
            }
        }
        if (person != null) {
            if (!person.name.equals(name)) {
                throw new ValidationException("name: 姓名与身份证号登记的姓名不一致 — the name does not match the one registered for this ID number");
            }
            Optional<Membership> open = Membership.findOpen(idHash);
            if (open.isPresent()) {
                throw new ConflictException("idNumber: 此人已是会员" + nameIfVisible(who, person, open.get().unionId)
                        + " — this person already holds a membership; transfer it instead of joining again");
            }
            Optional<Membership> pending = Membership.findPending(idHash);
            if (pending.isPresent()) {
                throw new ConflictException("idNumber: 此人已有待审批的入会申请" + nameIfVisible(who, person, pending.get().unionId)
                        + " — this person already has an application awaiting a decision");
            }
            if (phone != null) {
                person.setPhone(phone, personalData);
                person.updatedAt = OffsetDateTime.now();
            }
        } else {
            person = Person.of(idNumber, name, personalData);
            person.setPhone(phone, personalData);
            person.persist();
        }

        Membership m = new Membership();
        m.person = person;
        m.name = person.name;
        m.personHash = idHash;
        m.unionId = union.id;
        m.status = MemberStatus.PENDING;
        m.provisional = provisional;
        m.employerName = Text.name("employerName", input.employerName, 200, false);
        m.employerCreditCode = MemberRules.creditCode("employerCreditCode", input.employerCreditCode);
        m.occupation = MemberRules.text("occupation", input.occupation, 100);
        m.keyGroups = MemberRules.keyGroups(input.keyGroups);
        m.newEmploymentForm = Boolean.TRUE.equals(input.newEmploymentForm);
        m.migrantWorker = Boolean.TRUE.equals(input.migrantWorker);
        m.applicantSubject = who.isOfficial() ? null : subject;
        m.statusChangedAt = OffsetDateTime.now();
        m.updatedAt = m.statusChangedAt;
        m.persist();
        MembershipEvent.record(m, null, provisional ? "所在单位未建会, 按地区申请 (employer has no union; applied by area " + union.regionCode + ")" : null, subject);
        Membership.flush();
        if (input.idempotencyKey != null) {
            idempotency.complete(subject, "applyForMembership", input.idempotencyKey, m.id);
        }
        audit.record("applyForMembership", "Member", m.id, union.id, union.path, Map.of(), MemberService.auditedFields(m));
        return Member.of(m, person);
    }

    @Transactional
    public Member approve(MemberInputs.Decision input) {
        Membership m = members.owned(input.id);
        MemberService.checkVersion(m, input.version);
        requirePending(m);
        Map<String, String> before = MemberService.auditedFields(m);
        m.cardNumber = Membership.nextCardNumber();
        m.joinedOn = MemberRules.today();
        Person person = m.person;
        if (m.applicantSubject != null && person.subject == null && Person.findBySubject(m.applicantSubject).isEmpty()) {
            person.subject = m.applicantSubject;
            person.updatedAt = OffsetDateTime.now();
        }
        members.setStatus(m, m.provisional ? MemberStatus.PROVISIONAL : MemberStatus.ACTIVE, MemberRules.note("reason", input.reason));
        audit.record("approveApplication", "Member", m.id, m.unionId, MemberService.unionPath(m), before, MemberService.auditedFields(m));
        notices.fire(new MemberNotice(m.id, NoticeType.APPLICATION_DECIDED, "您的入会申请已获批准，会员卡号 " + m.cardNumber + "。",
                "Your membership application was approved; your card number is " + m.cardNumber + ".", String.valueOf(m.id)));
        return Member.of(m, person);
    }

    @Transactional
    public Member reject(MemberInputs.Decision input) {
        Membership m = members.owned(input.id);
        MemberService.checkVersion(m, input.version);
        requirePending(m);
        String reason = MemberRules.reason("reason", input.reason);
        Map<String, String> before = MemberService.auditedFields(m);
        members.setStatus(m, MemberStatus.REJECTED, reason);
        audit.record("rejectApplication", "Member", m.id, m.unionId, MemberService.unionPath(m), before, MemberService.auditedFields(m), reason);
        notices.fire(new MemberNotice(m.id, NoticeType.APPLICATION_DECIDED, "您的入会申请未获批准，原因见申请详情。",
                "Your membership application was not approved; the reason is shown with the application.", String.valueOf(m.id)));
        return Member.of(m, m.person);
    }

    /** The applicant (or an official in scope) takes a pending application back. */
    @Transactional
    public Member withdrawApplication(MemberInputs.Decision input) {
        CallerScope who = caller.scope();
        String subject = caller.subject();
        Membership m;
        if (who.isOfficial()) {
            m = members.owned(input.id);
        } else {
            m = Membership.findWithPerson(input.id)
                    .filter(x -> subject.equals(x.applicantSubject) || subject.equals(x.person.subject))
                    .orElseThrow(() -> new NotFoundException("id: 申请不存在 — no application " + input.id + " of yours"));
        }
        MemberService.checkVersion(m, input.version);
        requirePending(m);
        Map<String, String> before = MemberService.auditedFields(m);
        members.setStatus(m, MemberStatus.WITHDRAWN, MemberRules.note("reason", input.reason));
        audit.record("withdrawApplication", "Member", m.id, m.unionId, MemberService.unionPath(m), before, MemberService.auditedFields(m));
        return Member.of(m, m.person);
    }

    // --- transfers

    @Transactional
    public MembershipTransfer release(MemberInputs.Release input) {
        Membership m = members.owned(input.id);
        MemberService.checkVersion(m, input.version);
        if (!(m.status == MemberStatus.ACTIVE || m.status == MemberStatus.PROVISIONAL || m.status == MemberStatus.RETAINED)) {
            throw new ConflictException("id: 仅正式、临时或保留会籍的会员可以转出 — a " + m.status + " member cannot be transferred");
        }
        TradeUnion to = TradeUnion.findById(input.toUnionId);
        if (to == null) {
            throw new NotFoundException("toUnionId: 工会不存在 — no union " + input.toUnionId);
        }
        if (to.level != UnionLevel.GRASSROOTS || to.status != UnionStatus.ACTIVE) {
            throw new ValidationException("toUnionId: 只能转入正常运行的基层工会 — members transfer to ACTIVE grassroots unions only");
        }
        if (to.id.equals(m.unionId)) {
            throw new ValidationException("toUnionId: 已是该工会会员 — the member already belongs to union " + to.id);
        }
        String reason = MemberRules.note("reason", input.reason);
        MembershipTransfer request = lockedRequestOf(m.id);
        if (request != null && !request.isOpenRequest()) {
            expiry.expire(List.of(request));
            request = null;
        }
        MembershipTransfer t;
        if (request != null) {
            // The member asked to move: releasing to the union they asked for turns their request into the transfer.
            if (!request.toUnionId.equals(to.id)) {
                throw new ConflictException("toUnionId: 会员已申请转入另一工会 (" + request.toUnionId + "), 请转至该工会或先拒绝其申请 — the member "
                        + "asked to move to union " + request.toUnionId + "; release them there or decline their request first");
            }
            t = request;
            t.previousStatus = m.status;
            if (reason != null) {
                t.reason = reason;
            }
        } else {
            t = new MembershipTransfer();
            t.membershipId = m.id;
            t.personHash = m.personHash;
            t.memberName = m.name;
            t.fromUnionId = m.unionId;
            t.toUnionId = to.id;
            t.previousStatus = m.status;
            t.reason = reason;
        }
        t.status = TransferStatus.RELEASED;
        t.releasedBy = caller.subject();
        t.releasedAt = OffsetDateTime.now();
        if (request == null) {
            t.persist();
        }
        Map<String, String> before = MemberService.auditedFields(m);
        members.setStatus(m, MemberStatus.TRANSFERRING, "转出至 " + to.name + (t.reason == null ? "" : ": " + t.reason));
        audit.record("releaseMember", "Member", m.id, m.unionId, MemberService.unionPath(m), before, transferFields(m, to.id));
        notices.fire(new MemberNotice(m.id, NoticeType.TRANSFER_STEP, "您的会籍已转出至" + to.name + "，等待对方接收。",
                "Your membership was released to " + to.name + " and awaits its acceptance.", String.valueOf(t.id)));
        MembershipTransfer.getEntityManager().refresh(t);
        return t;
    }

    @Transactional
    public Member accept(MemberInputs.TransferDecision input) {
        Subtree own = scope.subtree();
        MembershipTransfer t = visibleTransfer(input.transferId);
        TradeUnion to = TradeUnion.findById(t.toUnionId);
        if (!own.contains(to.path)) {
            throw new ForbiddenException("transferId: 只有转入工会可以接收 — only the receiving union accepts a transfer");
        }
        requireOpen(t);
        Membership m = Membership.findWithPerson(t.membershipId).orElseThrow();
        MemberService.checkVersion(m, input.version);
        Map<String, String> before = MemberService.auditedFields(m);
        m.unionId = to.id;
        MemberStatus status = t.previousStatus == MemberStatus.RETAINED ? MemberStatus.RETAINED
                : t.previousStatus == MemberStatus.PROVISIONAL && MemberRules.takesProvisionalMembers(to.kind) ? MemberStatus.PROVISIONAL
                : MemberStatus.ACTIVE;
        m.provisional = status == MemberStatus.PROVISIONAL;
        t.status = TransferStatus.ACCEPTED;
        t.decidedBy = caller.subject();
        t.decidedAt = OffsetDateTime.now();
        members.setStatus(m, status, "由 " + t.fromUnionId + " 转入 (transferred in)");
        audit.record("acceptTransfer", "Member", m.id, to.id, to.path, before, MemberService.auditedFields(m));
        notices.fire(new MemberNotice(m.id, NoticeType.TRANSFER_STEP, "您的会籍已转入" + to.name + "。",
                "Your membership moved to " + to.name + ".", String.valueOf(t.id)));
        return Member.of(m, m.person);
    }

    @Transactional
    public MembershipTransfer cancel(MemberInputs.TransferDecision input) {
        MembershipTransfer t = visibleTransfer(input.transferId);
        requireOpen(t);
        String reason = MemberRules.reason("reason", input.reason);
        Membership m = Membership.findWithPerson(t.membershipId).orElseThrow();
        MemberService.checkVersion(m, input.version);
        Map<String, String> before = transferFields(m, t.toUnionId);
        t.status = TransferStatus.CANCELLED;
        t.decidedBy = caller.subject();
        t.decidedAt = OffsetDateTime.now();
        t.decisionReason = reason;
        members.setStatus(m, t.previousStatus, "接转已撤销: " + reason);
        audit.record("cancelTransfer", "Member", m.id, m.unionId, MemberService.unionPath(m), before, MemberService.auditedFields(m), reason);
        notices.fire(new MemberNotice(m.id, NoticeType.TRANSFER_STEP, "您的会籍接转已撤销，会籍恢复原状。",
                "Your membership transfer was cancelled; your membership is as it was before.", String.valueOf(t.id)));
        return t;
    }

    // --- members' transfer requests

    /**
     * The member asks to move their membership that counts to another grassroots union: named, or the
     * community (else joint) union of a region, as applying by region does. One open request or transfer
     * per member; the outgoing union releases or declines it within 30 days, else it expires.
     */
    @Transactional
    public TransferRequest requestTransfer(MemberInputs.RequestTransfer input) {
        String subject = caller.subject();
        boolean byRegion = input.regionCode != null;
        if ((input.toUnionId == null) == !byRegion) {
            throw new ValidationException("toUnionId: 请提供 toUnionId 或 regionCode 之一 — give exactly one of toUnionId or regionCode");
        }
        String reason = MemberRules.note("reason", input.reason);
        Membership m = members.ownOpenMembership()
                .orElseThrow(() -> new NotFoundException("me.membership: 您的账号尚未关联有效会籍 — your login is linked to no membership in good standing"));
        if (!(m.status == MemberStatus.ACTIVE || m.status == MemberStatus.PROVISIONAL || m.status == MemberStatus.RETAINED)) {
            throw new ConflictException("me.membership: 会籍正在接转中, 不能再申请转会 — a " + m.status + " membership cannot ask to move");
        }
        TradeUnion to;
        if (byRegion) {
            String region = input.regionCode.strip();
            if (!region.matches("[0-9]{6}")) {
                throw new ValidationException("regionCode: 应为 6 位行政区划代码 — six digits (GB/T 2260)");
            }
            to = TradeUnion.findCommunityUnion(region)
                    .orElseThrow(() -> new ValidationException("regionCode: 该地区暂无社区或联合工会 — no ACTIVE community or joint union in area " + region));
        } else {
            to = TradeUnion.findById(input.toUnionId);
            if (to == null) {
                throw new NotFoundException("toUnionId: 工会不存在 — no union " + input.toUnionId);
            }
            if (to.level != UnionLevel.GRASSROOTS || to.status != UnionStatus.ACTIVE) {
                throw new ValidationException("toUnionId: 只能转入正常运行的基层工会 — members move to ACTIVE grassroots unions only");
            }
        }
        if (to.id.equals(m.unionId)) {
            throw new ValidationException((byRegion ? "regionCode" : "toUnionId") + ": 您已是该工会会员 — you already belong to union " + to.id);
        }
        MembershipTransfer stale = lockedRequestOf(m.id);
        if (stale != null && !stale.isOpenRequest()) {
            expiry.expire(List.of(stale));
        } else if (stale != null) {
            throw new ConflictException("toUnionId: 您已有一份待办理的转会申请 — you already have an open transfer request (" + stale.id + "); cancel it first");
        }
        OffsetDateTime now = OffsetDateTime.now();
        MembershipTransfer t = new MembershipTransfer();
        t.membershipId = m.id;
        t.personHash = m.personHash;
        t.memberName = m.name;
        t.fromUnionId = m.unionId;
        t.toUnionId = to.id;
        t.previousStatus = m.status;
        t.status = TransferStatus.REQUESTED;
        t.reason = reason;
        t.requestedBy = subject;
        t.requestedAt = now;
        t.expiresAt = now.plus(REQUEST_VALIDITY);
        t.requestedRegionCode = byRegion ? to.regionCode : null;
        t.persist();
        MembershipTransfer.flush();
        audit.record("requestTransfer", "Member", m.id, m.unionId, MemberService.unionPath(m), Map.of(), requestFields(t));
        notify(m.id, t, "您的转会申请已提交 (转入 " + to.name + "), 待原工会办理", "Your request to move to " + to.name + " awaits your union");
        return new TransferRequest(t, TradeUnion.findById(t.fromUnionId), to);
    }

    /** The outgoing union says no to a member's open request, with a reason the member reads. */
    @Transactional
    public MembershipTransfer declineRequest(Long id, String reason) {
        MembershipTransfer t = lockedVisibleTransfer(id);
        TradeUnion from = TradeUnion.findById(t.fromUnionId);
        if (!scope.sees(from)) {
            throw new ForbiddenException("id: 只有转出工会可以拒绝转会申请 — only the outgoing union declines a transfer request");
        }
        requireOpenRequest(t);
        String why = MemberRules.reason("reason", reason);
        t.status = TransferStatus.DECLINED;
        t.decidedBy = caller.subject();
        t.decidedAt = OffsetDateTime.now();
        t.decisionReason = why;
        MembershipTransfer.flush();
        audit.record("declineTransferRequest", "Member", t.membershipId, from.id, from.path, Map.of("transferStatus", "REQUESTED"), requestFields(t), why);
        notify(t.membershipId, t, "原工会未同意您的转会申请: " + why, "Your union declined your transfer request: " + why);
        return t;
    }

    /** The member takes back their own open request. */
    @Transactional
    public TransferRequest cancelRequest(Long id, String reason) {
        String subject = caller.subject();
        MembershipTransfer t = id == null ? null : MembershipTransfer.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Membership m = t == null || t.requestedAt == null ? null : Membership.findWithPerson(t.membershipId).orElse(null);
        if (m == null || !subject.equals(m.person.subject)) {
            throw new NotFoundException("id: 转会申请不存在 — no transfer request " + id + " of yours");
        }
        requireOpenRequest(t);
        String why = MemberRules.note("reason", reason);
        t.status = TransferStatus.CANCELLED;
        t.decidedBy = subject;
        t.decidedAt = OffsetDateTime.now();
        t.decisionReason = why;
        MembershipTransfer.flush();
        TradeUnion from = TradeUnion.findById(t.fromUnionId);
        audit.record("cancelTransferRequest", "Member", m.id, from.id, from.path, Map.of("transferStatus", "REQUESTED"), requestFields(t), why);
        notify(m.id, t, "您已撤回转会申请", "You withdrew your transfer request");
        return new TransferRequest(t, from, TradeUnion.findById(t.toUnionId));
    }

    /** The caller's own transfer requests (of every membership of the person their login is linked to), newest first. */
    public TransferRequestConnection ownRequests(PageRequest<Void> page) {
        String subject = caller.subject();
        Map<String, Object> params = new HashMap<>();
        params.put("subject", subject);
        List<MembershipTransfer> rows = MembershipTransfer.findPage(OWN_REQUESTS, params, page.afterId(), page.rowsToFetch());
        Map<Long, TradeUnion> unions = MemberService.byId(TradeUnion.listByIds(
                rows.stream().flatMap(t -> java.util.stream.Stream.of(t.fromUnionId, t.toUnionId)).collect(java.util.stream.Collectors.toSet())));
        List<TransferRequest> views = rows.stream().map(t -> new TransferRequest(t, unions.get(t.fromUnionId), unions.get(t.toUnionId))).toList();
        return new TransferRequestConnection(page.page(views, r -> r.id, new CountKey<>(OWN_REQUEST_COUNT, subject)));
    }

    /** totalCount of the member's request lists. */
    public List<Integer> requestCounts(List<TransferRequestConnection> connections) {
        return CountKey.totalCounts(connections);
    }

    /** The member's requests: rows with a request, of memberships whose person the login is linked to. */
    private static final String OWN_REQUESTS = """
            t.requested_at is not null and t.membership_id in (
                select m.id from membership m join person p on p.id = m.person_id and p.id_hash = m.person_hash where p.subject = :subject)""";

    private static final Counter<String> OWN_REQUEST_COUNT = Counter.eachBy(subject -> ((Number) MembershipTransfer.getEntityManager()
            .createNativeQuery("select count(*) from membership_transfer t where " + OWN_REQUESTS).setParameter("subject", subject)
            .getSingleResult()).longValue());

    /**
     * The requester of each transfer (name, card number, status) where the caller sees it now: an open
     * request of the caller's subtree on either side ({@link Scope#openRequestsSeen}); null otherwise. Two statements.
     */
    public List<TransferRequester> requestersOf(List<MembershipTransfer> transfers) {
        Set<Long> seen = scope.openRequestsSeen(transfers.stream().map(t -> t.id).toList());
        Map<Long, Member> byId = new HashMap<>();
        members.byIds(transfers.stream().filter(t -> seen.contains(t.id)).map(t -> t.membershipId).distinct().toList())
                .forEach(m -> byId.put(m.id, m));
        return transfers.stream().map(t -> {
            Member m = seen.contains(t.id) ? byId.get(t.membershipId) : null;
            return m == null ? null : new TransferRequester(m.name, m.cardNumber, m.status);
        }).toList();
    }

    /** The member's REQUESTED row (at most one), locked against a concurrent release, decline, cancel or expiry. */
    private static MembershipTransfer lockedRequestOf(long membershipId) {
        return MembershipTransfer.<MembershipTransfer>find("membershipId = ?1 and status = ?2", membershipId, TransferStatus.REQUESTED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private MembershipTransfer lockedVisibleTransfer(Long id) {
        MembershipTransfer t = id == null ? null : MembershipTransfer.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (t != null && !scope.visibleUnions(List.of(t.fromUnionId, t.toUnionId)).isEmpty()) {
            return t;
        }
        throw new NotFoundException("id: 接转记录不存在 — no transfer " + id + " in your scope");
    }

    private static void requireOpenRequest(MembershipTransfer t) {
        if (t.status != TransferStatus.REQUESTED) {
            throw new ConflictException("id: 该转会申请已结束 — transfer " + t.id + " is no longer an open request but " + t.status);
        }
        if (!t.isOpenRequest()) {
            throw new ConflictException("id: 该转会申请已过期 — transfer request " + t.id + " expired at " + t.expiresAt);
        }
    }

    /** A TRANSFER_STEP notice to the member; the notification outbox stores it in this transaction. */
    private void notify(long membershipId, MembershipTransfer t, String zh, String en) {
        notices.fire(new MemberNotice(membershipId, NoticeType.TRANSFER_STEP, zh, en, String.valueOf(t.id)));
    }

    private static Map<String, String> requestFields(MembershipTransfer t) {
        Map<String, String> fields = new HashMap<>();
        fields.put("transferId", String.valueOf(t.id));
        fields.put("transferStatus", t.status.name());
        fields.put("transferTo", String.valueOf(t.toUnionId));
        return fields;
    }

    /** One transfer from or to a union in the caller's subtree. */
    public MembershipTransfer transfer(long id) {
        return visibleTransfer(id);
    }

    /** Transfers from or to unions of a subtree (default: the caller's), newest first. */
    public TransferConnection transfers(TransferFilter filter, PageRequest<Void> page) {
        Subtree subtree = scope.subtree(filter == null ? null : filter.unionId, "filter.unionId");
        TransferFilter.Direction direction = filter == null || filter.direction == null ? TransferFilter.Direction.ANY : filter.direction;
        String where = switch (direction) {
            case INCOMING -> subtree.sqlUnionExists("t.to_union_id");
            case OUTGOING -> subtree.sqlUnionExists("t.from_union_id");
            case ANY -> "(" + subtree.sqlUnionExists("t.to_union_id") + " or " + subtree.sqlUnionExists("t.from_union_id") + ")";
        };
        Map<String, Object> params = subtree.parameters();
        if (filter != null && filter.statuses != null && !filter.statuses.isEmpty()) {
            where += " and t.status = any(cast(:statuses as text[]))";
            params.put("statuses", SqlText.textArray(filter.statuses.stream().map(Enum::name).toList()));
        }
        return new TransferConnection(page.page(MembershipTransfer.findPage(where, params, page.afterId(), page.rowsToFetch()), t -> t.id, null));
    }

    /**
     * The member of each transfer, checked now with the rule of {@code member(id)}: null where the caller
     * no longer sees the member (a former party of an accepted or cancelled transfer). Two statements.
     */
    public List<Member> membersOf(List<MembershipTransfer> transfers) {
        Map<Long, Member> byId = new HashMap<>();
        Set<Long> visible = scope.visibleMembers(transfers.stream().map(t -> t.membershipId).distinct().toList());
        members.byIds(visible).forEach(m -> byId.put(m.id, m));
        return transfers.stream().map(t -> byId.get(t.membershipId)).toList();
    }

    /** A transfer the official may see: either side lies in their subtree (it stays visible to both after it ends). */
    private MembershipTransfer visibleTransfer(Long id) {
        MembershipTransfer t = id == null ? null : MembershipTransfer.findById(id);
        if (t != null && !scope.visibleUnions(List.of(t.fromUnionId, t.toUnionId)).isEmpty()) {
            return t;
        }
        throw new NotFoundException("transferId: 接转记录不存在 — no transfer " + id + " in your scope");
    }

    private static void requireOpen(MembershipTransfer t) {
        if (t.status == TransferStatus.REQUESTED) {
            throw new ConflictException("transferId: 这是尚未转出的转会申请, 请由转出工会办理转出或拒绝 — transfer " + t.id
                    + " is a member's request: the outgoing union releases (releaseMember) or declines it (declineTransferRequest)");
        }
        if (t.status != TransferStatus.RELEASED) {
            throw new ConflictException("transferId: 接转已" + (t.status == TransferStatus.ACCEPTED ? "完成" : "结束") + " — transfer " + t.id + " is already " + t.status);
        }
    }

    private static void requirePending(Membership m) {
        if (m.status != MemberStatus.PENDING) {
            throw new ConflictException("id: 该申请已处理 — application " + m.id + " is no longer PENDING but " + m.status);
        }
    }

    private TradeUnion applicableUnion(CallerScope who, long unionId) {
        TradeUnion union = who.isOfficial() ? scope.union(unionId, "unionId") : TradeUnion.findById(unionId);
        if (union == null) {
            throw new NotFoundException("unionId: 工会不存在 — no union " + unionId);
        }
        if (union.level != UnionLevel.GRASSROOTS || union.status != UnionStatus.ACTIVE) {
            throw new ValidationException("unionId: 只能申请加入正常运行的基层工会 — applications go to ACTIVE grassroots unions");
        }
        return union;
    }

    private TradeUnion communityUnion(CallerScope who, String regionCode) {
        // a new application names a current division; retired codes stay only on records that hold them
        regions.requireCurrent("regionCode", regionCode);
        TradeUnion union = TradeUnion.findCommunityUnion(regionCode)
                .orElseThrow(() -> new ValidationException("regionCode: 该地区暂无社区或联合工会 — no ACTIVE community or joint union in area " + regionCode));
        if (who.isOfficial() && !scope.sees(union)) {
            throw new NotFoundException("regionCode: 该地区的社区工会不在您的管辖范围 — the area's community union " + union.id + " lies outside your scope");
        }
        return union;
    }

    /** " (工会名称)" when the caller may see the union, else nothing: a CONFLICT must not leak another scope's data. */
    private String nameIfVisible(CallerScope who, Person person, long unionId) {
        TradeUnion union = TradeUnion.findById(unionId);
        boolean mayKnow = who.isOfficial() ? scope.sees(union) : caller.subject().equals(person.subject);
        return mayKnow ? " (" + union.name + ")" : "";
    }

    private static Map<String, String> transferFields(Membership m, long toUnionId) {
        Map<String, String> fields = MemberService.auditedFields(m);
        fields.put("transferTo", String.valueOf(toUnionId));
        return fields;
    }

    private byte[] requestHash(MemberInputs.Apply input, IdNumber id, PhoneNumber phone) {
        String canonical = String.join("\u0000", String.valueOf(input.unionId), String.valueOf(input.regionCode), input.name.strip(),
                id.value(), phone == null ? "" : phone.value(), String.valueOf(input.employerName), String.valueOf(input.employerCreditCode),
                String.valueOf(input.occupation), String.valueOf(input.keyGroups), String.valueOf(input.newEmploymentForm),
                String.valueOf(input.migrantWorker));
        return personalData.hash(Purpose.REQUEST, canonical);
    }
}
