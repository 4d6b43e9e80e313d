-- grain: one calendar day from 2010 to 2035; key: date_key. idempotent: adds only missing days.
insert into dim_date (date_key, calendar_date, year, quarter, month, day, year_month, term)
with days as (
    select cast(d as date) as calendar_date
    from generate_series(date '2010-01-01', date '2035-12-31', interval 1 day) as t(d)
)
select
    cast(strftime(calendar_date, '%Y%m%d') as integer) as date_key,
    calendar_date,
    year(calendar_date) as year,
    quarter(calendar_date) as quarter,
    month(calendar_date) as month,
    day(calendar_date) as day,
    strftime(calendar_date, '%Y-%m') as year_month,
    case
        when month(calendar_date) between 2 and 7 then year(calendar_date) || '-spring'
        when month(calendar_date) >= 8 then year(calendar_date) || '-autumn'
        else (year(calendar_date) - 1) || '-autumn'
    end as term
from days
where not exists (select 1 from dim_date);
