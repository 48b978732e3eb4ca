package org.gonghui.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Tuple;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A membership with its person as the API shows it: personal data masked. Built from rows, never from
 * ciphertexts, so no full ID number or phone can reach a response through this type.
 */
@Description("会员 (a member or applicant: one membership and the person holding it; ID number and phone masked)")
public class Member {

    @Id
    @NonNull
    @Description("Id of the membership. A person who leaves and joins again has a new one.")
    public Long id;

    @NonNull
    @Description("姓名 (name).")
    public String name;

    @NonNull
    @Description("身份证号, 脱敏 (resident ID number, masked: 110***********002X). See revealMemberPersonalData.")
    public String idNumber;

    @Description("手机号, 脱敏 (mobile phone, masked: 138****1234); null when none is recorded.")
    public String phone;

    @NonNull
    @Description("出生日期 (birth date, from the ID number).")
    public LocalDate birthDate;

    @NonNull
    @Description("性别 (sex, from the ID number).")
    public Sex sex;

    @Id
    @NonNull
    @Description("Id of the union the membership belongs to (for a TRANSFERRING member: still the outgoing union).")
    public Long unionId;

    @NonNull
    @Description("会籍状态 (status).")
    public MemberStatus status;

    @Description("Reason given with the last status change (rejection, withdrawal...).")
    public String statusReason;

    @NonNull
    @Description("When the status last changed.")
    public OffsetDateTime statusChangedAt;

    @Description("会员卡号 (electronic member card number); null for applications.")
    public String cardNumber;

    @Description("入会日期 (original join date; survives transfers); null for applications.")
    public LocalDate joinedOn;

    @Description("工作单位 (employer).")
    public String employerName;

    @Description("工作单位统一社会信用代码 (employer's unified social credit code).")
    public String employerCreditCode;

    @Description("职业 (occupation).")
    public String occupation;

    @NonNull
    @Description("重点群体 (key groups).")
    public List<@NonNull KeyGroup> keyGroups;

    @NonNull
    @Description("新就业形态劳动者 (works in a new employment form).")
    public boolean newEmploymentForm;

    @NonNull
    @Description("农民工 (migrant worker).")
    public boolean migrantWorker;

    @NonNull
    @Description("Whether the person's own login (OIDC subject) is linked, so they see their membership in `me`.")
    public boolean loginLinked;

    @NonNull
    @Description("Version for optimistic locking: pass the value you read to every member mutation; a stale value is CONFLICT.")
    public int version;

    @Ignore
    public Long personId;

    public Member() {
    }

    static Member of(Membership m, Person p) {
        Member member = new Member();
        member.id = m.id;
        member.personId = p.id;
        member.name = p.name;
        member.idNumber = p.idMasked;
        member.phone = p.phoneMasked;
        member.birthDate = p.birthDate;
        member.sex = p.sex;
        member.unionId = m.unionId;
        member.status = m.status;
        member.statusReason = m.statusReason;
        member.statusChangedAt = m.statusChangedAt;
        member.cardNumber = m.cardNumber;
        member.joinedOn = m.joinedOn;
        member.employerName = m.employerName;
        member.employerCreditCode = m.employerCreditCode;
        member.occupation = m.occupation;
        member.keyGroups = m.keyGroupList();
        member.newEmploymentForm = m.newEmploymentForm;
        member.migrantWorker = m.migrantWorker;
        member.loginLinked = p.subject != null;
        member.version = m.version;
        return member;
    }

    /** The columns {@link #of(Tuple)} reads; m is membership, p is person. */
    static final String COLUMNS = """
            m.id, m.person_id, m.union_id, m.status, m.status_reason, m.status_changed_at, m.card_number, m.joined_on,
            m.employer_name, m.employer_credit_code, m.occupation, array_to_string(m.key_groups, ',') as key_groups,
            m.new_employment_form, m.migrant_worker, m.version, p.name, p.id_masked, p.phone_masked, p.birth_date, p.sex,
            p.subject is not null as login_linked""";

    static Member of(Tuple row) {
        Member member = new Member();
        member.id = row.get("id", Number.class).longValue();
        member.personId = row.get("person_id", Number.class).longValue();
        member.unionId = row.get("union_id", Number.class).longValue();
        member.status = MemberStatus.valueOf(row.get("status", String.class));
        member.statusReason = row.get("status_reason", String.class);
        // as Hibernate gives entity timestamps (normalized to the JVM's zone), so lists and member(id) agree
        Object changed = row.get("status_changed_at");
        member.statusChangedAt = changed instanceof java.time.Instant instant ? instant.atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime() : (OffsetDateTime) changed;
        member.cardNumber = row.get("card_number", String.class);
        member.joinedOn = row.get("joined_on", LocalDate.class);
        member.employerName = row.get("employer_name", String.class);
        member.employerCreditCode = row.get("employer_credit_code", String.class);
        member.occupation = row.get("occupation", String.class);
        String groups = row.get("key_groups", String.class);
        member.keyGroups = groups == null || groups.isEmpty() ? List.of() : Arrays.stream(groups.split(",")).map(KeyGroup::valueOf).toList();
        member.newEmploymentForm = row.get("new_employment_form", Boolean.class);
        member.migrantWorker = row.get("migrant_worker", Boolean.class);
        member.version = row.get("version", Number.class).intValue();
        member.name = row.get("name", String.class);
        member.idNumber = row.get("id_masked", String.class);
        member.phone = row.get("phone_masked", String.class);
        member.birthDate = row.get("birth_date", LocalDate.class);
        member.sex = Sex.valueOf(row.get("sex", String.class));
        member.loginLinked = row.get("login_linked", Boolean.class);
        return member;
    }
}
