-- findUnions also lists PLATFORM unions (平台企业工会): a platform company's union is the enterprise union of
-- that employer, the one a rider or driver working for the platform looks for and applies to
-- (applyForMembership already accepts any ACTIVE grassroots union). The directory's partial indexes of V12
-- are rebuilt on the widened predicate, which PublicUnionQuery.PUBLIC repeats literally.
drop index trade_union_public_id_idx;
drop index trade_union_public_location_idx;
drop index trade_union_public_name_grams_idx;
drop index trade_union_public_employer_grams_idx;
drop index trade_union_public_region_idx;

create index trade_union_public_id_idx on trade_union (id)
    where status = 'ACTIVE' and level = 'GRASSROOTS' and kind in ('ENTERPRISE', 'PLATFORM', 'JOINT', 'COMMUNITY', 'INDUSTRY_FEDERATION');
create index trade_union_public_location_idx on trade_union using gist (location)
    where status = 'ACTIVE' and level = 'GRASSROOTS' and kind in ('ENTERPRISE', 'PLATFORM', 'JOINT', 'COMMUNITY', 'INDUSTRY_FEDERATION');
create index trade_union_public_name_grams_idx on trade_union using gin (gonghui_name_grams(name))
    where status = 'ACTIVE' and level = 'GRASSROOTS' and kind in ('ENTERPRISE', 'PLATFORM', 'JOINT', 'COMMUNITY', 'INDUSTRY_FEDERATION');
create index trade_union_public_employer_grams_idx on trade_union using gin (gonghui_name_grams(host_employer_name))
    where status = 'ACTIVE' and level = 'GRASSROOTS' and kind in ('ENTERPRISE', 'PLATFORM', 'JOINT', 'COMMUNITY', 'INDUSTRY_FEDERATION');
create index trade_union_public_region_idx on trade_union (region_code, id)
    where status = 'ACTIVE' and level = 'GRASSROOTS' and kind in ('ENTERPRISE', 'PLATFORM', 'JOINT', 'COMMUNITY', 'INDUSTRY_FEDERATION');
