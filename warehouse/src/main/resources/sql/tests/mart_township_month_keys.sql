-- data test: mart_township_month's year_month is written yyyy-mm (its key being filled and unique is the generic
-- tests' of marts/mart_township_month.yml).
select township_key, year_month
from mart_township_month
where not regexp_full_match(year_month, '\d{4}-\d{2}');
