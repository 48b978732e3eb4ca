package org.gonghui.card;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The card verification keys as a JWK set, public and cacheable, so that a benefit base or station can
 * check cards offline. It lists every configured key (public halves only), old ones until removed.
 */
@Path("/.well-known/gonghui-card-keys.json")
public class CardKeysResource {

    static final String JWK_SET = "application/jwk-set+json";

    /** Long enough to spare the service, short enough that a rotation reaches verifiers within a card's validity. */
    static final String CACHE_CONTROL = "public, max-age=300";

    @Inject
    CardKeys keys;

    // No @Produces: the set is served whatever the Accept header says (clients ask for application/json,
    // application/jwk-set+json or anything), always as application/jwk-set+json (RFC 7517).
    @GET
    @PermitAll
    public Response jwks() {
        return Response.ok(keys.publishedJwkSet()).type(JWK_SET + ";charset=UTF-8").header("Cache-Control", CACHE_CONTROL).build();
    }
}
