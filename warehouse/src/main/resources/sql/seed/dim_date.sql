-- grain: one calendar day from 2010 to 2035; key: date_key. idempotent: adds only missing days.
insert into dim_date (date_key, date, year, quarter, month, day, year_month, term)
with days as (
    select cast(d as date) as date
    from generate_series(date '2010-01-01', date '2035-12-31', interval 1 day) as t(d)
)
select
    cast(strftime(date, '%Y%m%d') as integer) as date_key,
    date,
    year(date) as year,
    quarter(date) as quarter,
    month(date) as month,
    day(date) as day,
    strftime(date, '%Y-%m') as year_month,
    case
        when month(date) between 2 and 7 then year(date) || '-spring'
        when month(date) >= 8 then year(date) || '-autumn'
        else (year(date) - 1) || '-autumn'
    end as term
from days
where not exists (select 1 from dim_date);
