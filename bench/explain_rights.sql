-- Plans of the rights-case statements (R1, R2; bench/queries/r*.graphql) at the generated scale, run by
-- bench/run.sh after the measurements and appended to the results file. No plan may read rights_case
-- sequentially (the summary line says SEQ SCAN if one does).
--
-- The figures (R2) and the headline counts of `statistics` are RightsCaseStatisticsService.FIGURES and
-- HEADLINES, taken from the Java source by run.sh (text block, .formatted() fragments filled in, named
-- parameters :ids :start :end :day :dayEnd numbered $1..$5) and passed in as psql variables, so they
-- cannot drift from the app's. The app binds :ids as text (an array literal), :start/:end/:dayEnd as
-- timestamptz (month starts and the next day's start in Asia/Shanghai) and :day as a date.
--
-- The queue (R1) is RightsCaseReads.queue as Hibernate renders it for r1.graphql (one statement: the filter's
-- union joined and checked against the caller's subtree, national here ($2, $3), the handling and receiving
-- unions joined, totalCount as a scalar subquery without the cursor, the open statuses, newest first, 51 rows).
-- The figures (R2) read the rollup of V23 for the months of the period plus its pending rows and the open
-- cases of the subtree.
--
-- Variables (psql -v): figures_sql, headlines_sql (the statements); province, county (union ids);
-- from, to (YYYY-MM).

\set ON_ERROR_STOP on
select '{' || :province || '}' as province_ids,
       (((:'to' || '-01')::date + interval '1 month')::timestamp at time zone 'Asia/Shanghai')::text as period_end,
       (((:'from' || '-01')::date)::timestamp at time zone 'Asia/Shanghai')::text as period_start,
       (now() at time zone 'Asia/Shanghai')::date::text as today,
       (((now() at time zone 'Asia/Shanghai')::date + 1)::timestamp at time zone 'Asia/Shanghai')::text as today_end,
       (select path from trade_union where id = :county) as county_from,
       (select left(path, -1) || '0' from trade_union where id = :county) as county_to \gset

prepare r_figures(text, text, text, date) as :figures_sql;
prepare r_headlines(text, timestamptz, timestamptz, date, timestamptz) as :headlines_sql;
prepare r_queue_page(bigint, text, text) as
    select c.*, u.*, r.*,
           (select count(c2.id) from rights_case c2 join trade_union u2 on u2.id = c2.handling_union_id
              join trade_union r2 on r2.id = c2.received_union_id join trade_union q2 on q2.id = $1
             where q2.path >= $2 and q2.path < $3 and u2.path >= q2.path and u2.path < (substring(q2.path, 1, length(q2.path) - 1) || '0')
               and c2.status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'))
      from rights_case c join trade_union u on u.id = c.handling_union_id
      join trade_union r on r.id = c.received_union_id join trade_union q on q.id = $1
     where q.path >= $2 and q.path < $3 and u.path >= q.path and u.path < (substring(q.path, 1, length(q.path) - 1) || '0')
       and c.status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')
     order by c.id desc limit 51;

-- Sizes the plans depend on.
select (select count(*) from rights_case) as cases,
       (select count(*) from trade_union u where u.path >= (select path from trade_union where id = :province)
           and u.path < (select left(path, -1) || '0' from trade_union where id = :province)) as province_unions,
       (select count(*) from rights_case c join trade_union u on u.id = c.received_union_id
         where u.path >= (select path from trade_union where id = :province)
           and u.path < (select left(path, -1) || '0' from trade_union where id = :province)) as province_cases,
       (select count(*) from rights_case c join trade_union u on u.id = c.handling_union_id
         where u.path >= :'county_from' and u.path < :'county_to' and c.status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')) as county_open_cases;

\echo ==================== custom plans
\echo --- R1 queue page and totalCount, county
explain (analyze, buffers) execute r_queue_page(:county, '/1/', '/10');
\echo --- R2 figures, province, 12 months
explain (analyze, buffers) execute r_figures(:'province_ids', :'from', :'to' || '/', :'today');
\echo --- ST1 headline counts, province
explain (analyze, buffers) execute r_headlines(:'province_ids', :'period_start', :'period_end', :'today', :'today_end');

set plan_cache_mode = force_generic_plan;
\echo ==================== generic plans
\echo --- R1 queue page and totalCount, county
explain (analyze, buffers) execute r_queue_page(:county, '/1/', '/10');
\echo --- R2 figures, province, 12 months
explain (analyze, buffers) execute r_figures(:'province_ids', :'from', :'to' || '/', :'today');
\echo --- ST1 headline counts, province
explain (analyze, buffers) execute r_headlines(:'province_ids', :'period_start', :'period_end', :'today', :'today_end');
reset plan_cache_mode;
