package org.gonghui.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;

import io.restassured.path.json.JsonPath;

/**
 * Notifications × {their owner, another member's notification, a notification addressed to their own
 * login or to another login (a worker without a membership), officials of every tier (the member's own
 * union included), anonymous}: the member login reads and marks only their own, by membership and by
 * login; another member's or another login's notification is NOT_FOUND exactly like a missing one; officials are FORBIDDEN (notifications are the
 * member's, not the union's); anonymous callers are UNAUTHENTICATED; nothing changes on refusal. The
 * fixture links the demo member login to demo member 1 (何强, 河阳保安) and gives member 1 and member 2
 * (李娜, same union) one notification each, and the member login and another login one each.
 */
@QuarkusTestWithOidc
class NotificationAuthorizationMatrixTests extends AuthorizationMatrix<NotificationAuthorizationMatrixTests.Operation, NotificationAuthorizationMatrixTests.Whose> {

    enum Operation {
        LIST, MARK_READ
    }

    /** Whose notification an operation names: one addressed to a membership, or to a login without one (login_notification). */
    enum Whose {
        OWN(1L, null, "matrix-own"), ANOTHER_MEMBERS(2L, null, "matrix-other"),
        OWN_LOGIN(null, null, "matrix-own-login"), ANOTHER_LOGINS(null, "sub-matrix-another-login", "matrix-other-login");

        final Long membership;
        /** The login an ANOTHER_LOGINS notice goes to; OWN_LOGIN's is the member login's own subject. */
        final String subject;
        final String objectId;

        Whose(Long membership, String subject, String objectId) {
            this.membership = membership;
            this.subject = subject;
            this.objectId = objectId;
        }
    }

    /** The caller's own notifications, newest first. */
    static final List<String> OWN_OBJECTS = List.of(Whose.OWN_LOGIN.objectId, Whose.OWN.objectId);

    static final Map<Official, Relation> OFFICIALS = Map.ofEntries(
            Map.entry(Official.HEYANG_BAOAN, Relation.OWN), Map.entry(Official.HEYANG, Relation.PARENT), Map.entry(Official.JILI, Relation.ANCESTOR),
            Map.entry(Official.LUOYANG, Relation.ANCESTOR), Map.entry(Official.HENAN, Relation.ANCESTOR), Map.entry(Official.QUANZONG, Relation.ANCESTOR),
            Map.entry(Official.SHUNDA, Relation.SIBLING), Map.entry(Official.KANGLE, Relation.SIBLING), Map.entry(Official.RUYANG, Relation.SIBLING),
            Map.entry(Official.BAICHENG, Relation.OUTSIDE), Map.entry(Official.JILIN, Relation.OUTSIDE));

    @Override
    protected List<Cell<Operation, Whose>> cells() {
        List<Cell<Operation, Whose>> cells = new ArrayList<>();
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.LIST, Whose.OWN, OK));
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.MARK_READ, Whose.OWN, OK));
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.MARK_READ, Whose.ANOTHER_MEMBERS, NOT_FOUND));
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.MARK_READ, Whose.OWN_LOGIN, OK));
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.MARK_READ, Whose.ANOTHER_LOGINS, NOT_FOUND));
        for (Official official : Official.values()) {
            for (Operation operation : Operation.values()) {
                cells.add(cell(official.username, OFFICIALS.get(official), operation, Whose.OWN, FORBIDDEN));
            }
        }
        for (Operation operation : Operation.values()) {
            cells.add(cell(null, Relation.ANONYMOUS, operation, Whose.OWN, UNAUTHENTICATED));
        }
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation == Operation.MARK_READ;
    }

    /** Links the member login (its subject as its token carries it, also under Keycloak) to member 1; one notification per member. */
    @Override
    protected void fixtures() {
        String token = token(MEMBER);
        String subject = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8)).getString("sub");
        DemoData.execute(dataSource(), "update person set subject = '" + subject.replace("'", "''")
                + "' where id = (select person_id from membership where id = 1) and subject is distinct from '" + subject.replace("'", "''") + "'");
        for (Whose whose : Whose.values()) {
            if (whose.membership != null) {
                DemoData.execute(dataSource(), """
                        insert into member_notification (person_hash, membership_id, type, text_zh, text_en, object_id)
                        select m.person_hash, m.id, 'TRANSFER_STEP', '矩阵测试', 'matrix test', '%s' from membership m
                         where m.id = %d and not exists (select 1 from member_notification where object_id = '%s')"""
                        .formatted(whose.objectId, whose.membership, whose.objectId));
            } else {
                DemoData.execute(dataSource(), """
                        insert into login_notification (subject, type, text_zh, text_en, object_id)
                        select '%s', 'RIGHTS_CASE_STEP', '矩阵测试', 'matrix test', '%s'
                         where not exists (select 1 from login_notification where object_id = '%s')"""
                        .formatted((whose.subject == null ? subject : whose.subject).replace("'", "''"), whose.objectId, whose.objectId));
            }
        }
    }

    long id(Whose whose) {
        return DemoData.queryLong(dataSource(), "select id from member_notification where object_id = '" + whose.objectId + "'"
                + " union all select id from login_notification where object_id = '" + whose.objectId + "'");
    }

    @Override
    protected Call call(String token, Operation operation, Whose whose) {
        return switch (operation) {
            // anonymous callers are refused at me itself; officials at its notifications field
            case LIST -> graphql(token, token == null ? "me" : "me.notifications",
                    "{ me { notifications { totalCount edges { node { id objectId read } } } } }", Map.of());
            case MARK_READ -> graphql(token, "markNotificationsRead", "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }",
                    Map.of("ids", List.of(String.valueOf(id(whose)))));
        };
    }

    /**
     * The member's list holds exactly their own notifications (their membership's and their login's); marking one read leaves the
     * other unread and marks nobody else's.
     */
    @Override
    protected void assertAllowed(Cell<Operation, Whose> cell, Result result, String before) {
        if (cell.operation() == Operation.LIST) {
            assertEquals(OWN_OBJECTS, result.json().getList("data.me.notifications.edges.node.objectId"), result::toString);
            assertEquals(2, result.<Integer>data("me.notifications.totalCount"));
        } else {
            assertEquals(1, result.<Integer>data("markNotificationsRead"), result::toString);
            assertEquals(0, DemoData.queryLong(dataSource(), "select count(*) from (select object_id, read_at from member_notification union all"
                    + " select object_id, read_at from login_notification) n where read_at is not null and object_id <> '" + cell.target().objectId + "'"));
            assertEquals(1, DemoData.queryLong(dataSource(), "select count(*) from (select object_id, read_at from member_notification union all"
                    + " select object_id, read_at from login_notification) n where read_at is not null and object_id = '" + cell.target().objectId + "'"));
        }
    }
}
