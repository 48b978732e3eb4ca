-- Rows stored before the text rule (support/Text.java) that break it: not in Unicode NFC, or holding a
-- control character (line breaks count only in multi-line columns), a bidirectional control, or no
-- visible character. Read-only: fix each row through the API so the change is audited.
--   psql -d gonghui -f docs/text-rule-check.sql
-- (Hardship descriptions and notes are encrypted and cannot be checked in SQL; NUL and lone surrogates
-- could never be stored: PostgreSQL refuses NUL and stored a lone surrogate as '?'.)
with cell(tbl, id, col, val, multiline) as (
              select 'trade_union', id, 'name', name, false from trade_union
    union all select 'trade_union', id, 'short_name', short_name, false from trade_union
    union all select 'trade_union', id, 'chair_name', chair_name, false from trade_union
    union all select 'trade_union', id, 'host_employer_name', host_employer_name, false from trade_union
    union all select 'trade_union', id, 'dissolution_reason', dissolution_reason, true from trade_union
    union all select 'person', id, 'name', name, false from person
    union all select 'membership', id, 'employer_name', employer_name, false from membership
    union all select 'membership', id, 'occupation', occupation, false from membership
    union all select 'membership', id, 'status_reason', status_reason, true from membership
    union all select 'membership_event', id, 'reason', reason, true from membership_event
    union all select 'membership_transfer', id, 'reason', reason, true from membership_transfer
    union all select 'membership_transfer', id, 'decision_reason', decision_reason, true from membership_transfer
    union all select 'service_site', id, 'name', name, false from service_site
    union all select 'service_site', id, 'address', address, false from service_site
    union all select 'service_site', id, 'opening_hours', opening_hours, false from service_site
    union all select 'service_program', id, 'name', name, false from service_program
    union all select 'service_program', id, 'description', description, true from service_program
    union all select 'program_beneficiary', id, 'organisation_name', organisation_name, false from program_beneficiary
    union all select 'program_beneficiary', id, 'in_kind_item', in_kind_item, false from program_beneficiary
    union all select 'program_beneficiary', id, 'note', note, true from program_beneficiary
    union all select 'program_application', id, 'note', note, true from program_application
    union all select 'program_application', id, 'decision_reason', decision_reason, true from program_application
    union all select 'funds_remittance', id, 'employer_name', employer_name, false from funds_remittance
    union all select 'workforce_count', id, 'source', source, false from workforce_count
    union all select 'enrolment_target', id, 'title', title, false from enrolment_target
)
select tbl, id, col,
       case when val is not nfc normalized then 'NOT_NFC'
            when val ~ '[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]' then 'BIDI_CONTROL'
            when (not multiline and val ~ '[[:cntrl:]]') or (multiline and val ~ '[\u0001-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]') then 'CONTROL'
            else 'NO_VISIBLE_CHARACTER' end as problem
from cell
where val is not null
  and (val is not nfc normalized
       or val ~ '[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]'
       or (not multiline and val ~ '[[:cntrl:]]')
       or (multiline and val ~ '[\u0001-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]')
       or btrim(regexp_replace(val, '[[:space:]\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0]', '', 'g')) = '')
order by tbl, id, col;
