package org.gonghui.member;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.notification.TextMessageRequested;
import org.gonghui.notification.TextPurpose;
import org.gonghui.security.Caller;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.ConflictException;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData;
import org.gonghui.support.SqlText;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.support.Versions;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.Page;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionRef;
import org.gonghui.union.UnionService;

/**
 * The member registry: who may see which member, searches, record changes, status changes and the
 * audited reveal of personal data. Officials see the members of unions in their subtree (and, while
 * a transfer to their subtree is open, the member being transferred); members see only themselves.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MemberService {

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    UnionService unions;

    @Inject
    AuditLog audit;

    @Inject
    PersonalData personalData;

    @Inject
    Event<MemberNotice> notices;

    @Inject
    Event<TextMessageRequested> texts;

    @Inject
    OpenTransfers openTransfers;

    // --- reads

    /** A member the calling official may see; NOT_FOUND otherwise, exactly as for a missing id. */
    public Member get(long id) {
        Membership m = visible(id, "id");
        return Member.of(m, m.person);
    }

    public MemberConnection list(MemberFilter filter, MemberOrder order, PageRequest<?> page) {
        Long unionId = filter == null ? null : filter.unionId;
        Subtree subtree = scope.subtree(unionId, "filter.unionId");
        boolean onlyThatUnion = unionId != null && Boolean.FALSE.equals(filter.includeSubunions);
        MemberQuery query = MemberQuery.of(subtree, onlyThatUnion ? unionId : null, filter, order, personalData);
        List<Member> rows = page(query.pageSql(page.after() != null), query.pageParams(page));
        return new MemberConnection(pageOf(page, rows, query));
    }

    /** The page of a search: each cursor carries the row's value of the sort (typed as the ordering's key) and its id. */
    private static <K> Page<Member> pageOf(PageRequest<K> page, List<Member> rows, MemberQuery query) {
        Class<K> type = page.ordering().key().type();
        return page.page(rows, m -> type.cast(query.sortValue(m)), m -> m.id, new CountKey<>(SEARCH, query));
    }

    /** A page of members of each given union, in id order, in one statement (avoids N+1). */
    public List<MemberConnection> membersOf(List<TradeUnion> sources, List<MemberStatus> statuses, PageRequest<Void> page) {
        String statusArray = statusArray(statuses);
        Map<Long, List<Member>> byUnion = new HashMap<>();
        if (!sources.isEmpty()) {
            Map<String, Object> params = new HashMap<>();
            params.put("unions", SqlText.longArray(sources.stream().map(u -> u.id).toList()));
            params.put("after", page.afterId() == null ? 0L : page.afterId());
            params.put("limit", page.rowsToFetch());
            params.put("statuses", statusArray);
            for (Member member : page("""
                    select %s from unnest(cast(:unions as bigint[])) as s(union_id) cross join lateral (
                        select * from membership m where m.union_id = s.union_id and m.id > :after
                           and m.status = any(cast(:statuses as text[])) order by m.id limit :limit) m
                    join person p on p.id = m.person_id""".formatted(Member.COLUMNS), params)) {
                byUnion.computeIfAbsent(member.unionId, k -> new ArrayList<>()).add(member);
            }
        }
        return sources.stream().map(u -> new MemberConnection(page.page(byUnion.getOrDefault(u.id, List.of()), m -> m.id,
                new CountKey<>(MEMBERS_OF, new MembersOf(u.id, statusArray))))).toList();
    }

    /** Members that count (PROVISIONAL, ACTIVE, TRANSFERRING, RETAINED) of each union, in one statement. */
    public List<Integer> memberCounts(List<TradeUnion> sources) {
        Map<Long, Long> counts = countByUnion(sources.stream().map(u -> u.id).collect(Collectors.toSet()), statusArray(List.copyOf(MemberStatus.OPEN)));
        return sources.stream().map(u -> counts.getOrDefault(u.id, 0L).intValue()).toList();
    }

    /** totalCount of member connections: one grouped statement per status set for all per-union lists, one count per search. */
    public List<Integer> totalCounts(List<MemberConnection> connections) {
        return CountKey.totalCounts(connections);
    }

    /** Count key of the members of one union with the given statuses (a PostgreSQL text array). */
    record MembersOf(long unionId, String statuses) {
    }

    /** Count key of the applications of one login. */
    record ApplicationsOf(String subject) {
    }

    private static final Counter<MemberQuery> SEARCH = Counter.eachBy(MemberQuery::count);

    private static final Counter<ApplicationsOf> APPLICATIONS = Counter.eachBy(
            of -> Membership.count("applicantSubject = ?1 or person.subject = ?1", of.subject()));

    /** The members of many unions, one grouped statement per set of statuses. */
    private static final Counter<MembersOf> MEMBERS_OF = keys -> {
        Map<String, Set<Long>> unionsByStatuses = new HashMap<>();
        keys.forEach(of -> unionsByStatuses.computeIfAbsent(of.statuses(), k -> new LinkedHashSet<>()).add(of.unionId()));
        Map<MembersOf, Long> counts = new HashMap<>();
        unionsByStatuses.forEach((statuses, ids) -> {
            Map<Long, Long> byUnion = countByUnion(ids, statuses);
            ids.forEach(id -> counts.put(new MembersOf(id, statuses), byUnion.getOrDefault(id, 0L)));
        });
        return counts;
    };

    /** The union of each member (id, name, level), in one statement. */
    public List<UnionRef> unionsOf(List<Member> members) {
        Map<Long, TradeUnion> byId = byId(TradeUnion.listByIds(members.stream().map(m -> m.unionId).collect(Collectors.toSet())));
        return members.stream().map(m -> new UnionRef(byId.get(m.unionId))).toList();
    }

    /** Each member's union chain from their grassroots union up to the province, in two statements. */
    public List<List<UnionRef>> unionChains(List<Member> members) {
        Map<Long, TradeUnion> own = byId(TradeUnion.listByIds(members.stream().map(m -> m.unionId).collect(Collectors.toSet())));
        Set<Long> chainIds = new LinkedHashSet<>();
        own.values().forEach(u -> chainIds.addAll(u.pathIds()));
        Map<Long, TradeUnion> all = byId(TradeUnion.listByIds(chainIds));
        return members.stream().map(m -> {
            List<Long> path = own.get(m.unionId).pathIds();
            List<UnionRef> chain = new ArrayList<>();
            for (int i = path.size() - 1; i >= 1; i--) {
                chain.add(new UnionRef(all.get(path.get(i))));
            }
            return chain;
        }).toList();
    }

    /** A page of status history of each member, oldest first, in one statement. */
    public List<MembershipEventConnection> histories(List<Member> members, PageRequest<Void> page) {
        Map<Long, List<MembershipEvent>> byMember = new HashMap<>();
        for (MembershipEvent e : MembershipEvent.findPages(members.stream().map(m -> m.id).toList(), page.afterId(), page.rowsToFetch())) {
            byMember.computeIfAbsent(e.membershipId, k -> new ArrayList<>()).add(e);
        }
        return members.stream().map(m -> new MembershipEventConnection(page.page(byMember.getOrDefault(m.id, List.of()), e -> e.id, null))).toList();
    }

    /** Members by id, for fields that link to members the caller may already see (transfers). */
    List<Member> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return page("select " + Member.COLUMNS + " from membership m join person p on p.id = m.person_id where m.id = any(cast(:ids as bigint[]))",
                Map.of("ids", SqlText.longArray(ids)));
    }

    // --- the member's own view

    /** The caller's own membership: the one that counts, else their latest; null if their login is linked to no person. */
    public Member ownMembership() {
        String subject = caller.subject();
        return Person.findBySubject(subject).flatMap(p -> Membership.<Membership>find(
                "person = ?1 order by case when status in ?2 then 0 else 1 end, id desc", p, MemberStatus.OPEN).firstResultOptional()
                .map(m -> Member.of(m, p))).orElse(null);
    }

    /** The caller's applications (as applicant, or for their linked person), newest first. */
    public MemberConnection ownApplications(PageRequest<Void> page) {
        String subject = caller.subject();
        Map<String, Object> params = new HashMap<>();
        params.put("subject", subject);
        params.put("before", page.afterId() == null ? Long.MAX_VALUE : page.afterId());
        params.put("limit", page.rowsToFetch());
        List<Member> rows = page("select " + Member.COLUMNS + " " + """
                 from membership m join person p on p.id = m.person_id
                 where (m.applicant_subject = :subject or p.subject = :subject) and m.id < :before
                 order by m.id desc limit :limit""", params);
        return new MemberConnection(page.page(rows, m -> m.id, new CountKey<>(APPLICATIONS, new ApplicationsOf(subject))));
    }

    // --- changes

    @Transactional
    public Member update(MemberInputs.Update input) {
        Membership m = owned(input.id);
        checkVersion(m, input.version);
        if (!(m.status.isOpen() || m.status == MemberStatus.PENDING)) {
            throw new ConflictException("id: 会籍已终止, 不能修改 — membership " + m.id + " is " + m.status);
        }
        Map<String, String> before = auditedFields(m);
        if (input.phone != null) {
            m.person.setPhone(MemberRules.phone("phone", input.phone), personalData);
            m.person.updatedAt = OffsetDateTime.now();
        }
        if (input.employerName != null) {
            m.employerName = Text.name("employerName", input.employerName, 200, false);
        }
        if (input.employerCreditCode != null) {
            m.employerCreditCode = MemberRules.creditCode("employerCreditCode", input.employerCreditCode);
        }
        if (input.occupation != null) {
            m.occupation = MemberRules.text("occupation", input.occupation, 100);
        }
        if (input.keyGroups != null) {
            m.keyGroups = MemberRules.keyGroups(input.keyGroups);
        }
        if (input.newEmploymentForm != null) {
            m.newEmploymentForm = input.newEmploymentForm;
        }
        if (input.migrantWorker != null) {
            m.migrantWorker = input.migrantWorker;
        }
        // Any change, also one only to the person's phone, is a new version of the member.
        m.updatedAt = OffsetDateTime.now();
        Membership.flush();
        Map<String, String> after = auditedFields(m);
        if (input.phone != null) {
            after.put("phone", m.person.phoneMasked == null ? "" : m.person.phoneMasked + " (changed)");
        }
        audit.record("updateMember", "Member", m.id, m.unionId, unionPath(m), before, after);
        return Member.of(m, m.person);
    }

    @Transactional
    public Member changeStatus(MemberInputs.ChangeStatus input) {
        Membership m = owned(input.id);
        checkVersion(m, input.version);
        String reason = MemberRules.reason("reason", input.reason);
        MemberStatus from = m.status;
        boolean allowed = switch (input.status) {
            case RETAINED -> from == MemberStatus.ACTIVE || from == MemberStatus.PROVISIONAL;
            case WITHDRAWN, DECEASED -> from == MemberStatus.ACTIVE || from == MemberStatus.PROVISIONAL || from == MemberStatus.RETAINED;
            case ACTIVE -> from == MemberStatus.RETAINED;
            default -> false;
        };
        if (!allowed) {
            throw new ConflictException("status: 不能从 " + from + " 变更为 " + input.status + " — allowed: ACTIVE/PROVISIONAL → RETAINED, WITHDRAWN, "
                    + "DECEASED; RETAINED → ACTIVE, WITHDRAWN, DECEASED" + (from == MemberStatus.TRANSFERRING ? "; cancel the open transfer first" : "")
                    + (from == MemberStatus.PENDING ? "; decide the application instead" : ""));
        }
        Map<String, String> before = auditedFields(m);
        setStatus(m, input.status, reason);
        audit.record("changeMemberStatus", "Member", m.id, m.unionId, unionPath(m), before, auditedFields(m), reason);
        if (input.status == MemberStatus.WITHDRAWN || input.status == MemberStatus.DECEASED) {
            openTransfers.membershipEnded(m);
        }
        return Member.of(m, m.person);
    }

    @Transactional
    public Member linkLogin(MemberInputs.LinkLogin input) {
        Membership m = owned(input.id);
        String subject = MemberRules.text("subject", input.subject, 255);
        if (subject == null) {
            throw new ValidationException("subject: 必填 — must not be empty");
        }
        return link(m, subject, "linkMemberLogin");
    }

    /**
     * Links a login to a membership's person: the one code path of an official's linkMemberLogin and a
     * member's confirmMembershipClaim. Refuses a person linked to another login and a login linked to
     * another person; writes the audit record and a history record, and tells the member (notification
     * to the login, text to the phone on record) in the same transaction.
     */
    Member link(Membership m, String subject, String operation) {
        Person person = m.person;
        if (subject.equals(person.subject)) {
            return Member.of(m, person);
        }
        if (person.subject != null) {
            throw new ConflictException("subject: 该会员已绑定其他登录账号 — the member's record is already linked to another login");
        }
        if (Person.findBySubject(subject).isPresent()) {
            throw new ConflictException("subject: 该登录账号已绑定其他会员 — this login is already linked to another person");
        }
        person.subject = subject;
        person.updatedAt = OffsetDateTime.now();
        Person.flush();
        audit.record(operation, "Member", m.id, m.unionId, unionPath(m), Map.of(), Map.of("loginLinked", "true"));
        MembershipEvent.record(m, m.status, "关联登录账号 (a login was linked)", caller.subject());
        notices.fire(new MemberNotice(m.id, NoticeType.CLAIM_LINKED, "您的会籍已关联登录账号", "A login was linked to your membership",
                String.valueOf(m.id)));
        if (person.phoneCipher != null) {
            texts.fire(new TextMessageRequested(personalData.decryptText(Purpose.PHONE, person.phoneCipher, person.phoneKey),
                    TextPurpose.CLAIM_LINKED_NOTICE, null, OffsetDateTime.now().plusDays(1).toInstant(), caller.subject()));
        }
        return Member.of(m, person);
    }

    /**
     * The full value of one personal datum. Only officials of the member's own union and of the union
     * directly above it; the reveal and its reason are audited in the same transaction.
     */
    @Transactional
    public RevealedPersonalData reveal(MemberInputs.Reveal input) {
        Membership m = visible(input.id, "id");
        TradeUnion union = TradeUnion.findById(m.unionId);
        Long own = caller.official().unionId();
        if (!Objects.equals(own, union.id) && !Objects.equals(own, union.parentId)) {
            throw new ForbiddenException("id: 仅会员所在工会及其直接上级工会可查看完整个人信息 — only officials of the member's own union and of the union directly above it may reveal personal data");
        }
        String reason = MemberRules.reason("reason", input.reason);
        Person p = m.person;
        String value = switch (input.field) {
            case ID_NUMBER -> personalData.decryptText(Purpose.ID_NUMBER, p.idCipher, p.idKey);
            case PHONE -> p.phoneCipher == null ? null : personalData.decryptText(Purpose.PHONE, p.phoneCipher, p.phoneKey);
        };
        audit.record("revealMemberPersonalData", "Member", m.id, union.id, union.path, Map.of(), Map.of("revealed", input.field.name()), reason);
        return new RevealedPersonalData(m.id, input.field, value);
    }

    // --- for other features (programs, hardship files)

    /** A member the calling official may see (see {@link #get}), as the entity. */
    public Membership visibleMembership(Long id, String field) {
        return visible(id, field);
    }

    /** The membership that counts of the person the caller's login is linked to, if any. */
    public java.util.Optional<Membership> ownOpenMembership() {
        return Person.findBySubject(caller.subject()).flatMap(p -> Membership.findOpen(p.idHash));
    }

    /** The keyed hash of the person the caller's login is linked to, if any (a member's own files and requests). */
    public java.util.Optional<byte[]> ownPersonHash() {
        return Person.findBySubject(caller.subject()).map(p -> p.idHash);
    }

    // --- shared by the workflows

    /** A member the official may see ({@link Scope#seesMember}); NOT_FOUND otherwise, exactly as for a missing id. */
    Membership visible(Long id, String field) {
        Subtree own = scope.subtree();
        Membership m = id == null ? null : Membership.findWithPerson(id).orElse(null);
        if (m != null) {
            String unionPath = TradeUnion.<TradeUnion>findById(m.unionId).path;
            String openTransferTo = null;
            if (!own.contains(unionPath) && m.status == MemberStatus.TRANSFERRING) {
                MembershipTransfer open = MembershipTransfer.find("membershipId = ?1 and status = ?2", m.id, TransferStatus.RELEASED).firstResult();
                openTransferTo = open == null ? null : TradeUnion.<TradeUnion>findById(open.toUnionId).path;
            }
            if (scope.seesMember(unionPath, openTransferTo)) {
                return m;
            }
        }
        throw new NotFoundException(field + ": 会员不存在 — no member " + id + " in your scope");
    }

    /** A member of a union in the official's subtree: what may be changed. */
    Membership owned(Long id) {
        Membership m = visible(id, "id");
        if (!scope.seesMember(unionPath(m), null)) {
            throw new ForbiddenException("id: 会员尚未转入本工会 — member " + id + " still belongs to the outgoing union");
        }
        return m;
    }

    static String unionPath(Membership m) {
        return TradeUnion.<TradeUnion>findById(m.unionId).path;
    }

    static void checkVersion(Membership m, Integer version) {
        Versions.check("member", m.id, m.version, version);
    }

    /** Sets a new status and records it in the history; flushes, so a concurrent change fails here as CONFLICT. */
    void setStatus(Membership m, MemberStatus status, String reason) {
        MemberStatus from = m.status;
        m.status = status;
        m.statusReason = reason;
        m.statusChangedAt = OffsetDateTime.now();
        m.updatedAt = m.statusChangedAt;
        MembershipEvent.record(m, from, reason, caller.subject());
        Membership.flush();
    }

    static Map<String, String> auditedFields(Membership m) {
        Map<String, String> fields = new HashMap<>();
        fields.put("unionId", String.valueOf(m.unionId));
        fields.put("status", m.status.name());
        put(fields, "cardNumber", m.cardNumber);
        put(fields, "joinedOn", m.joinedOn);
        put(fields, "employerName", m.employerName);
        put(fields, "employerCreditCode", m.employerCreditCode);
        put(fields, "occupation", m.occupation);
        fields.put("keyGroups", String.join(",", m.keyGroups));
        fields.put("newEmploymentForm", String.valueOf(m.newEmploymentForm));
        fields.put("migrantWorker", String.valueOf(m.migrantWorker));
        return fields;
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Member> page(String sql, Map<String, Object> params) {
        var query = Membership.getEntityManager().createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        return ((List<Tuple>) query.getResultList()).stream().map(Member::of).toList();
    }

    private static Map<Long, Long> countByUnion(Set<Long> unionIds, String statusArray) {
        Map<Long, Long> counts = new HashMap<>();
        if (!unionIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Membership.getEntityManager().createNativeQuery("""
                    select union_id, count(*) from membership
                     where union_id = any(cast(:unions as bigint[])) and status = any(cast(:statuses as text[])) group by union_id""")
                    .setParameter("unions", SqlText.longArray(unionIds))
                    .setParameter("statuses", statusArray)
                    .getResultList();
            for (Object[] row : rows) {
                counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            }
        }
        return counts;
    }

    static String statusArray(List<MemberStatus> statuses) {
        List<MemberStatus> list = statuses == null || statuses.isEmpty() ? List.of(MemberStatus.values()) : statuses;
        return SqlText.textArray(list.stream().map(Enum::name).sorted().distinct().toList());
    }

    static Map<Long, TradeUnion> byId(Collection<TradeUnion> unions) {
        return unions.stream().collect(Collectors.toMap(u -> u.id, Function.identity(), (a, b) -> a));
    }
}
