-- Issue 16, gaps: a description mask that reveals no content, and notifications for workers without
-- a membership.
--
-- 1. rights_case.description_masked held the first 20 characters of the worker's description in clear
-- text (digits starred) beside the ciphertext: a prefix of free text can name a person or an employer.
-- From now on it holds only the length: '（共123字）'. Existing rows cannot be decrypted here, but the
-- old mask tells the length exactly when it was not cut ("…" marks a cut; starring digits and joining
-- lines kept the length), and a lower bound when it was: '（至少21字）'. The check below keeps any
-- text out of the column for good.
update rights_case
   set description_masked = case when description_masked like '%…'
                                 then '（至少' || char_length(description_masked) || '字）'
                                 else '（共' || char_length(description_masked) || '字）' end
 where description_masked is not null;
alter table rights_case add constraint rights_case_description_mask_reveals_no_text
    check (description_masked ~ '^（(共|至少)[0-9]{1,5}字）$');

-- 2. Notifications addressed to a login that has no membership: a worker who submitted a rights case
-- from the app without being a member hears of its steps as a member does (member_notification is
-- addressed to memberships and spread by the person's keyed hash, which such a worker does not have).
-- Spread by the login subject, which the primary key carries. The id comes from member_notification's
-- sequence, so one id names one notification in either table (markNotificationsRead takes both, and
-- the list merges them newest first).
create table login_notification (
    subject     text not null check (char_length(subject) between 1 and 255),
    id          bigint not null default nextval('member_notification_id_seq'),
    type        text not null check (type in ('RIGHTS_CASE_STEP')),
    text_zh     text not null check (char_length(text_zh) between 1 and 500),
    text_en     text not null check (char_length(text_en) between 1 and 500),
    object_id   text,
    created_at  timestamptz not null default now(),
    read_at     timestamptz,
    primary key (subject, id)
);
create index login_notification_unread_idx on login_notification (subject, id) where read_at is null;
