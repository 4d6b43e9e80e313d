-- data test: every loaded file's counts, as its load computed them (finish.sql), equal what its lake partition
-- holds, so that a rebuild from the lake gives the same file: its rows parts hold the rows loaded and the repeated keys
-- the load rejected (DUPLICATE_IN_FILE), its rejects parts the other rejected rows, its non-data parts the non-data
-- rows, its warnings parts the warned rows (less the repeated keys, whose warnings the load drops).
-- grain: one loaded etl_file row whose counts differ from its lake partition; key: file_key.
-- rows and non-data rows are counted from the parts' metadata alone; rejects and warnings are read (few rows).
with part_counts as (
    select
        regexp_extract(file_name, 'source=([^/\\]+)[/\\]file_key=(\d+)[/\\](\w+)[/\\][^/\\]+$',
                       ['source', 'file_key', 'kind']) as part,
        num_rows
    from parquet_file_metadata('{lake}/source=*/file_key=*/*/*.parquet')
),
metadata_counts as (
    select
        part.source,
        cast(part.file_key as integer) as file_key,
        sum(num_rows) filter (where part.kind = 'rows') as lake_rows,
        sum(num_rows) filter (where part.kind = 'non_data') as lake_non_data
    from part_counts
    group by all
),
repeated as (
    select file_key, sheet, row_number
    from etl_reject
    where reason_code = 'DUPLICATE_IN_FILE'
),
repeated_counts as (
    select file_key, count(*) as rows from repeated group by file_key
),
lake_rejected as (
    select source, file_key, count(distinct (sheet, row_number)) as rows
    from read_parquet('{lake}/source=*/file_key=*/rejects/*.parquet', union_by_name = true, hive_partitioning = true)
    group by all
),
lake_warned as (
    select w.source, w.file_key, count(distinct (w.sheet, w.row_number)) as rows
    from read_parquet('{lake}/source=*/file_key=*/warnings/*.parquet', union_by_name = true, hive_partitioning = true) w
    where not exists (select 1 from repeated r
                      where r.file_key = w.file_key and r.sheet = w.sheet and r.row_number = w.row_number)
    group by all
),
expected as (
    select
        f.file_key,
        f.source,
        coalesce(m.lake_rows, 0) - coalesce(r.rows, 0) as lake_loaded,
        coalesce(j.rows, 0) + coalesce(r.rows, 0) as lake_rejected,
        coalesce(m.lake_non_data, 0) as lake_non_data,
        coalesce(w.rows, 0) as lake_warned
    from etl_file f
    left join metadata_counts m on m.source = f.source and m.file_key = f.file_key
    left join lake_rejected j on j.source = f.source and j.file_key = f.file_key
    left join lake_warned w on w.source = f.source and w.file_key = f.file_key
    left join repeated_counts r on r.file_key = f.file_key
    where f.status = 'LOADED'
)
select f.file_key, f.source, f.rows_loaded, e.lake_loaded, f.rows_rejected, e.lake_rejected, f.rows_non_data,
       e.lake_non_data, f.rows_warned, e.lake_warned
from etl_file f
join expected e using (file_key)
where f.rows_loaded is distinct from e.lake_loaded
   or f.rows_rejected is distinct from e.lake_rejected
   or f.rows_non_data is distinct from e.lake_non_data
   or f.rows_warned is distinct from e.lake_warned
order by f.file_key;
