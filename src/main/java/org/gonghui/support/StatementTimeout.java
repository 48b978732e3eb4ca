package org.gonghui.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
 * A checkout that finds the connection already holding the value it needs sends nothing: reads outside
 * a transaction check a connection out once per statement, so setting it every time doubled their round
 * trips. A value counts as held only once it is committed (set in autocommit mode); one set inside a
 * transaction may still roll back, so the connection is then set again on its next checkout.
 */
@ApplicationScoped
public class StatementTimeout implements AgroalPoolInterceptor {

    /** The committed statement_timeout (ms, 0 = the database's default) of each physical connection; weak: pooled connections come and go. */
    private static final Map<Connection, Long> HELD = Collections.synchronizedMap(new WeakHashMap<>());

    /** Set while the sign-in of an HTTP request looks up the caller's union (before any request context exists). */
    private static final ThreadLocal<Boolean> SIGN_IN = new ThreadLocal<>();

    @Inject
    RequestLimits limits;

    @Override
    public void onConnectionAcquire(Connection connection) {
        apply(connection, servesRequest() ? limits.statementTimeout().toMillis() : 0);
    }

    /**
     * Runs the sign-in look-up of an HTTP request under the request's statement timeout, like the
     * statements of the request itself (so the request's next checkout finds its value already set).
     */
    public static <T> T duringSignIn(Supplier<T> lookup) {
        SIGN_IN.set(Boolean.TRUE);
        try {
            return lookup.get();
        } finally {
            SIGN_IN.remove();
        }
    }

    /** Gives the connection this statement_timeout (0: the database's default), unless it already holds it. */
    static void apply(Connection connection, long millis) {
        try {
            Connection physical = connection.unwrap(Connection.class);
            Long held = HELD.get(physical);
            if (held != null && held == millis) {
                return;
            }
            HELD.remove(physical);
            try (Statement statement = connection.createStatement()) {
                statement.execute(millis > 0 ? "set statement_timeout = " + millis : "reset statement_timeout");
            }
            if (physical.getAutoCommit()) {
                HELD.put(physical, millis);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the statement timeout", e);
        }
    }

    private static boolean servesRequest() {
        if (SIGN_IN.get() != null) {
            return true;
        }
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext http = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return http != null && "/graphql".equals(http.normalizedPath());
    }
}
