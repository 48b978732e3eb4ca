-- Issue 16: China's working-day calendar as data. Working days are Monday to Friday, except the public
-- holidays of the State Council's yearly notice (国务院办公厅关于某年部分节假日安排的通知), plus its make-up
-- working days on weekends (调休, "上班"). A year has a schedule when it has a row in
-- working_calendar_year; a year without one falls back to Monday to Friday (org.gonghui.calendar.WorkingCalendar).
-- The national tier publishes later years with setWorkingCalendar (which replaces a year's days).
--
-- Spreading (README, architecture): two small reference tables (a few hundred rows in decades), copied
-- to every node like the hierarchy.
create table working_calendar_year (
    year          integer primary key check (year between 2000 and 2100),
    -- The login subject of the national official who published it, or the migration that shipped it.
    published_by  text not null,
    updated_at    timestamptz not null default now(),
    version       integer not null default 0
);

-- Every day of a year's schedule that differs from Monday to Friday as published: HOLIDAY (放假, any day
-- of a holiday period, weekends within it included) or MAKEUP_WORKDAY (调休上班, a Saturday or Sunday).
create table working_calendar_day (
    day   date primary key,
    year  integer not null references working_calendar_year (year) on delete cascade,
    kind  text not null check (kind in ('HOLIDAY', 'MAKEUP_WORKDAY')),
    check (year = extract(year from day)),
    check (kind <> 'MAKEUP_WORKDAY' or extract(isodow from day) in (6, 7))
);
create index working_calendar_day_year_idx on working_calendar_day (year);

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 12 November 2024), as published by
-- Xinhua (新华社北京11月12日电), e.g. https://m.gmw.cn/2024-11/12/content_1303894933.htm
--   元旦 1月1日放假1天, 不调休; 春节 1月28日至2月4日放假调休共8天, 1月26日(周日)、2月8日(周六)上班;
--   清明节 4月4日至6日; 劳动节 5月1日至5日, 4月27日(周日)上班; 端午节 5月31日至6月2日;
--   国庆节、中秋节 10月1日至8日, 9月28日(周日)、10月11日(周六)上班.
insert into working_calendar_year (year, published_by) values (2025, 'V19 (国办发明电〔2024〕12号)');
insert into working_calendar_day (day, year, kind)
select d::date, 2025, 'HOLIDAY' from (
    select generate_series(date '2025-01-01', date '2025-01-01', interval '1 day') union all
    select generate_series(date '2025-01-28', date '2025-02-04', interval '1 day') union all
    select generate_series(date '2025-04-04', date '2025-04-06', interval '1 day') union all
    select generate_series(date '2025-05-01', date '2025-05-05', interval '1 day') union all
    select generate_series(date '2025-05-31', date '2025-06-02', interval '1 day') union all
    select generate_series(date '2025-10-01', date '2025-10-08', interval '1 day')) as h(d);
insert into working_calendar_day (day, year, kind) values
    ('2025-01-26', 2025, 'MAKEUP_WORKDAY'), ('2025-02-08', 2025, 'MAKEUP_WORKDAY'), ('2025-04-27', 2025, 'MAKEUP_WORKDAY'),
    ('2025-09-28', 2025, 'MAKEUP_WORKDAY'), ('2025-10-11', 2025, 'MAKEUP_WORKDAY');

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025), as published by Xinhua
-- (新华社北京11月4日电), e.g. https://politics.gmw.cn/2025-11/04/content_38391083.htm
--   元旦 1月1日至3日, 1月4日(周日)上班; 春节 2月15日至23日共9天, 2月14日(周六)、2月28日(周六)上班;
--   清明节 4月4日至6日; 劳动节 5月1日至5日, 5月9日(周六)上班; 端午节 6月19日至21日;
--   中秋节 9月25日至27日; 国庆节 10月1日至7日, 9月20日(周日)、10月10日(周六)上班.
insert into working_calendar_year (year, published_by) values (2026, 'V19 (国务院办公厅 2025年11月4日通知)');
insert into working_calendar_day (day, year, kind)
select d::date, 2026, 'HOLIDAY' from (
    select generate_series(date '2026-01-01', date '2026-01-03', interval '1 day') union all
    select generate_series(date '2026-02-15', date '2026-02-23', interval '1 day') union all
    select generate_series(date '2026-04-04', date '2026-04-06', interval '1 day') union all
    select generate_series(date '2026-05-01', date '2026-05-05', interval '1 day') union all
    select generate_series(date '2026-06-19', date '2026-06-21', interval '1 day') union all
    select generate_series(date '2026-09-25', date '2026-09-27', interval '1 day') union all
    select generate_series(date '2026-10-01', date '2026-10-07', interval '1 day')) as h(d);
insert into working_calendar_day (day, year, kind) values
    ('2026-01-04', 2026, 'MAKEUP_WORKDAY'), ('2026-02-14', 2026, 'MAKEUP_WORKDAY'), ('2026-02-28', 2026, 'MAKEUP_WORKDAY'),
    ('2026-05-09', 2026, 'MAKEUP_WORKDAY'), ('2026-09-20', 2026, 'MAKEUP_WORKDAY'), ('2026-10-10', 2026, 'MAKEUP_WORKDAY');
