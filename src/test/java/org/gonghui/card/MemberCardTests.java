package org.gonghui.card;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.gonghui.testing.CardKeyFixtures;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;

/**
 * The electronic member card: a member sees only their own, with a payload holding the card number, union
 * id, status and expiry and nothing else; verifyMemberCard answers valid for a genuine, fresh payload of a
 * member now and valid: false with a reason (never an error, never the holder) for anything else; the
 * published JWK set verifies payloads offline and keeps an old key while it is listed.
 */
@QuarkusTestWithOidc
class MemberCardTests {

    /** Demo member 3 王伟, ACTIVE in 41030611 河阳保安; the test links this login to them. */
    static final long MEMBER = 3;
    static final String HOLDER_SUBJECT = "sub-card-holder";
    static final String CARD_QUERY = "{ me { membership { id cardNumber card { number qrPayload validUntil } } } }";
    static final String VERIFY = "query($p: String!) { verifyMemberCard(payload: $p) { valid reason cardNumber holderName unionName status } }";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void linkTheHolder() {
        DemoData.execute(dataSource, "update person set subject = '" + HOLDER_SUBJECT + "' where id = " + MEMBER);
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static String holderToken() {
        return Tokens.signed(Tokens.token("card-holder", List.of("member"), null));
    }

    private String cardNumber() {
        return DemoData.queryString(dataSource, "select card_number from membership where id = " + MEMBER);
    }

    private String issuedPayload() {
        Result result = GraphQLClient.post(holderToken(), CARD_QUERY);
        assertFalse(result.hasErrors(), result::toString);
        return result.data("me.membership.card.qrPayload");
    }

    private static Result verify(String payload) {
        return GraphQLClient.post(null, VERIFY, Map.of("p", payload));
    }

    private static Map<String, Object> json(String base64url) throws Exception {
        return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8));
    }

    private static void assertInvalid(Result result, CardInvalidReason reason) {
        assertEquals(200, result.status(), result::toString);
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(Boolean.FALSE, result.data("verifyMemberCard.valid"), result::toString);
        assertEquals(reason.name(), result.data("verifyMemberCard.reason"), result::toString);
        for (String field : List.of("cardNumber", "holderName", "unionName", "status")) {
            assertNull(result.data("verifyMemberCard." + field), () -> field + " revealed for an invalid payload: " + result);
        }
    }

    private Map<String, Object> claims(String card, long expiresEpochSecond) {
        return Map.of("card", card, "union", 41030611L, "status", "ACTIVE", "exp", expiresEpochSecond);
    }

    // --- the card

    @Test
    void memberSeesTheirOwnCardWithAPayloadHoldingOnlyCardNumberUnionStatusAndExpiry() throws Exception {
        long before = Instant.now().getEpochSecond();
        Result result = GraphQLClient.post(holderToken(), CARD_QUERY);
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(cardNumber(), result.data("me.membership.card.number"));
        String payload = result.data("me.membership.card.qrPayload");
        String[] parts = payload.split("\\.");
        assertEquals(3, parts.length, payload);

        assertEquals(Map.of("alg", "ES256", "kid", "test-1"), json(parts[0]));
        Map<String, Object> claims = json(parts[1]);
        assertEquals(Set.of("card", "union", "status", "exp"), claims.keySet(), "nothing else in the payload");
        assertEquals(cardNumber(), claims.get("card"));
        assertEquals(DemoData.queryLong(dataSource, "select union_id from membership where id = " + MEMBER), ((Number) claims.get("union")).longValue());
        assertEquals(DemoData.queryString(dataSource, "select status from membership where id = " + MEMBER), claims.get("status"));
        long exp = ((Number) claims.get("exp")).longValue();
        assertTrue(exp >= before + 299 && exp <= Instant.now().getEpochSecond() + 300, () -> "valid 5 minutes: " + claims);
        assertEquals(exp, OffsetDateTime.parse(result.data("me.membership.card.validUntil")).toEpochSecond());

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(payload);
        jws.setKey(CardKeyFixtures.key(CardKeyFixtures.TEST_1).getECPublicKey());
        assertTrue(jws.verifySignature(), "signed with the active key");
    }

    @Test
    void askingAgainGivesAFreshPayloadThatVerifiesToo() {
        String first = issuedPayload();
        String second = issuedPayload();
        assertFalse(first.equals(second), "a new signature every time");
        assertEquals(Boolean.TRUE, verify(first).data("verifyMemberCard.valid"));
        assertEquals(Boolean.TRUE, verify(second).data("verifyMemberCard.valid"));
    }

    @Test
    void memberWithoutALinkedMembershipHasNoMembershipAndSoNoCard() {
        Result result = GraphQLClient.post(Tokens.forDemoUser("worker"), CARD_QUERY);
        assertFalse(result.hasErrors(), result::toString);
        assertNull(result.data("me.membership"), result::toString);
    }

    @Test
    void membershipThatNoLongerCountsHasNoCard() {
        DemoData.execute(dataSource, "update membership set status = 'WITHDRAWN', status_reason = '退会' where id = " + MEMBER);
        Result result = GraphQLClient.post(holderToken(), CARD_QUERY);
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(String.valueOf(MEMBER), String.valueOf(result.<Object>data("me.membership.id")));
        assertNull(result.data("me.membership.card"), result::toString);
    }

    @Test
    void officialOfTheMembersOwnUnionCannotFetchTheirCard() {
        Result result = GraphQLClient.post(Tokens.forDemoUser("heyang-baoan"), "query($id: ID!) { member(id: $id) { id card { qrPayload } } }",
                Map.of("id", MEMBER));
        assertEquals("FORBIDDEN", result.errorCode(), result::toString);
        assertNotNull(result.data("member"), result::toString);
        assertNull(result.data("member.card"), result::toString);
        assertFalse(result.body().contains("qrPayload\":\""), result::toString);
    }

    @Test
    void anonymousCallerGetsNoCard() {
        Result result = GraphQLClient.post(null, CARD_QUERY);
        assertEquals("UNAUTHENTICATED", result.errorCode(), result::toString);
        assertNull(result.data("me"), result::toString);
    }

    // --- verification

    @Test
    void freshPayloadOfAMemberIsValidWithMaskedNameUnionAndStatus() {
        Result result = verify(issuedPayload());
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(Boolean.TRUE, result.data("verifyMemberCard.valid"));
        assertNull(result.data("verifyMemberCard.reason"));
        assertEquals(cardNumber(), result.data("verifyMemberCard.cardNumber"));
        String name = DemoData.queryString(dataSource, "select name from person where id = " + MEMBER);
        assertEquals(CardVerification.maskName(name), result.data("verifyMemberCard.holderName"));
        assertFalse(result.body().contains(name), "the full name never leaves: " + result);
        assertEquals(DemoData.queryString(dataSource, "select u.name from trade_union u join membership m on m.union_id = u.id where m.id = " + MEMBER),
                result.data("verifyMemberCard.unionName"));
        assertEquals("ACTIVE", result.data("verifyMemberCard.status"));
    }

    @Test
    void expiredPayloadIsNotValid() {
        String payload = CardKeyFixtures.sign(CardKeyFixtures.key(CardKeyFixtures.TEST_1), claims(cardNumber(), Instant.now().getEpochSecond() - 1));
        assertInvalid(verify(payload), CardInvalidReason.EXPIRED);
    }

    @Test
    void tamperedPayloadIsNotValid() {
        String[] parts = issuedPayload().split("\\.");
        String otherCard = DemoData.queryString(dataSource, "select card_number from membership where id = 1");
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(JsonUtil.toJson(claims(otherCard, Instant.now().getEpochSecond() + 300))
                .getBytes(StandardCharsets.UTF_8));
        assertInvalid(verify(parts[0] + "." + changed + "." + parts[2]), CardInvalidReason.BAD_SIGNATURE);
        // a flipped character of the signature
        char last = parts[2].charAt(10);
        String signature = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);
        assertInvalid(verify(parts[0] + "." + parts[1] + "." + signature), CardInvalidReason.BAD_SIGNATURE);
        assertInvalid(verify(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20)), CardInvalidReason.BAD_SIGNATURE);
    }

    @Test
    void payloadForgedUnderAListedKeyIdIsNotValid() {
        String forged = CardKeyFixtures.sign(CardKeyFixtures.unlistedKey("test-1"), claims(cardNumber(), Instant.now().getEpochSecond() + 300));
        assertInvalid(verify(forged), CardInvalidReason.BAD_SIGNATURE);
    }

    @Test
    void unsignedPayloadIsNotValid() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"kid\":\"test-1\"}".getBytes(StandardCharsets.UTF_8));
        String[] parts = issuedPayload().split("\\.");
        assertInvalid(verify(header + "." + parts[1] + "."), CardInvalidReason.BAD_SIGNATURE);
    }

    @Test
    void payloadSignedWithAnUnlistedKeyHasAnUnknownKey() {
        String payload = CardKeyFixtures.sign(CardKeyFixtures.unlistedKey("removed-2025"), claims(cardNumber(), Instant.now().getEpochSecond() + 300));
        assertInvalid(verify(payload), CardInvalidReason.UNKNOWN_KEY);
    }

    @Test
    void payloadSignedWithAnOldKeyStillListedIsValid() {
        String payload = CardKeyFixtures.sign(CardKeyFixtures.key(CardKeyFixtures.TEST_OLD), claims(cardNumber(), Instant.now().getEpochSecond() + 300));
        Result result = verify(payload);
        assertEquals(Boolean.TRUE, result.data("verifyMemberCard.valid"), result::toString);
        assertEquals(cardNumber(), result.data("verifyMemberCard.cardNumber"));
    }

    @Test
    void textThatIsNoCardIsMalformed() {
        for (String payload : List.of("", "GH000000000003", "a.b.c", "eyJhbGciOiJFUzI1NiJ9.e30.AAAA", "%%%.%%%.%%%")) {
            assertInvalid(verify(payload), CardInvalidReason.MALFORMED);
        }
        // genuine signature, but not a card's contents
        assertInvalid(verify(CardKeyFixtures.sign(CardKeyFixtures.key(CardKeyFixtures.TEST_1), Map.of("exp", Instant.now().getEpochSecond() + 300))),
                CardInvalidReason.MALFORMED);
    }

    @Test
    void cardOfSomeoneWhoLeftIsNotValidAndAnswersLikeANumberNobodyHolds() {
        String payload = issuedPayload();
        DemoData.execute(dataSource, "update membership set status = 'WITHDRAWN', status_reason = '退会' where id = " + MEMBER);
        Result left = verify(payload);
        assertInvalid(left, CardInvalidReason.NOT_A_MEMBER_NOW);
        Result nobody = verify(CardKeyFixtures.sign(CardKeyFixtures.key(CardKeyFixtures.TEST_1), claims("GH999999999999", Instant.now().getEpochSecond() + 300)));
        assertInvalid(nobody, CardInvalidReason.NOT_A_MEMBER_NOW);
        assertEquals(left.body(), nobody.body(), "no difference between a former member and a number nobody holds");
    }

    @Test
    void oversizedPayloadIsAValidationError() {
        Result result = verify("a".repeat(CardService.MAX_PAYLOAD_LENGTH + 1));
        assertEquals("VALIDATION", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().startsWith("payload:"), result::toString);
        assertNull(result.data("verifyMemberCard"), result::toString);
    }

    // --- the published keys

    @Test
    void keysArePublishedAsACacheablePublicJwkSetThatVerifiesIssuedPayloadsOffline() throws Exception {
        Response response = given().get("/.well-known/gonghui-card-keys.json");
        assertEquals(200, response.statusCode(), response::asString);
        assertTrue(response.contentType().startsWith("application/jwk-set+json"), response.contentType());
        assertEquals("public, max-age=300", response.header("Cache-Control"));
        Map<String, Object> set = JsonUtil.parseJson(response.asString());
        assertEquals(Set.of("keys"), set.keySet());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) set.get("keys");
        assertEquals(List.of("test-1", "test-old"), keys.stream().map(k -> k.get("kid")).toList());
        for (Map<String, Object> key : keys) {
            assertEquals(Set.of("kty", "crv", "kid", "x", "y", "use", "alg"), key.keySet(), "public parts only: " + key);
            assertEquals("EC", key.get("kty"));
            assertEquals("P-256", key.get("crv"));
            assertEquals("ES256", key.get("alg"));
            assertEquals("sig", key.get("use"));
        }

        // what a benefit base does offline: pick the key by kid, check the signature and the expiry
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(issuedPayload());
        jws.setKey(new VerificationJwkSelector().select(jws, new JsonWebKeySet(response.asString()).getJsonWebKeys()).getKey());
        assertTrue(jws.verifySignature());
        assertEquals(cardNumber(), JsonUtil.parseJson(jws.getPayload()).get("card"));
    }

    @Test
    void keysAreServedToClientsThatAskForPlainJson() {
        Response response = given().accept("application/json").get("/.well-known/gonghui-card-keys.json");
        assertEquals(200, response.statusCode(), response::asString);
        assertTrue(response.asString().contains("\"kid\":\"test-1\""), response::asString);
    }
}
