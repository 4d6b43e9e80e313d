-- data test: mart_township_month has one row per township_key and year_month, both filled, year_month as yyyy-mm.
select township_key, year_month, count(*) over (partition by township_key, year_month) as copies
from mart_township_month
qualify township_key is null or year_month is null or not regexp_full_match(year_month, '\d{4}-\d{2}')
    or copies > 1;
