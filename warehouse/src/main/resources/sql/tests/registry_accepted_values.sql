-- data test: the coded columns of the registry's dimensions hold codes of their list (dim_code, domain = the column).
with coded as (
    select 'dim_person' as model, person_key as key, 'sex' as domain, sex as code from dim_person
    union all select 'dim_person', person_key, 'relation', relation from dim_person
    union all select 'dim_person', person_key, 'labour_capacity', labour_capacity from dim_person
    union all select 'dim_person', person_key, 'health', health from dim_person
    union all select 'dim_person', person_key, 'schooling', schooling from dim_person
    union all select 'dim_household', household_key, 'poverty_status', poverty_status from dim_household
    union all select 'dim_household', household_key, 'main_cause', main_cause from dim_household
    union all select 'dim_household', household_key, 'exit_status', exit_status from dim_household
)
select model, key, domain, code
from coded
where code is not null
  and not exists (select 1 from dim_code c where c.domain = coded.domain and c.code = coded.code);
