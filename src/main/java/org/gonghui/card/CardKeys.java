package org.gonghui.card;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import io.quarkus.runtime.Startup;

/**
 * The configured card keys, checked once at start-up (a wrong set stops the service instead of failing
 * at the first card): every key EC P-256 with a unique {@code kid}, the active one private. Verification
 * trusts exactly the keys listed; the published set holds their public halves only.
 */
@Singleton
@Startup
public class CardKeys {

    static final String ALGORITHM = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;

    private final Map<String, PublicKey> verification;
    private final String activeKid;
    private final PrivateKey signer;
    private final String publishedJson;

    @Inject
    public CardKeys(CardConfig config) {
        this(config.keys(), config.activeKey());
    }

    /** The keys of a JWK set with the given active signer; IllegalStateException (naming no key material) when the set is unusable. */
    CardKeys(String jwkSet, String activeKid) {
        List<JsonWebKey> keys;
        try {
            keys = new JsonWebKeySet(jwkSet).getJsonWebKeys();
        } catch (JoseException | RuntimeException e) {
            throw new IllegalStateException("gonghui.card.keys: not a JWK set ({\"keys\":[...]})");
        }
        Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
        PrivateKey active = null;
        List<Map<String, Object>> published = new ArrayList<>();
        for (JsonWebKey key : keys) {
            String kid = key.getKeyId();
            if (kid == null || kid.isBlank()) {
                throw new IllegalStateException("gonghui.card.keys: every key needs a kid");
            }
            if (!(key instanceof EllipticCurveJsonWebKey ec) || !EllipticCurves.P_256.equals(ec.getCurveName())) {
                throw new IllegalStateException("gonghui.card.keys: key " + kid + " is not an EC P-256 key (ES256)");
            }
            if (publicKeys.put(kid, ec.getECPublicKey()) != null) {
                throw new IllegalStateException("gonghui.card.keys: kid " + kid + " appears twice");
            }
            if (kid.equals(activeKid)) {
                active = ec.getEcPrivateKey();
                if (active == null) {
                    throw new IllegalStateException("gonghui.card.active-key: key " + kid + " has no private part (d)");
                }
            }
            Map<String, Object> pub = new LinkedHashMap<>(ec.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            pub.put("use", "sig");
            pub.put("alg", ALGORITHM);
            published.add(pub);
        }
        if (active == null) {
            throw new IllegalStateException("gonghui.card.active-key: no key with this kid in gonghui.card.keys");
        }
        this.verification = Collections.unmodifiableMap(publicKeys);
        this.activeKid = activeKid;
        this.signer = active;
        this.publishedJson = JsonUtil.toJson(Map.of("keys", published));
    }

    String activeKid() {
        return activeKid;
    }

    PrivateKey signer() {
        return signer;
    }

    /** The public key with this kid, or null when it is not (or no longer) listed. */
    PublicKey verificationKey(String kid) {
        return kid == null ? null : verification.get(kid);
    }

    /** The JWK set a benefit base verifies with: the public half of every listed key. */
    public String publishedJwkSet() {
        return publishedJson;
    }
}
