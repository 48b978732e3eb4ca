package org.gonghui.hardship;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.member.MemberService;
import org.gonghui.member.Membership;
import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.security.Caller;
import org.gonghui.security.Scope;
import org.gonghui.support.ConflictException;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.Money;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.support.Versions;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.TradeUnion;

/**
 * Hardship files: sensitive, so only officials of the member's own union and of the union directly
 * above it open, advance or read them, household facts are encrypted, and every read writes an audit
 * record in the same transaction as the read. A member may apply for themselves (the same code path)
 * and sees only the status and step dates of their own files.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class HardshipService {

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

    @Inject
    PersonalData personalData;

    /** The member's current file (else their latest), or null; the read is audited with its reason. */
    public HardshipFileView read(long memberId, String reason) {
        Membership m = entitled(memberId);
        String why = Text.multiline("reason", reason, 500, true);
        HardshipFile file = HardshipFile.<HardshipFile>find("membershipId = ?1 order by case when status = 'CLOSED' then 1 else 0 end, id desc", m.id)
                .firstResult();
        TradeUnion union = TradeUnion.findById(m.unionId);
        audit.record("readHardshipFile", "Member", m.id, union.id, union.path, Map.of(),
                Map.of("hardshipFile", file == null ? "none" : String.valueOf(file.id)), why);
        return file == null ? null : view(file);
    }

    public HardshipFileView open(HardshipInputs.Open input) {
        Membership m = entitled(input.memberId);
        HardshipFile file = create(m, input, "openHardshipFile");
        tellMember(file);
        return view(file);
    }

    /**
     * A member applies for hardship aid themselves: a file at their own union, exactly as an official opens
     * one (the same rules, encryption and audit), and a HARDSHIP_STEP notice to the member.
     */
    public OwnHardshipCase apply(HardshipInputs.Apply input) {
        Membership m = members.ownOpenMembership()
                .orElseThrow(() -> new NotFoundException("me.membership: 您的账号尚未关联有效会籍 — your login is linked to no membership in good standing"));
        HardshipFile file = create(m, input, "applyForHardshipAid");
        notices.fire(new MemberNotice(m.id, NoticeType.HARDSHIP_STEP, "您的困难帮扶申请已提交, 等待工会审核",
                "Your hardship aid application was received and awaits your union's review", String.valueOf(file.id)));
        return OwnHardshipCase.page(List.of(file)).get(0);
    }

    /** The caller's own hardship files (of the person their login is linked to), newest first: status and step dates only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OwnHardshipCaseConnection own(PageRequest<Void> page) {
        byte[] personHash = members.ownPersonHash().orElse(null);
        List<HardshipFile> files = personHash == null ? List.of()
                : HardshipFile.<HardshipFile>find("personHash = ?1 and id < ?2 order by id desc", personHash,
                        page.afterId() == null ? Long.MAX_VALUE : page.afterId()).page(0, page.rowsToFetch()).list();
        return new OwnHardshipCaseConnection(page.page(OwnHardshipCase.page(files), c -> c.id,
                new CountKey<>(OWN_COUNT, new OwnFiles(personHash == null ? new byte[0] : personHash))));
    }

    /** totalCount of the member's own file lists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> ownCounts(List<OwnHardshipCaseConnection> connections) {
        return CountKey.totalCounts(connections);
    }

    /** Count key of one person's files (a record, so that equal hashes are one key). */
    record OwnFiles(byte[] personHash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof OwnFiles other && Arrays.equals(personHash, other.personHash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(personHash);
        }
    }

    private static final Counter<OwnFiles> OWN_COUNT = Counter.eachBy(of -> HardshipFile.count("personHash = ?1", of.personHash()));

    /** Opens a file for a member already checked; {@code operation} names it in the audit trail. */
    private HardshipFile create(Membership m, HardshipInputs.Apply input, String operation) {
        if (!m.status.isOpen()) {
            throw new ValidationException("memberId: 会员状态为 " + m.status + " — files are opened for members in good standing");
        }
        if (HardshipFile.count("personHash = ?1 and status <> ?2", m.personHash, HardshipEnums.Status.CLOSED) > 0) {
            throw new ConflictException("memberId: 该职工已有在办或有效的困难档案 — this person already has an open hardship file");
        }
        if (input.reasons.isEmpty()) {
            throw new ValidationException("reasons: 至少一项致困原因 (at least one cause)");
        }
        if (input.householdSize < 1 || input.householdSize > 20) {
            throw new ValidationException("householdSize: 1 至 20 人 (1 to 20)");
        }
        int dependents = input.dependents == null ? 0 : input.dependents;
        if (dependents < 0 || dependents > 20) {
            throw new ValidationException("dependents: 0 至 20 (0 to 20)");
        }
        BigDecimal income = Money.parse("monthlyIncomeYuan", input.monthlyIncomeYuan);
        if (income == null) {
            throw new ValidationException("monthlyIncomeYuan: 必填 — must not be empty");
        }
        JsonObjectBuilder details = Json.createObjectBuilder().add("size", input.householdSize).add("monthlyIncomeYuan", Money.format(income))
                .add("dependents", dependents);
        String description = Text.multiline("description", input.description, 2000, false);
        if (description != null) {
            details.add("description", description);
        }
        Sealed sealed = personalData.encrypt(Purpose.HARDSHIP_DETAILS, details.build().toString());
        HardshipFile file = new HardshipFile();
        file.membershipId = m.id;
        file.personHash = m.personHash;
        file.unionId = m.unionId;
        file.level = input.level;
        file.reasons = new LinkedHashSet<>(input.reasons).stream().map(Enum::name).toArray(String[]::new);
        file.detailsCipher = sealed.ciphertext();
        file.detailsKey = sealed.keyId();
        file.status = HardshipEnums.Status.APPLIED;
        file.updatedAt = OffsetDateTime.now();
        file.persist();
        step(file, null, null);
        file.flush();
        HardshipFile.getEntityManager().refresh(file);
        TradeUnion union = TradeUnion.findById(m.unionId);
        audit.record(operation, "HardshipFile", file.id, union.id, union.path, Map.of(),
                Map.of("level", file.level.name(), "status", file.status.name()));
        return file;
    }

    public HardshipFileView advance(HardshipInputs.Advance input) {
        HardshipFile file = input.id == null ? null : HardshipFile.findById(input.id);
        if (file == null) {
            throw new NotFoundException("id: 档案不存在 — no hardship file " + input.id + " in your scope");
        }
        entitled(file.membershipId);
        Versions.check("hardship file", file.id, file.version, input.version);
        HardshipEnums.Status from = file.status;
        boolean next = input.to.ordinal() == from.ordinal() + 1 || input.to == HardshipEnums.Status.CLOSED && from != HardshipEnums.Status.CLOSED;
        if (!next) {
            throw new ConflictException("to: 建档流程只能逐步推进 — a " + from + " file goes to "
                    + (from == HardshipEnums.Status.CLOSED ? "nothing (it is closed)" : HardshipEnums.Status.values()[from.ordinal() + 1] + " or CLOSED"));
        }
        String note = Text.multiline("note", input.note, 500, input.to == HardshipEnums.Status.CLOSED);
        file.status = input.to;
        file.updatedAt = OffsetDateTime.now();
        step(file, from, note);
        file.flush();
        TradeUnion union = TradeUnion.findById(file.unionId);
        audit.record("advanceHardshipFile", "HardshipFile", file.id, union.id, union.path, Map.of("status", from.name()),
                Map.of("status", file.status.name()), note);
        tellMember(file);
        return view(file);
    }

    /** Tells the member which step their file reached (never the officials' notes). */
    private void tellMember(HardshipFile file) {
        String zh = switch (file.status) {
            case APPLIED -> "已申请";
            case REVIEWED -> "已审核";
            case PUBLIC_NOTICE -> "公示中";
            case CONFIRMED -> "已建档";
            case CLOSED -> "已关闭";
        };
        notices.fire(new MemberNotice(file.membershipId, NoticeType.HARDSHIP_STEP, "您的困难职工档案进展：" + zh + "。",
                "Your hardship file is now " + file.status.name() + ".", String.valueOf(file.id)));
    }

    /** The member, if the caller is an official of the member's own union or of the union directly above it. */
    private Membership entitled(Long memberId) {
        Long own = caller.official().unionId();
        Membership m = members.visibleMembership(memberId, "memberId");
        TradeUnion union = TradeUnion.findById(m.unionId);
        if (!scope.sees(union) || !Objects.equals(own, union.id) && !Objects.equals(own, union.parentId)) {
            throw new ForbiddenException("memberId: 困难档案仅限会员所在工会及其直接上级工会 — only officials of the member's own union and of the union directly above it handle hardship files");
        }
        return m;
    }

    private void step(HardshipFile file, HardshipEnums.Status from, String note) {
        HardshipStep step = new HardshipStep();
        step.fileId = file.id;
        step.personHash = file.personHash;
        step.fromStatus = from;
        step.toStatus = file.status;
        step.note = note;
        step.actorSubject = caller.subject();
        step.occurredAt = OffsetDateTime.now();
        step.persist();
    }

    private HardshipFileView view(HardshipFile file) {
        JsonObject details = Json.createReader(new StringReader(personalData.decryptText(Purpose.HARDSHIP_DETAILS, file.detailsCipher, file.detailsKey)))
                .readObject();
        HardshipFileView view = new HardshipFileView();
        view.id = file.id;
        view.memberId = file.membershipId;
        view.level = file.level;
        view.reasons = Arrays.stream(file.reasons).map(HardshipEnums.Reason::valueOf).toList();
        view.household = new HardshipFileView.Household();
        view.household.size = details.getInt("size");
        view.household.monthlyIncomeYuan = details.getString("monthlyIncomeYuan");
        view.household.dependents = details.getInt("dependents");
        view.household.description = details.containsKey("description") ? details.getString("description") : null;
        view.status = file.status;
        view.steps = HardshipStep.of(file.id);
        view.version = file.version;
        view.createdAt = file.createdAt;
        return view;
    }
}
