-- 100,000 certified claims for the double-issuance check's benchmark: squares of 0.001 to 0.02 degrees at random
-- places between 129 and 145 degrees east and 31 and 44 degrees north, each claiming one crediting year between
-- 2019 and 2025. The seed makes every run the same.
SELECT setseed(0.42);
CREATE TEMPORARY TABLE bench_site AS
SELECT 8000000 + n AS application_id,
       129 + random() * 16 AS west,
       31 + random() * 13 AS south,
       0.001 + random() * 0.019 AS size,
       make_date(2019 + (random() * 6)::int, 4, 1) AS year_start
  FROM generate_series(1, 100000) AS n;
INSERT INTO claim (application_id, project_id, project_name, programme_code, status, submitted_at, period_start,
                   period_end, min_lon, min_lat, max_lon, max_lat, width_lon, site_geojson)
SELECT application_id, application_id, 'bench site ' || application_id, 'JBC', 'CERTIFIED', now(), year_start,
       (year_start + interval '1 year')::date, west, south, west + size, south + size, size,
       format('{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}',
              west, south, west + size, south, west + size, south + size, west, south + size, west, south)
  FROM bench_site;
INSERT INTO claim_year (application_id, year_index, year_start) SELECT application_id, 0, year_start FROM bench_site;
ANALYZE claim;
ANALYZE claim_year;
