package org.gonghui.roster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gonghui.roster.RosterRules.Failure;
import org.gonghui.roster.RosterRules.Row;
import org.gonghui.security.Subtree;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData;
import org.gonghui.union.UnionRules;
import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;

/**
 * One claimed roster import, processed on a worker thread without any request: validation in
 * batches of 5,000 rows (each batch checked against the registry in one statement, then progress and
 * failures committed, which is also the job's heartbeat), with each valid batch handed to the
 * {@link RosterWriter}, whose single transaction also marks the job SUCCEEDED. Every update names the
 * worker's claim token: a worker whose job was taken over (its heartbeat had gone stale) notices and
 * stops.
 */
final class RosterImportJob {

    private static final Logger LOG = Logger.getLogger(RosterImportJob.class);
    static final int BATCH = 5_000;
    private static final HexFormat HEX = HexFormat.of();
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    final long id;
    final int attempts;
    private final DataSource dataSource;
    private final PersonalData personalData;
    private final RosterConfig config;
    private final UUID token;
    private final long unionId;
    private final String requestedBy;
    private final Long requesterUnionId;
    private final boolean dryRun;
    private final boolean partial;
    private final String requestedEncoding;
    private byte[] content;
    private final String contentKey;

    private Connection connection;
    private String encoding;
    private Integer totalRows;
    private int processedRows;
    private int validRows;
    private int failedRows;
    private int storedFailures;
    private boolean failuresTruncated;
    private final List<Row> batch = new ArrayList<>();
    private final List<Failure> batchFailures = new ArrayList<>();
    /** Rows that failed their own checks in the current batch (counted once however many cells failed). */
    private int batchFailedRows;
    /** First row of each ID number seen so far, for DUPLICATE_IN_FILE. */
    private final Map<String, Integer> seen = new HashMap<>();
    /** Name of each union seen and whether it lies in the uploader's scope ("true"/"false"). */
    private final Map<Long, String[]> unions = new HashMap<>();
    private RosterWriter writer;
    /** The ID number and name columns as the file's header names them. */
    private String idColumn;
    private String nameColumn;

    /** This worker no longer holds the job: another one took it over. */
    private static final class LostClaim extends Exception {
        LostClaim() {
            super("claim lost to another worker", null, false, false);
        }
    }

    /** The replica is shutting down. */
    private static final class Interrupted extends Exception {
        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    RosterImportJob(DataSource dataSource, PersonalData personalData, RosterConfig config, long id, UUID token, long unionId,
            String requestedBy, Long requesterUnionId, boolean dryRun, boolean partial, String requestedEncoding, int attempts,
            byte[] content, String contentKey) {
        this.dataSource = dataSource;
        this.personalData = personalData;
        this.config = config;
        this.id = id;
        this.token = token;
        this.unionId = unionId;
        this.requestedBy = requestedBy;
        this.requesterUnionId = requesterUnionId;
        this.dryRun = dryRun;
        this.partial = partial;
        this.requestedEncoding = requestedEncoding;
        this.attempts = attempts;
        this.content = content;
        this.contentKey = contentKey;
    }

    void run() {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            connection = c;
            process();
            LOG.infof("Roster import %d ended after %d ms: %d rows, %d valid, %d failed", id, (System.nanoTime() - started) / 1_000_000,
                    processedRows, validRows, failedRows);
        } catch (LostClaim e) {
            LOG.infof("Roster import %d was taken over by another worker; this one stops", id);
        } catch (Interrupted | InterruptedException e) {
            closeWriter();
            release();
        } catch (Exception | OutOfMemoryError e) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "Roster import %d failed unexpectedly, reference %s", id, reference);
            closeWriter();
            try (Connection c = dataSource.getConnection()) {
                connection = c;
                finish(RosterImportState.FAILED, "服务器内部错误, 未写入任何数据 (internal error; nothing written), reference " + reference);
            } catch (Exception again) {
                LOG.warnf("Roster import %d could not be marked FAILED (%s); it is retried once its heartbeat is stale", id, again.getMessage());
            }
        } finally {
            closeWriter();
        }
    }

    /** Drops the writer and its uncommitted rows (a no-op after its commit). */
    private void closeWriter() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    private void process() throws SQLException, IOException, LostClaim, Interrupted, InterruptedException {
        if (attempts > config.maxAttempts()) {
            finish(RosterImportState.FAILED, "处理中断 " + config.maxAttempts() + " 次, 已放弃 (processing was interrupted "
                    + config.maxAttempts() + " times, e.g. by a replica crashing on this file; nothing written)");
            return;
        }
        if (content == null) {
            finish(RosterImportState.FAILED, "上传的文件已不存在 (the uploaded file is gone; nothing written)");
            return;
        }
        byte[] bytes = personalData.decrypt(Purpose.ROSTER_FILE, content, contentKey);
        content = null;
        RosterFile file = RosterFile.of(bytes, requestedEncoding);
        encoding = file.encoding;
        totalRows = file.countDataRows();
        commitBatch();
        if (!dryRun) {
            writer = RosterWriter.open(dataSource, personalData, id, unionId, requestedBy);
        }

        LocalDate today = LocalDate.now(UnionRules.CHINA);
        RosterRules.Header header = null;
        int rowNumber = 0;
        try (Reader reader = file.reader(); CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (records.hasNext()) {
                header = RosterRules.header(records.next().toList(), batchFailures);
                rowNumber = RosterRules.HEADER_ROW;
            } else {
                batchFailures.add(new Failure(RosterRules.HEADER_ROW, null, "MISSING_COLUMN", "文件没有表头 (the file has no header row)"));
            }
            if (header == null) {
                commitBatch();
                finish(RosterImportState.FAILED, "表头有误, 未写入任何数据 (the header row is not valid; nothing written)");
                return;
            }
            idColumn = header.nameOf(RosterColumn.ID_NUMBER);
            nameColumn = header.nameOf(RosterColumn.NAME);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rowNumber = (int) record.getRecordNumber();
                List<String> cells = record.toList();
                if (RosterRules.blank(cells)) {
                    continue;
                }
                processedRows++;
                int before = batchFailures.size();
                Row row = RosterRules.row(rowNumber, cells, header, today, batchFailures);
                if (row != null) {
                    batch.add(row);
                } else if (batchFailures.size() > before) {
                    batchFailedRows++;
                }
                if (batch.size() + batchFailedRows >= BATCH) {
                    endBatch();
                }
            }
        } catch (UncheckedIOException e) {
            endBatch();
            int row = rowNumber + 1;
            if (e.getCause() instanceof CharacterCodingException) {
                batchFailures.add(new Failure(row, null, "UNREADABLE_FILE", "文件不是有效的 " + encoding + " 文本 (the file is not valid "
                        + encoding + " text here; save it as UTF-8 CSV, or name its character set with charset=)"));
            } else {
                batchFailures.add(new Failure(row, null, "MALFORMED_CSV",
                        "CSV 格式错误, 如引号未闭合 (malformed CSV from this row on, e.g. a quote that is never closed)"));
            }
            failedRows++;
            commitBatch();
            finish(RosterImportState.FAILED, "第 " + row + " 行起无法读取, 未写入任何数据 (the file cannot be read from row " + row
                    + "; nothing written)");
            return;
        }
        endBatch();
        totalRows = processedRows;
        conclude();
    }

    /** What the checks mean for the job: fail, report a dry run, or write. */
    private void conclude() throws SQLException, IOException, LostClaim, InterruptedException {
        String skipped = failedRows > 0 ? "; " + failedRows + " 行未通过校验, 已跳过 (" + failedRows + " failed rows skipped)" : "";
        if (failedRows > 0 && !partial || validRows == 0 || dryRun) {
            closeWriter();
        }
        if (processedRows == 0) {
            batchFailures.add(new Failure(RosterRules.HEADER_ROW + 1, null, "NO_DATA_ROWS", "表头下没有数据行 (no data rows below the header)"));
            commitBatch();
            finish(RosterImportState.FAILED, "文件没有数据行 (the file has no data rows)");
        } else if (failedRows > 0 && !partial) {
            finish(RosterImportState.FAILED, failedRows + " 行未通过校验, 未写入任何数据 (" + failedRows + " rows failed; nothing written"
                    + (dryRun ? "; dry run" : "") + ")");
        } else if (validRows == 0) {
            finish(RosterImportState.FAILED, "没有通过校验的行, 未写入任何数据 (no valid rows; nothing written)");
        } else if (dryRun) {
            finish(RosterImportState.SUCCEEDED, "试运行: " + validRows + " 行可以导入 (dry run: " + validRows + " rows would be written"
                    + (failedRows > 0 ? ", " + failedRows + " failed rows skipped" : "") + "; nothing written)");
        } else {
            write(skipped);
        }
    }

    /** Waits for the last batches, then marks the job SUCCEEDED in the writer's transaction and commits both. */
    private void write(String skipped) throws SQLException, IOException, LostClaim, InterruptedException {
        update(connection, "update roster_import set state = 'WRITING', heartbeat_at = clock_timestamp(), total_rows = ? where id = ? and worker_token = ?",
                totalRows, id, token);
        try {
            int written = writer.finish();
            Connection w = writer.connection();
            try (PreparedStatement lock = w.prepareStatement(
                    "select 1 from roster_import where id = ? and worker_token = ? and state = 'WRITING' for update")) {
                lock.setLong(1, id);
                lock.setObject(2, token);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new LostClaim();
                    }
                }
            }
            // The union was ACTIVE at upload; it may have been dissolved while the job ran.
            try (PreparedStatement union = w.prepareStatement("select status from trade_union where id = ? for key share")) {
                union.setLong(1, unionId);
                try (ResultSet rs = union.executeQuery()) {
                    if (!rs.next() || !"ACTIVE".equals(rs.getString(1))) {
                        throw new RosterWriter.ConcurrentChange("工会已不在活动状态 (union " + unionId + " is no longer ACTIVE)");
                    }
                }
            }
            finish(w, RosterImportState.SUCCEEDED, "已导入 " + written + " 名会员 (" + written + " members written" + skipped + ")", written);
            writer.commit();
        } catch (RosterWriter.ConcurrentChange e) {
            closeWriter();
            finish(RosterImportState.FAILED, e.getMessage() + ", 未写入任何数据 (nothing written)");
        } catch (PSQLException e) {
            closeWriter();
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            String constraint = e.getServerErrorMessage() == null ? null : e.getServerErrorMessage().getConstraint();
            LOG.infof("Roster import %d lost a race on %s", id, constraint);
            finish(RosterImportState.FAILED, "导入期间文件中有人已在别处登记或入会, 未写入任何数据 (someone in the file registered or joined a "
                    + "union while the import ran; nothing written; upload the file again to see who)");
        } finally {
            closeWriter();
        }
    }

    /** Duplicates in the file and in the registry for the rows of this batch, then commits progress and failures. */
    private void endBatch() throws SQLException, LostClaim, Interrupted {
        failedRows += batchFailedRows;
        batchFailedRows = 0;
        List<Row> candidates = new ArrayList<>();
        for (Row row : batch) {
            Integer first = seen.putIfAbsent(row.idNumber().value(), row.row());
            if (first != null) {
                batchFailures.add(new Failure(row.row(), idColumn, "DUPLICATE_IN_FILE", "与第 " + first + " 行的身份证号重复 (the same ID number as row "
                        + first + ")"));
                failedRows++;
            } else {
                candidates.add(row);
            }
        }
        List<byte[]> hashes = candidates.parallelStream().map(row -> personalData.hash(Purpose.ID_NUMBER, row.idNumber().value())).toList();
        Map<String, Registered> registered = registered(hashes);
        List<Row> valid = new ArrayList<>();
        List<byte[]> validHashes = new ArrayList<>();
        List<Long> existingPersons = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Row row = candidates.get(i);
            Registered known = registered.get(HEX.formatHex(hashes.get(i)));
            int before = batchFailures.size();
            if (known != null) {
                if (!known.name().equals(row.name())) {
                    batchFailures.add(new Failure(row.row(), nameColumn, "NAME_MISMATCH",
                            "该身份证号已登记的姓名与此不同 (the ID number is registered under another name)"));
                }
                if (known.openUnionId() != null) {
                    batchFailures.add(new Failure(row.row(), idColumn, "ALREADY_MEMBER", alreadyMember(known.openUnionId())));
                } else if (known.pending()) {
                    batchFailures.add(new Failure(row.row(), idColumn, "APPLICATION_PENDING",
                            "此人有待审批的入会申请 (this person has an application awaiting a decision; decide it instead of importing)"));
                }
            }
            if (batchFailures.size() > before) {
                failedRows++;
            } else {
                validRows++;
                valid.add(row);
                validHashes.add(hashes.get(i));
                existingPersons.add(known == null ? null : known.personId());
            }
        }
        batch.clear();
        if (failedRows > 0 && !partial) {
            closeWriter(); // nothing will be written: stop encrypting and inserting rows
        }
        if (writer != null) {
            stage(valid, validHashes, existingPersons);
        }
        commitBatch();
        if (Thread.interrupted()) {
            throw new Interrupted();
        }
    }

    /** Reserves the ids the valid rows will be written under and hands the rows to the writer. */
    private void stage(List<Row> valid, List<byte[]> hashes, List<Long> existingPersons) throws SQLException, Interrupted {
        int newPersons = (int) existingPersons.stream().filter(p -> p == null).count();
        long[] personIds = RosterWriter.reserve(connection, "pg_get_serial_sequence('person', 'id')", newPersons);
        long[] membershipIds = RosterWriter.reserve(connection, "pg_get_serial_sequence('membership', 'id')", valid.size());
        long[] cards = RosterWriter.reserve(connection, "'member_card_seq'", valid.size());
        List<RosterWriter.Staged> staged = new ArrayList<>(valid.size());
        int next = 0;
        for (int i = 0; i < valid.size(); i++) {
            Long existing = existingPersons.get(i);
            long personId = existing != null ? existing : personIds[next++];
            staged.add(new RosterWriter.Staged(valid.get(i), hashes.get(i), personId, existing == null, membershipIds[i],
                    "GH" + String.format("%012d", cards[i])));
        }
        try {
            writer.addAll(staged);
        } catch (InterruptedException e) {
            throw new Interrupted();
        }
    }

    /** Progress and this batch's failures in one short transaction; also the heartbeat. */
    private void commitBatch() throws SQLException, LostClaim {
        batchFailures.sort(Comparator.comparingInt(Failure::row));
        connection.setAutoCommit(false);
        try {
            update("""
                    update roster_import set encoding = ?, total_rows = ?, processed_rows = ?, valid_rows = ?, failed_rows = ?,
                           failures_truncated = ?, heartbeat_at = clock_timestamp()
                     where id = ? and worker_token = ?""",
                    encoding, totalRows, processedRows, validRows, failedRows, failuresTruncated || storedFailures + batchFailures.size() > config.maxFailures(),
                    id, token);
            storeFailures();
            connection.commit();
        } catch (SQLException | RuntimeException | LostClaim e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void storeFailures() throws SQLException {
        int room = Math.max(0, config.maxFailures() - storedFailures);
        List<Failure> stored = batchFailures.size() > room ? batchFailures.subList(0, room) : batchFailures;
        if (batchFailures.size() > room) {
            failuresTruncated = true;
        }
        if (!stored.isEmpty()) {
            Integer[] seqs = new Integer[stored.size()];
            Integer[] rows = new Integer[stored.size()];
            String[] columns = new String[stored.size()];
            String[] codes = new String[stored.size()];
            String[] messages = new String[stored.size()];
            for (int i = 0; i < stored.size(); i++) {
                Failure f = stored.get(i);
                seqs[i] = storedFailures + i + 1;
                rows[i] = f.row();
                columns[i] = f.column();
                codes[i] = f.code();
                messages[i] = f.message();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into roster_import_failure (import_id, seq, row_number, column_name, code, message)
                    select ?, * from unnest(?::integer[], ?::integer[], ?::text[], ?::text[], ?::text[])""")) {
                insert.setLong(1, id);
                insert.setArray(2, connection.createArrayOf("integer", seqs));
                insert.setArray(3, connection.createArrayOf("integer", rows));
                insert.setArray(4, connection.createArrayOf("text", columns));
                insert.setArray(5, connection.createArrayOf("text", codes));
                insert.setArray(6, connection.createArrayOf("text", messages));
                insert.executeUpdate();
            }
            storedFailures += stored.size();
        }
        batchFailures.clear();
    }

    /** What the registry knows about an ID number: the registered name, the union of an open membership, a pending application. */
    private record Registered(long personId, String name, Long openUnionId, boolean pending) {
    }

    /** Registry entries of these keyed hashes, by hash in hex: one statement per batch. */
    private Map<String, Registered> registered(List<byte[]> hashes) throws SQLException {
        Map<String, Registered> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        try (PreparedStatement query = connection.prepareStatement("""
                select p.id_hash, p.id, p.name,
                       (select m.union_id from membership m
                         where m.person_hash = p.id_hash and m.status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED') limit 1),
                       exists (select 1 from membership m where m.person_hash = p.id_hash and m.status = 'PENDING')
                  from person p where p.id_hash = any(?)""")) {
            query.setArray(1, connection.createArrayOf("bytea", hashes.toArray(byte[][]::new)));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(HEX.formatHex(rs.getBytes(1)), new Registered(rs.getLong(2), rs.getString(3), (Long) rs.getObject(4), rs.getBoolean(5)));
                }
            }
        }
        return found;
    }

    /** Names the union of an open membership only when it lies in the uploader's scope. */
    private String alreadyMember(long memberUnionId) throws SQLException {
        if (memberUnionId == unionId) {
            return "此人已是本工会会员 (already a member of this union)";
        }
        String[] union = unions.get(memberUnionId);
        if (union == null) {
            // the uploader's scope is the subtree of their union (r), recorded when the job was accepted
            try (PreparedStatement query = connection.prepareStatement("select u.name, coalesce(" + Subtree.sqlWithinByRange("u", "r")
                    + ", false) from trade_union u left join trade_union r on r.id = ? where u.id = ?")) {
                query.setObject(1, requesterUnionId, Types.BIGINT);
                query.setLong(2, memberUnionId);
                try (ResultSet rs = query.executeQuery()) {
                    union = rs.next() ? new String[] { rs.getString(1), String.valueOf(rs.getBoolean(2)) } : new String[] { null, "false" };
                }
            }
            unions.put(memberUnionId, union);
        }
        if (Boolean.parseBoolean(union[1])) {
            return "此人已是" + union[0] + "会员 (already a member of union " + memberUnionId + "; transfer the membership instead)";
        }
        return "此人已是其他工会的会员 (already a member of another union; the membership has to be transferred instead)";
    }

    private void finish(RosterImportState state, String message) throws SQLException, LostClaim {
        finish(connection, state, message, 0);
    }

    /** Ends the job on connection {@code c}: final counts, and the uploaded file deleted. */
    private void finish(Connection c, RosterImportState state, String message, int written) throws SQLException, LostClaim {
        update(c, """
                update roster_import set state = ?, message = ?, encoding = ?, total_rows = ?, processed_rows = ?, valid_rows = ?,
                       failed_rows = ?, written_rows = ?, failures_truncated = ?, finished_at = clock_timestamp(), heartbeat_at = clock_timestamp(),
                       content = null, content_key = null, worker_token = null
                 where id = ? and worker_token = ?""",
                state.name(), message, encoding, totalRows, processedRows, validRows, failedRows, written, failuresTruncated, id, token);
    }

    /** Hands the job back on shutdown: QUEUED again, and this attempt not counted. */
    private void release() {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement("""
                update roster_import set state = 'QUEUED', worker_token = null, attempts = attempts - 1, heartbeat_at = null
                 where id = ? and worker_token = ? and state = 'VALIDATING'""")) {
            update.setLong(1, id);
            update.setObject(2, token);
            update.executeUpdate();
            LOG.infof("Roster import %d handed back on shutdown", id);
        } catch (SQLException e) {
            LOG.warnf("Roster import %d could not be handed back (%s); it is retried once its heartbeat is stale", id, e.getMessage());
        }
    }

    /** Runs an update that must touch the job this worker holds. */
    private void update(String sql, Object... params) throws SQLException, LostClaim {
        update(connection, sql, params);
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException, LostClaim {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                update.setObject(i + 1, params[i]);
            }
            if (update.executeUpdate() != 1) {
                throw new LostClaim();
            }
        }
    }
}
