package org.gonghui.member;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.notification.TextMessageRequested;
import org.gonghui.notification.TextPurpose;
import org.gonghui.security.Caller;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;

/**
 * A member's own contact details: employer, credit code and occupation change directly; a new phone
 * needs a code sent to it and one sent to the phone on record (or, with the old phone lost, a request
 * to the union's officials). Key groups and flags stay with officials ({@code updateMember}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContactService {

    @Inject
    Caller caller;

    @Inject
    PersonalData personalData;

    @Inject
    OneTimeCodes codes;

    @Inject
    ClaimService claims;

    @Inject
    AuditLog audit;

    @Inject
    Event<MemberNotice> notices;

    @Inject
    Event<TextMessageRequested> texts;

    /** updateMyContact. */
    @Transactional
    public MyContactUpdate update(ClaimInputs.UpdateMyContact input) {
        Membership m = ownMembership();
        Map<String, String> before = MemberService.auditedFields(m);
        if (input.employerName != null) {
            m.employerName = Text.name("input.employerName", input.employerName, 200, false);
        }
        if (input.employerCreditCode != null) {
            m.employerCreditCode = MemberRules.creditCode("input.employerCreditCode", input.employerCreditCode);
        }
        if (input.occupation != null) {
            m.occupation = MemberRules.text("input.occupation", input.occupation, 100);
        }
        PhoneChangeState phoneChange = null;
        if (input.phone != null) {
            PhoneNumber phone = MemberRules.phone("input.phone", input.phone);
            if (phone == null) {
                throw new ValidationException("input.phone: 不能为空 — give the new number (removing the phone on record is for officials)");
            }
            phoneChange = Boolean.TRUE.equals(input.oldPhoneLost) ? askUnion(m, phone) : sendCodes(m, phone);
        } else if (input.oldPhoneLost != null) {
            throw new ValidationException("input.oldPhoneLost: 仅在更换手机号时填写 — only with a new phone");
        }
        Map<String, String> after = MemberService.auditedFields(m);
        if (!after.equals(before)) {
            m.updatedAt = OffsetDateTime.now();
            Membership.flush();
            audit.record("updateMyContact", "Member", m.id, m.unionId, MemberService.unionPath(m), before, after);
        }
        return new MyContactUpdate(Member.of(m, m.person), phoneChange);
    }

    /** Two codes: one to the new phone, one to the phone on record (none when no phone is on record). */
    private PhoneChangeState sendCodes(Membership m, PhoneNumber phone) {
        String subject = caller.subject();
        Person p = m.person;
        OneTimeCode.closeOpen(subject, OneTimeCode.Kind.PHONE_CHANGE);
        String newCode = codes.newCode();
        String oldCode = codes.newCode();
        OneTimeCode change = new OneTimeCode();
        change.idHash = m.personHash;
        change.kind = OneTimeCode.Kind.PHONE_CHANGE;
        change.subject = subject;
        change.membershipId = m.id;
        change.nonce = codes.newNonce();
        change.codeHash = codes.hash(change.nonce, oldCode);
        change.newCodeHash = codes.hash(change.nonce, newCode);
        Sealed sealed = personalData.encrypt(Purpose.CONTACT_PHONE, phone.value());
        change.newPhoneCipher = sealed.ciphertext();
        change.newPhoneKey = sealed.keyId();
        change.expiresAt = codes.expiry();
        change.persist();
        texts.fire(new TextMessageRequested(phone.value(), TextPurpose.PHONE_CHANGE_NEW, newCode, change.expiresAt.toInstant(), subject));
        if (p.phoneCipher != null) {
            texts.fire(new TextMessageRequested(personalData.decryptText(Purpose.PHONE, p.phoneCipher, p.phoneKey), TextPurpose.PHONE_CHANGE_OLD,
                    oldCode, change.expiresAt.toInstant(), subject));
        }
        return PhoneChangeState.CODES_SENT;
    }

    /** The old phone is lost: a to-do item for the union's officials, who check who it is and record the number. */
    private PhoneChangeState askUnion(Membership m, PhoneNumber phone) {
        claims.fileHelp(m, ClaimHelpKind.PHONE_LOST, caller.subject(), m.person.name, phone);
        return PhoneChangeState.SENT_TO_UNION;
    }

    /** confirmPhoneChange: both codes right and in time record the new phone; empty (one refusal for every failure) otherwise. */
    @Transactional
    public Optional<Member> confirmPhoneChange(String newCodeText, String oldCodeText) {
        Membership m = ownMembership();
        String newCode = OneTimeCodes.parse("newPhoneCode", newCodeText);
        String oldCode = oldCodeText == null ? null : OneTimeCodes.parse("oldPhoneCode", oldCodeText);
        Person p = m.person;
        boolean oldNeeded = p.phoneCipher != null;
        Optional<OneTimeCode> open = OneTimeCode.findOpenForUpdate(caller.subject(), OneTimeCode.Kind.PHONE_CHANGE);
        byte[] nonce = open.map(c -> c.nonce).orElseGet(codes::newNonce);
        // both comparisons run whatever the first one says
        boolean newRight = codes.matches(nonce, newCode, open.map(c -> c.newCodeHash).orElse(null));
        boolean oldRight = codes.matches(nonce, oldCode == null ? "" : oldCode, open.map(c -> c.codeHash).orElse(null));
        if (open.isEmpty()) {
            return Optional.empty();
        }
        OneTimeCode change = open.get();
        if (!claims.checked(change, newRight && (oldRight || !oldNeeded) && m.id.equals(change.membershipId))) {
            return Optional.empty();
        }
        String previous = oldNeeded ? personalData.decryptText(Purpose.PHONE, p.phoneCipher, p.phoneKey) : null;
        String previousMasked = p.phoneMasked;
        PhoneNumber next = PhoneNumber.parse(personalData.decryptText(Purpose.CONTACT_PHONE, change.newPhoneCipher, change.newPhoneKey));
        p.setPhone(next, personalData);
        p.updatedAt = OffsetDateTime.now();
        m.updatedAt = p.updatedAt;
        Membership.flush();
        audit.record("confirmPhoneChange", "Member", m.id, m.unionId, MemberService.unionPath(m),
                previousMasked == null ? Map.of() : Map.of("phone", previousMasked), Map.of("phone", p.phoneMasked + " (changed)"));
        notices.fire(new MemberNotice(m.id, NoticeType.PHONE_CHANGED, "您登记的手机号已变更为 " + p.phoneMasked,
                "The phone on record was changed to " + p.phoneMasked, String.valueOf(m.id)));
        if (previous != null) {
            texts.fire(new TextMessageRequested(previous, TextPurpose.PHONE_CHANGED_NOTICE, null, OffsetDateTime.now().plusDays(1).toInstant(),
                    caller.subject()));
        }
        return Optional.of(Member.of(m, p));
    }

    /** The membership that counts of the person the caller's login is linked to; NOT_FOUND without one. */
    private Membership ownMembership() {
        caller.scope();
        return Person.findBySubject(caller.subject()).flatMap(p -> Membership.findOpen(p.idHash))
                .orElseThrow(() -> new NotFoundException("me: 您的登录账号尚未关联会籍 — no membership is linked to your login"));
    }
}
