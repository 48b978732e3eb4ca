-- Issue 15, part D: a member asks to move to another union (转会申请) and asks for hardship aid themselves.
-- A transfer request is a membership_transfer row that starts REQUESTED (made by the member, nobody has
-- released them yet) and becomes RELEASED (the outgoing union's releaseMember), DECLINED (the outgoing
-- union, with a reason), CANCELLED (the member) or EXPIRED (30 days without an answer; written by a
-- scheduled job, and every read of visibility or action checks expires_at itself). The rows stay
-- distributed by person_hash like the rest of membership_transfer.
alter table membership_transfer drop constraint membership_transfer_status_check;
alter table membership_transfer add constraint membership_transfer_status_check
    check (status in ('REQUESTED', 'RELEASED', 'ACCEPTED', 'CANCELLED', 'DECLINED', 'EXPIRED'));

-- A request has not been released (yet): who released it and when are set by releaseMember.
alter table membership_transfer alter column released_by drop not null;
alter table membership_transfer alter column released_at drop not null;
alter table membership_transfer alter column released_at drop default;
alter table membership_transfer add constraint membership_transfer_released_check
    check (status in ('REQUESTED', 'DECLINED', 'EXPIRED', 'CANCELLED') or (released_by is not null and released_at is not null));

-- The member's request: the login that made it, when, until when it waits, and the region code the
-- member gave instead of a union (null when they named the union).
alter table membership_transfer add column requested_by text;
alter table membership_transfer add column requested_at timestamptz;
alter table membership_transfer add column expires_at timestamptz;
alter table membership_transfer add column requested_region_code text check (requested_region_code ~ '^[0-9]{6}$');
alter table membership_transfer add constraint membership_transfer_request_check
    check ((requested_at is null) = (expires_at is null) and (requested_at is null) = (requested_by is null)
           and (status <> 'REQUESTED' or requested_at is not null));

-- One open request or open transfer per member: two requests at once, or a request racing a release,
-- cannot both land. The spreading column comes first (see the README's architecture section).
create unique index membership_transfer_one_open_idx on membership_transfer (person_hash, membership_id)
    where status in ('REQUESTED', 'RELEASED');
-- The expiry job's look-up, and a member's own requests.
create index membership_transfer_requested_expiry_idx on membership_transfer (expires_at) where status = 'REQUESTED';
create index membership_transfer_membership_idx on membership_transfer (membership_id, id);

-- A member's own hardship files, by person (the spreading column).
create index hardship_file_person_idx on hardship_file (person_hash, id);
