-- The union hierarchy. Small enough (2.8 million rows nationally) to be a Citus reference table:
-- it carries no column that changes on member events.
create extension if not exists pg_trgm;

create table trade_union (
    id                        bigint primary key,
    parent_id                 bigint references trade_union (id),
    -- Materialized path of ids, root first, delimited on both sides: '/1/41/4103/'.
    -- "C" collation makes LIKE 'prefix%' a btree range scan.
    path                      text collate "C" not null unique,
    level                     text not null check (level in ('NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY', 'TOWNSHIP', 'GRASSROOTS')),
    kind                      text not null,
    formation_mode            text check (formation_mode in ('STANDALONE', 'LEAD_ENTERPRISE', 'INDUSTRY_ASSOCIATION', 'COMMUNITY')),
    name                      text not null check (length(name) between 1 and 200),
    short_name                text check (length(short_name) <= 50),
    region_code               text check (region_code ~ '^[0-9]{6}$'),
    established_on            date,
    status                    text not null check (status in ('PREPARING', 'ACTIVE', 'DISSOLVED', 'MERGED')),
    dissolved_on              date,
    dissolution_reason        text,
    chair_name                text,
    chair_term_end            date,
    host_employer_name        text,
    host_employer_credit_code text check (host_employer_credit_code ~ '^[0-9A-Z]{18}$'),
    -- Number of unions below this one (all statuses); maintained by the service under the
    -- hierarchy lock, so it always equals a recount.
    descendant_count          integer not null default 0 check (descendant_count >= 0),
    version                   integer not null default 0,
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now(),
    check ((parent_id is null) = (level = 'NATIONAL'))
);

-- Ids below 100,000,000 are reserved for fixed, well-known rows (the demo hierarchy).
create sequence trade_union_id_seq start with 100000000;

-- Exactly one root.
create unique index trade_union_single_root_idx on trade_union ((true)) where parent_id is null;
create index trade_union_parent_idx on trade_union (parent_id, id);
create index trade_union_name_trgm_idx on trade_union using gin (name gin_trgm_ops);
create index trade_union_region_idx on trade_union (region_code);

-- Every re-parenting with its date, so later statistics can answer "as of" a past day.
create table union_move (
    id            bigint generated always as identity primary key,
    union_id      bigint not null references trade_union (id),
    from_parent_id bigint not null references trade_union (id),
    to_parent_id  bigint not null references trade_union (id),
    moved_at      timestamptz not null default now(),
    moved_by      text not null
);
create index union_move_union_idx on union_move (union_id, moved_at);
