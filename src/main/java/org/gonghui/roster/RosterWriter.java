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
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Writes the valid rows of a roster. While rows are validated they are rendered, encrypted, as lines
 * of PostgreSQL's COPY text format into memory; the write is then one transaction: COPY into a
 * temporary staging table, then set-based statements for persons, memberships and their first
 * history record. About 100,000 rows in a few seconds, where row-by-row inserts would take minutes.
 */
final class RosterWriter {

    private static final Logger LOG = Logger.getLogger(RosterWriter.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final String COLUMNS = "seq, person_id, new_person, membership_id, card_number, id_hash, id_cipher, id_key, id_masked, name, "
            + "birth_date, sex, phone_hash, phone_cipher, phone_key, phone_masked, employer_name, employer_credit_code, occupation, key_groups, "
            + "new_employment_form, migrant_worker, joined_on";

    private final PersonalData personalData;
    private final ChunkedBuffer copy = new ChunkedBuffer();
    private int rows;

    RosterWriter(PersonalData personalData) {
        this.personalData = personalData;
    }

    int rows() {
        return rows;
    }

    /** A valid row with its keyed hash and the ids it will be written under (reserved from the sequences beforehand). */
    record Staged(RosterRules.Row row, byte[] idHash, long personId, boolean newPerson, long membershipId, String cardNumber) {
    }

    /** Reserves {@code count} values of a sequence in one statement. */
    static long[] reserve(Connection connection, String sequenceSql, int count) throws SQLException {
        long[] values = new long[count];
        if (count == 0) {
            return values;
        }
        try (PreparedStatement query = connection.prepareStatement("select nextval(" + sequenceSql + ") from generate_series(1, ?)")) {
            query.setInt(1, count);
            try (ResultSet rs = query.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    values[i] = rs.getLong(1);
                }
            }
        }
        return values;
    }

    /** Adds valid rows in their order; the encryption, most of the work, runs on every core. */
    void addAll(List<Staged> staged) {
        byte[][] lines = staged.parallelStream().map(this::line).toArray(byte[][]::new);
        for (byte[] line : lines) {
            copy.write(line, 0, line.length);
        }
        rows += lines.length;
    }

    private byte[] line(Staged staged) {
        StringBuilder line = new StringBuilder(640);
        RosterRules.Row row = staged.row();
        Sealed id = personalData.encrypt(Purpose.ID_NUMBER, row.idNumber().value());
        field(line, Integer.toString(row.row()));
        field(line, Long.toString(staged.personId()));
        field(line, staged.newPerson() ? "t" : "f");
        field(line, Long.toString(staged.membershipId()));
        field(line, staged.cardNumber());
        bytes(line, staged.idHash());
        bytes(line, id.ciphertext());
        text(line, id.keyId());
        text(line, row.idNumber().masked());
        text(line, row.name());
        field(line, row.idNumber().birthDate().toString());
        field(line, row.idNumber().sex().name());
        PhoneNumber phone = row.phone();
        if (phone == null) {
            field(line, null);
            field(line, null);
            field(line, null);
            field(line, null);
        } else {
            Sealed sealed = personalData.encrypt(Purpose.PHONE, phone.value());
            bytes(line, personalData.hash(Purpose.PHONE, phone.value()));
            bytes(line, sealed.ciphertext());
            text(line, sealed.keyId());
            text(line, phone.masked());
        }
        text(line, row.employerName());
        text(line, row.employerCreditCode());
        text(line, row.occupation());
        field(line, "{" + String.join(",", row.keyGroups()) + "}");
        field(line, row.newEmploymentForm() ? "t" : "f");
        field(line, row.migrantWorker() ? "t" : "f");
        field(line, row.joinedOn().toString());
        line.setCharAt(line.length() - 1, '\n');
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Why the write was refused although every row had passed: a concurrent change. */
    static final class ConcurrentChange extends Exception {
        ConcurrentChange(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Writes the rows inside the caller's transaction on {@code connection} and returns how many
     * members were written. A unique index may still fire (SQLState 23505) when someone in the file
     * registered or joined elsewhere since validation; the caller rolls back.
     */
    int write(Connection connection, long importId, long unionId, String actor) throws SQLException, IOException, ConcurrentChange {
        long started = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    create temporary table roster_stage (
                        seq integer, person_id bigint, new_person boolean, membership_id bigint, card_number text, id_hash bytea,
                        id_cipher bytea, id_key text, id_masked text, name text collate "C", birth_date date, sex text, phone_hash bytea,
                        phone_cipher bytea, phone_key text, phone_masked text, employer_name text, employer_credit_code text, occupation text,
                        key_groups text[], new_employment_form boolean, migrant_worker boolean, joined_on date) on commit drop""");
        }
        long copied;
        try (InputStream in = copy.inputStream()) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy roster_stage (" + COLUMNS + ") from stdin", in);
        }
        if (copied != rows) {
            throw new IllegalStateException("copied " + copied + " staged rows, expected " + rows);
        }
        long staged = System.nanoTime();
        String reason = "花名册导入 (roster import #" + importId + ")";
        try (Statement s = connection.createStatement()) {
            // Validation saw these people free to join; one may have applied since (a new registration
            // or membership makes a unique index fire below).
            try (ResultSet rs = s.executeQuery("""
                    select count(*) from roster_stage s
                     where exists (select 1 from membership m where m.person_hash = s.id_hash and m.status = 'PENDING')""")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new ConcurrentChange(rs.getLong(1) + " 人在导入期间提交了入会申请 (while the import ran, " + rs.getLong(1)
                            + " people of the file applied to join a union; upload the file again to see who)");
                }
            }
            s.executeUpdate("""
                    update person p set phone_hash = s.phone_hash, phone_cipher = s.phone_cipher, phone_key = s.phone_key,
                           phone_masked = s.phone_masked, version = p.version + 1, updated_at = now()
                      from roster_stage s
                     where p.id = s.person_id and not s.new_person and s.phone_hash is not null and p.phone_hash is distinct from s.phone_hash""");
            s.executeUpdate("""
                    insert into person (id, id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key,
                                        phone_masked)
                    select person_id, id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key,
                           phone_masked
                      from roster_stage where new_person""");
        }
        long persons = System.nanoTime();
        int written;
        try (PreparedStatement memberships = connection.prepareStatement("""
                insert into membership (id, person_id, person_hash, union_id, status, card_number, joined_on, employer_name,
                                        employer_credit_code, occupation, key_groups, new_employment_form, migrant_worker, status_reason)
                select membership_id, person_id, id_hash, ?, 'ACTIVE', card_number, joined_on, employer_name, employer_credit_code,
                       occupation, key_groups, new_employment_form, migrant_worker, ?
                  from roster_stage""")) {
            memberships.setLong(1, unionId);
            memberships.setString(2, reason);
            written = memberships.executeUpdate();
        }
        long membershipsDone = System.nanoTime();
        try (PreparedStatement history = connection.prepareStatement("""
                insert into membership_event (membership_id, person_hash, union_id, from_status, to_status, reason, actor_subject)
                select membership_id, id_hash, ?, null, 'ACTIVE', ?, ? from roster_stage""")) {
            history.setLong(1, unionId);
            history.setString(2, reason);
            history.setString(3, actor);
            history.executeUpdate();
        }
        LOG.infof("Roster import %d: %d rows staged in %d ms, persons %d ms, memberships %d ms, history %d ms", importId, rows,
                (staged - started) / 1_000_000, (persons - staged) / 1_000_000, (membershipsDone - persons) / 1_000_000,
                (System.nanoTime() - membershipsDone) / 1_000_000);
        return written;
    }

    private static void field(StringBuilder line, String value) {
        line.append(value == null ? "\\N" : value).append('\t');
    }

    /** A text value escaped for COPY's text format. */
    private static void text(StringBuilder line, String value) {
        if (value == null) {
            field(line, null);
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
    private static void bytes(StringBuilder line, byte[] value) {
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
