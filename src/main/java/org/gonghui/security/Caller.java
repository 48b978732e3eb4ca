package org.gonghui.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.UnauthenticatedException;

import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request and the subtree their token reaches. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** The verified scope; UNAUTHENTICATED without a token. */
    public CallerScope scope() {
        CallerScope scope = identity.isAnonymous() ? null : identity.getAttribute(CallerScope.ATTRIBUTE);
        if (scope == null) {
            throw new UnauthenticatedException("需要登录 (sign in first: the request carries no bearer token)");
        }
        return scope;
    }

    /** The scope of an official; FORBIDDEN for members. Every union operation starts here. */
    public CallerScope official() {
        CallerScope scope = scope();
        if (!scope.isOfficial()) {
            throw new ForbiddenException("仅限工会干部 (only union officials may do this)");
        }
        return scope;
    }

    /** The token's {@code sub}: the stable id of the person behind the login. */
    public String subject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }

    /** The login name ({@code preferred_username}), for display only. */
    public String username() {
        return identity.getPrincipal().getName();
    }
}
