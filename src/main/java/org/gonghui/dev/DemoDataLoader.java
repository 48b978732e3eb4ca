package org.gonghui.dev;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gonghui.member.DemoMembers;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * The demo data (hierarchy, sites, members) at start. Dev and test builds get the hierarchy and sites
 * from Flyway ({@code db/demo}); a packaged application loads them only with
 * {@code gonghui.demo.load=true}, and only into an empty database: start-up fails when the database
 * holds anything but the demo rows (ids below 100,000,000 are reserved for them).
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    static final String[] SCRIPTS = { "db/demo/R__demo_hierarchy.sql", "db/demo/R__demo_sites.sql" };
    /** Tables whose rows, at or above the reserved id range, are somebody's real data. */
    static final String[] TABLES = { "trade_union", "person", "membership", "service_site", "service_program" };

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DemoMembers members;

    @ConfigProperty(name = "gonghui.demo.load", defaultValue = "false")
    boolean load;

    void onStart(@Observes StartupEvent event) {
        if (load) {
            loadIntoEmptyDatabase();
        } else if (LaunchMode.current().isDevOrTest() && count("select count(*) from trade_union where id = 41030611") > 0) {
            // dev and test: Flyway loaded the demo hierarchy; the members need the encryption keys. Never in a
            // packaged application without gonghui.demo.load: a real hierarchy may use the same id.
            members.seedIfEmpty();
        }
    }

    /** Loads hierarchy, sites and members; refuses a database with other data, skips one already loaded. */
    public void loadIntoEmptyDatabase() {
        for (String table : TABLES) {
            if (count("select count(*) from " + table + " where id >= 100000000") > 0) {
                throw new IllegalStateException("gonghui.demo.load=true: 数据库中已有非演示数据，拒绝加载演示数据 (the database already holds data of its own in "
                        + table + "; demo data loads only into an empty database: start with an empty database, or without gonghui.demo.load)");
            }
        }
        if (count("select count(*) from trade_union") == 0) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                for (String script : SCRIPTS) {
                    s.execute(resource(script));
                }
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("gonghui.demo.load=true: could not load the demo data: " + e.getMessage(), e);
            }
            LOG.info("gonghui.demo.load=true: loaded the demo hierarchy and service sites");
        } else {
            LOG.info("gonghui.demo.load=true: the demo data is already there");
        }
        members.seedIfEmpty();
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + sql, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DemoDataLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + name, e);
        }
    }
}
