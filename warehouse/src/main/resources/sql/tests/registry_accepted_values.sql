-- data test: the coded columns of the registry's dimensions hold codes of their list (dim_code, domain = the column).
-- grain: one code outside its list; key: model, domain, code, with the lowest key holding it and how many rows do.
-- Each column is grouped by its few distinct values before the list is consulted: looking up every row cost more
-- than the rest of the data tests together.
with coded as (
    select 'dim_person' as model, 'sex' as domain, sex as code, min(person_key) as key, count(*) as rows
    from dim_person group by sex
    union all select 'dim_person', 'relation', relation, min(person_key), count(*) from dim_person group by relation
    union all select 'dim_person', 'labour_capacity', labour_capacity, min(person_key), count(*)
    from dim_person group by labour_capacity
    union all select 'dim_person', 'health', health, min(person_key), count(*) from dim_person group by health
    union all select 'dim_person', 'schooling', schooling, min(person_key), count(*) from dim_person group by schooling
    union all select 'dim_household', 'poverty_status', poverty_status, min(household_key), count(*)
    from dim_household group by poverty_status
    union all select 'dim_household', 'main_cause', main_cause, min(household_key), count(*)
    from dim_household group by main_cause
    union all select 'dim_household', 'exit_status', exit_status, min(household_key), count(*)
    from dim_household group by exit_status
)
select model, key, domain, code, rows
from coded
where code is not null
  and not exists (select 1 from dim_code c where c.domain = coded.domain and c.code = coded.code);
