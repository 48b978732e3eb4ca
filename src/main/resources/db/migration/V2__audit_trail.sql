-- Audit trail: one row per mutation and (later) per reveal of personal data, written in the same
-- transaction as the change. Grows with activity: at national scale it is distributed by the target
-- union (target_union_id), which every scope query filters on through target_path.
create table audit_event (
    id               bigint generated always as identity primary key,
    occurred_at      timestamptz not null default now(),
    request_id       text,
    actor_subject    text not null,
    actor_role       text not null,
    actor_union_id   bigint,
    operation        text not null,
    target_type      text not null,
    target_id        bigint not null,
    target_union_id  bigint not null,
    -- Path of the union the target belongs to, when the event happened: scopes audit queries.
    target_path      text collate "C" not null,
    -- {"field": {"before": ..., "after": ...}}; never raw personal data.
    changes          jsonb not null default '{}'
);
create index audit_event_target_path_idx on audit_event (target_path, id);
create index audit_event_occurred_idx on audit_event (occurred_at);
