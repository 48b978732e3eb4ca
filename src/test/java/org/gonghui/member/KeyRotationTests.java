package org.gonghui.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.member.PersonalDataRotation.Column;
import org.gonghui.member.PersonalDataRotation.Table;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalDataConfig;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Key rotation covers every ciphertext of the schema: a row of each listed table, every encrypted
 * column filled under the retired test key, is re-encrypted under the active key and still decrypts to
 * what it held; and no table of the schema holds a ciphertext column the rotation does not list.
 */
@QuarkusTestWithOidc
class KeyRotationTests {

    /** Tables of issue 16 (rights cases), whose purposes land with their feature: it adds their lines to {@link PersonalDataRotation#TABLES}. */


    @Inject
    DataSource dataSource;

    @Inject
    PersonalData active;

    @Inject
    PersonalDataConfig config;

    @Inject
    PersonalDataRotation rotation;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    @Test
    void afterRotationNoRowOfAnyTableNamesTheOldKeyAndEveryValueStillDecrypts() throws SQLException {
        PersonalData old = new PersonalData(config.encryptionKeys(), "test-old", config.hashKey());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("person.id_cipher", "41030619850312011" + IdNumber.checkCharacter("41030619850312011"));
        expected.put("person.phone_cipher", "13803791001");
        expected.put("one_time_code.new_phone_cipher", "13903830000");
        expected.put("claim_help_request.contact_phone_cipher", "13903830001");
        expected.put("text_outbox.phone_cipher", "13903830002");
        expected.put("text_outbox.code_cipher", "482913");
        expected.put("hardship_file.details_cipher", "{\"householdSize\":3,\"monthlyIncomeYuan\":\"1200.00\"}");
        expected.put("roster_import.content", "姓名,身份证号\n何强,410306198503120117\n");
        expected.put("rights_case.description_cipher", "公司拖欠三个月工资 (three months of wages unpaid)");
        expected.put("rights_case.worker_name_cipher", "赵小兰");
        expected.put("rights_case.contact_phone_cipher", "13903830003");
        expected.put("rights_case_step.text_cipher", "已电话联系用人单位 (called the employer)");
        expected.put("rights_case_attachment.content_cipher", "%PDF-1.4 wage slip");
        try (Connection c = dataSource.getConnection()) {
            update(c, "update person set id_cipher = ?, id_key = ?, phone_cipher = ?, phone_key = ? where id = 1",
                    old.encrypt(Purpose.ID_NUMBER, expected.get("person.id_cipher")), old.encrypt(Purpose.PHONE, expected.get("person.phone_cipher")));
            update(c, """
                    insert into one_time_code (id_hash, kind, subject, membership_id, nonce, code_hash, new_code_hash, new_phone_cipher, new_phone_key, expires_at)
                    select person_hash, 'PHONE_CHANGE', 'sub-worker', id, '\\x00'::bytea, '\\x01'::bytea, '\\x02'::bytea, ?, ?, now() + interval '5 minutes'
                      from membership where id = 1""", old.encrypt(Purpose.CONTACT_PHONE, expected.get("one_time_code.new_phone_cipher")));
            update(c, """
                    insert into claim_help_request (union_id, kind, membership_id, subject, name, contact_phone_cipher, contact_phone_key, contact_phone_masked)
                    values (41030611, 'CLAIM', 1, 'sub-worker', '何强', ?, ?, '139****0001')""",
                    old.encrypt(Purpose.CONTACT_PHONE, expected.get("claim_help_request.contact_phone_cipher")));
            update(c, """
                    insert into text_outbox (purpose, phone_cipher, phone_key, phone_hash, code_cipher, code_key, not_after)
                    values ('CLAIM_CODE', ?, ?, '\\x03'::bytea, ?, ?, now() + interval '5 minutes')""",
                    old.encrypt(Purpose.PHONE, expected.get("text_outbox.phone_cipher")), old.encrypt(Purpose.TEXT_CODE, expected.get("text_outbox.code_cipher")));
            update(c, """
                    insert into hardship_file (membership_id, person_hash, union_id, level, reasons, details_cipher, details_key, status)
                    select id, person_hash, union_id, 'GENERAL', '{ILLNESS}', ?, ?, 'APPLIED' from membership where id = 1""",
                    old.encrypt(Purpose.HARDSHIP_DETAILS, expected.get("hardship_file.details_cipher")));
            update(c, """
                    insert into roster_import (union_id, requested_by, dry_run, partial, state, content, content_key, size_bytes)
                    values (41030611, 'sub-heyang-baoan', true, false, 'QUEUED', ?, ?, 40)""",
                    old.encrypt(Purpose.ROSTER_FILE, expected.get("roster_import.content")));
            update(c, """
                    insert into rights_case (id, category, channel, status, description_cipher, description_key, worker_name_cipher, worker_name_key,
                                             contact_phone_cipher, contact_phone_key, received_union_id, handling_union_id, submitted_by, accept_due)
                    values (100000001, 'WAGE_ARREARS', 'HOTLINE', 'SUBMITTED', ?, ?, ?, ?, ?, ?, 41030611, 41030611, 'sub-heyang-baoan', current_date + 3)""",
                    old.encrypt(Purpose.RIGHTS_CASE_TEXT, expected.get("rights_case.description_cipher")),
                    old.encrypt(Purpose.RIGHTS_CASE_TEXT, expected.get("rights_case.worker_name_cipher")),
                    old.encrypt(Purpose.CONTACT_PHONE, expected.get("rights_case.contact_phone_cipher")));
            update(c, """
                    insert into rights_case_step (case_id, kind, internal, union_id, text_cipher, text_key, actor)
                    values (100000001, 'CONTACT', true, 41030611, ?, ?, 'sub-heyang-baoan')""",
                    old.encrypt(Purpose.RIGHTS_CASE_TEXT, expected.get("rights_case_step.text_cipher")));
            update(c, """
                    insert into rights_case_attachment (case_id, content_type, size_bytes, content_hash, content_cipher, content_key, uploaded_by, uploaded_by_worker)
                    values (100000001, 'application/pdf', 18, sha256('x'::bytea), ?, ?, 'sub-heyang-baoan', false)""",
                    old.encrypt(Purpose.RIGHTS_ATTACHMENT, expected.get("rights_case_attachment.content_cipher")));
        }
        for (Table table : PersonalDataRotation.TABLES) {
            for (Column column : table.columns()) {
                assertTrue(expected.containsKey(table.name() + "." + column.cipher()), () -> "no fixture for " + table.name() + "." + column.cipher());
                assertEquals(1, underOldKey(table, column), table.name() + "." + column.cipher());
            }
        }

        while (rotation.reencryptBatch() > 0) {
            // one batch of each table at a time, as the job does
        }

        for (Table table : PersonalDataRotation.TABLES) {
            for (Column column : table.columns()) {
                String name = table.name() + "." + column.cipher();
                assertEquals(0, underOldKey(table, column), name);
                List<String> values = decrypted(table, column);
                assertTrue(values.contains(expected.get(name)), () -> name + " holds " + values.size() + " values, none the expected one");
            }
        }
        assertEquals(0, rotation.reencryptBatch(), "nothing left");
    }

    @Test
    void everyCiphertextColumnOfTheSchemaIsListedForRotation() {
        Set<String> listed = new TreeSet<>();
        PersonalDataRotation.TABLES.forEach(t -> t.columns().forEach(c -> listed.add(t.name() + "." + c.cipher())));
        Set<String> inSchema = new TreeSet<>(List.of(DemoData.queryString(dataSource, """
                select string_agg(table_name || '.' || column_name, ',') from information_schema.columns
                 where table_schema = current_schema() and data_type = 'bytea'
                   and (column_name like '%\\_cipher' or (table_name, column_name) = ('roster_import', 'content'))""").split(",")));
        assertEquals(inSchema, listed);
    }

    private long underOldKey(Table table, Column column) {
        return DemoData.queryLong(dataSource, "select count(*) from " + table.name() + " where " + column.keyId() + " = 'test-old'");
    }

    private List<String> decrypted(Table table, Column column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + column.cipher() + ", " + column.keyId() + " from " + table.name()
                        + " where " + column.cipher() + " is not null");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                assertEquals(active.activeKey(), rs.getString(2));
                values.add(new String(active.decrypt(column.purpose(), rs.getBytes(1), rs.getString(2)), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void update(Connection c, String sql, PersonalData.Sealed... sealed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int p = 1;
            for (PersonalData.Sealed x : sealed) {
                s.setBytes(p++, x.ciphertext());
                s.setString(p++, x.keyId());
            }
            assertEquals(1, s.executeUpdate(), sql);
        }
    }
}
