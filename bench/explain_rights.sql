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
-- The queue (R1) is the rights part's `rightsCases` list: its statements are not in this file's reach when
-- it is written, so the page and totalCount below are hand-written as that list reads (the handling unions
-- of the subtree by the path range, the open statuses, newest first, 51 rows; the count), on the index the
-- contract made for it (rights_case_handling_idx). After the merge, replace them with the list's own
-- statements (e.g. from the app's SQL log) if they differ.
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

prepare r_figures(text, timestamptz, timestamptz, date, timestamptz) as :figures_sql;
prepare r_headlines(text, timestamptz, timestamptz, date, timestamptz) as :headlines_sql;
prepare r_queue_page(text, text) as
    select c.* from rights_case c join trade_union u on u.id = c.handling_union_id
     where u.path >= $1 and u.path < $2 and c.status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')
     order by c.id desc limit 51;
prepare r_queue_count(text, text) as
    select count(*) from rights_case c join trade_union u on u.id = c.handling_union_id
     where u.path >= $1 and u.path < $2 and c.status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS');

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
\echo --- R1 queue page, county
explain (analyze, buffers) execute r_queue_page(:'county_from', :'county_to');
\echo --- R1 queue totalCount, county
explain (analyze, buffers) execute r_queue_count(:'county_from', :'county_to');
\echo --- R2 figures, province, 12 months
explain (analyze, buffers) execute r_figures(:'province_ids', :'period_start', :'period_end', :'today', :'today_end');
\echo --- ST1 headline counts, province
explain (analyze, buffers) execute r_headlines(:'province_ids', :'period_start', :'period_end', :'today', :'today_end');

set plan_cache_mode = force_generic_plan;
\echo ==================== generic plans
\echo --- R1 queue page, county
explain (analyze, buffers) execute r_queue_page(:'county_from', :'county_to');
\echo --- R1 queue totalCount, county
explain (analyze, buffers) execute r_queue_count(:'county_from', :'county_to');
\echo --- R2 figures, province, 12 months
explain (analyze, buffers) execute r_figures(:'province_ids', :'period_start', :'period_end', :'today', :'today_end');
\echo --- ST1 headline counts, province
explain (analyze, buffers) execute r_headlines(:'province_ids', :'period_start', :'period_end', :'today', :'today_end');
reset plan_cache_mode;
