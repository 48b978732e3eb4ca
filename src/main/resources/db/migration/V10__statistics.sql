-- Subtree statistics, funds remittances, workforce registry and enrolment targets.
--
-- How the figures stay exact and cheap:
--   * stat_change is an append-only ledger of "cells" entering (+1) or leaving (-1) a union: a
--     membership with its status and attributes, a union with its level/kind/status/flag, a site
--     with its kind/status, a beneficiary with its amount. Row triggers on the raw tables write it
--     in the writer's own transaction, so every path (API, roster import, SQL) is covered. Writers
--     only insert rows keyed by their own union: no shared counter row is locked by a join.
--   * stat_pending lists the ledger rows not yet folded into union_stat.
--   * union_stat holds, per union, each metric summed over its whole subtree. gonghui_stat_fold
--     moves pending rows into the union and all its ancestors; moves of a subtree shift the moved
--     root's figures from the old ancestors to the new ones. Both run under the hierarchy lock.
--   * A current figure is union_stat plus the pending rows of the subtree, read in one statement
--     (one snapshot), so it equals a recount at any moment. A past figure ("as of") sums the ledger
--     up to that day over the subtree as it stood that day (union_move has the dates).
-- Citus: stat_change, stat_pending, union_stat, funds_remittance, workforce_count and
-- enrolment_target are distributed by union_id.

-- 新就业形态 flag on the union record: set at creation, always on for PLATFORM unions.
alter table trade_union add column new_employment_form boolean not null default false;
update trade_union set new_employment_form = true where kind = 'PLATFORM';
alter table trade_union add constraint trade_union_platform_is_new_form check (kind <> 'PLATFORM' or new_employment_form);
create function gonghui_platform_is_new_form() returns trigger
    language plpgsql as $$
begin
    new.new_employment_form := new.new_employment_form or new.kind = 'PLATFORM';
    return new;
end $$;
create trigger trade_union_platform_is_new_form before insert or update of kind, new_employment_form
    on trade_union for each row execute function gonghui_platform_is_new_form();

create table stat_change (
    id           bigint generated always as identity,
    union_id     bigint not null,
    occurred_at  timestamptz not null default now(),
    subject      text not null check (subject in ('UNION', 'MEMBER', 'SITE', 'BENEFIT')),
    n            integer not null check (n in (-1, 1)),
    status       text,
    level        text,
    kind         text,
    key_groups   text[],
    new_form     boolean not null default false,
    migrant      boolean not null default false,
    -- JOINED on the +1 row of a membership entering PROVISIONAL/ACTIVE/TRANSFERRING/RETAINED from
    -- outside them; WITHDRAWN on the -1 row of a member leaving them for WITHDRAWN.
    event        text check (event in ('JOINED', 'WITHDRAWN')),
    -- Calendar month (Asia/Shanghai, first day) the event or the benefit counts in.
    event_month  date,
    amount_fen   bigint,
    primary key (union_id, id)
);
-- A union's ledger rows up to a day, read without touching the table (index-only: the rows of one
-- union lie together here, while in the table they are spread over the pages of every union).
create index stat_change_union_time_idx on stat_change (union_id, occurred_at)
    include (subject, n, status, level, kind, key_groups, new_form, migrant, event, event_month, amount_fen);
-- "Which unions moved after a day": the only unions whose place then may differ from their place now.
create index union_move_time_idx on union_move (moved_at);

create table stat_pending (
    union_id   bigint not null,
    change_id  bigint not null,
    primary key (union_id, change_id)
);

create table union_stat (
    union_id  bigint not null,
    metric    text collate "C" not null,
    value     bigint not null,
    primary key (union_id, metric)
);

-- The metrics a group of ledger cells contributes (n: the summed signs, amount: the summed signed fen).
create function gonghui_stat_metrics(subject text, status text, level text, kind text, key_groups text[], new_form boolean,
                                     migrant boolean, event text, event_month date, n bigint, amount bigint)
    returns table (metric text, value bigint)
    language sql immutable as $$
    select x.metric, x.value from (
        select 'member.status.' || status, n where subject = 'MEMBER'
        union all
        select 'member.total', n where subject = 'MEMBER' and status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')
        union all
        select 'member.group.' || g, n from unnest(key_groups) g
         where subject = 'MEMBER' and status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')
        union all
        select 'member.new_form', n where subject = 'MEMBER' and new_form and status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')
        union all
        select 'member.migrant', n where subject = 'MEMBER' and migrant and status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')
        union all
        select 'member.joined.' || to_char(event_month, 'YYYY-MM'), n where subject = 'MEMBER' and event = 'JOINED'
        union all
        select 'member.joined_new_form.' || to_char(event_month, 'YYYY-MM'), n where subject = 'MEMBER' and event = 'JOINED' and new_form
        union all
        select 'member.withdrawn.' || to_char(event_month, 'YYYY-MM'), -n where subject = 'MEMBER' and event = 'WITHDRAWN'
        union all
        select 'union.' || level || '.' || kind || '.' || status || case when new_form then '.NF' else '' end, n where subject = 'UNION'
        union all
        select 'site.' || kind || '.' || status, n where subject = 'SITE'
        union all
        select 'program.beneficiaries.' || to_char(event_month, 'YYYY-MM'), n where subject = 'BENEFIT'
        union all
        select 'program.spent_fen.' || to_char(event_month, 'YYYY-MM'), amount where subject = 'BENEFIT' and amount is not null
    ) x (metric, value)
    where x.value <> 0
$$;

-- Appends one ledger row and lists it as pending. PL/pgSQL, so each session plans the two inserts once
-- (an SQL-language function would be planned again on every call, i.e. on every membership change).
create function gonghui_record_change(p_union_id bigint, p_subject text, p_n integer, p_status text, p_level text, p_kind text,
                                      p_key_groups text[], p_new_form boolean, p_migrant boolean, p_event text,
                                      p_event_month date, p_amount_fen bigint)
    returns void
    language plpgsql as $$
declare
    new_id bigint;
begin
    insert into stat_change (union_id, subject, n, status, level, kind, key_groups, new_form, migrant, event, event_month, amount_fen)
    values (p_union_id, p_subject, p_n, p_status, p_level, p_kind, p_key_groups, coalesce(p_new_form, false),
            coalesce(p_migrant, false), p_event, p_event_month, p_amount_fen)
    returning id into new_id;
    insert into stat_pending (union_id, change_id) values (p_union_id, new_id);
end $$;

create function gonghui_shanghai_month(t timestamptz) returns date
    language sql immutable as $$ select date_trunc('month', t at time zone 'Asia/Shanghai')::date $$;

create function gonghui_tally_membership() returns trigger
    language plpgsql as $$
declare
    counting constant text[] := array['PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED'];
    was_counting boolean := tg_op <> 'INSERT' and old.status = any (counting);
    is_counting boolean := tg_op <> 'DELETE' and new.status = any (counting);
begin
    if tg_op = 'UPDATE' and old.union_id = new.union_id and old.status = new.status and old.key_groups = new.key_groups
       and old.new_employment_form = new.new_employment_form and old.migrant_worker = new.migrant_worker then
        return null;
    end if;
    if tg_op <> 'INSERT' then
        perform gonghui_record_change(old.union_id, 'MEMBER', -1, old.status, null, null, old.key_groups, old.new_employment_form,
                                      old.migrant_worker,
                                      case when was_counting and tg_op = 'UPDATE' and new.status = 'WITHDRAWN' then 'WITHDRAWN' end,
                                      case when was_counting and tg_op = 'UPDATE' and new.status = 'WITHDRAWN' then gonghui_shanghai_month(now()) end,
                                      null);
    end if;
    if tg_op <> 'DELETE' then
        perform gonghui_record_change(new.union_id, 'MEMBER', 1, new.status, null, null, new.key_groups, new.new_employment_form,
                                      new.migrant_worker,
                                      case when is_counting and not was_counting then 'JOINED' end,
                                      case when is_counting and not was_counting
                                           then coalesce(date_trunc('month', new.joined_on)::date, gonghui_shanghai_month(now())) end,
                                      null);
    end if;
    return null;
end $$;

create trigger membership_tally after insert or delete or update of union_id, status, key_groups, new_employment_form, migrant_worker
    on membership for each row execute function gonghui_tally_membership();

create function gonghui_tally_union() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.level = new.level and old.kind = new.kind and old.status = new.status
       and old.new_employment_form = new.new_employment_form then
        return null;
    end if;
    if tg_op <> 'INSERT' then
        perform gonghui_record_change(old.id, 'UNION', -1, old.status, old.level, old.kind, null, old.new_employment_form, false, null, null, null);
    end if;
    if tg_op <> 'DELETE' then
        perform gonghui_record_change(new.id, 'UNION', 1, new.status, new.level, new.kind, null, new.new_employment_form, false, null, null, null);
    end if;
    return null;
end $$;

create trigger trade_union_tally after insert or delete or update of level, kind, status, new_employment_form
    on trade_union for each row execute function gonghui_tally_union();

create function gonghui_tally_site() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.union_id = new.union_id and old.kind = new.kind and old.status = new.status then
        return null;
    end if;
    if tg_op <> 'INSERT' then
        perform gonghui_record_change(old.union_id, 'SITE', -1, old.status, null, old.kind, null, false, false, null, null, null);
    end if;
    if tg_op <> 'DELETE' then
        perform gonghui_record_change(new.union_id, 'SITE', 1, new.status, null, new.kind, null, false, false, null, null, null);
    end if;
    return null;
end $$;

create trigger service_site_tally after insert or delete or update of union_id, kind, status
    on service_site for each row execute function gonghui_tally_site();

create function gonghui_tally_beneficiary() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.union_id = new.union_id and old.amount is not distinct from new.amount
       and old.granted_on = new.granted_on then
        return null;
    end if;
    if tg_op <> 'INSERT' then
        perform gonghui_record_change(old.union_id, 'BENEFIT', -1, null, null, null, null, false, false, null,
                                      date_trunc('month', old.granted_on)::date, (old.amount * 100)::bigint);
    end if;
    if tg_op <> 'DELETE' then
        perform gonghui_record_change(new.union_id, 'BENEFIT', 1, null, null, null, null, false, false, null,
                                      date_trunc('month', new.granted_on)::date, (new.amount * 100)::bigint);
    end if;
    return null;
end $$;

create trigger program_beneficiary_tally after insert or delete or update of union_id, amount, granted_on
    on program_beneficiary for each row execute function gonghui_tally_beneficiary();

-- Folds up to max_changes pending ledger rows into union_stat (the union and every union above it).
-- Takes the hierarchy lock (the key TradeUnion.HIERARCHY_LOCK), so paths cannot change meanwhile.
-- Returns the number of ledger rows folded.
create function gonghui_stat_fold(max_changes integer) returns integer
    language plpgsql as $$
declare
    folded integer;
begin
    perform pg_advisory_xact_lock(1735356007);
    with gone as (
        delete from stat_pending p
         where (p.union_id, p.change_id) in (select q.union_id, q.change_id from stat_pending q limit max_changes)
        returning p.union_id, p.change_id),
    cells as (
        select c.union_id, c.subject, c.status, c.level, c.kind, c.key_groups, c.new_form, c.migrant, c.event, c.event_month,
               sum(c.n)::bigint as n, sum(c.amount_fen * c.n)::bigint as amount
          from gone g join stat_change c on c.union_id = g.union_id and c.id = g.change_id
         group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
    metrics as (
        select cells.union_id, m.metric, sum(m.value)::bigint as value
          from cells cross join lateral gonghui_stat_metrics(cells.subject, cells.status, cells.level, cells.kind, cells.key_groups,
                                                             cells.new_form, cells.migrant, cells.event, cells.event_month,
                                                             cells.n, cells.amount) m
         group by 1, 2),
    spread as (
        select a.id::bigint as union_id, x.metric, sum(x.value)::bigint as value
          from metrics x join trade_union u on u.id = x.union_id
         cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) as a (id)
         group by 1, 2),
    added as (
        insert into union_stat as s (union_id, metric, value)
        select union_id, metric, value from spread where value <> 0
        on conflict (union_id, metric) do update set value = s.value + excluded.value)
    select count(*) into folded from gone;
    return folded;
end $$;

-- Rebuilds the ledger and the rollup from the raw rows as they stand (history before this point
-- is summarised: each row counts from when it was created). Used once below; also the way to load
-- statistics after a bulk load done with the triggers disabled.
create function gonghui_stat_rebuild() returns void
    language plpgsql as $$
begin
    perform pg_advisory_xact_lock(1735356007);
    truncate stat_pending, stat_change, union_stat;
    insert into stat_change (union_id, occurred_at, subject, n, status, level, kind, new_form)
    select id, created_at, 'UNION', 1, status, level, kind, new_employment_form from trade_union;
    insert into stat_change (union_id, occurred_at, subject, n, status, key_groups, new_form, migrant, event, event_month)
    select union_id, least(created_at, joined_on::timestamp at time zone 'Asia/Shanghai'), 'MEMBER', 1, status, key_groups,
           new_employment_form, migrant_worker,
           case when status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED') then 'JOINED' end,
           case when status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')
                then coalesce(date_trunc('month', joined_on)::date, gonghui_shanghai_month(created_at)) end
      from membership;
    insert into stat_change (union_id, occurred_at, subject, n, status, kind)
    select union_id, created_at, 'SITE', 1, status, kind from service_site;
    insert into stat_change (union_id, occurred_at, subject, n, event_month, amount_fen)
    select union_id, created_at, 'BENEFIT', 1, date_trunc('month', granted_on)::date, (amount * 100)::bigint from program_beneficiary;
    insert into stat_pending (union_id, change_id) select union_id, id from stat_change;
    perform gonghui_stat_fold(2147483647);
end $$;

select gonghui_stat_rebuild();

-- 工会经费: a unionised employer remits 2% of its payroll every month.
create table funds_remittance (
    id                    bigint generated always as identity,
    union_id              bigint not null references trade_union (id),
    employer_name         text not null check (char_length(employer_name) between 1 and 200),
    employer_credit_code  text not null check (employer_credit_code ~ '^[0-9A-Z]{18}$'),
    -- First day of the calendar month the payroll is for.
    month                 date not null check (extract(day from month) = 1),
    payroll               numeric(15, 2) not null check (payroll >= 0),
    amount_due            numeric(14, 2) generated always as (round(payroll * 0.02, 2)) stored,
    amount_paid           numeric(14, 2) not null check (amount_paid >= 0),
    recorded_by           text not null,
    recorded_at           timestamptz not null default now(),
    primary key (union_id, id),
    constraint funds_remittance_once_per_month unique (union_id, employer_credit_code, month)
);
create index funds_remittance_month_idx on funds_remittance (union_id, month);

-- Registered workers of a key group in a union's area (e.g. 1,763 hazardous-goods drivers), as counted on a day.
create table workforce_count (
    id                  bigint generated always as identity,
    union_id            bigint not null references trade_union (id),
    key_group           text not null check (key_group in ('TRUCK_DRIVER', 'COURIER', 'CARE_WORKER', 'DOMESTIC_WORKER', 'MALL_INFO_STAFF',
                                                           'FOOD_DELIVERY_RIDER', 'REAL_ESTATE_AGENT', 'SECURITY_GUARD',
                                                           'RIDE_HAILING_DRIVER')),
    registered_workers  integer not null check (registered_workers >= 0),
    counted_on          date not null,
    source              text check (char_length(source) <= 200),
    recorded_by         text not null,
    recorded_at         timestamptz not null default now(),
    primary key (union_id, id)
);
create index workforce_count_latest_idx on workforce_count (union_id, key_group, counted_on desc, id desc);

-- Enrolment targets of a union's area: a rate of key-group workers enrolled by a day, or a number
-- of new members (or new-form members) over a period of months.
create table enrolment_target (
    id            bigint generated always as identity,
    union_id      bigint not null references trade_union (id),
    kind          text not null check (kind in ('KEY_GROUP_ENROLMENT', 'NEW_MEMBERS', 'NEW_FORM_MEMBERS')),
    title         text not null check (char_length(title) between 1 and 200),
    key_groups    text[] not null default '{}',
    target_rate   numeric(5, 4) check (target_rate > 0 and target_rate <= 1),
    target_count  integer check (target_count > 0),
    period_start  date check (extract(day from period_start) = 1),
    due_on        date not null,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    primary key (union_id, id),
    check ((kind = 'KEY_GROUP_ENROLMENT') = (target_rate is not null)),
    check ((kind = 'KEY_GROUP_ENROLMENT') = (target_count is null)),
    check ((kind = 'KEY_GROUP_ENROLMENT') = (period_start is null)),
    check (kind <> 'KEY_GROUP_ENROLMENT' or cardinality(key_groups) > 0),
    check (period_start is null or period_start <= due_on)
);
