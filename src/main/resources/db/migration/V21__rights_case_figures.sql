-- Issue 16, figures of rights cases (rightsCaseStatistics, the headline counts of statistics): every
-- figure of a subtree is an aggregate over the cases its unions received, read per union of the subtree
-- (the path range of trade_union, then this index per union). The index carries every column the
-- aggregate reads, so a vacuumed table answers it from the index alone, without visiting the rows.
-- received_union_id never changes (a referral changes handling_union_id); steps that change none of these
-- columns (notes, contacts, referrals) can still be HOT updates as far as this index is concerned.
create index rights_case_figures_idx on rights_case (received_union_id)
    include (submitted_at, category, channel, accepted_at, declined_at, resolved_at, accept_due, resolve_due,
             resolve_working_days, wages_recovered, closed_at, rating);
