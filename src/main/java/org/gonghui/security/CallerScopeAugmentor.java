package org.gonghui.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gonghui.support.RefusedSignInException;
import org.gonghui.support.StatementTimeout;
import org.gonghui.support.UnavailableException;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionStatus;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a verified token into a scoped caller, per request and from the database (no cache), so a
 * dissolution, merge or move committed on any replica applies to the next request everywhere. The
 * token must carry one tier (see {@link Tier#of}); an official's token must carry a {@code union_id}
 * naming an existing union of that tier's level that is neither DISSOLVED nor MERGED. Anything else is
 * refused with 401 before GraphQL runs. The resulting identity holds only the tier role (plus the
 * derived {@link Roles#OFFICIAL}) and the {@link CallerScope}.
 */
@ApplicationScoped
public class CallerScopeAugmentor implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(CallerScopeAugmentor.class);
    static final String UNION_CLAIM = "union_id";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> scoped(identity));
    }

    private SecurityIdentity scoped(SecurityIdentity identity) {
        Tier tier = Tier.of(identity.getRoles())
                .orElseThrow(() -> refuse(identity, "token carries no tier role or more than one official tier"));
        CallerScope scope;
        if (tier.unionLevel().isEmpty()) {
            scope = new CallerScope(tier, null, null);
        } else {
            Long unionId = unionId(identity).orElseThrow(() -> refuse(identity, "official token without a numeric union_id"));
            TradeUnion.Placement placement;
            try {
                placement = StatementTimeout.duringSignIn(() -> TradeUnion.placementOf(dataSource, unionId))
                        .orElseThrow(() -> refuse(identity, "union_id " + unionId + " does not exist"));
            } catch (IllegalStateException e) {
                LOG.warnf("Cannot check the token's union %s: %s", unionId, e.getMessage());
                throw new UnavailableException();
            }
            if (placement.status() == UnionStatus.DISSOLVED || placement.status() == UnionStatus.MERGED) {
                LOG.infof("Refused token of %s: union %s is %s", identity.getPrincipal().getName(), unionId, placement.status());
                String reason = (placement.status() == UnionStatus.MERGED ? "所在工会已合并" : "所在工会已撤销")
                        + " (the union this login is bound to is " + placement.status()
                        + "; its officials can no longer sign in: ask the union above to reassign the login)";
                throw new AuthenticationFailedException(reason, new RefusedSignInException(reason));
            }
            if (placement.level() != tier.unionLevel().get()) {
                throw refuse(identity, "role " + tier.role() + " does not match union " + unionId + " of level " + placement.level());
            }
            scope = new CallerScope(tier, unionId, placement.path());
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(CallerScope.ATTRIBUTE, scope)
                .addRole(tier.role());
        if (scope.isOfficial()) {
            builder.addRole(Roles.OFFICIAL);
        }
        return builder.build();
    }

    private static Optional<Long> unionId(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(UNION_CLAIM);
        String text;
        if (claim instanceof JsonNumber n) {
            text = n.toString();
        } else if (claim instanceof JsonString s) {
            text = s.getString();
        } else if (claim == null) {
            return Optional.empty();
        } else {
            text = claim.toString();
        }
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationFailedException refuse(SecurityIdentity identity, String reason) {
        LOG.infof("Refused token of %s: %s", identity.getPrincipal().getName(), reason);
        return new AuthenticationFailedException(reason);
    }
}
