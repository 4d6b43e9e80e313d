-- data test: mart_household_year has one row per household_id and year, both filled.
select household_id, year, count(*) over (partition by household_id, year) as copies
from mart_household_year
qualify household_id is null or year is null or copies > 1;
