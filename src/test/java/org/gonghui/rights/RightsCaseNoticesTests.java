package org.gonghui.rights;

import static org.gonghui.rights.RightsFixtures.ACCEPT;
import static org.gonghui.rights.RightsFixtures.CONFIRM;
import static org.gonghui.rights.RightsFixtures.DECLINE;
import static org.gonghui.rights.RightsFixtures.RECORD;
import static org.gonghui.rights.RightsFixtures.REFER;
import static org.gonghui.rights.RightsFixtures.RESOLVE;
import static org.gonghui.rights.RightsFixtures.SUBMIT;
import static org.gonghui.rights.RightsFixtures.as;
import static org.gonghui.rights.RightsFixtures.idVersion;
import static org.gonghui.rights.RightsFixtures.ok;
import static org.gonghui.rights.RightsFixtures.post;
import static org.gonghui.rights.RightsFixtures.submitInput;
import static org.gonghui.rights.RightsFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker without a membership who submitted a case from the app hears of each step as a member does:
 * the notices go to their login (login_notification) and show in their own {@code me { notifications }},
 * nobody else's; a member's notices still go to their membership; a case recorded for someone without a
 * login notifies nobody. "outsider" is a login without a membership; its case is handled by 4103261
 * 城关镇 (the union above the area's community union 41032611), so 410326 汝阳 ("ruyang") has FULL reach.
 */
@QuarkusTestWithOidc
class RightsCaseNoticesTests {

    static final String OUTSIDER = Tokens.signed(Tokens.token("outsider", List.of("member"), null));
    static final String WORKER = Tokens.forDemoUser("worker");
    static final String NOTICES = "{ me { notifications { totalCount edges { node { id type text textEn objectId read } } } } }";
    static final String MARK = "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void linkTheWorker() {
        RightsFixtures.linkWorker(dataSource, "sub-worker");
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    private long count(String sql) {
        return DemoData.queryLong(dataSource, sql);
    }

    private Map<String, Object> next(Object id) {
        return Map.of("id", id, "v", RightsFixtures.version(dataSource, id));
    }

    @Test
    void aWorkerWithoutAMembershipHearsOfEveryStepOfTheirCaseInTheirOwnNotifications() {
        Map<String, Object> input = with(submitInput("WAGE_ARREARS", "洛阳某物流有限公司"), "regionCode", "410326", "handlingUnionId", 4103261);
        Result submitted = ok(post(OUTSIDER, SUBMIT, Map.of("input", input)));
        Object id = submitted.data("submitRightsCase.id");
        ok(as("ruyang", ACCEPT, idVersion(submitted, "submitRightsCase")));
        ok(as("ruyang", REFER, with(next(id), "r", "需县总工会法律援助")));
        ok(as("ruyang", ACCEPT, next(id)));
        ok(as("ruyang", RESOLVE, with(next(id), "o", "ADVICE_GIVEN")));
        ok(post(OUTSIDER, CONFIRM, with(next(id), "r", 5)));
        Result second = ok(post(OUTSIDER, SUBMIT, Map.of("input", with(input, "category", "SOCIAL_INSURANCE"))));
        Object declinedId = second.data("submitRightsCase.id");
        ok(as("ruyang", DECLINE, with(idVersion(second, "submitRightsCase"), "r", "不属于受理范围")));

        Result mine = ok(post(OUTSIDER, NOTICES, Map.of()));
        assertEquals(8, mine.<Integer>data("me.notifications.totalCount"), mine::toString);
        List<String> objects = mine.json().getList("data.me.notifications.edges.node.objectId");
        List<String> expected = new ArrayList<>(List.of(String.valueOf(id), String.valueOf(id), String.valueOf(id), String.valueOf(id),
                String.valueOf(id), String.valueOf(id), String.valueOf(declinedId), String.valueOf(declinedId)));
        Collections.reverse(expected);
        assertEquals(expected, objects, "newest first: the declined case's two, then the first case's six");
        assertEquals(List.of("RIGHTS_CASE_STEP"), mine.json().getList("data.me.notifications.edges.node.type").stream().distinct().toList());
        assertEquals("您的维权诉求未予受理, 原因请在个案详情中查看", mine.data("me.notifications.edges[0].node.text"));
        assertEquals("您已确认办理结果, 个案已结案", mine.data("me.notifications.edges[2].node.text"));
        assertTrue(mine.json().getList("data.me.notifications.edges.node.text", String.class).stream().noneMatch(t -> t.contains("受理范围")),
                "a notice never carries the official's reason");

        // the worker marks one read; the rest stay unread
        String first = mine.data("me.notifications.edges[0].node.id");
        assertEquals(7, ok(post(OUTSIDER, MARK, Map.of("ids", List.of(first)))).<Integer>data("markNotificationsRead"));
        // addressed to the login only: no membership got them, and another login sees none of them (nor may mark them)
        assertEquals(8, count("select count(*) from login_notification where subject = 'sub-outsider'"));
        assertEquals(0, count("select count(*) from member_notification where object_id in ('" + id + "', '" + declinedId + "')"));
        Result worker = ok(post(WORKER, NOTICES, Map.of()));
        assertTrue(worker.json().getList("data.me.notifications.edges.node.objectId").stream()
                .noneMatch(o -> o.equals(String.valueOf(id)) || o.equals(String.valueOf(declinedId))), worker::toString);
        Result foreign = post(WORKER, MARK, Map.of("ids", List.of(first)));
        assertEquals("NOT_FOUND", foreign.errorCode(), foreign::toString);
        assertEquals(List.of("markNotificationsRead"), foreign.errors().get(0).get("path"));
    }

    @Test
    void aMembersNoticesStillGoToTheirMembershipAndACaseWithoutALoginNotifiesNobody() {
        Result member = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "洛阳某物流有限公司"))));
        Object id = member.data("submitRightsCase.id");
        assertEquals(1, count("select count(*) from member_notification where membership_id = 1 and object_id = '" + id + "'"));
        Result hotline = ok(as("heyang-baoan", RECORD, Map.of("input", Map.of("category", "LEGAL_CONSULTATION", "channel", "HOTLINE",
                "description", "咨询加班费计算", "workerName", "李四", "contactPhone", "13912345678"))));
        ok(as("heyang-baoan", ACCEPT, idVersion(hotline, "recordRightsCase")));
        assertEquals(0, count("select count(*) from login_notification"));
        assertEquals(0, count("select count(*) from member_notification where object_id = '" + hotline.data("recordRightsCase.id") + "'"));
    }
}
