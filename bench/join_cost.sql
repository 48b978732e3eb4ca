-- pgbench script of bench/join_cost.sh: one approved join, as the API writes it, in two transactions.
-- Variables from pgbench -D: union (the grassroots union joined), mode (1: run (a), 2: run (b); kept in
-- membership.occupation so that join_cost.sh can delete each run's rows the way they were written).
-- Unique ID hashes from bench_join_seq; card numbers from member_card_seq, as Membership.nextCardNumber.
select nextval('bench_join_seq') as n \gset

-- MembershipWorkflows.apply: the person looked up by ID hash, then created; the application (PENDING),
-- its first history record (MembershipEvent.record) and the audit record.
begin;
select id from person where id_hash = sha256(int8send((:n)::bigint));
select id from membership where person_hash = sha256(int8send((:n)::bigint)) and status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED');
insert into person (id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key, phone_masked,
                    created_at, updated_at)
values (sha256(int8send((:n)::bigint)), sha256(int8send(-(:n)::bigint)) || sha256(int8send((:n)::bigint)), 'bench-join-cost', '410***********001X', '王伟',
        date '1995-06-01', 'MALE', sha256(int8send((:n)::bigint + 7)), sha256(int8send((:n)::bigint + 8)), 'bench-join-cost', '138****0000', now(), now())
returning id as person_id \gset
insert into membership (person_id, person_hash, name, union_id, status, provisional, employer_name, occupation, key_groups,
                        new_employment_form, migrant_worker, status_changed_at, created_at, updated_at)
values (:person_id, sha256(int8send((:n)::bigint)), '王伟', :union, 'PENDING', false, 'bench-join-cost', 'join-cost-' || :mode::text,
        '{COURIER}', true, true, now(), now(), now())
returning id as membership_id \gset
insert into membership_event (membership_id, person_hash, union_id, from_status, to_status, reason, actor_subject)
values (:membership_id, sha256(int8send((:n)::bigint)), :union, null, 'PENDING', null, 'bench-join-cost');
insert into audit_event (actor_subject, actor_role, actor_union_id, operation, target_type, target_id, target_union_id, target_path, changes)
values ('bench-join-cost', 'grassroots-admin', :union, 'applyForMembership', 'Member', :membership_id, :union,
        (select path from trade_union where id = :union), '{}');
commit;

-- MembershipWorkflows.approve: the membership read, a card number, the update to ACTIVE with card and
-- join date (MemberService.setStatus), the history record and the audit record.
begin;
select id, version, status, union_id from membership where id = :membership_id;
select nextval('member_card_seq') as card \gset
update membership
   set status = 'ACTIVE', card_number = 'GH' || lpad(:card::text, 12, '0'), joined_on = current_date, status_reason = null,
       status_changed_at = now(), updated_at = now(), version = version + 1
 where id = :membership_id and version = 0;
insert into membership_event (membership_id, person_hash, union_id, from_status, to_status, reason, actor_subject)
values (:membership_id, sha256(int8send((:n)::bigint)), :union, 'PENDING', 'ACTIVE', null, 'bench-join-cost');
insert into audit_event (actor_subject, actor_role, actor_union_id, operation, target_type, target_id, target_union_id, target_path, changes)
values ('bench-join-cost', 'grassroots-admin', :union, 'approveApplication', 'Member', :membership_id, :union,
        (select path from trade_union where id = :union), '{"status": {"before": "PENDING", "after": "ACTIVE"}}');
commit;
