-- A transfer keeps the member's name as it was when they were released, so that a side which no longer
-- sees the member (the outgoing union after acceptance, the receiving union after cancellation) can
-- still show who moved without reading the member's live record.
alter table membership_transfer add column member_name text;
update membership_transfer t set member_name = m.name from membership m where m.id = t.membership_id;
alter table membership_transfer alter column member_name set not null;

-- The version of each rate-limit configuration (Bucket4j's implicit configuration replacement): a
-- replica whose configuration differs from the stored one bumps the version at start, and every stored
-- bucket of that kind switches to the new configuration on its next use.
create table rate_limit_config (
    name         text primary key,
    fingerprint  text not null,
    version      bigint not null
);
