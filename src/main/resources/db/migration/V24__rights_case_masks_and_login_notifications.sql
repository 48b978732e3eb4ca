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
