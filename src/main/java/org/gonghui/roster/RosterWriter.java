package org.gonghui.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.gonghui.member.PhoneNumber;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Writes the valid rows of a roster while the rest of the file is still being validated: each
 * validated batch is encrypted into lines of PostgreSQL's COPY text format, copied into a temporary
 * staging table and inserted with set-based statements (persons, memberships, their first history
 * record) by a thread of its own, on a connection of its own, in one transaction that stays open until
 * the job ends. So the database inserts one batch while the worker validates the next, and a job that
 * fails, or a dry run, commits nothing. Row-by-row inserts would take minutes for 100,000 rows.
 */
final class RosterWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RosterWriter.class);
    private static final HexFormat HEX = HexFormat.of();
    /** Batches rendered but not yet written: the validation waits beyond this, so memory stays bounded. */
    private static final int IN_FLIGHT = 2;
    private static final String COLUMNS = "seq, person_id, new_person, membership_id, card_number, id_hash, id_cipher, id_key, id_masked, name, "
            + "birth_date, sex, phone_hash, phone_cipher, phone_key, phone_masked, employer_name, employer_credit_code, occupation, key_groups, "
            + "new_employment_form, migrant_worker, joined_on";

    private final PersonalData personalData;
    private final Connection connection;
    private final long importId;
    private final long unionId;
    private final String actor;
    private final String reason;
    private final ExecutorService thread;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    /** The first failure of a batch; later batches are skipped. Written by the writer thread. */
    private volatile Exception failure;
    private int written;
    private final long[] stepNanos = new long[4];
    private boolean committed;

    private RosterWriter(PersonalData personalData, Connection connection, long importId, long unionId, String actor) {
        this.personalData = personalData;
        this.connection = connection;
        this.importId = importId;
        this.unionId = unionId;
        this.actor = actor;
        this.reason = "花名册导入 (roster import #" + importId + ")";
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "roster-write-" + importId);
            t.setDaemon(true);
            return t;
        });
    }

    /** A writer with its own connection and an open transaction holding the staging table. */
    static RosterWriter open(DataSource dataSource, PersonalData personalData, long importId, long unionId, String actor) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("""
                        create temporary table roster_stage (
                            seq integer, person_id bigint, new_person boolean, membership_id bigint, card_number text, id_hash bytea,
                            id_cipher bytea, id_key text, id_masked text, name text collate "C", birth_date date, sex text, phone_hash bytea,
                            phone_cipher bytea, phone_key text, phone_masked text, employer_name text, employer_credit_code text, occupation text,
                            key_groups text[], new_employment_form boolean, migrant_worker boolean, joined_on date) on commit drop""");
            }
            return new RosterWriter(personalData, connection, importId, unionId, actor);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            connection.close();
            throw e;
        }
    }

    /** The writer's connection, inside its transaction: the job's final update is committed with the rows. */
    Connection connection() {
        return connection;
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

    /**
     * Hands valid rows, in their order, to the writer thread; the encryption, most of the Java work,
     * runs on every core first. Waits while {@value #IN_FLIGHT} batches are still being written.
     */
    void addAll(List<Staged> staged) throws InterruptedException {
        if (failure != null || staged.isEmpty()) {
            return;
        }
        byte[][] lines = staged.parallelStream().map(this::line).toArray(byte[][]::new);
        boolean reusesPersons = staged.stream().anyMatch(row -> !row.newPerson());
        inFlight.acquire();
        thread.execute(() -> {
            try {
                if (failure == null) {
                    writeBatch(lines, reusesPersons);
                }
            } catch (Exception e) {
                failure = e;
            } finally {
                inFlight.release();
            }
        });
    }

    /**
     * Waits until every batch is written and returns how many members were. Throws the first failure:
     * a unique index that fired (SQLState 23505: someone in the file registered or joined elsewhere
     * since validation) or a {@link ConcurrentChange}; the caller closes the writer, which rolls back.
     */
    int finish() throws SQLException, IOException, ConcurrentChange, InterruptedException {
        thread.shutdown();
        while (!thread.awaitTermination(1, TimeUnit.SECONDS)) {
            // a batch of a big file on a busy database
        }
        if (failure instanceof SQLException e) {
            throw e;
        } else if (failure instanceof IOException e) {
            throw e;
        } else if (failure instanceof ConcurrentChange e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
        LOG.infof("Roster import %d: %d rows written; staging %d ms, persons %d ms, memberships %d ms, history %d ms", importId, written,
                stepNanos[0] / 1_000_000, stepNanos[1] / 1_000_000, stepNanos[2] / 1_000_000, stepNanos[3] / 1_000_000);
        return written;
    }

    /** Commits the rows together with whatever the caller added to the transaction. */
    void commit() throws SQLException {
        connection.commit();
        committed = true;
    }

    /** Rolls back unless committed, and releases the connection. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!committed) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.warnf("Roster import %d: rollback failed (%s); closing the connection discards the rows", importId, e.getMessage());
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("Roster import %d: closing the write connection failed: %s", importId, e.getMessage());
            }
        }
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

    /** One batch: COPY into the staging table, then one statement per table. Runs on the writer thread. */
    private void writeBatch(byte[][] lines, boolean reusesPersons) throws SQLException, IOException, ConcurrentChange {
        long started = System.nanoTime();
        try (InputStream in = new SequenceInputStream(Collections.enumeration(Arrays.stream(lines).map(ByteArrayInputStream::new).toList()))) {
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy roster_stage (" + COLUMNS + ") from stdin", in);
            if (copied != lines.length) {
                throw new IllegalStateException("copied " + copied + " staged rows, expected " + lines.length);
            }
        }
        long staged = System.nanoTime();
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
            if (reusesPersons) {
                s.executeUpdate("""
                    update person p set phone_hash = s.phone_hash, phone_cipher = s.phone_cipher, phone_key = s.phone_key,
                           phone_masked = s.phone_masked, version = p.version + 1, updated_at = now()
                      from roster_stage s
                     where p.id = s.person_id and not s.new_person and s.phone_hash is not null and p.phone_hash is distinct from s.phone_hash""");
            }
            s.executeUpdate("""
                    insert into person (id, id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key,
                                        phone_masked)
                    select person_id, id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key,
                           phone_masked
                      from roster_stage where new_person""");
        }
        long persons = System.nanoTime();
        try (PreparedStatement memberships = connection.prepareStatement("""
                insert into membership (id, person_id, person_hash, union_id, name, status, card_number, joined_on, employer_name,
                                        employer_credit_code, occupation, key_groups, new_employment_form, migrant_worker, status_reason)
                select membership_id, person_id, id_hash, ?, name, 'ACTIVE', card_number, joined_on, employer_name, employer_credit_code,
                       occupation, key_groups, new_employment_form, migrant_worker, ?
                  from roster_stage""")) {
            memberships.setLong(1, unionId);
            memberships.setString(2, reason);
            written += memberships.executeUpdate();
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
        try (Statement s = connection.createStatement()) {
            s.execute("truncate roster_stage");
        }
        long done = System.nanoTime();
        stepNanos[0] += staged - started;
        stepNanos[1] += persons - staged;
        stepNanos[2] += membershipsDone - persons;
        stepNanos[3] += done - membershipsDone;
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
}
