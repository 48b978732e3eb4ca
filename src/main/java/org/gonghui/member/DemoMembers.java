package org.gonghui.member;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.SqlText;


/**
 * Demo members (fictional people with valid ID numbers) in the demo hierarchy, for dev mode, tests and
 * a packaged application started with {@code gonghui.demo.load=true} (see {@code dev/DemoDataLoader}).
 * Written through the same encryption and keyed hash as real data, so they cannot be a SQL script.
 * Fixed ids below 100,000,000.
 */
@ApplicationScoped
public class DemoMembers {

    /** One demo member: the first 17 ID digits (check character computed), and their membership. */
    record Demo(long id, long unionId, String name, String id17, String phone, MemberStatus status, List<KeyGroup> groups,
            boolean newForm, boolean migrant, String employer, String joinedOn) {
    }

    static final List<Demo> MEMBERS = List.of(
            new Demo(1, 41030611, "何强", "41030619850312011", "13803791001", MemberStatus.ACTIVE, List.of(KeyGroup.SECURITY_GUARD), false, false, "洛阳河阳保安服务有限公司", "2015-03-01"),
            new Demo(2, 41030611, "李娜", "41030619900705022", "13803791002", MemberStatus.ACTIVE, List.of(), false, false, "洛阳河阳保安服务有限公司", "2016-05-10"),
            new Demo(3, 41030611, "王伟", "41030319880101031", "13803791003", MemberStatus.ACTIVE, List.of(KeyGroup.SECURITY_GUARD), false, true, "洛阳河阳保安服务有限公司", "2018-09-01"),
            new Demo(4, 41030611, "张敏", "41030619600220042", "13803791004", MemberStatus.RETAINED, List.of(), false, false, "洛阳河阳保安服务有限公司", "2015-03-01"),
            new Demo(5, 41030612, "刘洋", "41030619920815051", "13903792005", MemberStatus.ACTIVE, List.of(KeyGroup.MALL_INFO_STAFF), false, false, "洛阳顺达商贸有限公司", "2017-01-15"),
            new Demo(6, 41030612, "陈静", "41030519950412062", "13903792006", MemberStatus.ACTIVE, List.of(), false, false, "洛阳顺达商贸有限公司", "2019-03-08"),
            new Demo(7, 41030621, "杨帆", "41030619980909071", "15603793007", MemberStatus.PROVISIONAL, List.of(KeyGroup.COURIER), true, true, "吉利区快递驿站", "2023-06-01"),
            new Demo(8, 41030621, "赵磊", "41030619870607081", "15603793008", MemberStatus.ACTIVE, List.of(KeyGroup.REAL_ESTATE_AGENT), false, false, "吉利区安居房产中介", "2020-11-20"),
            new Demo(9, 41030601, "孙涛", "41030619820303091", "18703794009", MemberStatus.ACTIVE, List.of(KeyGroup.TRUCK_DRIVER), true, false, "吉利区顺通货运", "2021-05-01"),
            new Demo(10, 22080211, "吴刚", "22080219790112101", "13604365010", MemberStatus.ACTIVE, List.of(), false, false, "白城金源物业服务有限公司", "2018-03-01"),
            new Demo(11, 22082202, "郑浩", "22082219990101111", "17604366011", MemberStatus.ACTIVE, List.of(KeyGroup.FOOD_DELIVERY_RIDER), true, true, "通榆县众达配送服务有限公司", "2022-03-01"),
            new Demo(12, 41030611, "黄丽", "41030620000202122", "13803791012", MemberStatus.PENDING, List.of(), false, false, "洛阳河阳保安服务有限公司", null),
            new Demo(13, 41030612, "周淑芬", "11010519491231002", null, MemberStatus.RETAINED, List.of(), false, false, "洛阳顺达商贸有限公司", "1998-07-01"),
            new Demo(14, 22080211, "马超", "22080219960618131", "13604365014", MemberStatus.PENDING, List.of(), false, false, "白城金源物业服务有限公司", null));

    @Inject
    EntityManager em;

    @Inject
    PersonalData personalData;

    @Transactional
    public void seedIfEmpty() {
        if (((Number) em.createNativeQuery("select count(*) from membership where id < 100000000").getSingleResult()).longValue() == 0) {
            seed();
        }
    }

    @Transactional
    void seed() {
        for (Demo d : MEMBERS) {
            IdNumber id = MemberRules.idNumber("idNumber", d.id17() + IdNumber.checkCharacter(d.id17()));
            PhoneNumber phone = PhoneNumber.parse(d.phone());
            byte[] hash = personalData.hash(Purpose.ID_NUMBER, id.value());
            Sealed idSealed = personalData.encrypt(Purpose.ID_NUMBER, id.value());
            Sealed phoneSealed = phone == null ? null : personalData.encrypt(Purpose.PHONE, phone.value());
            em.createNativeQuery("""
                    insert into person (id, id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key, phone_masked)
                    values (:id, :hash, :cipher, :key, :masked, :name, :birth, :sex, :phoneHash, :phoneCipher, :phoneKey, :phoneMasked)""")
                    .setParameter("id", d.id()).setParameter("hash", hash).setParameter("cipher", idSealed.ciphertext())
                    .setParameter("key", idSealed.keyId()).setParameter("masked", id.masked()).setParameter("name", d.name())
                    .setParameter("birth", id.birthDate()).setParameter("sex", id.sex().name())
                    .setParameter("phoneHash", phone == null ? null : personalData.hash(Purpose.PHONE, phone.value()))
                    .setParameter("phoneCipher", phoneSealed == null ? null : phoneSealed.ciphertext())
                    .setParameter("phoneKey", phoneSealed == null ? null : phoneSealed.keyId())
                    .setParameter("phoneMasked", phone == null ? null : phone.masked())
                    .executeUpdate();
            boolean pending = d.status() == MemberStatus.PENDING;
            em.createNativeQuery("""
                    insert into membership (id, person_id, person_hash, name, union_id, status, provisional, card_number, joined_on, employer_name,
                                            key_groups, new_employment_form, migrant_worker)
                    values (:id, :id, :hash, :name, :union, :status, :provisional, :card, :joined, :employer, cast(:groups as text[]), :newForm, :migrant)""")
                    .setParameter("id", d.id()).setParameter("hash", hash).setParameter("union", d.unionId())
                    .setParameter("name", d.name())
                    .setParameter("status", d.status().name()).setParameter("provisional", d.status() == MemberStatus.PROVISIONAL)
                    .setParameter("card", pending ? null : "GH%012d".formatted(d.id()))
                    .setParameter("joined", d.joinedOn() == null ? null : LocalDate.parse(d.joinedOn()))
                    .setParameter("employer", d.employer())
                    .setParameter("groups", SqlText.textArray(d.groups().stream().map(Enum::name).toList()))
                    .setParameter("newForm", d.newForm()).setParameter("migrant", d.migrant())
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into membership_event (membership_id, person_hash, union_id, from_status, to_status, reason, actor_subject)
                    values (:id, :hash, :union, null, :status, '演示数据 (demo data)', 'demo')""")
                    .setParameter("id", d.id()).setParameter("hash", hash).setParameter("union", d.unionId())
                    .setParameter("status", d.status().name())
                    .executeUpdate();
        }
        // Demo card numbers use GH000000000001..; issued ones continue above them.
        em.createNativeQuery("select setval('member_card_seq', greatest(1000, (select last_value from member_card_seq)))").getSingleResult();
    }
}
