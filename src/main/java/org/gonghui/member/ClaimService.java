package org.gonghui.member;

import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.notification.TextMessageRequested;
import org.gonghui.notification.TextPurpose;
import org.gonghui.security.Caller;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.ConflictException;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.RateLimitBuckets;
import org.gonghui.support.RateLimiter;
import org.gonghui.support.ValidationException;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.TradeUnion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Claiming a membership without revealing who is a member: a member login names an ID number and a
 * name; when they match an open membership not linked to any login and with a phone on record, a
 * one-time code goes to that phone (through the outbox), and the code links the login. Every request
 * gets the same answer and does the same work (a decoy row when nothing matched); the limits count
 * every request. A worker who gets no code asks the membership's union for help (the officials' to-do list).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClaimService {

    /** The one answer to every claim request, matched or not. */
    static final String CLAIM_ANSWER = "如信息与会员档案相符, 验证码已发送至档案中登记的手机号, 5 分钟内有效; 未收到请提交求助 "
            + "(if the details match a membership on record, a code was sent to the phone on record, valid for 5 minutes; "
            + "if none arrives, ask your union for help with requestClaimHelp)";

    /** The one answer to every help request, matched or not. */
    static final String HELP_ANSWER = "求助已收到; 如信息与会员档案相符, 所在工会将通过您留下的电话联系您 "
            + "(request received; if the details match a membership on record, its union will call you back on the number you left)";

    /** The one refusal of a confirmation: a wrong, expired or spent code and no pending request answer alike. */
    static final String WRONG_CODE = "code: 验证码不正确或已失效, 请重新获取 (the code is wrong or no longer valid; request a new one)";

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    PersonalData personalData;

    @Inject
    OneTimeCodes codes;

    @Inject
    MemberService members;

    @Inject
    AuditLog audit;

    @Inject
    RateLimitBuckets buckets;

    @Inject
    CurrentVertxRequest request;

    @Inject
    Event<TextMessageRequested> texts;

    // --- claims

    /** requestMembershipClaim: the same answer whatever matched; a code goes to the phone on record only on a match. */
    public String requestClaim(String idNumberText, String nameText) {
        String subject = unlinkedLogin();
        IdNumber id = MemberRules.idNumber("idNumber", idNumberText);
        String name = MemberRules.name("name", nameText);
        byte[] idHash = personalData.hash(Purpose.ID_NUMBER, id.value());
        limit(subject, idHash);
        QuarkusTransaction.requiringNew().run(() -> writeClaim(subject, idHash, name));
        return CLAIM_ANSWER;
    }

    private void writeClaim(String subject, byte[] idHash, String name) {
        Membership match = claimable(idHash, name);
        OneTimeCode.closeOpen(subject, OneTimeCode.Kind.CLAIM);
        String code = codes.newCode();
        OneTimeCode claim = new OneTimeCode();
        claim.idHash = idHash;
        claim.kind = OneTimeCode.Kind.CLAIM;
        claim.subject = subject;
        claim.membershipId = match == null ? null : match.id;
        claim.nonce = codes.newNonce();
        claim.codeHash = codes.hash(claim.nonce, code);
        claim.expiresAt = codes.expiry();
        claim.persist();
        if (match != null) {
            Person p = match.person;
            texts.fire(new TextMessageRequested(personalData.decryptText(Purpose.PHONE, p.phoneCipher, p.phoneKey), TextPurpose.CLAIM_CODE,
                    code, claim.expiresAt.toInstant(), subject));
        }
    }

    /**
     * The open membership of this ID number and name that no login holds and that has a phone on record;
     * null otherwise. Both look-ups run whatever the first one finds.
     */
    private static Membership claimable(byte[] idHash, String name) {
        Optional<Person> person = Person.findByIdHash(idHash);
        Optional<Membership> open = Membership.findOpen(idHash);
        if (person.isEmpty() || open.isEmpty()) {
            return null;
        }
        Person p = person.get();
        Membership m = open.get();
        boolean claimable = p.name.equals(name) && p.subject == null && p.phoneCipher != null && m.person.id.equals(p.id);
        return claimable ? m : null;
    }

    /** confirmMembershipClaim: links the login on the right code; empty (one refusal for every failure) otherwise. Wrong tries count. */
    @Transactional
    public Optional<Member> confirmClaim(String codeText) {
        String subject = unlinkedLogin();
        String code = OneTimeCodes.parse("code", codeText);
        Optional<OneTimeCode> open = OneTimeCode.findOpenForUpdate(subject, OneTimeCode.Kind.CLAIM);
        // the hash and the comparison run also without a pending claim
        byte[] nonce = open.map(c -> c.nonce).orElseGet(codes::newNonce);
        boolean right = codes.matches(nonce, code, open.map(c -> c.codeHash).orElse(null));
        if (open.isEmpty()) {
            return Optional.empty();
        }
        OneTimeCode claim = open.get();
        if (!checked(claim, right && claim.membershipId != null)) {
            return Optional.empty();
        }
        Membership m = Membership.findWithPerson(claim.membershipId).orElse(null);
        if (m == null || !m.status.isOpen() || m.person.subject != null) {
            return Optional.empty();
        }
        return Optional.of(members.link(m, subject, "confirmMembershipClaim"));
    }

    /**
     * The rules every code check shares: an expired code is closed; a wrong one counts a try and is
     * closed at the last; a right one is closed as used. True only for a right, valid code.
     */
    boolean checked(OneTimeCode code, boolean right) {
        OffsetDateTime now = OffsetDateTime.now();
        if (!code.expiresAt.isAfter(now)) {
            code.closedAt = now;
            return false;
        }
        if (!right) {
            code.attempts++;
            if (code.attempts >= codes.maxAttempts()) {
                code.closedAt = now;
            }
            return false;
        }
        code.closedAt = now;
        return true;
    }

    // --- help requests

    /** requestClaimHelp: a to-do item at the matching membership's union, if any; the same answer either way. */
    public String requestHelp(String idNumberText, String nameText, String contactPhoneText) {
        String subject = unlinkedLogin();
        IdNumber id = MemberRules.idNumber("idNumber", idNumberText);
        String name = MemberRules.name("name", nameText);
        PhoneNumber phone = MemberRules.phone("contactPhone", contactPhoneText);
        if (phone == null) {
            throw new ValidationException("contactPhone: 必填 — a number to call back is required");
        }
        byte[] idHash = personalData.hash(Purpose.ID_NUMBER, id.value());
        limit(subject, idHash);
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<Person> person = Person.findByIdHash(idHash);
            Optional<Membership> open = Membership.findOpen(idHash);
            if (person.isPresent() && open.isPresent() && person.get().name.equals(name)) {
                fileHelp(open.get(), ClaimHelpKind.CLAIM, subject, name, phone);
            }
        });
        return HELP_ANSWER;
    }

    /** Files a to-do item for the officials of the membership's union. */
    void fileHelp(Membership m, ClaimHelpKind kind, String subject, String name, PhoneNumber phone) {
        ClaimHelpRecord help = new ClaimHelpRecord();
        help.unionId = m.unionId;
        help.kind = kind;
        help.membershipId = m.id;
        help.subject = subject;
        help.name = name;
        Sealed sealed = personalData.encrypt(Purpose.CONTACT_PHONE, phone.value());
        help.contactPhoneCipher = sealed.ciphertext();
        help.contactPhoneKey = sealed.keyId();
        help.contactPhoneMasked = phone.masked();
        help.status = ClaimHelpStatus.OPEN;
        help.persist();
    }

    /** A Panache condition and its parameters: the list a page came from, without the page's position. */
    record Hql(String where, Map<String, Object> params) {
    }

    private static final Counter<Hql> HELP_REQUESTS = Counter.eachBy(q -> ClaimHelpRecord.count(q.where(), q.params()));

    /** claimHelpRequests: the to-do items of a subtree (default the official's own), oldest first. */
    public ClaimHelpRequestConnection helpRequests(Long unionId, ClaimHelpStatus status, PageRequest<Void> page) {
        Subtree subtree = scope.subtree(unionId, "unionId");
        Map<String, Object> params = subtree.parameters();
        String where = subtree.hqlUnionIdIn("unionId");
        if (status != null) {
            where += " and status = :status";
            params.put("status", status);
        }
        Hql list = new Hql(where, Map.copyOf(params));
        if (page.afterId() != null) {
            where += " and id > :after";
            params.put("after", page.afterId());
        }
        List<ClaimHelpRequest> rows = ClaimHelpRecord.<ClaimHelpRecord>find(where + " order by id", params).range(0, page.rowsToFetch() - 1)
                .list().stream().map(ClaimHelpRequest::of).toList();
        return new ClaimHelpRequestConnection(page.page(rows, r -> r.id, new CountKey<>(HELP_REQUESTS, list)));
    }

    public List<Integer> totalCounts(List<ClaimHelpRequestConnection> connections) {
        caller.official();
        return CountKey.totalCounts(connections);
    }

    /** closeClaimHelpRequest: an official of the union's subtree marks an item done, with a note; audited. */
    @Transactional
    public ClaimHelpRequest closeHelp(Long id, String noteText) {
        ClaimHelpRecord help = scope.ifVisible(id == null ? null : ClaimHelpRecord.<ClaimHelpRecord>findById(id), r -> r.unionId);
        if (help == null) {
            throw new NotFoundException("id: 求助不存在 — no help request " + id + " in your scope");
        }
        String note = MemberRules.note("note", noteText);
        if (help.status == ClaimHelpStatus.CLOSED) {
            throw new ConflictException("id: 该求助已处理 — the help request is already closed");
        }
        help.status = ClaimHelpStatus.CLOSED;
        help.closedAt = OffsetDateTime.now();
        help.closedBy = caller.subject();
        help.closeNote = note;
        ClaimHelpRecord.flush();
        TradeUnion union = TradeUnion.findById(help.unionId);
        audit.record("closeClaimHelpRequest", "ClaimHelpRequest", help.id, union.id, union.path, Map.of("status", "OPEN"),
                Map.of("status", "CLOSED"), note);
        return ClaimHelpRequest.of(help);
    }

    /**
     * revealClaimHelpContactPhone: the full number of a help request, to call the requester back. Like a
     * member's phone ({@link MemberService#reveal}): officials of the request's union and of the union
     * directly above it (others who see the request: FORBIDDEN; outside the subtree: NOT_FOUND); the
     * reveal and its reason are audited in the same transaction.
     */
    @Transactional
    public RevealedContactPhone revealContactPhone(ClaimInputs.RevealContactPhone input) {
        ClaimHelpRecord help = scope.ifVisible(input.id == null ? null : ClaimHelpRecord.<ClaimHelpRecord>findById(input.id), r -> r.unionId);
        if (help == null) {
            throw new NotFoundException("id: 求助不存在 — no help request " + input.id + " in your scope");
        }
        TradeUnion union = TradeUnion.findById(help.unionId);
        Long own = caller.official().unionId();
        if (!Objects.equals(own, union.id) && !Objects.equals(own, union.parentId)) {
            throw new ForbiddenException("id: 仅求助所属工会及其直接上级工会可查看完整联系电话 — only officials of the request's union and of the union "
                    + "directly above it may reveal the contact phone");
        }
        String reason = MemberRules.reason("reason", input.reason);
        String phone = personalData.decryptText(Purpose.CONTACT_PHONE, help.contactPhoneCipher, help.contactPhoneKey);
        audit.record("revealClaimHelpContactPhone", "ClaimHelpRequest", help.id, union.id, union.path, Map.of(),
                Map.of("revealed", "CONTACT_PHONE"), reason);
        return new RevealedContactPhone(help.id, phone);
    }

    // --- shared

    /** The caller's login, which must not be linked to a member record yet (CONFLICT otherwise: it already has one). */
    String unlinkedLogin() {
        caller.scope();
        String subject = caller.subject();
        if (Person.findBySubject(subject).isPresent()) {
            throw new ConflictException("me: 您的登录账号已关联会员档案 — your login is already linked to a member record");
        }
        return subject;
    }

    /** Counts a look-up by ID number against the login's, the ID number's and the client address's budgets. */
    void limit(String subject, byte[] idHash) {
        RoutingContext http = request.getCurrent();
        OptionalLong wait = buckets.takePersonLookup("sub:" + subject, HexFormat.of().formatHex(idHash), RateLimiter.clientAddress(http));
        if (wait.isPresent()) {
            long seconds = wait.getAsLong();
            throw RateLimiter.refuse(http, seconds, "认领和求助请求过于频繁, 请 " + seconds + " 秒后重试 (too many claim or help requests; retry in "
                    + seconds + " s)");
        }
    }
}
