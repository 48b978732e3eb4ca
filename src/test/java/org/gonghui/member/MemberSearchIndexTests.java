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

import org.gonghui.testing.QuarkusTestWithOidc;
import org.junit.jupiter.api.Test;


/**
 * Member searches are answered from indexes, with no planner overrides: 40,000 generated members
 * over twelve demo unions (ANALYZEd, inside a transaction that is rolled back) and the statement shape
 * {@link MemberQuery} writes. Names are searched per union of the subtree: two-character names through
 * the (union, name grams) GIN index, which pg_trgm's trigrams could not serve, prefixes through the
 * (union, name) btree.
 */
@QuarkusTestWithOidc
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
            s.execute("""
                    insert into membership (person_id, person_hash, name, union_id, status, card_number, joined_on)
                    select p.id, p.id_hash, p.name, (array[41030611, 41030612, 41030621, 41030601, 41030602, 22080211, 22080212, 22080213,
                                                           22082202, 43018111, 41032611, 22088211])[1 + p.id % 12],
                           'ACTIVE', 'GX' || p.id, date '2020-01-01' from person p where p.id >= 100000000""");
            s.execute("analyze person, membership, trade_union");
            StringBuilder plan = new StringBuilder();
            // the shape MemberQuery writes for a search inside 吉利区 (410306)
            try (ResultSet rs = s.executeQuery("explain select m.id from membership m join person p on p.id = m.person_id"
                    + " join trade_union u on u.id = m.union_id where u.path >= '/1/41/4103/410306/' and u.path < '/1/41/4103/4103060' and " + condition)) {
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
        String plan = plan("gonghui_name_grams(m.name) @> cast('{\"王伟\"}' as text[]) and m.name like '%王伟%'");
        assertTrue(plan.contains("membership_union_name_grams_idx"), plan);
        assertFalse(plan.contains("Seq Scan on membership") || plan.contains("Seq Scan on person"), plan);
    }

    @Test
    void longerNamesUseAllTheirBigrams() throws SQLException {
        assertEquals(List.of("王伟", "伟华"), MemberQuery.grams("王伟华"));
        String plan = plan("gonghui_name_grams(m.name) @> cast('{\"王伟\",\"伟华\"}' as text[]) and m.name like '%王伟华%'");
        assertTrue(plan.contains("membership_union_name_grams_idx"), plan);
    }

    @Test
    void namePrefixesUseTheNameIndex() throws SQLException {
        String plan = plan("m.name like '王伟%'");
        assertTrue(plan.contains("membership_union_name_idx"), plan);
        assertFalse(plan.contains("Seq Scan on membership") || plan.contains("Seq Scan on person"), plan);
    }

    @Test
    void phonesAndIdNumbersAreFoundThroughTheirKeyedHashIndexes() throws SQLException {
        assertTrue(plan("p.phone_hash = decode(md5('p42'), 'hex')").contains("person_phone_hash_idx"));
        assertTrue(plan("p.id_hash = decode(md5('id42'), 'hex')").contains("person_id_hash_key"));
    }
}
