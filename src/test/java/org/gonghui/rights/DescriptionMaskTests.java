package org.gonghui.rights;

import static org.gonghui.rights.RightsFixtures.ACCEPT;
import static org.gonghui.rights.RightsFixtures.QUEUE;
import static org.gonghui.rights.RightsFixtures.SUBMIT;
import static org.gonghui.rights.RightsFixtures.as;
import static org.gonghui.rights.RightsFixtures.idVersion;
import static org.gonghui.rights.RightsFixtures.ok;
import static org.gonghui.rights.RightsFixtures.post;
import static org.gonghui.rights.RightsFixtures.submitInput;
import static org.gonghui.rights.RightsFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
 * The masked description reveals no content: new cases store only its length （共N字）, the queue and a
 * case show nothing else, the column refuses any other text, and V24 turned the old prefixes into the
 * length (exact where the old mask was not cut, a lower bound where it was).
 */
@QuarkusTestWithOidc
class DescriptionMaskTests {

    static final String WORKER = Tokens.forDemoUser("worker");
    static final String DESCRIPTION = "张经理拖欠我 3 个月工资, 洛阳某物流有限公司";

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

    @Test
    void theHandlingOfficialsSeeOnlyTheLengthOfTheDescriptionInTheCaseAndTheQueue() {
        Result submitted = ok(post(WORKER, SUBMIT, Map.of("input", with(submitInput("WAGE_ARREARS", "洛阳某物流有限公司"), "description", DESCRIPTION))));
        Result accepted = ok(as("heyang-baoan", ACCEPT, idVersion(submitted, "submitRightsCase")));
        String mask = "（共" + DESCRIPTION.codePointCount(0, DESCRIPTION.length()) + "字）";
        assertEquals(mask, accepted.data("acceptRightsCase.descriptionMasked"));
        Result queue = ok(as("heyang", QUEUE, Map.of("f", Map.of("unionId", 41030611))));
        assertEquals(List.of(mask), queue.json().getList("data.rightsCases.edges.node.descriptionMasked"));
        // no character of the text in any clear column of the case
        String row = DemoData.queryString(dataSource, "select (description_masked, worker_name_masked, contact_phone_masked) :: text from rights_case");
        assertFalse(row.contains("张") || row.contains("经理") || row.contains("拖欠"), row);
    }

    @Test
    void theColumnRefusesAnythingButALength() throws SQLException {
        ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "洛阳某物流有限公司"))));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate("update rights_case set description_masked = '张经理拖欠…'"));
            assertEquals("23514", refused.getSQLState(), refused::toString); // check_violation
        }
    }

    @Test
    void migrationV24TurnsOldPrefixMasksIntoTheLengthOrALowerBound() throws SQLException {
        ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "甲公司"))));
        ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "乙公司"))));
        ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "丙公司"))));
        // the masks V18 wrote: a short text whole; a long one cut after 20 characters (its trailing space stripped) with "…"; a short cut
        List<String> old = List.of("咨询加班费 ** 元", "公司拖欠我 * 个月工资共 *****…", "张经理说 …");
        List<String> masks = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("alter table rights_case drop constraint rights_case_description_mask_reveals_no_text");
            try (PreparedStatement update = c.prepareStatement("update rights_case set description_masked = ? where id = (select id from rights_case"
                    + " order by id offset ? limit 1)")) {
                for (int i = 0; i < old.size(); i++) {
                    update.setString(1, old.get(i));
                    update.setInt(2, i);
                    update.executeUpdate();
                }
            }
            s.execute(migrationStatement("update rights_case"));
            s.execute(migrationStatement("alter table rights_case add constraint"));
            try (ResultSet rs = s.executeQuery("select description_masked from rights_case order by id")) {
                while (rs.next()) {
                    masks.add(rs.getString(1));
                }
            }
            c.rollback();
        }
        assertEquals(List.of("（共10字）", "（至少20字）", "（至少6字）"), masks);
    }

    /** The statement of V24 that starts with {@code prefix}, up to its semicolon. */
    private static String migrationStatement(String prefix) {
        try (InputStream in = DescriptionMaskTests.class.getClassLoader()
                .getResourceAsStream("db/migration/V24__rights_case_masks_and_login_notifications.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf(prefix);
            assertTrue(start >= 0, prefix);
            return sql.substring(start, sql.indexOf(';', start));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
