-- Name searches run per union of the subtree: each membership carries the person's name (copied; names
-- never change through the API, a new application must give the registered name), searched through a
-- (union_id, name) btree for prefixes and a GIN index over (union_id, name grams) for "contains"
-- (btree_gin adds union_id to it). The person-wide name indexes of V4 are no longer used.
drop index if exists person_name_idx;
drop index if exists person_name_grams_idx;

alter table membership add column name text collate "C";
update membership m set name = p.name from person p where p.id = m.person_id;
alter table membership
    alter column name set not null,
    add constraint membership_name_check check (char_length(name) between 1 and 50);

create extension if not exists btree_gin;
create index membership_union_name_idx on membership (union_id, name);
create index membership_union_name_grams_idx on membership using gin (union_id, gonghui_name_grams(name));
