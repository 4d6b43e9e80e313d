-- data test: closed versions end after they begin; current versions are open.
select 'dim_person' as model, person_key as key, valid_from, valid_to, is_current
from dim_person
where (is_current and valid_to is not null) or (not is_current and (valid_to is null or valid_to < valid_from))
union all
select 'dim_household', household_key, valid_from, valid_to, is_current
from dim_household
where (is_current and valid_to is not null) or (not is_current and (valid_to is null or valid_to < valid_from));
