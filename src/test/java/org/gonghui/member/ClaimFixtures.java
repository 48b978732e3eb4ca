package org.gonghui.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.Tokens;

import io.quarkus.arc.Arc;

/** Members made for claim tests (each with an ID number of its own), member logins, and the claim operations. */
final class ClaimFixtures {

    static final String REQUEST = "mutation($id: String!, $name: String!) { requestMembershipClaim(idNumber: $id, name: $name) { message } }";
    static final String CONFIRM = "mutation($code: String!) { confirmMembershipClaim(code: $code) { id name phone status } }";
    static final String HELP = """
            mutation($id: String!, $name: String!, $phone: String!) {
              requestClaimHelp(idNumber: $id, name: $name, contactPhone: $phone) { message } }""";

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 5000) + 1000);

    private ClaimFixtures() {
    }

    /** A member on record: the membership id, the person's ID number, name and phone (null: none on record). */
    record Fixture(long membershipId, long personId, String idNumber, String name, String phone) {
    }

    /** A fresh valid ID number that nobody holds. */
    static String freshIdNumber() {
        int n = NEXT.incrementAndGet();
        String birth = java.time.LocalDate.of(1970, 1, 1).plusDays(n / 500).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = "410306" + birth + String.format("%03d", (n % 500) * 2 + 1);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** An ACTIVE member of 41030611 河阳保安 with this phone on record (null: none), not linked to any login. */
    static Fixture member(String phone) {
        String id = freshIdNumber();
        String name = "认领" + "甲乙丙丁戊己庚辛壬癸".charAt(NEXT.get() % 10);
        PersonalData pd = Arc.container().instance(PersonalData.class).get();
        byte[] hash = pd.hash(Purpose.ID_NUMBER, id);
        Sealed idSealed = pd.encrypt(Purpose.ID_NUMBER, id);
        Sealed phoneSealed = phone == null ? null : pd.encrypt(Purpose.PHONE, phone);
        try (Connection c = dataSource().getConnection()) {
            long personId;
            try (PreparedStatement s = c.prepareStatement("""
                    insert into person (id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key, phone_masked)
                    values (?, ?, ?, ?, ?, ?, 'MALE', ?, ?, ?, ?) returning id""")) {
                s.setBytes(1, hash);
                s.setBytes(2, idSealed.ciphertext());
                s.setString(3, idSealed.keyId());
                s.setString(4, new IdNumber(id).masked());
                s.setString(5, name);
                s.setObject(6, new IdNumber(id).birthDate());
                s.setBytes(7, phone == null ? null : pd.hash(Purpose.PHONE, phone));
                s.setBytes(8, phoneSealed == null ? null : phoneSealed.ciphertext());
                s.setString(9, phoneSealed == null ? null : phoneSealed.keyId());
                s.setString(10, phone == null ? null : new PhoneNumber(phone).masked());
                personId = single(s);
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into membership (person_id, person_hash, name, union_id, status, card_number, joined_on)
                    values (?, ?, ?, 41030611, 'ACTIVE', 'GHT' || lpad(nextval('member_card_seq')::text, 11, '0'), date '2020-01-01') returning id""")) {
                s.setLong(1, personId);
                s.setBytes(2, hash);
                s.setString(3, name);
                return new Fixture(single(s), personId, id, name, phone);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Links the fixture's person to a login, as an earlier link would have. */
    static void linkTo(Fixture f, String subject) {
        execute("update person set subject = '" + subject + "' where id = " + f.personId());
    }

    /** A member login of its own (role member, no membership linked): its token and subject. */
    record Login(String token, String subject) {
    }

    static Login newLogin() {
        String username = "claimer-" + UUID.randomUUID();
        return new Login(Tokens.signed(Tokens.token(username, List.of("member"), null)), "sub-" + username);
    }

    static Result request(Login login, String idNumber, String name) {
        return GraphQLClient.post(login.token(), REQUEST, Map.of("id", idNumber, "name", name));
    }

    static Result confirm(Login login, String code) {
        return GraphQLClient.post(login.token(), CONFIRM, Map.of("code", code));
    }

    static Result help(Login login, String idNumber, String name, String phone) {
        return GraphQLClient.post(login.token(), HELP, Map.of("id", idNumber, "name", name, "phone", phone));
    }

    /** The keyed hash a code is stored as, under a row's nonce. */
    static byte[] codeHash(byte[] nonce, String code) {
        return Arc.container().instance(PersonalData.class).get().hash(Purpose.ONE_TIME_CODE, HexFormat.of().formatHex(nonce) + ":" + code);
    }

    static DataSource dataSource() {
        return Arc.container().instance(DataSource.class).get();
    }

    static void execute(String sql) {
        org.gonghui.testing.DemoData.execute(dataSource(), sql);
    }

    static long count(String sql) {
        return org.gonghui.testing.DemoData.queryLong(dataSource(), sql);
    }

    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
