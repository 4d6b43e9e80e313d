-- data warning: a loaded file whose rows read lie outside ±50% of the mean of its source's four previous loaded files
-- (in order of receipt): a township left out, a sheet missing, or a file sent twice over.
-- grain: one loaded etl_file row with four loaded files of its source before it; key: file_key.
with loaded as (
    select
        file_key,
        source,
        file_name,
        rows_read,
        avg(rows_read) over previous as previous_mean,
        count(*) over previous as previous_files,
        list(file_key) over previous as previous_keys
    from etl_file
    where status = 'LOADED'
    window previous as (partition by source order by file_key rows between 4 preceding and 1 preceding)
)
select
    file_key,
    source,
    rows_read,
    round(previous_mean, 1) as previous_mean,
    file_name || ': ' || rows_read || ' rows read, '
        || coalesce(printf('%+d%%', cast(round(100.0 * rows_read / nullif(previous_mean, 0) - 100) as integer)), 'more')
        || ' against ' || round(previous_mean, 1) || ', the mean of ' || source || ' files '
        || array_to_string(previous_keys, ', ') as detail
from loaded
where previous_files = 4
  and (rows_read < 0.5 * previous_mean or rows_read > 1.5 * previous_mean)
order by file_key;
