-- The public-query buckets (everybody's, an address's, an app instance's) are kept by one SQL statement per
-- request instead of a Bucket4j transaction per bucket (support/RateLimitBuckets.PublicQueryTokens): their rows
-- stay in rate_limit_bucket, under the same ids and purged by the same expires_at (epoch milliseconds), with the
-- bucket's state in plain columns the statement reads and writes (state stays null for them):
--   tokens       tokens left after the last request (fractional: the refill is continuous)
--   refilled_at  when they were counted (the database's clock, the same for every replica)
--   granted      whether the last request got its token (what the statement returns)
alter table rate_limit_bucket
    add column tokens      double precision,
    add column refilled_at timestamptz,
    add column granted     boolean;
