package org.gonghui.support;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every failure of a GraphQL operation a stable code and a readable message. It wraps the
 * security interceptors (priority 150), so a failed {@code @RolesAllowed} becomes UNAUTHENTICATED or
 * FORBIDDEN instead of SmallRye's null message; unexpected exceptions are logged with a reference
 * and reach the client as INTERNAL without class names or stack traces.
 */
@TranslateErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ErrorTranslator {

    private static final Logger LOG = Logger.getLogger(ErrorTranslator.class);
    /** PostgreSQL's query_canceled: the statement timeout of a request cut the statement short. */
    private static final String QUERY_CANCELED = "57014";

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw translate(e, true);
        }
    }

    /**
     * Whether the request failed because its client hung up. A GraphQL resolver always runs inside its request's
     * context, and Quarkus ends that context (closing the request's database session under a running resolver)
     * when the connection closes: a resolver that finds no context, or a closed response, served an abandoned
     * request. Outside resolvers (route handlers, REST) an inactive context says nothing.
     */
    private static boolean abandoned(boolean inResolver) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return inResolver;
        }
        RoutingContext request = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return request != null && request.response().closed();
    }

    /** Unique indexes that race-losing writers hit, in words; the index name itself is not shown. */
    private static String duplicateMessage(String constraint) {
        String name = constraint == null ? "" : constraint;
        if (name.contains("membership_one_open")) {
            return "idNumber: 此人已有有效会籍 (this person already holds a membership; a concurrent change got there first)";
        }
        if (name.contains("membership_one_pending")) {
            return "idNumber: 此人已有待审批的入会申请 (this person already has an application awaiting a decision)";
        }
        if (name.contains("membership_transfer_one_open")) {
            return "toUnionId: 该会员已有未办结的转会申请或接转 (the member already has an open transfer request or transfer; a concurrent change got there first)";
        }
        if (name.contains("membership_transfer_open")) {
            return "id: 该会员已有未完成的接转 (the member already has an open transfer; a concurrent change got there first)";
        }
        if (name.contains("funds_remittance_once_per_month")) {
            return "month: 该单位当月经费已登记 (this employer's remittance for that union and month is already recorded; a concurrent change got there first)";
        }
        if (name.contains("person_subject")) {
            return "subject: 该登录账号已绑定其他会员 (this login is already linked to another person)";
        }
        return "数据重复, 可能是并发操作所致, 请刷新后重试 (a duplicate: probably a concurrent change; reload and retry)";
    }

    static ApiException translate(Throwable e) {
        return translate(e, false);
    }

    private static ApiException translate(Throwable e, boolean inResolver) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof io.quarkus.security.UnauthorizedException) {
                return new UnauthenticatedException("需要登录：请求未携带访问令牌 (sign in first: the request carries no bearer token)");
            }
            if (t instanceof io.quarkus.security.ForbiddenException) {
                return new ForbiddenException("无权执行此操作 (your role does not allow this operation)");
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Versions.stale("the record changed since you read it");
            }
            if (t instanceof ConstraintViolationException violation && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return new ConflictException(duplicateMessage(violation.getConstraintName()));
            }
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return new UnavailableException();
            }
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return new LimitExceededException("timeout: 查询超时, 未做任何修改 (a database statement ran longer than the limit of one request; "
                        + "nothing was changed; ask for less: smaller pages, shorter periods, fewer counts)");
            }
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return new ConflictException("数据正被他人修改，请稍后重试 (a concurrent change holds this record; retry shortly)");
            }
        }
        String reference = UUID.randomUUID().toString();
        if (abandoned(inResolver)) {
            // The client hung up and the request's resources were closed under it: nobody to answer, nothing broken.
            LOG.debugf(e, "Request abandoned by the client, reference %s", reference);
        } else {
            LOG.errorf(e, "Unexpected failure, reference %s", reference);
        }
        return new InternalErrorException("服务器内部错误 (internal error), reference " + reference);
    }
}
