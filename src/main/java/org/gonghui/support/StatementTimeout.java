package org.gonghui.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
 */
@ApplicationScoped
public class StatementTimeout implements AgroalPoolInterceptor {

    @Inject
    RequestLimits limits;

    @Override
    public void onConnectionAcquire(Connection connection) {
        long millis = servesGraphQL() ? limits.statementTimeout().toMillis() : 0;
        try (Statement statement = connection.createStatement()) {
            statement.execute(millis > 0 ? "set statement_timeout = " + millis : "reset statement_timeout");
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
