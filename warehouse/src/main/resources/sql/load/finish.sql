-- closes a load, shared by every source: each file's row accounting and status on its etl_file row.
-- grain: one etl_file row per file of the load; key: file_key.
update etl_file set
    rows_loaded = counts.loaded,
    rows_rejected = counts.rejected,
    rows_non_data = counts.non_data,
    rows_warned = counts.warned,
    rows_read = counts.loaded + counts.rejected + counts.non_data,
    status = 'LOADED'
from (
    select
        l.file_key,
        coalesce(kept.loaded, 0) as loaded,
        coalesce(rejected.n, 0) + coalesce(kept.repeated, 0) as rejected,
        coalesce(non_data.n, 0) as non_data,
        coalesce(warned.n, 0) as warned
    from load_file l
    left join (
        select file_key, count(*) filter (where key_rank = 1) as loaded, count(*) filter (where key_rank > 1) as repeated
        from stage_rows
        group by file_key
    ) kept on kept.file_key = l.file_key
    left join (
        select file_key, count(*) as n
        from (select distinct file_key, sheet, row_number from stage_rejects)
        group by file_key
    ) rejected on rejected.file_key = l.file_key
    left join (
        select file_key, count(*) as n
        from etl_non_data
        where file_key in (select file_key from load_file)
        group by file_key
    ) non_data on non_data.file_key = l.file_key
    left join (
        select file_key, count(*) as n
        from (
            select distinct file_key, sheet, row_number
            from etl_warning
            where file_key in (select file_key from load_file)
        )
        group by file_key
    ) warned on warned.file_key = l.file_key
) as counts
where etl_file.file_key = counts.file_key;

-- each file itself is a change whatever it loaded: its month of receipt and its counts (Models brings the models up to
-- date for the changes; load/changes.sql and load/registry.sql add the households a load changed)
insert into etl_change (file_key, household_id)
select file_key, null from load_file order by file_key;
