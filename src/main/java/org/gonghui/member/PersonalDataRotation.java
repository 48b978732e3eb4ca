package org.gonghui.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.PersonalDataConfig;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Key rotation: re-encrypts, a batch at a time, every ciphertext still under a key other than the
 * active one, in every table listed in {@link #TABLES} (a feature that stores a ciphertext adds one
 * line there). Once no row names an old key, that key can be removed from the configuration. Rows are
 * locked with SKIP LOCKED, so replicas share the work and users are not blocked.
 */
@ApplicationScoped
public class PersonalDataRotation {

    private static final Logger LOG = Logger.getLogger(PersonalDataRotation.class);

    /** One encrypted column: the ciphertext, the column naming its key id, and the purpose bound into it. */
    public record Column(String cipher, String keyId, Purpose purpose) {
    }

    /** A table holding ciphertexts: the columns that identify a row (its primary key) and its encrypted columns. */
    public record Table(String name, List<String> keyColumns, List<Column> columns, int maxRowsPerBatch) {

        /** A table of small ciphertexts: batches of the configured size. */
        public Table(String name, List<String> keyColumns, List<Column> columns) {
            this(name, keyColumns, columns, Integer.MAX_VALUE);
        }
    }

    /** Every ciphertext column of the schema, one line per table. */
    /** Rows per batch of tables whose ciphertexts are whole files. */
    static final int FILES_PER_BATCH = 20;

    public static final List<Table> TABLES = List.of(
            new Table("person", List.of("id"), List.of(new Column("id_cipher", "id_key", Purpose.ID_NUMBER), new Column("phone_cipher", "phone_key", Purpose.PHONE))),
            new Table("one_time_code", List.of("id_hash", "id"), List.of(new Column("new_phone_cipher", "new_phone_key", Purpose.CONTACT_PHONE))),
            new Table("claim_help_request", List.of("union_id", "id"), List.of(new Column("contact_phone_cipher", "contact_phone_key", Purpose.CONTACT_PHONE))),
            new Table("text_outbox", List.of("id"), List.of(new Column("phone_cipher", "phone_key", Purpose.PHONE), new Column("code_cipher", "code_key", Purpose.TEXT_CODE))),
            new Table("hardship_file", List.of("id"), List.of(new Column("details_cipher", "details_key", Purpose.HARDSHIP_DETAILS))),
            new Table("rights_case", List.of("id"), List.of(new Column("description_cipher", "description_key", Purpose.RIGHTS_CASE_TEXT),
                    new Column("worker_name_cipher", "worker_name_key", Purpose.RIGHTS_CASE_TEXT),
                    new Column("contact_phone_cipher", "contact_phone_key", Purpose.CONTACT_PHONE))),
            new Table("rights_case_step", List.of("case_id", "id"), List.of(new Column("text_cipher", "text_key", Purpose.RIGHTS_CASE_TEXT))),
            // files (a roster up to its upload limit, an attachment up to 10 MB): a few per transaction
            new Table("roster_import", List.of("id"), List.of(new Column("content", "content_key", Purpose.ROSTER_FILE)), FILES_PER_BATCH),
            new Table("rights_case_attachment", List.of("case_id", "id"),
                    List.of(new Column("content_cipher", "content_key", Purpose.RIGHTS_ATTACHMENT)), FILES_PER_BATCH));

    @Inject
    PersonalData personalData;

    @Inject
    PersonalDataConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Scheduled(every = "${gonghui.personal-data.reencrypt-every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rotate() {
        // Rows under a key no longer configured cannot be decrypted, so with the active key alone there is
        // nothing to do; the queries below would still read the whole tables (no index serves
        // "key <> active"): 0.3 s and 280 MB per minute and replica at a million persons.
        if (!personalData.hasRetiredKeys()) {
            return;
        }
        while (reencryptBatch() > 0) {
            // more may be waiting
        }
    }

    /** Re-encrypts up to one batch of rows of every listed table; returns how many rows it changed. */
    @Transactional
    public int reencryptBatch() {
        int changed = 0;
        try (Connection c = dataSource.getConnection()) {
            for (Table table : TABLES) {
                int rows = reencrypt(c, table);
                if (rows > 0) {
                    LOG.infof("Re-encrypted %d rows of %s under key %s", rows, table.name(), personalData.activeKey());
                }
                changed += rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("key rotation failed", e);
        }
        return changed;
    }

    /** One batch of one table: rows with a ciphertext under another key, locked (skipping rows others hold), each stale column re-sealed. */
    private int reencrypt(Connection c, Table table) throws SQLException {
        String active = personalData.activeKey();
        String keys = String.join(", ", table.keyColumns());
        String select = "select " + keys + ", " + table.columns().stream().map(col -> col.cipher() + ", " + col.keyId()).collect(Collectors.joining(", "))
                + " from " + table.name() + " where " + table.columns().stream().map(col -> col.keyId() + " <> ?").collect(Collectors.joining(" or "))
                + " order by " + keys + " limit ? for update skip locked";
        String where = table.keyColumns().stream().map(k -> k + " = ?").collect(Collectors.joining(" and "));
        int rows = 0;
        try (PreparedStatement query = c.prepareStatement(select)) {
            int p = 1;
            for (int i = 0; i < table.columns().size(); i++) {
                query.setString(p++, active);
            }
            query.setInt(p, Math.min(table.maxRowsPerBatch(), config.reencryptBatchSize()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    List<Object> key = new ArrayList<>();
                    for (int k = 1; k <= table.keyColumns().size(); k++) {
                        key.add(rs.getObject(k));
                    }
                    int at = table.keyColumns().size() + 1;
                    for (Column col : table.columns()) {
                        byte[] cipher = rs.getBytes(at);
                        String keyId = rs.getString(at + 1);
                        at += 2;
                        if (cipher != null && keyId != null && !keyId.equals(active)) {
                            Sealed sealed = personalData.encrypt(col.purpose(), personalData.decrypt(col.purpose(), cipher, keyId));
                            try (PreparedStatement update = c.prepareStatement("update " + table.name() + " set " + col.cipher() + " = ?, "
                                    + col.keyId() + " = ? where " + where)) {
                                update.setBytes(1, sealed.ciphertext());
                                update.setString(2, sealed.keyId());
                                for (int k = 0; k < key.size(); k++) {
                                    update.setObject(k + 3, key.get(k));
                                }
                                update.executeUpdate();
                            }
                        }
                    }
                    rows++;
                }
            }
        }
        return rows;
    }
}
