-- Benchmark data for issue 4, after generate_hierarchy.sql and the member generator:
--   100,000 service sites clustered around the ~340 generated cities (each city gets a deterministic
--   centre in eastern China; its sites lie within about ±0.25° of it), and
--   one program per grassroots union with members plus ~1,000,000 beneficiary records: one for every
--   member in good standing (up to a million of them; with more members, a deterministic sample of
--   950,000 on average), the rest to organisations. Spending and counts are then set from the rows, with
--   budgets 20% above spending.
--   Statistics count a site from its created_at and a beneficiary from its created_at: sites are dated
--   over the 24 months before the run (deterministic number of days back), beneficiaries on their
--   grant day (10:00 Beijing time, or now if that is later).
-- Set-based, deterministic (hashint8), about 12 s at a million members (31 s more with the beneficiary keys checked per row). Run: psql -X -v ON_ERROR_STOP=1 -d gonghui_bench -f bench/generate_services.sql
begin;

create function pg_temp.pick(key bigint, n int) returns int
    language sql immutable parallel safe
    as $$ select ((hashint8(key)::bigint + 2147483648) % n)::int $$;

create temporary table city_centre on commit drop as
select u.id, u.name,
       22.5 + pg_temp.pick(u.id, 2200) / 100.0 as lat,     -- 22.5–44.5°N
       102.0 + pg_temp.pick(u.id * 7, 2100) / 100.0 as lon -- 102–123°E
  from trade_union u where u.level = 'CITY';

insert into service_site (union_id, kind, name, address, latitude, longitude, amenities, opening_hours, star_rating, status,
                          created_at, updated_at)
select c.id,
       (array['OUTDOOR_WORKER_STATION','OUTDOOR_WORKER_STATION','OUTDOOR_WORKER_STATION','OUTDOOR_WORKER_STATION','WORKER_SERVICE_STATION',
              'WORKER_SERVICE_CENTER','DRIVERS_HOME','BENEFIT_BASE','MEDIATION_ROOM','READING_ROOM'])[1 + pg_temp.pick(s, 10)],
       c.name || '服务站点 ' || s, c.name || '第 ' || (s % 300) || ' 号',
       c.lat + (pg_temp.pick(s * 3, 5001) - 2500) / 10000.0,
       c.lon + (pg_temp.pick(s * 5, 5001) - 2500) / 10000.0,
       '{WATER,REST,TOILET,CHARGING}', '每日 8:00-20:00', 1 + pg_temp.pick(s * 11, 5),
       case when pg_temp.pick(s * 13, 20) = 0 then 'CLOSED' else 'OPEN' end,
       now() - make_interval(days => 1 + pg_temp.pick(s * 17, 730)), now()
  from generate_series(1, 100000) as s
  join (select row_number() over (order by id) - 1 as n, * from city_centre) c
    on c.n = pg_temp.pick(s, (select count(*)::int from city_centre));

insert into service_program (union_id, kind, name, period_start, period_end, budget, status)
select m.union_id, (array['SUMMER_COOLING','WINTER_WARMTH','HARDSHIP_AID','INCLUSIVE_BENEFIT'])[1 + pg_temp.pick(m.union_id, 4)],
       '2026 年会员服务项目', date '2026-01-01', date '2026-12-31', 0, 'OPEN'
  from (select distinct union_id from membership) m;

-- Bulk load: without its foreign keys and indexes the million rows take a few seconds instead of 30
-- (three per-row foreign-key checks, membership_id's scattered over the 425 MB membership table);
-- both are restored below, the keys validated once each by a join.
alter table program_beneficiary drop constraint program_beneficiary_program_id_fkey,
    drop constraint program_beneficiary_union_id_fkey, drop constraint program_beneficiary_membership_id_fkey;
drop index program_beneficiary_program_idx, program_beneficiary_membership_idx;

insert into program_beneficiary (program_id, union_id, membership_id, person_hash, amount, granted_on, created_by, created_at)
select p.id, p.union_id, m.id, m.person_hash, 50 + pg_temp.pick(m.id, 451), date '2026-01-01' + pg_temp.pick(m.id * 3, 300), 'bench',
       least(now(), ((date '2026-01-01' + pg_temp.pick(m.id * 3, 300)) + time '10:00') at time zone 'Asia/Shanghai')
  from membership m join service_program p on p.union_id = m.union_id
 cross join (select count(*) as members from membership
              where status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')) g
 where m.status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')
   and (g.members <= 1000000 or pg_temp.pick(m.id * 7 + 1, 1000000) < 950000000000 / g.members);

insert into program_beneficiary (program_id, union_id, organisation_name, in_kind_item, in_kind_quantity, granted_on, created_by, created_at)
select p.id, p.union_id, '协作单位 ' || g, '防暑降温用品', 1 + pg_temp.pick(g, 50), date '2026-06-01' + pg_temp.pick(g, 90), 'bench',
       least(now(), ((date '2026-06-01' + pg_temp.pick(g, 90)) + time '10:00') at time zone 'Asia/Shanghai')
  from generate_series(1, greatest(0, 1000000 - (select count(*)::int from program_beneficiary))) as g
  join (select row_number() over (order by id) - 1 as n, id, union_id from service_program) p
    on p.n = pg_temp.pick(g, (select count(*)::int from service_program));

create index program_beneficiary_program_idx on program_beneficiary (program_id, id);
create index program_beneficiary_membership_idx on program_beneficiary (membership_id) where membership_id is not null;
alter table program_beneficiary add constraint program_beneficiary_program_id_fkey foreign key (program_id) references service_program (id),
    add constraint program_beneficiary_union_id_fkey foreign key (union_id) references trade_union (id),
    add constraint program_beneficiary_membership_id_fkey foreign key (membership_id) references membership (id);

update service_program p set spent = t.spent, beneficiary_count = t.n, budget = round(t.spent * 1.2 + 1000, 2)
  from (select program_id, coalesce(sum(amount), 0) as spent, count(*) as n from program_beneficiary group by program_id) t
 where t.program_id = p.id;

commit;
vacuum analyze service_site;
vacuum analyze service_program;
vacuum analyze program_beneficiary;
