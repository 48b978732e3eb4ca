-- Issue 15, part B1: the outbox of text messages and the members' notifications.
--
-- text_outbox is written in the transaction that asks for a text (TextMessageRequested) and read by the
-- dispatcher after commit. The number is encrypted (PersonalData, purpose PHONE) with its keyed hash beside
-- it; a one-time code is kept encrypted (purpose TEXT_CODE) only while the row can still be sent: a row
-- that is SENT, FAILED or EXPIRED holds no code (check below). next_attempt_at is when the row may be
-- claimed next: for a PENDING row the retry time, for a SENDING row the end of its claim (a replica
-- that dies while sending leaves a claim that runs out). A queue of its own rows, spread by id.
create table text_outbox (
    id              bigint generated always as identity primary key,
    purpose         text not null check (purpose in ('CLAIM_CODE', 'PHONE_CHANGE_NEW', 'PHONE_CHANGE_OLD', 'PHONE_CHANGED_NOTICE',
                                                     'CLAIM_LINKED_NOTICE')),
    phone_cipher    bytea not null,
    phone_key       text not null,
    phone_hash      bytea not null,
    code_cipher     bytea,
    code_key        text,
    not_after       timestamptz,
    state           text not null default 'PENDING' check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'EXPIRED')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    provider_id     text,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz,
    check (state in ('PENDING', 'SENDING') or (code_cipher is null and code_key is null)),
    check ((state in ('PENDING', 'SENDING')) = (finished_at is null))
);

-- What the dispatcher claims: due rows in time order (SKIP LOCKED lets replicas share them).
create index text_outbox_due_idx on text_outbox (next_attempt_at, id) where state in ('PENDING', 'SENDING');
-- Finished rows are deleted after gonghui.sms.retention.
create index text_outbox_finished_idx on text_outbox (finished_at) where finished_at is not null;

-- A member's notifications: one row per MemberNotice, written in the transaction of the change it reports.
-- Person-side like membership: spread by person_hash, which the primary key carries. No foreign key to
-- membership (its unique key is its id alone); the observer reads the membership's person_hash when it writes.
create table member_notification (
    id             bigint generated always as identity,
    person_hash    bytea not null,
    membership_id  bigint not null,
    type           text not null check (type in ('APPLICATION_DECIDED', 'CLAIM_LINKED', 'PHONE_CHANGED', 'TRANSFER_STEP',
                                                 'PROGRAM_DECIDED', 'BENEFIT_GRANTED', 'HARDSHIP_STEP')),
    text_zh        text not null check (char_length(text_zh) between 1 and 500),
    text_en        text not null check (char_length(text_en) between 1 and 500),
    object_id      text,
    created_at     timestamptz not null default now(),
    read_at        timestamptz,
    primary key (person_hash, id)
);

-- A member's list, newest first, and its unread filter.
create index member_notification_membership_idx on member_notification (membership_id, id);
create index member_notification_unread_idx on member_notification (membership_id, id) where read_at is null;
