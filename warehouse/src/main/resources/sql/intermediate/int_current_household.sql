-- grain: one household of the registry as it stands now (not household 0); key: household_key.
create or replace view int_current_household as
select * from dim_household where is_current and household_key <> 0;
