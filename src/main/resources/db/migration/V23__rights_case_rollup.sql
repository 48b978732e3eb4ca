-- Rights-case figures as a per-union monthly rollup (issue 16's R2), kept exact the way the statistics
-- ledger of V10 keeps the other figures:
--   * A case contributes "cells" to the figures of the union that received it (received_union_id,
--     never changed by a referral): per month (Asia/Shanghai) and per category ('C.') and per channel
--     ('H.'): received, accepted, declined, resolved, resolved on time, working days (sum and count),
--     wages recovered (fen), ratings (sum and count), and received-month x resolved-month cells for the
--     closure rate. gonghui_rights_case_cells is the one definition of them.
--   * The case service writes the difference between a case's cells before and after a step into
--     rights_case_stat_pending, in the step's transaction, keyed by the receiving union (no trigger: a
--     case is spread by its id, these rows by union id; no shared counter row is locked by a step).
--   * gonghui_rights_case_fold moves pending rows into rights_case_stat, the union's and every
--     ancestor's row (summed over the subtree), under the hierarchy lock, as gonghui_stat_fold does.
--   * A figure is rights_case_stat plus the pending rows of the subtree, read in one statement (one
--     snapshot), so it equals a recount at any moment. Open and overdue cases are read live from the
--     open cases (rights_case_open_received_idx).
-- Citus: both tables distributed by union_id.

create table rights_case_stat_pending (
    union_id  bigint not null,
    id        bigint generated always as identity,
    metric    text collate "C" not null,
    value     bigint not null,
    primary key (union_id, id)
);

create table rights_case_stat (
    union_id  bigint not null,
    metric    text collate "C" not null,
    value     bigint not null,
    primary key (union_id, metric)
);

-- The open cases a union received, for openNow and overdueNow (small: open cases are a few percent).
create index rights_case_open_received_idx on rights_case (received_union_id)
    include (category, channel, accepted_at, accept_due, resolve_due)
    where status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS');

-- The cells one case contributes, from the columns the figures read. Metric names start with the month
-- (YYYY-MM) the event counts in, so a period is one range of the rollup's primary key:
--   <month>.recv|acc|dec|res|ontime|wd|wdn|wages|rsum|rn.<C.category | H.channel>
--   <received month>.rr.<resolved month>.<C.category | H.channel>   (received and resolved, for the closure rate)
create function gonghui_rights_case_cells(category text, channel text, submitted_at timestamptz, accepted_at timestamptz,
                                          declined_at timestamptz, resolved_at timestamptz, resolve_due date,
                                          resolve_working_days integer, wages_recovered numeric, closed_at timestamptz, rating integer)
    returns table (metric text, value bigint)
    language sql immutable as $$
    select x.m || d.dim, x.v from (
        select to_char(gonghui_shanghai_month(submitted_at), 'YYYY-MM') || '.recv.', 1::bigint where submitted_at is not null
        union all
        select to_char(gonghui_shanghai_month(accepted_at), 'YYYY-MM') || '.acc.', 1 where accepted_at is not null
        union all
        select to_char(gonghui_shanghai_month(declined_at), 'YYYY-MM') || '.dec.', 1 where declined_at is not null
        union all
        select to_char(gonghui_shanghai_month(resolved_at), 'YYYY-MM') || '.res.', 1 where resolved_at is not null
        union all
        select to_char(gonghui_shanghai_month(resolved_at), 'YYYY-MM') || '.ontime.', 1
         where resolved_at is not null and cast(resolved_at at time zone 'Asia/Shanghai' as date) <= resolve_due
        union all
        select to_char(gonghui_shanghai_month(resolved_at), 'YYYY-MM') || '.wd.', resolve_working_days::bigint
         where resolved_at is not null and resolve_working_days is not null and resolve_working_days <> 0
        union all
        select to_char(gonghui_shanghai_month(resolved_at), 'YYYY-MM') || '.wdn.', 1 where resolved_at is not null and resolve_working_days is not null
        union all
        select to_char(gonghui_shanghai_month(resolved_at), 'YYYY-MM') || '.wages.', (wages_recovered * 100)::bigint
         where resolved_at is not null and wages_recovered is not null and wages_recovered <> 0
        union all
        select to_char(gonghui_shanghai_month(submitted_at), 'YYYY-MM') || '.rr.' || to_char(gonghui_shanghai_month(resolved_at), 'YYYY-MM') || '.', 1
         where submitted_at is not null and resolved_at is not null
        union all
        select to_char(gonghui_shanghai_month(closed_at), 'YYYY-MM') || '.rsum.', rating::bigint where closed_at is not null and rating is not null
        union all
        select to_char(gonghui_shanghai_month(closed_at), 'YYYY-MM') || '.rn.', 1 where closed_at is not null and rating is not null
    ) x (m, v)
    cross join (values ('C.' || category), ('H.' || channel)) d (dim)
$$;

-- Folds up to max_changes pending rows into rights_case_stat (the union and every union above it), under
-- the hierarchy lock (TradeUnion.HIERARCHY_LOCK), so paths cannot change meanwhile. Returns the rows folded.
create function gonghui_rights_case_fold(max_changes integer) returns integer
    language plpgsql as $$
declare
    folded integer;
begin
    perform pg_advisory_xact_lock(1735356007);
    with gone as (
        delete from rights_case_stat_pending p
         where (p.union_id, p.id) in (select q.union_id, q.id from rights_case_stat_pending q limit max_changes)
        returning p.union_id, p.metric, p.value),
    cells as (
        select union_id, metric, sum(value)::bigint as value from gone group by 1, 2),
    spread as (
        select a.id::bigint as union_id, x.metric, sum(x.value)::bigint as value
          from cells x join trade_union u on u.id = x.union_id
         cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) as a (id)
         group by 1, 2),
    added as (
        insert into rights_case_stat as s (union_id, metric, value)
        select union_id, metric, value from spread where value <> 0
        on conflict (union_id, metric) do update set value = s.value + excluded.value)
    select count(*) into folded from gone;
    return folded;
end $$;

-- Rebuilds the rollup from the cases as they stand: after a bulk load or SQL written outside the case
-- service (bench/generate_rights_cases.sql, tests that insert cases with SQL). Set-based, so that it is
-- quick for millions of cases (1,000,000 cases give about 24,000,000 rollup rows): one scan of the cases
-- computes every case's cells (gonghui_rights_case_cells is a single SELECT in LANGUAGE sql, inlined by the
-- planner into the scan: no call per case), and one sort by (metric, the receiving union's path) sums them
-- for every union of every tier at once: GROUP BY metric, ROLLUP(path[1], .., path[depth]) gives for each
-- prefix path[1..k] the sum over the subtree of path[k] (a union's id fixes the ids above it). A grouping
-- whose last id is null (a path shorter than k) is no union's and is dropped. The rows go straight into
-- rights_case_stat (nothing pending) with the primary key built after them, which is quicker than
-- 24,000,000 index insertions.
create function gonghui_rights_case_rebuild() returns void
    language plpgsql as $$
declare
    depth integer;
    levels text;
    unions text;
begin
    perform pg_advisory_xact_lock(1735356007);
    perform set_config('work_mem', '256MB', true);
    perform set_config('maintenance_work_mem', '512MB', true);
    truncate rights_case_stat_pending, rights_case_stat;
    select coalesce(max(array_length(string_to_array(trim(both '/' from path), '/'), 1)), 1) into depth from trade_union;
    -- levels: p[1], .., p[depth]; unions: the union a grouping sums for, by which ids it keeps
    -- (grouping(p[1], .., p[depth]) is 0 when all are kept, 1 without the last, 3 without the last two, ...)
    select string_agg(format('p[%s]', k), ', ' order by k),
           'case grouping(' || string_agg(format('p[%s]', k), ', ' order by k) || ') '
           || string_agg(format('when %s then p[%s]', (1 << (depth - k)) - 1, k), ' ' order by k desc) || ' end'
      into levels, unions
      from generate_series(1, depth) k;
    alter table rights_case_stat drop constraint rights_case_stat_pkey;
    execute format($q$
        insert into rights_case_stat (union_id, metric, value)
        select s.union_id, s.metric, s.value
          from (select %s as union_id, x.metric, sum(x.value)::bigint as value
                  from (select string_to_array(trim(both '/' from u.path), '/')::bigint[] as p, m.metric collate "C" as metric, m.value
                          from rights_case c
                          join trade_union u on u.id = c.received_union_id
                         cross join lateral gonghui_rights_case_cells(c.category, c.channel, c.submitted_at, c.accepted_at, c.declined_at,
                                                                      c.resolved_at, c.resolve_due, c.resolve_working_days, c.wages_recovered,
                                                                      c.closed_at, c.rating) m) x
                 group by x.metric, rollup (%s)) s
         where s.union_id is not null and s.value <> 0$q$, unions, levels);
    alter table rights_case_stat add primary key (union_id, metric);
end $$;

select gonghui_rights_case_rebuild();
