-- Claiming a membership and changing one's own phone (issue 15, "the workers' front door").
--
-- one_time_code: a six-digit code that proves a login holds a phone. A claim (CLAIM) links the login to
-- the membership whose phone received the code; a phone change (PHONE_CHANGE) needs a code sent to the
-- new phone and one sent to the phone on record. Codes are never stored: only an HMAC-SHA256 under the
-- keyed-hash secret of the personal data, over a random nonce of the row and the code. Every claim
-- request writes a row, also when nothing matched (membership_id null: a decoy whose code was sent
-- nowhere), so that a match and a miss do the same work.
-- Distribution (Citus): spread by id_hash, the keyed hash of the ID number asked for (claims) or of
-- the member's own ID number (phone changes), as person and membership are; the look-up by login
-- (subject) is a small index scan on every node, as claims are rare.
create table one_time_code (
    id               bigint generated always as identity,
    id_hash          bytea not null,
    kind             text not null check (kind in ('CLAIM', 'PHONE_CHANGE')),
    -- the login (token subject) that asked; only it can confirm
    subject          text not null,
    -- the membership the code is about; null when nothing matched
    membership_id    bigint,
    nonce            bytea not null,
    -- HMAC of the code sent to the phone on record (claims: the only code)
    code_hash        bytea not null,
    -- phone changes: HMAC of the code sent to the new phone, and the new phone itself (encrypted)
    new_code_hash    bytea,
    new_phone_cipher bytea,
    new_phone_key    text,
    attempts         integer not null default 0 check (attempts >= 0),
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    -- when it was used, superseded by a newer request, or spent by wrong tries
    closed_at        timestamptz,
    primary key (id_hash, id),
    check ((kind = 'PHONE_CHANGE') = (new_code_hash is not null)),
    check ((new_phone_cipher is null) = (new_phone_key is null))
);
create index one_time_code_open_idx on one_time_code (subject, kind, id) where closed_at is null;
create index one_time_code_created_idx on one_time_code (created_at);

-- The officials' to-do list: a worker who got no code (no phone on record, a changed phone, a
-- membership already linked) asks the union for help (CLAIM), or a member who lost the phone on record
-- asks for a new one to be recorded (PHONE_LOST). Only requests that match a membership are kept, at
-- that membership's union. Distribution (Citus): spread by union_id, like the union's other work lists.
create table claim_help_request (
    id                    bigint generated always as identity,
    union_id              bigint not null,
    kind                  text not null check (kind in ('CLAIM', 'PHONE_LOST')),
    membership_id         bigint not null,
    -- the login that asked: what an official links with linkMemberLogin after checking who it is
    subject               text not null,
    -- the name as the requester typed it
    name                  text not null check (char_length(name) between 1 and 50),
    -- the number to call back (or, for PHONE_LOST, the new number): encrypted, and masked for display
    contact_phone_cipher  bytea not null,
    contact_phone_key     text not null,
    contact_phone_masked  text not null,
    status                text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    created_at            timestamptz not null default now(),
    closed_at             timestamptz,
    closed_by             text,
    close_note            text check (char_length(close_note) <= 500),
    primary key (union_id, id),
    check ((status = 'CLOSED') = (closed_at is not null))
);
create index claim_help_request_open_idx on claim_help_request (union_id, id) where status = 'OPEN';
