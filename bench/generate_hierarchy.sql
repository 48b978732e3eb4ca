-- Benchmark data: a synthetic national union hierarchy of about 103,000 unions, generated set-based
-- (one INSERT ... SELECT per level, generate_series for fan-out, no row-by-row loops) in a few seconds.
-- Run by bench/run.sh against an empty database whose schema Flyway has just created:
--   psql -X -v ON_ERROR_STOP=1 -d gonghui_bench -f bench/generate_hierarchy.sql
--
-- Shape (fan-out varies per parent, deterministically, so every run yields the same data):
--   1 national root (id 1, path '/1/')
--   31 provinces   id PP        (real GB/T 2260 province codes and names), region PP0000
--   ~11 cities     id PPMM      (9-13 per province),  region PPMM00
--   ~9 counties    id PPMMCC    (7-11 per city),      region PPMMCC (CC never 00)
--   ~13 townships  id PPMMCCTT  (11-15 per county),   region = the county's code
--   ~1.5 grassroots per township (0-3), ids from 100,000,000 (the service's sequence range; the
--                  sequence is moved past them), region = the county's code or null
-- Ids of the upper levels mirror region codes like the demo hierarchy, stay below 100,000,000 and
-- make every path readable: '/1/41/4103/410306/41030612/100012345/'.

begin;

-- Deterministic pseudo-random integer in [0, n) from a key: the same data on every run, which
-- random() would not give. hashint8 is PostgreSQL's own (stable) integer hash.
create function pg_temp.pick(key bigint, n int) returns int
    language sql immutable parallel safe
    as $$ select ((hashint8(key)::bigint + 2147483648) % n)::int $$;

-- A two-character place name (安阳, 清源, ...) chosen by key; plausible, not real.
create function pg_temp.place(key bigint) returns text
    language sql immutable parallel safe
    as $$ select (array['安','宁','平','永','新','长','兴','丰','东','西','南','北','清','华','金','龙',
                         '云','阳','明','泰','嘉','建','德','福','广','和','康','庆','瑞','盛','文','武',
                         '昌','隆','江','汉','青','湖','桂','松'])[1 + pg_temp.pick(key, 40)]
              || (array['安','宁','平','远','城','山','阳','江','州','川','海','林','源','泉','河','水',
                         '丰','德','昌','兴','化','台','溪','口','岭','峰','原','津','湖','乐','华','定',
                         '泽','陵','阜','石','田','桥','坪','沟'])[1 + pg_temp.pick(key * 31 + 7, 40)] $$;

-- A person's name for chairs (invented people, as in the demo data).
create function pg_temp.person(key bigint) returns text
    language sql immutable parallel safe
    as $$ select (array['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林',
                         '何','郭','马','罗'])[1 + pg_temp.pick(key * 13 + 1, 20)]
              || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明',
                         '超','秀英','华','平','建国','红梅','志强','海燕'])[1 + pg_temp.pick(key * 17 + 3, 24)] $$;

-- Appends the GB 32100 check character to the first 17 characters of a unified social credit
-- code, with the same charset and weights as org.gonghui.union.CreditCode, so updateUnion accepts
-- the generated host employers unchanged.
create function pg_temp.with_check(base text) returns text
    language sql immutable parallel safe
    as $$ select base || substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                                 ((31 - sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(base, i, 1)) - 1)
                                           * (array[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28])[i]) % 31) % 31)::int + 1, 1)
            from generate_series(1, 17) i $$;

-- National root.
insert into trade_union (id, parent_id, path, level, kind, name, short_name, region_code, established_on,
                         status, chair_name, chair_term_end)
values (1, null, '/1/', 'NATIONAL', 'GENERAL_FEDERATION', '中华全国总工会', '全总', null, date '1925-05-01',
        'ACTIVE', '王建国', date '2028-10-31');

-- The 31 provincial-level federations with their real codes and names.
insert into trade_union (id, parent_id, path, level, kind, name, short_name, region_code, established_on,
                         status, chair_name, chair_term_end)
select p.code, 1, '/1/' || p.code || '/', 'PROVINCIAL', 'GENERAL_FEDERATION', p.name || '总工会', p.short,
       p.code || '0000', date '1948-01-01' + pg_temp.pick(p.code, 900), 'ACTIVE',
       pg_temp.person(p.code), date '2026-06-30' + pg_temp.pick(p.code, 900)
  from (values (11, '北京市', '北京市总'), (12, '天津市', '天津市总'), (13, '河北省', '河北省总'),
               (14, '山西省', '山西省总'), (15, '内蒙古自治区', '内蒙古总'), (21, '辽宁省', '辽宁省总'),
               (22, '吉林省', '吉林省总'), (23, '黑龙江省', '黑龙江省总'), (31, '上海市', '上海市总'),
               (32, '江苏省', '江苏省总'), (33, '浙江省', '浙江省总'), (34, '安徽省', '安徽省总'),
               (35, '福建省', '福建省总'), (36, '江西省', '江西省总'), (37, '山东省', '山东省总'),
               (41, '河南省', '河南省总'), (42, '湖北省', '湖北省总'), (43, '湖南省', '湖南省总'),
               (44, '广东省', '广东省总'), (45, '广西壮族自治区', '广西总'), (46, '海南省', '海南省总'),
               (50, '重庆市', '重庆市总'), (51, '四川省', '四川省总'), (52, '贵州省', '贵州省总'),
               (53, '云南省', '云南省总'), (54, '西藏自治区', '西藏总'), (61, '陕西省', '陕西省总'),
               (62, '甘肃省', '甘肃省总'), (63, '青海省', '青海省总'), (64, '宁夏回族自治区', '宁夏总'),
               (65, '新疆维吾尔自治区', '新疆总')) p (code, name, short);

-- Cities: 9-13 per province, id PPMM, region PPMM00.
insert into trade_union (id, parent_id, path, level, kind, name, region_code, established_on, status,
                         chair_name, chair_term_end)
select c.id, p.id, p.path || c.id || '/', 'CITY', 'GENERAL_FEDERATION', pg_temp.place(c.id) || '市总工会',
       c.id || '00', date '1949-06-01' + pg_temp.pick(c.id, 2500), 'ACTIVE',
       pg_temp.person(c.id), date '2026-01-01' + pg_temp.pick(c.id, 1400)
  from trade_union p
 cross join lateral generate_series(1, 9 + pg_temp.pick(p.id, 5)) m
 cross join lateral (select p.id * 100 + m as id) c
 where p.level = 'PROVINCIAL';

-- Counties and districts: 7-11 per city, id and region PPMMCC with CC from 01.
insert into trade_union (id, parent_id, path, level, kind, name, region_code, established_on, status,
                         chair_name, chair_term_end)
select c.id, p.id, p.path || c.id || '/', 'COUNTY', 'GENERAL_FEDERATION',
       pg_temp.place(c.id) || case when pg_temp.pick(c.id, 3) = 0 then '区' else '县' end || '总工会',
       c.id::text, date '1950-01-01' + pg_temp.pick(c.id, 14000), 'ACTIVE',
       pg_temp.person(c.id), date '2026-01-01' + pg_temp.pick(c.id, 1400)
  from trade_union p
 cross join lateral generate_series(1, 7 + pg_temp.pick(p.id, 5)) k
 cross join lateral (select p.id * 100 + k as id) c
 where p.level = 'CITY';

-- Township and street unions: 11-15 per county, id PPMMCCTT, the county's region code.
-- Name: county + place + 镇/街道, e.g. 永宁县清源镇工会 (like the demo's 吉利区河阳街道工会).
insert into trade_union (id, parent_id, path, level, kind, name, short_name, region_code, established_on, status,
                         chair_name, chair_term_end)
select t.id, p.id, p.path || t.id || '/', 'TOWNSHIP', t.kind,
       replace(p.name, '总工会', '') || pg_temp.place(t.id) || t.suffix || '工会',
       pg_temp.place(t.id) || t.suffix || '工会',
       p.region_code, date '1985-01-01' + pg_temp.pick(t.id, 9000), 'ACTIVE',
       pg_temp.person(t.id), date '2026-01-01' + pg_temp.pick(t.id, 1400)
  from trade_union p
 cross join lateral generate_series(1, 11 + pg_temp.pick(p.id, 5)) n
 cross join lateral (select p.id * 100 + n as id,
                            case when pg_temp.pick(p.id * 100 + n, 3) = 0 then 'STREET_UNION' else 'TOWNSHIP_UNION' end as kind,
                            case when pg_temp.pick(p.id * 100 + n, 3) = 0 then '街道' else '镇' end as suffix) t
 where p.level = 'COUNTY';

-- Grassroots unions: 0-3 per township (1.5 on average). 60% ENTERPRISE (host employer with a valid
-- credit code, no region code), 20% JOINT and 20% COMMUNITY (no host employer, the county's code).
-- Ids 100,000,000 + n in tree order.
insert into trade_union (id, parent_id, path, level, kind, formation_mode, name, short_name, region_code,
                         established_on, status, chair_name, chair_term_end, host_employer_name, host_employer_credit_code)
select g.id, g.parent_id, g.parent_path || g.id || '/', 'GRASSROOTS', g.kind,
       case when g.kind = 'ENTERPRISE' then 'STANDALONE' else 'COMMUNITY' end,
       case g.kind
           when 'ENTERPRISE' then g.employer || '工会'
           when 'JOINT' then g.township || pg_temp.place(g.key) || '片区联合基层工会'
           else g.township || pg_temp.place(g.key) || '社区工会'
       end,
       case when g.kind = 'COMMUNITY' then pg_temp.place(g.key) || '社区工会' end,
       case when g.kind = 'ENTERPRISE' then null else g.region_code end,
       date '1995-01-01' + pg_temp.pick(g.key, 10500), 'ACTIVE',
       case when pg_temp.pick(g.key * 3, 10) < 7 then pg_temp.person(g.key) end,
       case when pg_temp.pick(g.key * 3, 10) < 7 then date '2026-01-01' + pg_temp.pick(g.key, 1400) end,
       case when g.kind = 'ENTERPRISE' then g.employer end,
       case when g.kind = 'ENTERPRISE' then
           -- 9 (registered by market regulation) 1 (enterprise), county code, MA + 7 characters, check.
           pg_temp.with_check('91' || g.region_code || 'MA'
               || (select string_agg(substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + pg_temp.pick(g.key * 8 + i, 31), 1), '' order by i)
                     from generate_series(1, 7) i))
       end
  from (select 100000000 + row_number() over (order by p.id, s) as id,
               p.id as parent_id, p.path as parent_path, p.region_code,
               replace(p.name, '工会', '') as township,
               p.id * 10 + s as key,
               case when pg_temp.pick(p.id * 10 + s, 10) < 6 then 'ENTERPRISE'
                    when pg_temp.pick(p.id * 10 + s, 10) < 8 then 'JOINT'
                    else 'COMMUNITY' end as kind,
               -- e.g. 永宁丰源物流有限公司: county place + own place + trade + legal form
               pg_temp.place(p.id / 100) || pg_temp.place(p.id * 10 + s)
                   || (array['科技','物流','建材','食品','机械','电子','纺织','物业服务','商贸','化工','医药',
                             '汽车零部件','建筑工程','餐饮管理','新能源','环保'])[1 + pg_temp.pick(p.id * 10 + s, 16)]
                   || case when pg_temp.pick(p.id * 10 + s + 5, 4) = 0 then '股份有限公司' else '有限公司' end as employer
          from trade_union p
         cross join lateral generate_series(1, pg_temp.pick(p.id * 7, 4)) s
         where p.level = 'TOWNSHIP') g;

-- Public cards of the grassroots unions (findUnions, issue 15): a position within about ±0.1° of the
-- city's centre (the same centre bench/generate_services.sql gives the city's service sites: a grassroots
-- union's parent is a township PPMMCCTT, its city PPMM), an address, an office phone that two in three
-- publish, weekday hours.
update trade_union g
   set latitude = 22.5 + pg_temp.pick(g.parent_id / 10000, 2200) / 100.0 + (pg_temp.pick(g.id * 3, 2001) - 1000) / 10000.0,
       longitude = 102.0 + pg_temp.pick(g.parent_id / 10000 * 7, 2100) / 100.0 + (pg_temp.pick(g.id * 5, 2001) - 1000) / 10000.0,
       address = replace(p.name, '工会', '') || pg_temp.place(g.id * 19) || '路 ' || (1 + pg_temp.pick(g.id * 23, 300)) || ' 号',
       office_phone = '0' || (310 + pg_temp.pick(g.id * 29, 600)) || '-6' || lpad(pg_temp.pick(g.id * 31, 10000000)::text, 7, '0'),
       publish_office_phone = pg_temp.pick(g.id * 13, 3) > 0,
       opening_hours = '{"MONDAY 08:30-17:30","TUESDAY 08:30-17:30","WEDNESDAY 08:30-17:30","THURSDAY 08:30-17:30","FRIDAY 08:30-17:30"}'
  from trade_union p
 where p.id = g.parent_id and g.level = 'GRASSROOTS';

-- The service allocates new ids from this sequence; move it past the generated grassroots ids.
select setval('trade_union_id_seq', greatest((select max(id) from trade_union), 100000000));

-- Each union's record dates from its founding day (09:00 Beijing time), not from the day the script ran:
-- statistics count a union from its created_at, so figures "as of" a past day include the unions of that day.
update trade_union set created_at = (established_on + time '09:00') at time zone 'Asia/Shanghai', updated_at = created_at;

-- Subtree sizes, set-based: every union counts once for each proper ancestor on its path.
-- (One pass over ~100k paths; a correlated recount per union would take minutes.)
update trade_union u
   set descendant_count = c.n
  from (select a.label::bigint as id, count(*) as n
          from trade_union t
         cross join lateral string_to_array(btrim(t.path, '/'), '/') as ids (arr)
         cross join lateral unnest(ids.arr[1:cardinality(ids.arr) - 1]) as a (label)
         group by a.label) c
 where u.id = c.id;

-- Checks, independent of the computation above: the generated tree is large enough, every path
-- extends its parent's, and the subtree sizes of all unions above township level match a recount
-- (a btree range scan on the "C"-collated path: descendants of '/1/41/' lie in ('/1/41/', '/1/410')),
-- township sizes match their child counts and grassroots unions have none.
do $$
declare
    total bigint;
    bad bigint;
begin
    select count(*) into total from trade_union;
    if total < 100000 then
        raise exception 'generated only % unions, the benchmark needs at least 100,000', total;
    end if;
    select count(*) into bad
      from trade_union c left join trade_union p on p.id = c.parent_id
     where c.parent_id is not null and (p.id is null or c.path <> p.path || c.id || '/');
    if bad > 0 then
        raise exception '% unions have a path that does not extend their parent''s', bad;
    end if;
    select count(*) into bad
      from trade_union a
     where a.level in ('NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY')
       and a.descendant_count <> (select count(*) from trade_union d
                                   where d.path > a.path and d.path < left(a.path, -1) || '0');
    if bad > 0 then
        raise exception '% unions above township level have a wrong descendant_count', bad;
    end if;
    select count(*) into bad
      from trade_union a
     where (a.level = 'TOWNSHIP' and a.descendant_count <> (select count(*) from trade_union d where d.parent_id = a.id))
        or (a.level = 'GRASSROOTS' and a.descendant_count <> 0);
    if bad > 0 then
        raise exception '% township or grassroots unions have a wrong descendant_count', bad;
    end if;
end $$;

commit;

vacuum analyze trade_union;
