package org.gonghui.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.CardKeyFixtures;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.jose4j.json.JsonUtil;

/**
 * The card's operations × callers: the member's own card (the demo member login, linked to member 3 王伟 of
 * 41030611 河阳保安), another member's card through {@code member(id)}, and the public verification; for
 * the member, anonymous callers and officials at every distance from the card's union. Refusals answer
 * their exact code with a null result and leave the database unchanged ({@link AuthorizationMatrix}).
 */
@QuarkusTestWithOidc
class CardAuthorizationMatrixTests extends AuthorizationMatrix<CardAuthorizationMatrixTests.Operation, Long> {

    enum Operation {
        /** {@code me { membership { card } } } */
        OWN_CARD,
        /** {@code member(id) { card } }: a card that is not the caller's own */
        MEMBER_CARD,
        /** {@code verifyMemberCard} with a genuine payload of member 3 */
        VERIFY
    }

    static final long MEMBER_3 = 3;

    @Override
    protected List<Cell<Operation, Long>> cells() {
        List<Cell<Operation, Long>> cells = new ArrayList<>();
        cells.add(cell(MEMBER, Relation.OWN, Operation.OWN_CARD, MEMBER_3, OK));
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.MEMBER_CARD, MEMBER_3, FORBIDDEN));
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.VERIFY, MEMBER_3, OK));
        cells.add(cell(null, Relation.ANONYMOUS, Operation.OWN_CARD, MEMBER_3, UNAUTHENTICATED));
        cells.add(cell(null, Relation.ANONYMOUS, Operation.MEMBER_CARD, MEMBER_3, UNAUTHENTICATED));
        cells.add(cell(null, Relation.ANONYMOUS, Operation.VERIFY, MEMBER_3, OK));
        // Officials see the member record inside their subtree but never the card; outside it the member is NOT_FOUND.
        Map<Official, Relation> officials = Map.of(Official.HEYANG_BAOAN, Relation.OWN, Official.HEYANG, Relation.PARENT,
                Official.JILI, Relation.ANCESTOR, Official.QUANZONG, Relation.ANCESTOR, Official.SHUNDA, Relation.SIBLING,
                Official.BAICHENG, Relation.OUTSIDE);
        for (Official official : Official.values()) {
            Relation relation = officials.get(official);
            if (relation == null) {
                continue;
            }
            boolean inside = relation != Relation.SIBLING && relation != Relation.OUTSIDE;
            cells.add(cell(official.username, relation, Operation.MEMBER_CARD, MEMBER_3, inside ? FORBIDDEN : NOT_FOUND));
            // an official's login is linked to no member: their own membership, and so their card, is null
            cells.add(cell(official.username, relation, Operation.OWN_CARD, MEMBER_3, OK));
            cells.add(cell(official.username, relation, Operation.VERIFY, MEMBER_3, OK));
        }
        return cells;
    }

    /** Links the demo member login (whatever subject its token carries: local or Keycloak) to member 3. */
    @Override
    protected void fixtures() {
        String subject = subjectOf(token(MEMBER));
        DemoData.execute(dataSource(), "update person set subject = null where subject = '" + subject + "' and id <> " + MEMBER_3);
        DemoData.execute(dataSource(), "update person set subject = '" + subject + "' where id = " + MEMBER_3);
    }

    static String subjectOf(String token) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            return (String) JsonUtil.parseJson(payload).get("sub");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected boolean writes(Operation operation) {
        return false;
    }

    @Override
    protected Call call(String token, Operation operation, Long member) {
        return switch (operation) {
            // null for officials (no membership of their own): assertAllowed checks whose card came back
            case OWN_CARD -> graphql(token, "me.membership.card", "{ me { membership { card { number qrPayload validUntil } } } }", Map.of())
                    .nullable();
            case MEMBER_CARD -> graphql(token, "member.card", "query($id: ID!) { member(id: $id) { id card { qrPayload } } }", Map.of("id", member));
            case VERIFY -> graphql(token, "verifyMemberCard", "query($p: String!) { verifyMemberCard(payload: $p) { valid reason } }",
                    Map.of("p", genuinePayload(member)));
        };
    }

    private static String genuinePayload(long member) {
        String card = DemoData.queryString(dataSource(), "select card_number from membership where id = " + member);
        long union = DemoData.queryLong(dataSource(), "select union_id from membership where id = " + member);
        return CardKeyFixtures.sign(CardKeyFixtures.key(CardKeyFixtures.TEST_1),
                Map.of("card", card, "union", union, "status", "ACTIVE", "exp", Instant.now().getEpochSecond() + 300));
    }

    @Override
    protected void assertAllowed(Cell<Operation, Long> cell, Result result, String before) {
        switch (cell.operation()) {
            case VERIFY -> assertEquals(Boolean.TRUE, result.data("verifyMemberCard.valid"), result::toString);
            case OWN_CARD -> assertEquals(cell.caller() != null && cell.caller().equals(MEMBER)
                    ? DemoData.queryString(dataSource(), "select card_number from membership where id = " + MEMBER_3) : null,
                    result.data("me.membership.card.number"), result::toString);
            default -> {
            }
        }
    }
}
