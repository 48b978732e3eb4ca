-- Token buckets of the per-caller rate limits (Bucket4j's JDBC layout), shared by all replicas.
-- Unlogged: losing the buckets in a crash only forgives recent requests, and it spares the WAL.
create unlogged table rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
