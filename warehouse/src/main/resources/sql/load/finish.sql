-- closes one file's load, shared by every source: row accounting and status on its etl_file row.
-- grain: one etl_file row; key: file_key. placeholders: {file_key}, {rejects}.
update etl_file set
    rows_loaded = counts.loaded,
    rows_rejected = counts.rejected,
    rows_non_data = counts.non_data,
    rows_warned = counts.warned,
    rows_read = counts.loaded + counts.rejected + counts.non_data,
    status = 'LOADED'
from (
    select
        (select count(*) from stage_rows where key_rank = 1) as loaded,
        (select count(*) from (select distinct sheet, row_number from read_parquet({rejects})))
            + (select count(*) from stage_rows where key_rank > 1) as rejected,
        (select count(*) from etl_non_data where file_key = {file_key}) as non_data,
        (select count(*) from (select distinct sheet, row_number from etl_warning where file_key = {file_key})) as warned
) as counts
where file_key = {file_key};

-- the file itself is a change whatever it loaded: its month of receipt and its counts (Models brings the models up to
-- date for the changes; load/changes.sql and load/registry.sql add the households a load changed)
insert into etl_change (file_key, household_id) values ({file_key}, null);
