-- Issue 16, attachments of rights cases (wage slips, contracts, photos): JPEG, PNG or PDF, checked by
-- content, image metadata stripped, stored encrypted under the service's key rotation (a key id per
-- ciphertext). Spread with their case (case_id leads the primary key, as in rights_case_step).
--
-- No file name is kept: a worker's file name can itself be personal ("张三工资条.jpg") and nothing
-- needs it; downloads get a generated name (case-<case id>-<attachment id>.<ext>).
create table rights_case_attachment (
    case_id             bigint not null references rights_case (id),
    id                  bigint generated always as identity,
    -- decided from the content, never from a name or a declared type
    content_type        text not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    -- of the stored (metadata-stripped) content
    size_bytes          integer not null check (size_bytes between 1 and 10485760),
    -- keyed hash (HMAC) of the stored content: a retried upload of the same file is the same attachment;
    -- keyed, so the table cannot confirm a guess of a file's content
    content_hash        bytea not null check (octet_length(content_hash) = 32),
    content_cipher      bytea not null,
    content_key         text not null,
    uploaded_by         text not null,
    uploaded_by_worker  boolean not null,
    uploaded_at         timestamptz not null default now(),
    primary key (case_id, id),
    unique (case_id, content_hash)
);
