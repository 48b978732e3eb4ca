package org.gonghui.testing;

import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Member-card keys of the tests (public: they are in application.properties too) and a signer for
 * payloads the service would never issue: expired, signed with a listed old key or an unlisted one.
 */
public final class CardKeyFixtures {

    /** The active test key (kid test-1), as in {@code %test.gonghui.card.keys}. */
    public static final String TEST_1 = """
            {"kty":"EC","crv":"P-256","kid":"test-1","x":"yU1T7DvX7LdUnMu2QRvNoq4UsMQ1ehAL-e3MAXYwre4","y":"v4w0RzUgBjNFzU7Oi39cG2VrU1KIun7J1CGk2Vb1TOQ","d":"MNeqWABLK0AyIA4FFgnd0IUPDx5FMbliQB-ymqAw1d8"}""";

    /** A rotated-out key still listed for verification (kid test-old). */
    public static final String TEST_OLD = """
            {"kty":"EC","crv":"P-256","kid":"test-old","x":"9crFpE-kYs6T-qqnH_C6fupcW7F2_RCd6UMw8Yuwa-8","y":"KnqLlOfYwMlXI7y7qi8VME2PW9fdQ7ctLPC4Z_8frr0","d":"bsmFXNlVhMKoOttDelJTiuPf1V-ZUcKhOAPeEFIxmb0"}""";

    /** The key set of the tests that start the service in its production profile (kid prod-test). */
    public static final String PROD_TEST_KEYS = """
            {"keys":[{"kty":"EC","crv":"P-256","kid":"prod-test","x":"CEQp9y-NDvDYn9EmqR-0gCGCq1syZG2LwNCIPLNnjac","y":"n1Hquce66mtPfd1D_n5_UKIRiMm0cf-LT4tD-81K9Yk","d":"NhJqXjrGTOkFW9rH8dnY5uZZiXFmIraXMcz-E9F4_qw"}]}""";

    private CardKeyFixtures() {
    }

    /** A private JWK of the given key (TEST_1, TEST_OLD). */
    public static EllipticCurveJsonWebKey key(String jwk) {
        try {
            return (EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk(jwk);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh P-256 key that no configuration lists, with the given kid. */
    public static EllipticCurveJsonWebKey unlistedKey(String kid) {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(kid);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compact ES256 JWS of the given claims, signed with the key and carrying its kid. */
    public static String sign(EllipticCurveJsonWebKey key, Map<String, Object> claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setKey(key.getEcPrivateKey());
        jws.setPayload(JsonUtil.toJson(claims));
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
