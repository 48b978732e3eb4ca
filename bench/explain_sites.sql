-- Plans of the public nearest-site search S1/S2 (bench/queries/s1.graphql, s2.graphql) at the generated
-- scale (100,000 sites), run by bench/run.sh after the measurements and appended to the results file.
--
-- The statement is the one ServiceSite.findNearest builds without kinds and without a cursor, as the
-- app sends it: prepared with parameters (point, bounding box of the radius, radius, limit = first + 1).
-- Explained with a custom plan and with the generic plan (what a pooled connection may switch to after
-- five executions). Expected: the bounding box answered by service_site_location_idx (GiST, partial
-- on status = 'OPEN'), no Seq Scan on service_site.
--
-- Variables (psql -v): lat, lon (WGS-84 degrees of the searched point).

\set ON_ERROR_STOP on

prepare nearest(float8, float8, float8, float8, float8, float8, float8, int) as
select id, distance_km from (
  select s.id, 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(s.latitude - $1) / 2), 2)
         + cos(radians($1)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - $2) / 2), 2)))) as distance_km
    from service_site s
   where s.status = 'OPEN' and s.location <@ box(point($3, $4), point($5, $6))) c
 where distance_km <= $7 order by distance_km, id limit $8;

-- The bounding box as findNearest computes it (Coordinates.EARTH_RADIUS_KM = 6371.0088).
select :lat - degrees(5 / 6371.0088) as s1_lat_min, :lat + degrees(5 / 6371.0088) as s1_lat_max,
       :lon - degrees(5 / (6371.0088 * cos(radians(least(89.9, abs(:lat) + degrees(5 / 6371.0088)))))) as s1_lon_min,
       :lon + degrees(5 / (6371.0088 * cos(radians(least(89.9, abs(:lat) + degrees(5 / 6371.0088)))))) as s1_lon_max,
       :lat - degrees(50 / 6371.0088) as s2_lat_min, :lat + degrees(50 / 6371.0088) as s2_lat_max,
       :lon - degrees(50 / (6371.0088 * cos(radians(least(89.9, abs(:lat) + degrees(50 / 6371.0088)))))) as s2_lon_min,
       :lon + degrees(50 / (6371.0088 * cos(radians(least(89.9, abs(:lat) + degrees(50 / 6371.0088)))))) as s2_lon_max
\gset

\echo ==================== custom plans
\echo --- S1 radius 5 km
explain (analyze, buffers, costs off) execute nearest(:lat, :lon, :s1_lon_min, :s1_lat_min, :s1_lon_max, :s1_lat_max, 5, 21);
\echo --- S2 radius 50 km
explain (analyze, buffers, costs off) execute nearest(:lat, :lon, :s2_lon_min, :s2_lat_min, :s2_lon_max, :s2_lat_max, 50, 21);

set plan_cache_mode = force_generic_plan;
\echo ==================== generic plans
\echo --- S1 radius 5 km
explain (analyze, buffers, costs off) execute nearest(:lat, :lon, :s1_lon_min, :s1_lat_min, :s1_lon_max, :s1_lat_max, 5, 21);
\echo --- S2 radius 50 km
explain (analyze, buffers, costs off) execute nearest(:lat, :lon, :s2_lon_min, :s2_lat_min, :s2_lon_max, :s2_lat_max, 50, 21);
