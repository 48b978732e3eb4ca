package org.gonghui.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Member searches are answered from indexes, with no planner overrides: 40,000 generated persons
 * (ANALYZEd, inside a transaction that is rolled back) and the conditions {@link MemberQuery} writes.
 * Two-character names use the name-gram GIN index, which pg_trgm's trigrams could not serve.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class MemberSearchIndexTests {

    @Inject
    DataSource dataSource;

    private String plan(String condition) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("""
                    insert into person (id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key, phone_masked)
                    select decode(md5('id' || i), 'hex'), decode(md5('c' || i), 'hex'), 'test-1', '110***********000X',
                           (array['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + i % 10]
                             || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平'])[1 + (i / 10) % 20]
                             || case when i % 3 = 0 then '' else (array['华','英','玉','兰','林','红','春','文','国','建'])[1 + (i / 200) % 10] end,
                           date '1990-01-01', 'MALE', decode(md5('p' || i), 'hex'), decode(md5('q' || i), 'hex'), 'test-1', '138****0000'
                      from generate_series(1, 40000) as i""");
            s.execute("analyze person");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("explain select p.id from person p where " + condition)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
            return plan.toString();
        }
    }

    @Test
    void twoCharacterNamesAreFoundThroughTheNameGramIndex() throws SQLException {
        assertEquals(List.of("王伟"), MemberQuery.grams("王伟"));
        String plan = plan("gonghui_name_grams(p.name) @> cast('{\"王伟\"}' as text[]) and p.name like '%王伟%'");
        assertTrue(plan.contains("person_name_grams_idx"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    @Test
    void longerNamesUseAllTheirBigrams() throws SQLException {
        assertEquals(List.of("王伟", "伟华"), MemberQuery.grams("王伟华"));
        String plan = plan("gonghui_name_grams(p.name) @> cast('{\"王伟\",\"伟华\"}' as text[]) and p.name like '%王伟华%'");
        assertTrue(plan.contains("person_name_grams_idx"), plan);
    }

    @Test
    void namePrefixesUseTheNameIndex() throws SQLException {
        String plan = plan("p.name like '王伟%'");
        assertTrue(plan.contains("person_name_idx"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    @Test
    void phonesAndIdNumbersAreFoundThroughTheirKeyedHashIndexes() throws SQLException {
        assertTrue(plan("p.phone_hash = decode(md5('p42'), 'hex')").contains("person_phone_hash_idx"));
        assertTrue(plan("p.id_hash = decode(md5('id42'), 'hex')").contains("person_id_hash_key"));
    }
}
