-- Benchmark data for issue 16, after generate_hierarchy.sql and the member generator: :cases rights cases
-- (default 1,000,000; psql -v cases=N) over the generated hierarchy, submitted over the 365 days before the
-- run, in the life-cycle state their age gives them at the time of the run.
--   Who: 70% are members' cases (a member in good standing drawn from all of them; none when MEMBERS=0),
--   received by the member's grassroots union, or by the union above it for 15% of them (a case against the
--   worker's own host employer); 30% are non-members' cases received by a township or county union.
--   Referrals: 8% of the cases received by a grassroots or township union are handled by the union above
--   (referred_from_union_ids = the receiving union), 2% of those received by a grassroots union under a
--   township twice (township, then county).
--   What: categories wage arrears 25%, labour contract 15%, legal consultation 15%, social insurance 10%,
--   mediation 10%, work injury, legal aid, grievance, counselling and other 5% each; channels app 45%,
--   hotline 25%, walk-in desk 15%, station 10%, web 5%.
--   Life cycle: 7% declined 1-96 hours after submission, the others accepted after 1-96 hours and resolved
--   1-31 days later (most within 15 working days); a case whose next step lies after the run is still open
--   (SUBMITTED, or ACCEPTED / IN_PROGRESS 3:7); resolved cases close when the worker confirms (55%, within
--   6 days, rated 1-5, mostly 4-5) or 7 days after resolution. Wage-arrears cases end with wages recovered
--   (500-50,000 yuan) in 60% of cases.
--   Deadlines: on the Monday-to-Friday fallback of the working calendar (no holidays): acceptance 3
--   working days after the submission day, resolution 15 (legal aid 30) after the acceptance day,
--   resolve_working_days counted the same way (Asia/Shanghai days).
--   Texts: descriptions are 16 bytes of fake ciphertext under the key id 'bench' (nothing decrypts them
--   in the benchmark: the queue and the figures never read a text); no contact phones, no steps
--   (rights_case_step stays empty), no employers; rights_case_open gets the open members' cases.
-- Set-based and deterministic for a given set of members and day (hashint8), about 30-60 s for a
-- million cases. Run: psql -X -v ON_ERROR_STOP=1 -v cases=1000000 -d gonghui_bench -f bench/generate_rights_cases.sql
\if :{?cases}
\else
\set cases 1000000
\endif
begin;

create function pg_temp.pick(key bigint, n int) returns int
    language sql immutable parallel safe
    as $$ select ((hashint8(key)::bigint + 2147483648) % n)::int $$;

-- The n-th weekday after d (Monday to Friday; a weekend day counts from the Friday before it).
create function pg_temp.plus_working_days(d date, n int) returns date
    language sql immutable parallel safe
    as $$ select b + (n / 5) * 7 + n % 5 + case when extract(isodow from b)::int + n % 5 > 5 then 2 else 0 end
            from (select d - greatest(extract(isodow from d)::int - 5, 0) as b) x $$;

-- Weekdays from Monday 2024-01-01 up to d: the weekdays in (a, b] are weekday_number(b) - weekday_number(a).
create function pg_temp.weekday_number(d date) returns int
    language sql immutable parallel safe
    as $$ select ((d - date '2024-01-01') / 7) * 5 + least((d - date '2024-01-01') % 7 + 1, 5) $$;

create function pg_temp.china_day(t timestamptz) returns date
    language sql immutable parallel safe
    as $$ select (t at time zone 'Asia/Shanghai')::date $$;

create temporary table member_pool on commit drop as
select row_number() over (order by m.id) - 1 as n, m.id, m.person_hash, m.union_id, u.parent_id, u.level
  from membership m join trade_union u on u.id = m.union_id
 where m.status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED');
create temporary table area_pool on commit drop as
select row_number() over (order by id) - 1 as n, id from trade_union where level in ('TOWNSHIP', 'COUNTY') and status = 'ACTIVE';
create unique index on member_pool (n);
create unique index on area_pool (n);
analyze member_pool;
analyze area_pool;
select count(*) as members from member_pool \gset
select count(*) as areas from area_pool \gset

insert into rights_case (category, channel, status, worker_subject, membership_id, person_hash, description_cipher, description_key,
                         amount_claimed, received_union_id, handling_union_id, referred_from_union_ids, submitted_by, submitted_at,
                         accept_due, resolve_due, assigned_to, accepted_at, declined_at, decline_reason, resolved_at, resolve_working_days,
                         outcome, outcome_text, wages_recovered, closed_at, rating, updated_at)
select category, channel, status,
       case when channel = 'APP' and membership_id is not null then 'bench-worker-' || membership_id end,
       membership_id, person_hash, decode(md5(s::text), 'hex'), 'bench',
       case when category = 'WAGE_ARREARS' then wages * 1.2 end,
       received, handling, referred_from, 'bench-generator', submitted_at,
       pg_temp.plus_working_days(pg_temp.china_day(submitted_at), 3),
       case when status not in ('SUBMITTED', 'DECLINED')
            then pg_temp.plus_working_days(pg_temp.china_day(accepted_at), case when category = 'LEGAL_AID' then 30 else 15 end) end,
       case when status not in ('SUBMITTED', 'DECLINED') then 'bench-official' end,
       case when status not in ('SUBMITTED', 'DECLINED') then accepted_at end,
       case when status = 'DECLINED' then accepted_at end,
       case when status = 'DECLINED' then '不属于工会维权受理范围 (bench)' end,
       case when status in ('RESOLVED', 'CLOSED') then resolved_at end,
       case when status in ('RESOLVED', 'CLOSED')
            then pg_temp.weekday_number(pg_temp.china_day(resolved_at)) - pg_temp.weekday_number(pg_temp.china_day(accepted_at)) end,
       case when status in ('RESOLVED', 'CLOSED') then outcome end,
       case when status in ('RESOLVED', 'CLOSED') and outcome = 'OTHER' then '其他处理 (bench)' end,
       case when status in ('RESOLVED', 'CLOSED') and outcome = 'WAGES_RECOVERED' then wages end,
       case when status = 'CLOSED' then closed_at end,
       case when status = 'CLOSED' and confirms then rating end,
       now()
  from (select b.*,
               case when declines then case when accepted_at <= now() then 'DECLINED' else 'SUBMITTED' end
                    when accepted_at > now() then 'SUBMITTED'
                    when resolved_at > now() then case when pg_temp.pick(s * 67, 10) < 3 then 'ACCEPTED' else 'IN_PROGRESS' end
                    when closed_at <= now() then 'CLOSED'
                    else 'RESOLVED' end as status
          from (select g.s, g.category, g.channel, g.submitted_at, g.declines, g.confirms, g.rating,
                       g.submitted_at + g.accept_delay as accepted_at,
                       g.submitted_at + g.accept_delay + g.resolve_delay as resolved_at,
                       g.submitted_at + g.accept_delay + g.resolve_delay
                           + case when g.confirms then make_interval(hours => 1 + pg_temp.pick(g.s * 71, 143)) else interval '7 days' end as closed_at,
                       case when g.category = 'WAGE_ARREARS' and g.r_outcome < 60 then 'WAGES_RECOVERED'
                            else (array['ADVICE_GIVEN', 'ADVICE_GIVEN', 'ADVICE_GIVEN', 'MEDIATED_AGREEMENT', 'MEDIATED_AGREEMENT',
                                        'REFERRED_TO_ARBITRATION', 'REFERRED_TO_COURT', 'LEGAL_AID_GRANTED', 'OTHER'])[1 + g.r_outcome % 9] end as outcome,
                       500 + pg_temp.pick(g.s * 73, 49500) + pg_temp.pick(g.s * 79, 100) / 100.0 as wages,
                       mp.id as membership_id, mp.person_hash,
                       r.id as received,
                       case when g.r_refer < 2 and r.level = 'GRASSROOTS' and rp.level = 'TOWNSHIP' then rp.parent_id
                            when g.r_refer < 8 and r.level in ('GRASSROOTS', 'TOWNSHIP') then r.parent_id
                            else r.id end as handling,
                       case when g.r_refer < 2 and r.level = 'GRASSROOTS' and rp.level = 'TOWNSHIP' then array[r.id, rp.id]
                            when g.r_refer < 8 and r.level in ('GRASSROOTS', 'TOWNSHIP') then array[r.id]
                            else '{}'::bigint[] end as referred_from
                  from (select s,
                               :members > 0 and pg_temp.pick(s * 3, 10) < 7 as member_case,
                               pg_temp.pick(s * 5, greatest(:members, 1)) as member_n,
                               pg_temp.pick(s * 7, :areas) as area_n,
                               pg_temp.pick(s * 61, 100) < 15 as union_above,
                               (array['WAGE_ARREARS', 'WAGE_ARREARS', 'WAGE_ARREARS', 'WAGE_ARREARS', 'WAGE_ARREARS', 'LABOUR_CONTRACT',
                                      'LABOUR_CONTRACT', 'LABOUR_CONTRACT', 'LEGAL_CONSULTATION', 'LEGAL_CONSULTATION', 'LEGAL_CONSULTATION',
                                      'SOCIAL_INSURANCE', 'SOCIAL_INSURANCE', 'LABOUR_DISPUTE_MEDIATION', 'LABOUR_DISPUTE_MEDIATION', 'WORK_INJURY',
                                      'LEGAL_AID', 'GRIEVANCE', 'PSYCHOLOGICAL_COUNSELLING', 'OTHER'])[1 + pg_temp.pick(s * 17, 20)] as category,
                               (array['APP', 'APP', 'APP', 'APP', 'APP', 'APP', 'APP', 'APP', 'APP', 'HOTLINE', 'HOTLINE', 'HOTLINE', 'HOTLINE',
                                      'HOTLINE', 'WALK_IN', 'WALK_IN', 'WALK_IN', 'STATION', 'STATION', 'WEB'])[1 + pg_temp.pick(s * 19, 20)] as channel,
                               now() - make_interval(secs => pg_temp.pick(s * 11, 365 * 86400)) as submitted_at,
                               pg_temp.pick(s * 23, 100) < 7 as declines,
                               make_interval(hours => 1 + pg_temp.pick(s * 29, 96)) as accept_delay,
                               make_interval(days => 1 + least(pg_temp.pick(s * 31, 30), pg_temp.pick(s * 37, 50)),
                                             hours => pg_temp.pick(s * 41, 10)) as resolve_delay,
                               pg_temp.pick(s * 43, 100) as r_refer,
                               pg_temp.pick(s * 47, 100) < 55 as confirms,
                               pg_temp.pick(s * 53, 100) as r_outcome,
                               (array[5, 5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + pg_temp.pick(s * 59, 10)] as rating
                          from generate_series(1, :cases) as s) g
                  left join member_pool mp on g.member_case and mp.n = g.member_n
                  left join area_pool ap on not g.member_case and ap.n = g.area_n
                  join trade_union r on r.id = case when g.member_case
                                                    then case when g.union_above and mp.level = 'GRASSROOTS' then mp.parent_id else mp.union_id end
                                                    else ap.id end
                  left join trade_union rp on rp.id = r.parent_id) b) c;

-- The open members' cases in the one-open-case table (worker 'P:' || person hash, no employer): a second
-- open case of the same person and category keeps the first.
insert into rights_case_open (worker_key, employer_key, category, case_id)
select 'P:' || encode(person_hash, 'hex'), '-', category, id from rights_case
 where person_hash is not null and status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')
 order by id
on conflict do nothing;

select status, count(*) from rights_case group by 1 order by 1;

-- The figures' monthly rollup (V23), from the cases as loaded: written with SQL, not through the case
-- service, so the rollup is rebuilt from them (summed for every union above the receiving one).
select gonghui_rights_case_rebuild();
select count(*) as rollup_rows from rights_case_stat;

commit;
-- Index-only scans for the figures need the visibility map set.
vacuum analyze rights_case;
vacuum analyze rights_case_open;
vacuum analyze rights_case_stat;
vacuum analyze rights_case_stat_pending;
