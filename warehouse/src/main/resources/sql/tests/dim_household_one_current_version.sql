-- data test: a household has at most one current version.
select household_id, count(*) as current_versions
from dim_household
where is_current
group by household_id
having count(*) > 1;
