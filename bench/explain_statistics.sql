-- Plans of the statistics statements (ST1-ST5, bench/queries/st*.graphql) at the generated scale, run by
-- bench/run.sh after the measurements and appended to the results file.
--
-- The statements are StatisticsService.CURRENT and StatisticsService.AS_OF, taken from the Java source by
-- run.sh (the text blocks, with Hibernate's named parameters :ids and :end turned into $1 and $2) and
-- passed in as psql variables, so they cannot drift from the app's. The app binds :ids as text (a
-- PostgreSQL array literal, SqlArrays) and :end as a timestamptz (the start of the day after asOf in
-- Asia/Shanghai). Each is explained with a custom plan and with the generic plan (see explain_members.sql).
-- With costs: PostgreSQL prints the JIT timing (compilation per execution, chosen from the estimated cost)
-- only then, and the AS_OF statement's estimate is high enough for JIT to take most of its time.
--
-- Variables (psql -v): current_sql, as_of_sql (the statements); province, county (union ids);
-- children (ST3's unions, e.g. {11,12,13}); as_of (YYYY-MM-DD).

\set ON_ERROR_STOP on
select '{' || :province || '}' as province_ids, '{' || :county || '}' as county_ids,
       ((date :'as_of' + 1)::timestamp at time zone 'Asia/Shanghai')::text as as_of_end \gset

prepare st_current(text) as :current_sql;
prepare st_as_of(text, timestamptz) as :as_of_sql;

-- Sizes the plans depend on.
select (select count(*) from stat_pending) as pending_ledger_rows,
       (select count(*) from union_stat where union_id = :province) as province_metrics,
       (select count(*) from union_stat where union_id = :county) as county_metrics,
       (select count(*) from stat_change c join trade_union u on u.id = c.union_id
         where u.path >= (select path from trade_union where id = :county)
           and u.path < (select left(path, -1) || '0' from trade_union where id = :county)) as county_ledger_rows,
       (select count(*) from union_move) as union_moves;

\echo ==================== custom plans
\echo --- ST1 current, province
explain (analyze, buffers) execute st_current(:'province_ids');
\echo --- ST2 current, county
explain (analyze, buffers) execute st_current(:'county_ids');
\echo --- ST3 current, 20 provinces
explain (analyze, buffers) execute st_current(:'children');
\echo --- ST4 as of, county
explain (analyze, buffers) execute st_as_of(:'county_ids', :'as_of_end');

set plan_cache_mode = force_generic_plan;
\echo ==================== generic plans
\echo --- ST1 current, province
explain (analyze, buffers) execute st_current(:'province_ids');
\echo --- ST2 current, county
explain (analyze, buffers) execute st_current(:'county_ids');
\echo --- ST3 current, 20 provinces
explain (analyze, buffers) execute st_current(:'children');
\echo --- ST4 as of, county
explain (analyze, buffers) execute st_as_of(:'county_ids', :'as_of_end');
reset plan_cache_mode;
