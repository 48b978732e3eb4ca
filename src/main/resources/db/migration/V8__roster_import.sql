-- Roster imports, what V4 left out: the character set the uploader asked for, the union of the
-- official who uploaded (whose scope decides which other unions a failure message may name), and the
-- claim of the worker processing the job, so that a replica which lost its claim (its heartbeat went
-- stale and another replica took over) notices and stops instead of writing twice.
alter table roster_import
    add column requested_encoding text check (requested_encoding in ('UTF-8', 'GBK', 'GB18030')),
    add column requester_union_id bigint,
    add column worker_token       uuid,
    -- How often a worker took the job up; a file that keeps killing its worker is given up on.
    add column attempts           integer not null default 0;
