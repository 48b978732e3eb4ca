package org.gonghui.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.member.KeyGroup;
import org.gonghui.member.MemberService;
import org.gonghui.member.Membership;
import org.gonghui.security.Caller;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.ConflictException;
import org.gonghui.support.Money;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.support.Versions;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.CreditCode;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionRef;
import org.gonghui.union.UnionRules;

/**
 * Service programs: their records, the benefits they grant (within budget, to members of the
 * organiser's subtree), members' applications, and the totals of a subtree. A benefit locks its
 * program's row, so concurrent grants can never spend past the budget.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgramService {

    @Inject
    Event<MemberNotice> notices;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    MemberService members;

    @Inject
    AuditLog audit;

    public ServiceProgram get(long id) {
        return visible(id, "id");
    }

    public ProgramConnection list(ProgramInputs.Filter filter, PageRequest<Void> page) {
        Subtree subtree = scope.subtree(filter == null ? null : filter.unionId, "filter.unionId");
        StringBuilder where = new StringBuilder(subtree.hqlUnionIdIn("unionId"));
        Map<String, Object> params = subtree.parameters();
        if (filter != null && filter.kinds != null && !filter.kinds.isEmpty()) {
            where.append(" and kind in :kinds");
            params.put("kinds", filter.kinds);
        }
        if (filter != null && filter.status != null) {
            where.append(" and status = :status");
            params.put("status", filter.status);
        }
        if (filter != null && filter.year != null) {
            where.append(" and periodStart <= :yearEnd and periodEnd >= :yearStart");
            params.put("yearStart", LocalDate.of(filter.year, 1, 1));
            params.put("yearEnd", LocalDate.of(filter.year, 12, 31));
        }
        CountKey<Hql> count = new CountKey<>(PROGRAMS, new Hql(where.toString(), Map.copyOf(params)));
        if (page.afterId() != null) {
            where.append(" and id > :after");
            params.put("after", page.afterId());
        }
        return new ProgramConnection(page.page(ServiceProgram.find(where + " order by id", params).range(0, page.rowsToFetch() - 1).list(),
                p -> p.id, count));
    }

    /** Totals of the programs organised anywhere in a subtree, in total and by kind; one statement. */
    public ProgramTotals totals(Long unionId, Integer year) {
        Subtree subtree = scope.subtree(unionId, "unionId");
        StringBuilder sql = new StringBuilder("""
                select p.kind, count(*), coalesce(sum(p.budget), 0), coalesce(sum(p.spent), 0), coalesce(sum(p.beneficiary_count), 0)
                  from service_program p join trade_union u on u.id = p.union_id
                 where\s""" + subtree.covers("u"));
        if (year != null) {
            sql.append(" and p.period_start <= :yearEnd and p.period_end >= :yearStart");
        }
        sql.append(" group by p.kind order by p.kind");
        var query = subtree.bind(ServiceProgram.getEntityManager().createNativeQuery(sql.toString()));
        if (year != null) {
            query.setParameter("yearStart", LocalDate.of(year, 1, 1)).setParameter("yearEnd", LocalDate.of(year, 12, 31));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        ProgramTotals totals = new ProgramTotals();
        totals.unionId = unionId != null ? unionId : caller.official().unionId();
        totals.year = year;
        totals.byKind = new ArrayList<>();
        long programs = 0;
        long beneficiaries = 0;
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        for (Object[] row : rows) {
            ProgramTotals.KindTotals kind = new ProgramTotals.KindTotals(ProgramKind.valueOf((String) row[0]), ((Number) row[1]).longValue(),
                    (BigDecimal) row[2], (BigDecimal) row[3], ((Number) row[4]).longValue());
            totals.byKind.add(kind);
            programs += ((Number) row[1]).longValue();
            budget = budget.add((BigDecimal) row[2]);
            spent = spent.add((BigDecimal) row[3]);
            beneficiaries += ((Number) row[4]).longValue();
        }
        totals.total = new ProgramTotals.KindTotals(null, programs, budget, spent, beneficiaries);
        return totals;
    }

    /** The organiser of each program (id, name, level), in one statement. */
    public List<UnionRef> organisers(List<ServiceProgram> programs) {
        Map<Long, TradeUnion> byId = TradeUnion.listByIds(programs.stream().map(p -> p.unionId).collect(Collectors.toCollection(LinkedHashSet::new)))
                .stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
        return programs.stream().map(p -> new UnionRef(byId.get(p.unionId))).toList();
    }

    /** A page of benefits of each program, in one statement. */
    @SuppressWarnings("unchecked")
    public List<BeneficiaryConnection> beneficiaries(List<ServiceProgram> programs, PageRequest<Void> page) {
        Map<Long, List<Beneficiary>> byProgram = new HashMap<>();
        if (!programs.isEmpty()) {
            List<Beneficiary> rows = Beneficiary.getEntityManager().createNativeQuery("""
                    select b.* from unnest(cast(:ids as bigint[])) as p(id) cross join lateral (
                        select * from program_beneficiary b where b.program_id = p.id and b.id > :after order by b.id limit :limit) b""", Beneficiary.class)
                    .setParameter("ids", programs.stream().map(p -> String.valueOf(p.id)).collect(Collectors.joining(",", "{", "}")))
                    .setParameter("after", page.afterId() == null ? 0L : page.afterId())
                    .setParameter("limit", page.rowsToFetch())
                    .getResultList();
            rows.forEach(b -> byProgram.computeIfAbsent(b.programId, k -> new ArrayList<>()).add(b));
        }
        return programs.stream().map(p -> new BeneficiaryConnection(page.page(byProgram.getOrDefault(p.id, List.of()), b -> b.id,
                new CountKey<>(BENEFITS_OF, p.id)))).toList();
    }

    @Transactional
    public ServiceProgram create(ProgramInputs.Create input) {
        TradeUnion organiser = scope.union(input.unionId, "unionId");
        ServiceProgram p = new ServiceProgram();
        p.unionId = organiser.id;
        p.kind = input.kind;
        p.name = Text.name("name", input.name, 200, true);
        p.description = Text.multiline("description", input.description, 2000, false);
        period(input.periodStart, input.periodEnd);
        p.periodStart = input.periodStart;
        p.periodEnd = input.periodEnd;
        p.budget = required("budgetYuan", Money.parse("budgetYuan", input.budgetYuan));
        p.targetKeyGroupCodes = groups(input.targetKeyGroups);
        p.status = input.status == null ? ProgramStatus.PLANNED : input.status;
        if (p.status == ProgramStatus.CLOSED) {
            throw new ValidationException("status: 新项目为 PLANNED 或 OPEN (a new program is PLANNED or OPEN)");
        }
        p.updatedAt = OffsetDateTime.now();
        p.persist();
        p.flush();
        audit.record("createServiceProgram", "ServiceProgram", p.id, organiser.id, organiser.path, Map.of(), p.auditedFields());
        return p;
    }

    @Transactional
    public ServiceProgram update(ProgramInputs.Update input) {
        ServiceProgram p = visible(input.id, "id");
        Versions.check("program", p.id, p.version, input.version);
        Map<String, String> before = p.auditedFields();
        if (input.name != null) {
            p.name = Text.name("name", input.name, 200, true);
        }
        if (input.description != null) {
            p.description = Text.multiline("description", input.description, 2000, false);
        }
        if (input.periodStart != null || input.periodEnd != null) {
            LocalDate start = input.periodStart == null ? p.periodStart : input.periodStart;
            LocalDate end = input.periodEnd == null ? p.periodEnd : input.periodEnd;
            period(start, end);
            p.periodStart = start;
            p.periodEnd = end;
        }
        if (input.budgetYuan != null) {
            BigDecimal budget = required("budgetYuan", Money.parse("budgetYuan", input.budgetYuan));
            if (budget.compareTo(p.spent) < 0) {
                throw new ConflictException("budgetYuan: 预算不能低于已支出 " + Money.format(p.spent) + " (the budget cannot fall below what is spent)");
            }
            p.budget = budget;
        }
        if (input.targetKeyGroups != null) {
            p.targetKeyGroupCodes = groups(input.targetKeyGroups);
        }
        if (input.status != null && input.status != p.status) {
            if (input.status.ordinal() < p.status.ordinal()) {
                throw new ConflictException("status: 项目状态只能向前 PLANNED → OPEN → CLOSED — a " + p.status + " program cannot become " + input.status);
            }
            p.status = input.status;
        }
        p.updatedAt = OffsetDateTime.now();
        p.flush();
        TradeUnion organiser = TradeUnion.findById(p.unionId);
        audit.record("updateServiceProgram", "ServiceProgram", p.id, organiser.id, organiser.path, before, p.auditedFields());
        return p;
    }

    /** Records a benefit; CONFLICT past the budget, VALIDATION for a member outside the organiser's subtree. */
    @Transactional
    public Beneficiary grant(ProgramInputs.Grant input) {
        visible(input.programId, "programId");
        ServiceProgram p = ServiceProgram.getEntityManager().find(ServiceProgram.class, input.programId, LockModeType.PESSIMISTIC_WRITE);
        Membership member = null;
        if ((input.memberId == null) == (input.organisationName == null || input.organisationName.isBlank())) {
            throw new ValidationException("memberId: 请提供 memberId 或 organisationName 之一 — give either memberId or organisationName");
        }
        if (input.memberId != null) {
            member = members.visibleMembership(input.memberId, "memberId");
        }
        Beneficiary b = record(p, member, input.organisationName, input.organisationCreditCode, input.amountYuan, input.inKindItem,
                input.inKindQuantity, input.grantedOn, input.note);
        if (member != null) {
            notices.fire(new MemberNotice(member.id, NoticeType.BENEFIT_GRANTED, "您获得服务项目「" + p.name + "」的发放。",
                    "You received a benefit of the programme \u201c" + p.name + "\u201d.", String.valueOf(b.id)));
        }
        return b;
    }

    private Beneficiary record(ServiceProgram p, Membership member, String organisation, String creditCode, String amountYuan, String item,
            Integer quantity, LocalDate grantedOn, String note) {
        if (p.status != ProgramStatus.OPEN) {
            throw new ConflictException("programId: 项目未在进行中 — program " + p.id + " is " + p.status + ", benefits are recorded while it is OPEN");
        }
        TradeUnion organiser = TradeUnion.findById(p.unionId);
        Beneficiary b = new Beneficiary();
        b.programId = p.id;
        b.unionId = p.unionId;
        if (member != null) {
            TradeUnion memberUnion = TradeUnion.findById(member.unionId);
            if (!scope.subtreeOf(organiser, "programId").contains(memberUnion.path)) {
                throw new ValidationException("memberId: 会员不在主办工会范围内 — member " + member.id + " belongs to a union outside the organiser's subtree");
            }
            if (!member.status.isOpen()) {
                throw new ValidationException("memberId: 会员状态为 " + member.status + " — only members in good standing (PROVISIONAL, ACTIVE, TRANSFERRING, RETAINED) can benefit");
            }
            b.membershipId = member.id;
            b.personHash = member.personHash;
        } else {
            b.organisationName = Text.name("organisationName", organisation, 200, true);
            String code = Text.line("organisationCreditCode", creditCode, 18, false);
            if (code != null && CreditCode.problem(code) != null) {
                throw new ValidationException("organisationCreditCode: 统一社会信用代码无效 — " + CreditCode.problem(code));
            }
            b.organisationCreditCode = code;
        }
        b.amount = Money.parse("amountYuan", amountYuan);
        b.inKindItem = Text.line("inKindItem", item, 200, false);
        if (quantity != null && quantity < 1) {
            throw new ValidationException("inKindQuantity: 数量至少为 1 (at least 1)");
        }
        b.inKindQuantity = b.inKindItem == null ? null : quantity;
        if (b.amount == null && b.inKindItem == null) {
            throw new ValidationException("amountYuan: 请提供金额或实物 (give an amount, an item, or both)");
        }
        b.grantedOn = grantedOn == null ? LocalDate.now(UnionRules.CHINA) : grantedOn;
        UnionRules.checkNotFuture("grantedOn", b.grantedOn);
        b.note = Text.multiline("note", note, 500, false);
        b.createdBy = caller.subject();
        BigDecimal amount = b.amount == null ? BigDecimal.ZERO : b.amount;
        if (p.spent.add(amount).compareTo(p.budget) > 0) {
            throw new ConflictException("amountYuan: 超出预算 — " + Money.format(amount) + " would bring spending to " + Money.format(p.spent.add(amount))
                    + ", over the budget of " + Money.format(p.budget));
        }
        b.persist();
        p.spent = p.spent.add(amount);
        p.beneficiaryCount++;
        p.updatedAt = OffsetDateTime.now();
        p.flush();
        Map<String, String> fields = new HashMap<>();
        fields.put("programId", String.valueOf(p.id));
        fields.put("beneficiary", member != null ? "member " + member.id : b.organisationName);
        if (b.amount != null) {
            fields.put("amountYuan", Money.format(b.amount));
        }
        if (b.inKindItem != null) {
            fields.put("inKindItem", b.inKindItem + (b.inKindQuantity == null ? "" : " × " + b.inKindQuantity));
        }
        audit.record("grantBenefit", "Beneficiary", b.id, organiser.id, organiser.path, Map.of(), fields);
        return b;
    }

    // --- members

    /** OPEN programs run by any union on the member's chain whose period covers today and whose target groups match. */
    public ProgramConnection openToMe(PageRequest<Void> page) {
        Membership m = members.ownOpenMembership().orElse(null);
        if (m == null) {
            return new ProgramConnection(page.page(List.<ServiceProgram>of(), p -> p.id, new CountKey<>(OPEN_TO, OpenTo.NOBODY)));
        }
        TradeUnion union = TradeUnion.findById(m.unionId);
        LocalDate today = LocalDate.now(UnionRules.CHINA);
        OpenTo open = new OpenTo(union.pathIds().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")), today,
                Arrays.stream(m.keyGroups).collect(Collectors.joining(",", "{", "}")));
        @SuppressWarnings("unchecked")
        List<ServiceProgram> rows = open.bind(ServiceProgram.getEntityManager().createNativeQuery(
                "select p.* from service_program p where " + OpenTo.WHERE + " and p.id > :after order by p.id limit :limit", ServiceProgram.class))
                .setParameter("after", page.afterId() == null ? 0L : page.afterId())
                .setParameter("limit", page.rowsToFetch())
                .getResultList();
        return new ProgramConnection(page.page(rows, p -> p.id, new CountKey<>(OPEN_TO, open)));
    }

    @Transactional
    public ProgramApplication apply(ProgramInputs.Apply input) {
        Membership m = members.ownOpenMembership()
                .orElseThrow(() -> new NotFoundException("programId: 您尚无有效会籍 — your login is linked to no membership in good standing"));
        ServiceProgram p = ServiceProgram.findById(input.programId);
        TradeUnion union = TradeUnion.findById(m.unionId);
        LocalDate today = LocalDate.now(UnionRules.CHINA);
        boolean open = p != null && p.status == ProgramStatus.OPEN && union.pathIds().contains(p.unionId) && !today.isBefore(p.periodStart)
                && !today.isAfter(p.periodEnd)
                && (p.targetKeyGroupCodes.length == 0 || Arrays.stream(p.targetKeyGroupCodes).anyMatch(g -> Arrays.asList(m.keyGroups).contains(g)));
        if (!open) {
            throw new NotFoundException("programId: 没有向您开放的该项目 — no program " + input.programId + " open to you");
        }
        if (ProgramApplication.count("programId = ?1 and personHash = ?2 and status = ?3", p.id, m.personHash, ProgramApplication.Status.PENDING) > 0) {
            throw new ConflictException("programId: 您已申请该项目, 待审批 — you already have an application to this program awaiting a decision");
        }
        ProgramApplication a = new ProgramApplication();
        a.programId = p.id;
        a.membershipId = m.id;
        a.personHash = m.personHash;
        a.status = ProgramApplication.Status.PENDING;
        a.note = Text.multiline("note", input.note, 500, false);
        a.applicantSubject = caller.subject();
        a.persist();
        a.flush();
        ProgramApplication.getEntityManager().refresh(a);
        TradeUnion organiser = TradeUnion.findById(p.unionId);
        audit.record("applyForProgram", "ProgramApplication", a.id, organiser.id, organiser.path, Map.of(), Map.of("programId", String.valueOf(p.id),
                "memberId", String.valueOf(m.id)));
        return a;
    }

    @Transactional
    public ProgramApplication decide(ProgramInputs.Decide input) {
        ProgramApplication a = ProgramApplication.findById(input.id);
        if (a == null) {
            throw new NotFoundException("id: 申请不存在 — no program application " + input.id + " in your scope");
        }
        visible(a.programId, "id");
        Versions.check("application", a.id, a.version, input.version);
        if (a.status != ProgramApplication.Status.PENDING) {
            throw new ConflictException("id: 该申请已处理 — application " + a.id + " is " + a.status);
        }
        if (Boolean.TRUE.equals(input.approve)) {
            ServiceProgram p = ServiceProgram.getEntityManager().find(ServiceProgram.class, a.programId, LockModeType.PESSIMISTIC_WRITE);
            Membership m = Membership.findById(a.membershipId);
            Beneficiary b = record(p, m, null, null, input.amountYuan, input.inKindItem, input.inKindQuantity, null, a.note);
            a.beneficiaryId = b.id;
            a.status = ProgramApplication.Status.APPROVED;
            a.decisionReason = Text.multiline("reason", input.reason, 500, false);
        } else {
            a.status = ProgramApplication.Status.REJECTED;
            a.decisionReason = Text.multiline("reason", input.reason, 500, true);
        }
        a.decidedBy = caller.subject();
        a.decidedAt = OffsetDateTime.now();
        a.flush();
        ServiceProgram p = ServiceProgram.findById(a.programId);
        TradeUnion organiser = TradeUnion.findById(p.unionId);
        audit.record("decideProgramApplication", "ProgramApplication", a.id, organiser.id, organiser.path, Map.of("status", "PENDING"),
                Map.of("status", a.status.name()), a.decisionReason);
        boolean approved = a.status == ProgramApplication.Status.APPROVED;
        notices.fire(new MemberNotice(a.membershipId, NoticeType.PROGRAM_DECIDED,
                "您对服务项目「" + p.name + "」的申请" + (approved ? "已获批准。" : "未获批准。"),
                "Your application to the programme \u201c" + p.name + "\u201d was " + (approved ? "approved." : "not approved."), String.valueOf(a.id)));
        return a;
    }

    /** Applications to one program (officials), or the caller's own (members: programId null), newest first. */
    public ProgramApplicationConnection applications(Long programId, PageRequest<Void> page) {
        String where;
        Map<String, Object> params = new HashMap<>();
        if (programId != null) {
            visible(programId, "programId");
            where = "programId = :program";
            params.put("program", programId);
        } else {
            where = "applicantSubject = :subject";
            params.put("subject", caller.subject());
        }
        CountKey<Hql> count = new CountKey<>(APPLICATIONS, new Hql(where, Map.copyOf(params)));
        if (page.afterId() != null) {
            where += " and id < :before";
            params.put("before", page.afterId());
        }
        return new ProgramApplicationConnection(page.page(ProgramApplication.find(where + " order by id desc", params)
                .range(0, page.rowsToFetch() - 1).list(), a -> a.id, count));
    }

    private ServiceProgram visible(Long id, String field) {
        ServiceProgram p = scope.ifVisible(id == null ? null : ServiceProgram.<ServiceProgram>findById(id), x -> x.unionId);
        if (p == null) {
            throw new NotFoundException(field + ": 服务项目不存在 — no program " + id + " in your scope");
        }
        return p;
    }

    private static void period(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new ValidationException("periodEnd: 结束日期不能早于开始日期 (the period ends before it starts)");
        }
    }

    private static BigDecimal required(String field, BigDecimal value) {
        if (value == null) {
            throw new ValidationException(field + ": 必填 — must not be empty");
        }
        return value;
    }

    private static String[] groups(List<KeyGroup> groups) {
        return groups == null ? new String[0] : new LinkedHashSet<>(groups).stream().map(Enum::name).toArray(String[]::new);
    }

    // --- totalCount

    /** totalCount of program, application and benefit connections: one statement per list, one grouped one for the benefits of a page of programs. */
    public List<Integer> totalCounts(List<? extends Connection> connections) {
        caller.scope();
        return CountKey.totalCounts(connections);
    }

    /** A Panache condition and its parameters: the list a page came from, without the page's position. */
    record Hql(String where, Map<String, Object> params) {
    }

    private static final Counter<Hql> PROGRAMS = Counter.eachBy(q -> ServiceProgram.count(q.where(), q.params()));

    private static final Counter<Hql> APPLICATIONS = Counter.eachBy(q -> ProgramApplication.count(q.where(), q.params()));

    /** Benefits of many programs in one grouped statement. */
    private static final Counter<Long> BENEFITS_OF = programIds -> {
        Map<Long, Long> counts = new HashMap<>();
        programIds.forEach(id -> counts.put(id, 0L));
        Beneficiary.getEntityManager().createQuery("select b.programId, count(b) from Beneficiary b where b.programId in :ids group by b.programId",
                Object[].class).setParameter("ids", programIds).getResultList().forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    };

    /** The programs open today to a member on this union chain (a bigint array) with these key groups (a text array). */
    record OpenTo(String chain, LocalDate today, String groups) {
        static final OpenTo NOBODY = new OpenTo(null, null, null);

        static final String WHERE = """
                p.union_id = any(cast(:chain as bigint[])) and p.status = 'OPEN' and p.period_start <= :today and p.period_end >= :today
                   and (cardinality(p.target_key_groups) = 0 or p.target_key_groups && cast(:groups as text[]))""";

        <Q extends jakarta.persistence.Query> Q bind(Q query) {
            query.setParameter("chain", chain).setParameter("today", today).setParameter("groups", groups);
            return query;
        }
    }

    private static final Counter<OpenTo> OPEN_TO = Counter.eachBy(open -> open == OpenTo.NOBODY ? 0L
            : ((Number) open.bind(ServiceProgram.getEntityManager().createNativeQuery("select count(*) from service_program p where " + OpenTo.WHERE))
                    .getSingleResult()).longValue());
}
