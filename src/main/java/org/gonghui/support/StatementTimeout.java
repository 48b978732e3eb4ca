package org.gonghui.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds every statement run for a GraphQL request by {@code gonghui.limits.statement-timeout}
 * (PostgreSQL's {@code statement_timeout}, lock waits included), and gives every other use of a
 * pooled connection (background jobs, Flyway, roster uploads) the database's own default back. Set
 * on each checkout rather than as a pool-wide default, so a job can never inherit a request's limit
 * and a request never runs unbounded on a connection a job used. A statement cut short is
 * LIMIT_EXCEEDED (see {@link ErrorTranslator}) and its transaction rolls back.
 * <p>
 * The setting is only sent when the connection's session does not already hold it: reads outside a
 * transaction take a connection per statement, and a round trip to repeat the same setting was a
 * good part of a small public query's time. A setting made inside a transaction (which a rollback
 * undoes) is not remembered, so the next checkout sets it again.
 */
@ApplicationScoped
public class StatementTimeout implements AgroalPoolInterceptor {

    /** Marks a session set back to the database's default. */
    private static final long DEFAULT = 0;

    @Inject
    RequestLimits limits;

    /** What each physical connection's session holds, as far as it is known for certain (weak: closed connections go). */
    private final Map<Object, Long> held = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void onConnectionAcquire(Connection connection) {
        long millis = servesGraphQL() ? Math.max(DEFAULT, limits.statementTimeout().toMillis()) : DEFAULT;
        try {
            PGConnection session = connection.unwrap(PGConnection.class);
            Long current = held.get(session);
            if (current != null && current == millis) {
                return;
            }
            // the physical connection's own state: inside a transaction the setting is undone by a rollback
            boolean autoCommit = ((Connection) session).getAutoCommit();
            try (Statement statement = connection.createStatement()) {
                statement.execute(millis > DEFAULT ? "set statement_timeout = " + millis : "reset statement_timeout");
            }
            if (autoCommit) {
                held.put(session, millis);
            } else {
                held.remove(session);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the statement timeout", e);
        }
    }

    private static boolean servesGraphQL() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext http = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return http != null && "/graphql".equals(http.normalizedPath());
    }
}
