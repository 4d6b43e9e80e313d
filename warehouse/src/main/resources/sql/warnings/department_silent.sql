-- data warning: a department that has sent files before has sent none for 35 days or more (counting back from
-- {today}, the day of the check): its clerks may have stopped, or its files may be going somewhere else.
-- grain: one source that has sent at least one file; key: source.
with latest as (
    select source, count(*) as files, cast(max(received_at) as date) as last_received
    from etl_file
    group by source
)
select
    source,
    last_received,
    {today} - last_received as days_silent,
    source || ' has sent nothing since ' || strftime(last_received, '%Y-%m-%d') || ', '
        || ({today} - last_received) || ' days before ' || strftime({today}, '%Y-%m-%d')
        || ' (files received in all: ' || files || ')' as detail
from latest
where last_received <= {today} - 35
order by source;
