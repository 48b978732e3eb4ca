-- Demo hierarchy for dev mode and tests: real places from the source reports, invented people.
-- Fixed ids (below 100,000,000) so the demo Keycloak realm's union_id values match these rows.
-- Idempotent: re-running only adds missing rows and recomputes subtree sizes.
with recursive demo (id, parent_id, level, kind, formation_mode, name, short_name, region_code,
                    established_on, status, chair_name, chair_term_end, host_employer_name, host_employer_credit_code) as (
values
 (1, null::bigint, 'NATIONAL', 'GENERAL_FEDERATION', null::text, '中华全国总工会', '全总', null::text, date '1925-05-01', 'ACTIVE', '王建国', date '2028-10-31', null::text, null::text),
 -- 河南
 (41, 1, 'PROVINCIAL', 'GENERAL_FEDERATION', null, '河南省总工会', '河南省总', '410000', '1948-08-01', 'ACTIVE', '李红梅', '2027-12-31', null, null),
 (4101, 41, 'CITY', 'GENERAL_FEDERATION', null, '郑州市总工会', null, '410100', '1949-06-01', 'ACTIVE', '赵志强', '2027-06-30', null, null),
 (410184, 4101, 'COUNTY', 'GENERAL_FEDERATION', null, '新郑市总工会', null, '410184', '1950-03-01', 'ACTIVE', '孙立', '2026-12-31', null, null),
 (4103, 41, 'CITY', 'GENERAL_FEDERATION', null, '洛阳市总工会', '洛阳市总', '410300', '1949-05-01', 'ACTIVE', '周卫东', '2027-09-30', null, null),
 (410302, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '老城区总工会', null, '410302', '1955-01-01', 'ACTIVE', null, null, null, null),
 (410303, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '西工区总工会', null, '410303', '1955-01-01', 'ACTIVE', null, null, null, null),
 (410304, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '瀍河回族区总工会', null, '410304', '1955-01-01', 'ACTIVE', null, null, null, null),
 (410305, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '涧西区总工会', null, '410305', '1956-01-01', 'ACTIVE', null, null, null, null),
 (410306, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '吉利区总工会', '吉利区总', '410306', '1982-06-01', 'ACTIVE', '陈建军', '2026-06-30', null, null),
 (410307, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '偃师区总工会', null, '410307', '1956-01-01', 'ACTIVE', null, null, null, null),
 (410308, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '孟津区总工会', null, '410308', '1956-01-01', 'ACTIVE', null, null, null, null),
 (410311, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '洛龙区总工会', null, '410311', '2001-01-01', 'ACTIVE', null, null, null, null),
 (410323, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '新安县总工会', null, '410323', '1956-01-01', 'ACTIVE', null, null, null, null),
 (410324, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '栾川县总工会', null, '410324', '1956-01-01', 'ACTIVE', null, null, null, null),
 (410325, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '嵩县总工会', null, '410325', '1956-01-01', 'ACTIVE', null, null, null, null),
 (410326, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '汝阳县总工会', null, '410326', '1956-01-01', 'ACTIVE', '刘芳', '2027-03-31', null, null),
 (410327, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '宜阳县总工会', null, '410327', '1956-01-01', 'ACTIVE', null, null, null, null),
 (410328, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '洛宁县总工会', null, '410328', '1956-01-01', 'ACTIVE', null, null, null, null),
 (410329, 4103, 'COUNTY', 'GENERAL_FEDERATION', null, '伊川县总工会', null, '410329', '1956-01-01', 'ACTIVE', null, null, null, null),
 (4103061, 410306, 'TOWNSHIP', 'STREET_UNION', null, '吉利区河阳街道工会', '河阳街道工会', '410306', '1990-01-01', 'ACTIVE', '马丽', '2026-12-31', null, null),
 (4103062, 410306, 'TOWNSHIP', 'STREET_UNION', null, '吉利区康乐街道工会', '康乐街道工会', '410306', '1990-01-01', 'ACTIVE', '郭强', '2027-12-31', null, null),
 (41030601, 410306, 'GRASSROOTS', 'INDUSTRY_FEDERATION', 'INDUSTRY_ASSOCIATION', '吉利区道路运输工会联合会', '道路运输工联', '410306', '2021-04-15', 'ACTIVE', '杨师傅', '2026-04-14', null, null),
 (41030602, 410306, 'GRASSROOTS', 'INDUSTRY_FEDERATION', 'LEAD_ENTERPRISE', '吉利区家政服务行业工会联合会', '家政工联', '410306', '2021-09-01', 'ACTIVE', '王小玲', '2026-08-31', '洛阳小玲家政服务有限公司', '91410306MA9H2J3K42'),
 (41030611, 4103061, 'GRASSROOTS', 'ENTERPRISE', 'STANDALONE', '洛阳河阳保安服务有限公司工会', '河阳保安工会', null, '2015-03-01', 'ACTIVE', '何伟', '2026-02-28', '洛阳河阳保安服务有限公司', '91410306MA44X1B2CC'),
 (41030612, 4103061, 'GRASSROOTS', 'ENTERPRISE', 'STANDALONE', '洛阳顺达商贸有限公司工会', '顺达商贸工会', null, '2016-07-01', 'ACTIVE', '张顺', '2027-06-30', '洛阳顺达商贸有限公司', '91410306MA45Y7D3EL'),
 (41030621, 4103062, 'GRASSROOTS', 'COMMUNITY', 'COMMUNITY', '吉利区康乐社区工会', '康乐社区工会', '410306', '2019-05-01', 'ACTIVE', '赵敏', '2027-04-30', null, null),
 (4103261, 410326, 'TOWNSHIP', 'TOWNSHIP_UNION', null, '汝阳县城关镇工会', '城关镇工会', '410326', '1985-01-01', 'ACTIVE', null, null, null, null),
 (41032611, 4103261, 'GRASSROOTS', 'COMMUNITY', 'COMMUNITY', '城关镇杜鹃社区工会联合会', '杜鹃社区工联', '410326', '2020-10-01', 'ACTIVE', null, null, null, null),
 -- 吉林
 (22, 1, 'PROVINCIAL', 'GENERAL_FEDERATION', null, '吉林省总工会', '吉林省总', '220000', '1948-11-01', 'ACTIVE', '高峰', '2028-01-31', null, null),
 (2208, 22, 'CITY', 'GENERAL_FEDERATION', null, '白城市总工会', '白城市总', '220800', '1954-10-01', 'ACTIVE', '韩冬', '2027-05-31', null, null),
 (220802, 2208, 'COUNTY', 'GENERAL_FEDERATION', null, '洮北区总工会', null, '220802', '1987-01-01', 'ACTIVE', '吕静', '2026-09-30', null, null),
 (220881, 2208, 'COUNTY', 'GENERAL_FEDERATION', null, '洮南市总工会', null, '220881', '1987-01-01', 'ACTIVE', null, null, null, null),
 (220882, 2208, 'COUNTY', 'GENERAL_FEDERATION', null, '大安市总工会', null, '220882', '1988-01-01', 'ACTIVE', null, null, null, null),
 (220821, 2208, 'COUNTY', 'GENERAL_FEDERATION', null, '镇赉县总工会', null, '220821', '1956-01-01', 'ACTIVE', null, null, null, null),
 (220822, 2208, 'COUNTY', 'GENERAL_FEDERATION', null, '通榆县总工会', null, '220822', '1956-01-01', 'ACTIVE', null, null, null, null),
 (2208900, 2208, 'COUNTY', 'GENERAL_FEDERATION', null, '白城经济开发区总工会', '开发区总工会', null, '2006-01-01', 'ACTIVE', null, null, null, null),
 (2208021, 220802, 'TOWNSHIP', 'STREET_UNION', null, '洮北区明仁街道工会', null, '220802', '1990-01-01', 'ACTIVE', null, null, null, null),
 (22080211, 2208021, 'GRASSROOTS', 'ENTERPRISE', 'STANDALONE', '白城金源物业服务有限公司工会', '金源物业工会', null, '2018-03-01', 'ACTIVE', null, null, '白城金源物业服务有限公司', '91220802MA0Y3K4L5B'),
 (22080212, 2208021, 'GRASSROOTS', 'ENTERPRISE', 'STANDALONE', '白城佳源物业管理有限公司工会', '佳源物业工会', null, '2018-06-01', 'ACTIVE', null, null, '白城佳源物业管理有限公司', '91220802MA0Y5N6P75'),
 (22080213, 2208021, 'GRASSROOTS', 'ENTERPRISE', 'STANDALONE', '白城亮洁物业有限公司工会', '亮洁物业工会', null, '2019-01-01', 'ACTIVE', null, null, '白城亮洁物业有限公司', '91220802MA0Y7Q8R9N'),
 (2208811, 220881, 'TOWNSHIP', 'TOWNSHIP_UNION', null, '洮南市瓦房镇工会', null, '220881', '1990-01-01', 'ACTIVE', null, null, null, null),
 (2208821, 220882, 'TOWNSHIP', 'TOWNSHIP_UNION', null, '大安市太山镇工会', null, '220882', '1990-01-01', 'ACTIVE', null, null, null, null),
 (2208822, 220882, 'TOWNSHIP', 'STREET_UNION', null, '大安市长虹街道工会', null, '220882', '1990-01-01', 'ACTIVE', null, null, null, null),
 (22088211, 2208821, 'GRASSROOTS', 'JOINT', 'COMMUNITY', '太山镇联合基层工会', null, '220882', '2017-01-01', 'ACTIVE', null, null, null, null),
 (2208211, 220821, 'TOWNSHIP', 'REGIONAL_FEDERATION', null, '镇赉县黑鱼泡镇工会联合会', null, '220821', '2016-01-01', 'ACTIVE', null, null, null, null),
 (2208212, 220821, 'TOWNSHIP', 'REGIONAL_FEDERATION', null, '镇赉县建平乡工会联合会', null, '220821', '2016-01-01', 'ACTIVE', null, null, null, null),
 (2208213, 220821, 'TOWNSHIP', 'REGIONAL_FEDERATION', null, '镇赉县坦途镇工会联合会', null, '220821', '2016-01-01', 'ACTIVE', null, null, null, null),
 (22082201, 220822, 'GRASSROOTS', 'INDUSTRY_FEDERATION', 'INDUSTRY_ASSOCIATION', '通榆县电商行业工会联合会', '电商工联', '220822', '2020-06-01', 'ACTIVE', null, null, null, null),
 (22082202, 220822, 'GRASSROOTS', 'PLATFORM', 'STANDALONE', '美团外卖通榆站点工会', '美团通榆站工会', '220822', '2022-03-01', 'ACTIVE', null, null, '通榆县众达配送服务有限公司', '91220822MA17T2U3WL'),
 -- 湖南
 (43, 1, 'PROVINCIAL', 'GENERAL_FEDERATION', null, '湖南省总工会', '湖南省总', '430000', '1949-10-01', 'ACTIVE', '曾志', '2028-03-31', null, null),
 (4301, 43, 'CITY', 'GENERAL_FEDERATION', null, '长沙市总工会', '长沙市总', '430100', '1949-09-01', 'ACTIVE', null, null, null, null),
 (430121, 4301, 'COUNTY', 'GENERAL_FEDERATION', null, '长沙县总工会', null, '430121', '1952-01-01', 'ACTIVE', null, null, null, null),
 (430181, 4301, 'COUNTY', 'GENERAL_FEDERATION', null, '浏阳市总工会', null, '430181', '1952-01-01', 'ACTIVE', null, null, null, null),
 (4301811, 430181, 'TOWNSHIP', 'STREET_UNION', null, '浏阳市集里街道工会', '集里街道工会', '430181', '1995-01-01', 'ACTIVE', null, null, null, null),
 (43018111, 4301811, 'GRASSROOTS', 'COMMUNITY', 'COMMUNITY', '集里街道新屋岭社区工会联合会', '新屋岭社区工联', '430181', '2019-08-01', 'ACTIVE', null, null, null, null),
 (4311, 43, 'CITY', 'GENERAL_FEDERATION', null, '永州市总工会', null, '431100', '1952-01-01', 'ACTIVE', null, null, null, null),
 (431103, 4311, 'COUNTY', 'GENERAL_FEDERATION', null, '冷水滩区总工会', null, '431103', '1984-01-01', 'ACTIVE', null, null, null, null),
 (4306, 43, 'CITY', 'GENERAL_FEDERATION', null, '岳阳市总工会', null, '430600', '1952-01-01', 'ACTIVE', null, null, null, null),
 (430681, 4306, 'COUNTY', 'GENERAL_FEDERATION', null, '汨罗市总工会', null, '430681', '1987-01-01', 'ACTIVE', null, null, null, null),
 (4312, 43, 'CITY', 'GENERAL_FEDERATION', null, '怀化市总工会', null, '431200', '1952-01-01', 'ACTIVE', null, null, null, null),
 (431228, 4312, 'COUNTY', 'GENERAL_FEDERATION', null, '芷江侗族自治县总工会', '芷江县总工会', '431228', '1956-01-01', 'ACTIVE', null, null, null, null),
 (43122801, 431228, 'GRASSROOTS', 'INDUSTRY_FEDERATION', 'INDUSTRY_ASSOCIATION', '芷江县新就业形态工会联合会', '芷江新业态工联', '431228', '2022-05-01', 'ACTIVE', null, null, null, null)
),
tree (id, path) as (
    select id, '/' || id || '/' from demo where parent_id is null
    union all
    select d.id, t.path || d.id || '/' from demo d join tree t on d.parent_id = t.id
)
insert into trade_union (id, parent_id, path, level, kind, formation_mode, name, short_name, region_code,
                         established_on, status, chair_name, chair_term_end, host_employer_name, host_employer_credit_code)
select d.id, d.parent_id, t.path, d.level, d.kind, d.formation_mode, d.name, d.short_name, d.region_code,
       d.established_on, d.status, d.chair_name, d.chair_term_end, d.host_employer_name, d.host_employer_credit_code
  from demo d join tree t using (id)
on conflict (id) do nothing;

-- Subtree sizes, recounted wherever they differ.
update trade_union u
   set descendant_count = c.n
  from (select a.id, (select count(*) from trade_union d where d.path like a.path || '%' and d.id <> a.id) as n
          from trade_union a) c
 where u.id = c.id and u.descendant_count <> c.n;
