-- Plans of the member searches M1-M4 (bench/queries/m*.graphql) at the generated scale, run by
-- bench/run.sh after the measurements and appended to the results file.
--
-- The statements are those MemberQuery builds for these filters (page and totalCount; the selected
-- columns of the page trimmed to a few, which does not change the plan), as the app sends them:
-- prepared with parameters. Each is explained twice: with a custom plan (what PostgreSQL plans for
-- the first five executions on a connection, and later ones while a custom plan looks cheaper) and
-- with the generic plan (what a pooled connection may switch to for good after five executions).
--
-- Variables (psql -v): county (union id), member (membership id); name and surname as in M3 and M4.
-- The keyed hashes are read from the member's row, so no key is needed here.

\set ON_ERROR_STOP on
select path as scope_from, left(path, -1) || '0' as scope_to from trade_union where id = :county \gset
select encode(p.phone_hash, 'hex') as phone_hash, encode(p.id_hash, 'hex') as id_hash
  from membership m join person p on p.id = m.person_id where m.id = :member \gset

prepare m1_page(text, text, bytea, int) as
select m.id, m.union_id, m.status, p.name, p.id_masked, p.phone_masked
  from membership m join person p on p.id = m.person_id join trade_union u on u.id = m.union_id
 where u.path >= $1 and u.path < $2 and p.phone_hash = $3 order by m.id asc limit $4;
prepare m2_page(text, text, bytea, int) as
select m.id, m.union_id, m.status, p.name, p.id_masked, p.phone_masked
  from membership m join person p on p.id = m.person_id join trade_union u on u.id = m.union_id
 where u.path >= $1 and u.path < $2 and p.id_hash = $3 order by m.id asc limit $4;
prepare m3_page(text, text, text, text, int) as
select m.id, m.union_id, m.status, p.name, p.id_masked, p.phone_masked
  from membership m join person p on p.id = m.person_id join trade_union u on u.id = m.union_id
 where u.path >= $1 and u.path < $2 and gonghui_name_grams(m.name) @> cast($3 as text[]) and m.name like $4 escape '\'
 order by m.id asc limit $5;
prepare m3_count(text, text, text, text) as
select count(*)
  from membership m join trade_union u on u.id = m.union_id
 where u.path >= $1 and u.path < $2 and gonghui_name_grams(m.name) @> cast($3 as text[]) and m.name like $4 escape '\';
prepare m4_page(text, text, text, int) as
select m.id, m.union_id, m.status, p.name, p.id_masked, p.phone_masked
  from membership m join person p on p.id = m.person_id join trade_union u on u.id = m.union_id
 where u.path >= $1 and u.path < $2 and m.name like $3 escape '\' order by m.id asc limit $4;
prepare m4_count(text, text, text) as
select count(*)
  from membership m join trade_union u on u.id = m.union_id
 where u.path >= $1 and u.path < $2 and m.name like $3 escape '\';

\echo ==================== custom plans
\echo --- M1 page (phone)
explain (analyze, buffers, costs off) execute m1_page(:'scope_from', :'scope_to', decode(:'phone_hash', 'hex'), 21);
\echo --- M2 page (ID number)
explain (analyze, buffers, costs off) execute m2_page(:'scope_from', :'scope_to', decode(:'id_hash', 'hex'), 21);
\echo --- M3 page (name contains)
explain (analyze, buffers, costs off) execute m3_page(:'scope_from', :'scope_to', '{' || :'name' || '}', '%' || :'name' || '%', 21);
\echo --- M3 totalCount
explain (analyze, buffers, costs off) execute m3_count(:'scope_from', :'scope_to', '{' || :'name' || '}', '%' || :'name' || '%');
\echo --- M4 page (name starts with)
explain (analyze, buffers, costs off) execute m4_page(:'scope_from', :'scope_to', :'surname' || '%', 21);
\echo --- M4 totalCount
explain (analyze, buffers, costs off) execute m4_count(:'scope_from', :'scope_to', :'surname' || '%');

set plan_cache_mode = force_generic_plan;
\echo ==================== generic plans
\echo --- M1 page (phone)
explain (analyze, buffers, costs off) execute m1_page(:'scope_from', :'scope_to', decode(:'phone_hash', 'hex'), 21);
\echo --- M2 page (ID number)
explain (analyze, buffers, costs off) execute m2_page(:'scope_from', :'scope_to', decode(:'id_hash', 'hex'), 21);
\echo --- M3 page (name contains)
explain (analyze, buffers, costs off) execute m3_page(:'scope_from', :'scope_to', '{' || :'name' || '}', '%' || :'name' || '%', 21);
\echo --- M3 totalCount
explain (analyze, buffers, costs off) execute m3_count(:'scope_from', :'scope_to', '{' || :'name' || '}', '%' || :'name' || '%');
\echo --- M4 page (name starts with)
explain (analyze, buffers, costs off) execute m4_page(:'scope_from', :'scope_to', :'surname' || '%', 21);
\echo --- M4 totalCount
explain (analyze, buffers, costs off) execute m4_count(:'scope_from', :'scope_to', :'surname' || '%');
