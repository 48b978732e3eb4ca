-- Issue 16, part RIGHTS: what the officials' queue and the worker's list read without decrypting, the
-- sort key of the queue by deadline, and members' notifications of their cases' steps.
--
-- Masked copies (like person.id_masked / phone_masked): 138****1234 for the contact phone, the worker's
-- name with every character but the first starred (王*, 阿卜杜拉·***), and the first characters of the
-- description with digits starred. Full texts stay encrypted (description_cipher, worker_name_cipher,
-- contact_phone_cipher) and are read only through the audited revealRightsCase.
alter table rights_case
    add column worker_name_masked   text check (char_length(worker_name_masked) between 1 and 60),
    add column description_masked   text check (char_length(description_masked) between 1 and 40),
    add column contact_phone_masked text check (contact_phone_masked ~ '^1[3-9][0-9]\*{4}[0-9]{4}$'),
    -- The day the case is due next: acceptance while SUBMITTED, resolution while ACCEPTED or IN_PROGRESS,
    -- none (9999-12-31, last) otherwise. Generated, so a recomputation of accept_due or resolve_due (the
    -- calendar's part) moves it too; the queue sorts by (due_sort, id).
    add column due_sort date not null generated always as (coalesce(case when status = 'SUBMITTED' then accept_due
                                                                         when status in ('ACCEPTED', 'IN_PROGRESS') then resolve_due end,
                                                                    date '9999-12-31')) stored;

-- Notifications of case steps (accepted, declined, referred, resolved, closed) to a worker with a membership.
alter table member_notification drop constraint member_notification_type_check;
alter table member_notification add constraint member_notification_type_check
    check (type in ('APPLICATION_DECIDED', 'CLAIM_LINKED', 'PHONE_CHANGED', 'TRANSFER_STEP', 'PROGRAM_DECIDED', 'BENEFIT_GRANTED',
                    'HARDSHIP_STEP', 'RIGHTS_CASE_STEP'));
