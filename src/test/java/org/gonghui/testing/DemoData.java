package org.gonghui.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.gonghui.member.DemoMembers;

import io.quarkus.arc.Arc;

/**
 * The demo hierarchy and demo members as test fixture: restoring it re-runs the demo migration on emptied tables,
 * and a fingerprint of every hierarchy row shows whether an operation changed anything.
 */
public final class DemoData {

    private DemoData() {
    }

    public static void restore(DataSource dataSource) {
        String script = resource("db/demo/R__demo_hierarchy.sql");
        String sites = resource("db/demo/R__demo_sites.sql");
        String cards = resource("db/demo/R__demo_union_cards.sql");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("truncate rights_case_stat_pending, rights_case_stat, rights_case_attachment, rights_case_step, rights_case_open, rights_case, one_time_code, claim_help_request, member_notification, login_notification, text_outbox, stat_pending, stat_change, union_stat, funds_remittance, workforce_count, enrolment_target, hardship_step, hardship_file, program_application, program_beneficiary, service_program,"
                    + " service_site, roster_import_failure, roster_import, idempotency_record, membership_event, membership_transfer,"
                    + " membership, person, audit_event, union_move, trade_union");
            s.execute(script);
            s.execute(sites);
            s.execute(cards);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Arc.container().instance(DemoMembers.class).get().seedIfEmpty();
    }

    private static String resource(String name) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest of every hierarchy row, the move history, the audit trail, members' and logins' notifications, the text outbox, the working-day calendar and rights-case attachments. */
    public static String fingerprint(DataSource dataSource) {
        return queryString(dataSource, """
                select md5(coalesce((select string_agg(t::text, '|' order by id) from trade_union t), '')
                        || coalesce((select string_agg(m::text, '|' order by id) from union_move m), '')
                        || coalesce((select string_agg(p::text, '|' order by id) from person p), '')
                        || coalesce((select string_agg(m::text, '|' order by id) from membership m), '')
                        || coalesce((select string_agg(e::text, '|' order by id) from membership_event e), '')
                        || coalesce((select string_agg(t::text, '|' order by id) from membership_transfer t), '')
                        || coalesce((select string_agg(s::text, '|' order by id) from service_site s), '')
                        || coalesce((select string_agg(p::text, '|' order by id) from service_program p), '')
                        || coalesce((select string_agg(b::text, '|' order by id) from program_beneficiary b), '')
                        || coalesce((select string_agg(a::text, '|' order by id) from program_application a), '')
                        || coalesce((select string_agg(h::text, '|' order by id) from hardship_file h), '')
                        || coalesce((select string_agg(h::text, '|' order by id) from hardship_step h), '')
                        || coalesce((select string_agg(f::text, '|' order by union_id, id) from funds_remittance f), '')
                        || coalesce((select string_agg(i::text, '|' order by caller_subject, idempotency_key) from idempotency_record i), '')
                        || coalesce((select string_agg(w::text, '|' order by id) from workforce_count w), '')
                        || coalesce((select string_agg(t::text, '|' order by id) from enrolment_target t), '')
                        || coalesce((select string_agg(o::text, '|' order by id) from one_time_code o), '')
                        || coalesce((select string_agg(h::text, '|' order by id) from claim_help_request h), '')
                        || coalesce((select string_agg(a::text, '|' order by id) from audit_event a), '')
                        || coalesce((select string_agg(n::text, '|' order by id) from member_notification n), '')
                        || coalesce((select string_agg(n::text, '|' order by id) from login_notification n), '')
                        || coalesce((select string_agg(t::text, '|' order by id) from text_outbox t), '')
                        || coalesce((select string_agg(c::text, '|' order by year) from working_calendar_year c), '') || coalesce((select string_agg(c::text, '|' order by day) from working_calendar_day c), '')
                        || coalesce((select string_agg((a.case_id, a.id, a.content_type, a.size_bytes, a.content_hash, a.uploaded_by, a.uploaded_at)::text, '|' order by case_id, id) from rights_case_attachment a), '')
                        || coalesce((select string_agg(r::text, '|' order by id) from rights_case r), '')
                        || coalesce((select string_agg(s::text, '|' order by case_id, id) from rights_case_step s), '')
                        || coalesce((select string_agg(o::text, '|' order by case_id) from rights_case_open o), ''))""");
    }

    public static int version(DataSource dataSource, long unionId) {
        return Integer.parseInt(queryString(dataSource, "select version::text from trade_union where id = " + unionId));
    }

    public static String queryString(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long queryLong(DataSource dataSource, String sql) {
        return Long.parseLong(queryString(dataSource, sql));
    }

    public static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Blocks until {@code count} other sessions of this database wait for a lock (the barrier of the concurrency tests). */
    public static void awaitWaitingWriters(DataSource dataSource, int count) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select count(*) from pg_stat_activity
                 where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()""")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= count) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the concurrent requests never all reached their write");
    }

    /** Unions whose path, parent or subtree size disagrees with a recount from parent links. */
    public static long inconsistentUnions(DataSource dataSource) {
        return queryLong(dataSource, """
                with recursive tree (id, path) as (
                    select id, '/' || id || '/' from trade_union where parent_id is null
                    union all
                    select c.id, t.path || c.id || '/' from trade_union c join tree t on c.parent_id = t.id)
                select count(*) from trade_union u left join tree on tree.id = u.id
                 where tree.path is distinct from u.path
                    or u.descendant_count <> (select count(*) from trade_union d where d.path like u.path || '%' and d.id <> u.id)""");
    }
}
