package org.gonghui.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.gonghui.member.PhoneNumber;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.postgresql.PGConnection;

/**
 * Writes the valid rows of a roster. While rows are validated they are rendered, encrypted, as lines
 * of PostgreSQL's COPY text format into memory; the write is then one transaction: COPY into a
 * temporary staging table, then set-based statements for persons, memberships and their first
 * history record. About 100,000 rows in a few seconds, where row-by-row inserts would take minutes.
 */
final class RosterWriter {

    private static final HexFormat HEX = HexFormat.of();
    private static final String COLUMNS = "seq, id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, "
            + "phone_key, phone_masked, employer_name, employer_credit_code, occupation, key_groups, new_employment_form, migrant_worker, joined_on";

    private final PersonalData personalData;
    private final ChunkedBuffer copy = new ChunkedBuffer();
    private final StringBuilder line = new StringBuilder(512);
    private int rows;

    RosterWriter(PersonalData personalData) {
        this.personalData = personalData;
    }

    int rows() {
        return rows;
    }

    /** Adds one valid row, whose ID number has this keyed hash. */
    void add(RosterRules.Row row, byte[] idHash) {
        line.setLength(0);
        Sealed id = personalData.encrypt(Purpose.ID_NUMBER, row.idNumber().value());
        field(Integer.toString(row.row()));
        bytes(idHash);
        bytes(id.ciphertext());
        text(id.keyId());
        text(row.idNumber().masked());
        text(row.name());
        field(row.idNumber().birthDate().toString());
        field(row.idNumber().sex().name());
        PhoneNumber phone = row.phone();
        if (phone == null) {
            field(null);
            field(null);
            field(null);
            field(null);
        } else {
            Sealed sealed = personalData.encrypt(Purpose.PHONE, phone.value());
            bytes(personalData.hash(Purpose.PHONE, phone.value()));
            bytes(sealed.ciphertext());
            text(sealed.keyId());
            text(phone.masked());
        }
        text(row.employerName());
        text(row.employerCreditCode());
        text(row.occupation());
        field("{" + String.join(",", row.keyGroups()) + "}");
        field(row.newEmploymentForm() ? "t" : "f");
        field(row.migrantWorker() ? "t" : "f");
        field(row.joinedOn().toString());
        line.setCharAt(line.length() - 1, '\n');
        byte[] encoded = line.toString().getBytes(StandardCharsets.UTF_8);
        copy.write(encoded, 0, encoded.length);
        rows++;
    }

    /** Why the write was refused although every row had passed: a concurrent change. */
    static final class ConcurrentChange extends Exception {
        ConcurrentChange(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Writes the rows inside the caller's transaction on {@code connection} and returns how many
     * members were written. The unique index on open memberships may still fire (SQLState 23505)
     * when someone in the file joined elsewhere since validation; the caller rolls back.
     */
    int write(Connection connection, long importId, long unionId, String actor) throws SQLException, IOException, ConcurrentChange {
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    create temporary table roster_stage (
                        seq integer, id_hash bytea, id_cipher bytea, id_key text, id_masked text, name text collate "C", birth_date date,
                        sex text, phone_hash bytea, phone_cipher bytea, phone_key text, phone_masked text, employer_name text,
                        employer_credit_code text, occupation text, key_groups text[], new_employment_form boolean, migrant_worker boolean,
                        joined_on date) on commit drop""");
        }
        long copied;
        try (InputStream in = copy.inputStream()) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy roster_stage (" + COLUMNS + ") from stdin", in);
        }
        if (copied != rows) {
            throw new IllegalStateException("copied " + copied + " staged rows, expected " + rows);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("analyze roster_stage");
            // Validation saw these people free to join; someone may have registered or applied since.
            try (ResultSet rs = s.executeQuery("""
                    select count(*) filter (where p.name <> s.name),
                           count(*) filter (where exists (select 1 from membership m where m.person_hash = s.id_hash and m.status = 'PENDING'))
                      from roster_stage s join person p on p.id_hash = s.id_hash""")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new ConcurrentChange(rs.getLong(1) + " 人的身份证号在导入期间以其他姓名登记 (while the import ran, " + rs.getLong(1)
                            + " ID numbers of the file were registered under another name)");
                }
                if (rs.getLong(2) > 0) {
                    throw new ConcurrentChange(rs.getLong(2) + " 人在导入期间提交了入会申请 (while the import ran, " + rs.getLong(2)
                            + " people of the file applied to join a union)");
                }
            }
            s.executeUpdate("""
                    update person p set phone_hash = s.phone_hash, phone_cipher = s.phone_cipher, phone_key = s.phone_key,
                           phone_masked = s.phone_masked, version = p.version + 1, updated_at = now()
                      from roster_stage s
                     where p.id_hash = s.id_hash and s.phone_hash is not null and p.phone_hash is distinct from s.phone_hash""");
            s.executeUpdate("""
                    insert into person (id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key, phone_masked)
                    select id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key, phone_masked
                      from roster_stage order by seq
                    on conflict (id_hash) do nothing""");
        }
        String reason = "花名册导入 (roster import #" + importId + ")";
        try (PreparedStatement insert = connection.prepareStatement("""
                with written as (
                    insert into membership (person_id, person_hash, union_id, status, card_number, joined_on, employer_name,
                                            employer_credit_code, occupation, key_groups, new_employment_form, migrant_worker, status_reason)
                    select p.id, s.id_hash, ?, 'ACTIVE', 'GH' || lpad(nextval('member_card_seq')::text, 12, '0'), s.joined_on, s.employer_name,
                           s.employer_credit_code, s.occupation, s.key_groups, s.new_employment_form, s.migrant_worker, ?
                      from roster_stage s join person p on p.id_hash = s.id_hash
                     order by s.seq
                    returning id, person_hash, union_id)
                insert into membership_event (membership_id, person_hash, union_id, from_status, to_status, reason, actor_subject)
                select id, person_hash, union_id, null, 'ACTIVE', ?, ? from written""")) {
            insert.setLong(1, unionId);
            insert.setString(2, reason);
            insert.setString(3, reason);
            insert.setString(4, actor);
            return insert.executeUpdate();
        }
    }

    private void field(String value) {
        line.append(value == null ? "\\N" : value).append('\t');
    }

    /** A text value escaped for COPY's text format. */
    private void text(String value) {
        if (value == null) {
            field(null);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        line.append('\t');
    }

    /** bytea in hex form; the backslash is doubled for COPY's text format. */
    private void bytes(byte[] value) {
        line.append("\\\\x");
        HEX.formatHex(line, value);
        line.append('\t');
    }

    /** Growing output in 1 MiB chunks: no doubling copies of tens of megabytes. */
    private static final class ChunkedBuffer extends OutputStream {
        private static final int CHUNK = 1 << 20;
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] current;
        private int used = CHUNK;

        @Override
        public void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (used == CHUNK) {
                    current = new byte[CHUNK];
                    chunks.add(current);
                    used = 0;
                }
                int n = Math.min(len, CHUNK - used);
                System.arraycopy(b, off, current, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        InputStream inputStream() {
            List<InputStream> parts = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                parts.add(new ByteArrayInputStream(chunks.get(i), 0, i == chunks.size() - 1 ? used : CHUNK));
            }
            return new SequenceInputStream(Collections.enumeration(parts));
        }
    }
}
