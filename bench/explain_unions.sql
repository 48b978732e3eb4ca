-- Plans of the public union directory (findUnions, PublicUnionQuery) at the generated scale (~103,000
-- unions, ~42,000 of them public grassroots unions), run by bench/run.sh after the measurements and
-- appended to the results file; also by hand on any database the generator loaded:
--   psql -X -d gonghui_bench -v lat=30.1 -v lon=110.2 -f bench/explain_unions.sql
--
-- The statements are the ones PublicUnionQuery builds, prepared with parameters as the app sends them
-- (limit = first + 1; the region filter's bounds are written into the statement, as the app does, so it
-- always has a custom plan): U1 near a point (the bench query: the page of cards with the unions above each and
-- its region, by their keys, in the same statement), the id-ordered page without a filter and its
-- count, a name search, an employer search, a county and a province code, and the count near a point.
-- Expected: every statement answered by the partial indexes of V12 (trade_union_public_*), the region
-- filter by trade_union_region_idx, trade_union_federation_region_idx and the path index; no Seq Scan on trade_union.
--
-- Variables (psql -v): lat, lon (WGS-84 degrees of the searched point).

\set ON_ERROR_STOP on

-- PublicUnionQuery.PUBLIC, the predicate every index of the directory is partial on
\set public 'u.status = ''ACTIVE'' and u.level = ''GRASSROOTS'' and u.kind in (''ENTERPRISE'', ''PLATFORM'', ''JOINT'', ''COMMUNITY'', ''INDUSTRY_FEDERATION'')'

prepare near_page(float8, float8, float8, float8, float8, float8, float8, int) as
select c.id, c.name, c.short_name, c.kind, c.host_employer_name, c.address, c.office_phone, c.opening_hours, c.latitude, c.longitude,
       c.distance_km, above.above_ids, above.above_names, above.above_levels, r.code as region_code, r.name as region_name,
       r.level as region_level, r.parent_code as region_parent_code, r.retired as region_retired
  from (select * from (select u.id, u.name, u.short_name, u.kind, u.host_employer_name, u.address,
                case when u.publish_office_phone then u.office_phone end as office_phone, u.opening_hours, u.region_code, u.path,
                u.latitude, u.longitude, 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(u.latitude - $1) / 2), 2)
                + cos(radians($1)) * cos(radians(u.latitude)) * power(sin(radians(u.longitude - $2) / 2), 2)))) as distance_km
           from trade_union u where :public and u.location <@ box(point($3, $4), point($5, $6))) n
         where distance_km <= $7 order by distance_km, id limit $8) c
  left join lateral (select array_agg(x.id order by x.n) as above_ids, array_agg(x.name order by x.n) as above_names,
       array_agg(x.level order by x.n) as above_levels,
       (array_agg(x.region_code order by x.n desc) filter (where x.region_code is not null))[1] as inherited_region_code
       from (select a.id, a.name, a.level, a.region_code, p.n
               from unnest(trim_array(cast(string_to_array(trim(both '/' from c.path), '/') as bigint[]), 1)) with ordinality as p(id, n)
               join trade_union a on a.id = p.id) x) above on true
  left join lateral (select r.code, r.name, r.level, r.parent_code, r.retired from region r
        where r.code = coalesce(c.region_code, above.inherited_region_code) limit 1) r on true
 order by c.distance_km, c.id;

prepare near_count(float8, float8, float8, float8, float8, float8, float8) as
select count(*) from trade_union u where :public and u.location <@ box(point($3, $4), point($5, $6))
   and 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(u.latitude - $1) / 2), 2)
         + cos(radians($1)) * cos(radians(u.latitude)) * power(sin(radians(u.longitude - $2) / 2), 2)))) <= $7;

prepare id_page(int) as
select u.id, null as distance_km from trade_union u where :public order by u.id limit $1;

prepare id_count as
select count(*) from trade_union u where :public;

prepare name_page(text, text, int) as
select u.id, null as distance_km from trade_union u
 where :public and gonghui_name_grams(u.name) @> cast($1 as text[]) and strpos(u.name, $2) > 0 order by u.id limit $3;

prepare employer_page(text, text, int) as
select u.id, null as distance_km from trade_union u
 where :public and gonghui_name_grams(u.host_employer_name) @> cast($1 as text[]) and strpos(u.host_employer_name, $2) > 0
 order by u.id limit $3;

-- The bounding box of 5 km as GeoArea.bind computes it (Coordinates.EARTH_RADIUS_KM = 6371.0088).
select :lat - degrees(5 / 6371.0088) as lat_min, :lat + degrees(5 / 6371.0088) as lat_max,
       :lon - degrees(5 / (6371.0088 * cos(radians(least(89.9, abs(:lat) + degrees(5 / 6371.0088)))))) as lon_min,
       :lon + degrees(5 / (6371.0088 * cos(radians(least(89.9, abs(:lat) + degrees(5 / 6371.0088)))))) as lon_max
\gset
-- A county and a province the generator made, a name bigram and an employer bigram that occur.
select region_code as county from trade_union where level = 'COUNTY' order by id limit 1 \gset
select substr(name, 3, 2) as name_gram from trade_union where level = 'GRASSROOTS' and kind = 'COMMUNITY' order by id limit 1 \gset
select substr(host_employer_name, 3, 2) as employer_gram from trade_union where host_employer_name is not null order by id limit 1 \gset

\echo ==================== custom plans
\echo --- U1 near, 5 km
explain (analyze, buffers, costs off) execute near_page(:lat, :lon, :lon_min, :lat_min, :lon_max, :lat_max, 5, 21);
\echo --- near count
explain (analyze, buffers, costs off) execute near_count(:lat, :lon, :lon_min, :lat_min, :lon_max, :lat_max, 5);
\echo --- id page
explain (analyze, buffers, costs off) execute id_page(21);
\echo --- id count
explain (analyze, buffers, costs off) execute id_count;
\echo --- name search
explain (analyze, buffers, costs off) execute name_page('{"' || :'name_gram' || '"}', :'name_gram', 21);
\echo --- employer search
explain (analyze, buffers, costs off) execute employer_page('{"' || :'employer_gram' || '"}', :'employer_gram', 21);
\echo --- county code
explain (analyze, buffers, costs off) select u.id, null as distance_km from trade_union u
 where :public and u.id = any(array(select x.id from trade_union x where x.region_code between :'county' and :'county'
       union all select d.id from trade_union r join trade_union d on d.path >= r.path and d.path < left(r.path, -1) || '0'
        where r.level in ('PROVINCIAL', 'CITY', 'COUNTY') and r.region_code between :'county' and :'county'))
 order by u.id limit 21;
\echo --- province code
explain (analyze, buffers, costs off) select u.id, null as distance_km from trade_union u
 where :public and u.id = any(array(select x.id from trade_union x where x.region_code between '410000' and '419999'
       union all select d.id from trade_union r join trade_union d on d.path >= r.path and d.path < left(r.path, -1) || '0'
        where r.level in ('PROVINCIAL', 'CITY', 'COUNTY') and r.region_code between '410000' and '419999'))
 order by u.id limit 21;

set plan_cache_mode = force_generic_plan;
\echo ==================== generic plans
\echo --- U1 near, 5 km
explain (analyze, buffers, costs off) execute near_page(:lat, :lon, :lon_min, :lat_min, :lon_max, :lat_max, 5, 21);
\echo --- name search
explain (analyze, buffers, costs off) execute name_page('{"' || :'name_gram' || '"}', :'name_gram', 21);
