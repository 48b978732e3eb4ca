package org.gonghui.card;

import java.security.PublicKey;
import java.security.Security;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gonghui.member.Member;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.Membership;
import org.gonghui.member.Person;
import org.gonghui.security.Caller;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.PublicQueryBuckets;
import org.gonghui.support.ValidationException;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Issues the member's card payload (a compact JWS: card number, union id, status, expiry; kid in the
 * header) and checks scanned ones. Stateless: any replica verifies what another signed, and a benefit
 * base can do the same offline with the published keys. An invalid payload is an answer with a reason,
 * never an error carrying details.
 */
@ApplicationScoped
public class CardService {

    /** Longer than any payload this service signs (about 250 characters) with room to spare; beyond it the input is refused. */
    static final int MAX_PAYLOAD_LENGTH = 1024;

    static final String CARD = "card";
    static final String UNION = "union";
    static final String STATUS = "status";

    private static final AlgorithmConstraints ES256_ONLY = new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
            CardKeys.ALGORITHM);

    /**
     * Signatures are verified by Bouncy Castle (registered by Quarkus, {@code quarkus.security.security-providers=BC}):
     * on Java 17 it checks a P-256 signature several times faster than the JDK's own provider, which was most of
     * the public card check's work. Without the provider (not registered) the JDK's is used.
     */
    private static final String SIGNATURE_PROVIDER = "BC";

    @Inject
    CardKeys keys;

    @Inject
    CardConfig config;

    @Inject
    Caller caller;

    @Inject
    PublicQueryBuckets publicQueries;

    /**
     * The cards of the given memberships, which must be the caller's own (FORBIDDEN otherwise); null for a
     * membership without a card number or that no longer counts (withdrawn, deceased, an application).
     */
    public List<MemberCard> cardsOf(List<Member> sources) {
        Long own = Person.findBySubject(caller.subject()).map(p -> p.id).orElse(null);
        List<MemberCard> cards = new ArrayList<>(sources.size());
        for (Member member : sources) {
            if (own == null || !own.equals(member.personId)) {
                throw new ForbiddenException("card: 只能查看本人的会员卡 — only the member themselves may see their card");
            }
            cards.add(member.cardNumber == null || !member.status.isOpen() ? null : issue(member.cardNumber, member.unionId, member.status));
        }
        return cards;
    }

    /** A new payload for a card, valid for the configured time (5 minutes). */
    MemberCard issue(String cardNumber, long unionId, MemberStatus status) {
        Instant expires = Instant.now().plus(config.tokenValidity()).truncatedTo(ChronoUnit.SECONDS);
        JwtClaims claims = new JwtClaims();
        claims.setClaim(CARD, cardNumber);
        claims.setClaim(UNION, unionId);
        claims.setClaim(STATUS, status.name());
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(CardKeys.ALGORITHM);
        jws.setKeyIdHeaderValue(keys.activeKid());
        jws.setKey(keys.signer());
        jws.setPayload(claims.toJson());
        try {
            return new MemberCard(cardNumber, jws.getCompactSerialization(), expires.atZone(ZoneId.systemDefault()).toOffsetDateTime());
        } catch (JoseException e) {
            throw new IllegalStateException("card payload could not be signed", e);
        }
    }

    /**
     * Checks a scanned payload: signature by a listed key, expiry, then the membership as it stands now. Every
     * check draws one token of the caller's public-query budget (RATE_LIMITED when spent, whatever the payload); for
     * a genuine unexpired payload the token is taken in the statement that reads the card's holder, one round trip.
     */
    public CardVerification verify(String payload) {
        if (payload.length() > MAX_PAYLOAD_LENGTH) {
            publicQueries.takeForRequest();
            throw new ValidationException("payload: 过长 — at most " + MAX_PAYLOAD_LENGTH + " characters");
        }
        Scan scan = scan(payload);
        if (scan.cardNumber() == null) {
            publicQueries.takeForRequest();
            return CardVerification.invalid(scan.invalid());
        }
        return publicQueries.takeForRequest(Membership.cardHolderRead(scan.cardNumber())).filter(holder -> holder.status().isOpen())
                .map(holder -> CardVerification.valid(scan.cardNumber(), holder.name(), holder.unionName(), holder.status()))
                .orElseGet(() -> CardVerification.invalid(CardInvalidReason.NOT_A_MEMBER_NOW));
    }

    /** What a payload says without the database: the card number of a genuine unexpired payload, else why not. */
    private record Scan(String cardNumber, CardInvalidReason invalid) {

        static Scan invalid(CardInvalidReason reason) {
            return new Scan(null, reason);
        }
    }

    private Scan scan(String payload) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(ES256_ONLY);
        String kid;
        try {
            jws.setCompactSerialization(payload.strip());
            kid = jws.getKeyIdHeaderValue();
        } catch (JoseException | RuntimeException e) {
            return Scan.invalid(CardInvalidReason.MALFORMED);
        }
        if (kid == null) {
            return Scan.invalid(CardInvalidReason.MALFORMED);
        }
        PublicKey key = keys.verificationKey(kid);
        if (key == null) {
            return Scan.invalid(CardInvalidReason.UNKNOWN_KEY);
        }
        jws.setKey(key);
        if (Security.getProvider(SIGNATURE_PROVIDER) != null) {
            ProviderContext providers = new ProviderContext();
            providers.getSuppliedKeyProviderContext().setSignatureProvider(SIGNATURE_PROVIDER);
            jws.setProviderContext(providers);
        }
        try {
            if (!jws.verifySignature()) {
                return Scan.invalid(CardInvalidReason.BAD_SIGNATURE);
            }
        } catch (JoseException | RuntimeException e) {
            // another algorithm (none, HS256 with the public key...) or a signature of the wrong shape
            return Scan.invalid(CardInvalidReason.BAD_SIGNATURE);
        }
        String cardNumber;
        long expires;
        try {
            Map<String, Object> claims = JwtClaims.parse(jws.getUnverifiedPayload()).getClaimsMap();
            cardNumber = (String) claims.get(CARD);
            expires = ((Number) claims.get("exp")).longValue();
        } catch (Exception e) {
            return Scan.invalid(CardInvalidReason.MALFORMED);
        }
        if (cardNumber == null) {
            return Scan.invalid(CardInvalidReason.MALFORMED);
        }
        if (Instant.now().getEpochSecond() >= expires) {
            return Scan.invalid(CardInvalidReason.EXPIRED);
        }
        return new Scan(cardNumber, null);
    }
}
