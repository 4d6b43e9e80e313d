-- staging: the views over the lake parts of one load's files (one file, or several files of one source loaded in one
-- pass) that every load reads: the files in their load order, their cleaned rows ranked by natural key, and their
-- findings. placeholders: {file_keys} (the files, comma-separated), {rows}, {rejects}, {warnings}, {non_data} (lists of
-- their parts), {natural_key} (columns, or one sql expression).
-- The parts are read without their folders' hive partitions: a row part holds its file_key, and a finding's is read
-- from its folder's name (file_key=…). (The partition column, a bigint, joined to a bigint failed a DuckDB assertion
-- on its statistics.)

-- grain: one file of the load; key: file_key. The files load in key order, the order a rebuild replays them in: a
-- load of several files gives what loading them one after the other does.
create or replace temp table load_file as
select file_key, row_number() over (order by file_key) as load_order, received_at
from etl_file
where file_key in ({file_keys});

-- grain: one row of a natural key written on more than one row of the load's files; key: file_key, sheet_index,
-- row_number. key_rank numbers the rows of such a key in their file's order. Of a file's first row of the key,
-- first_in_load says whether no earlier file of the load wrote the key, and superseded_by names the next file of the
-- load to write it (whose fact supersedes this row's). Only repeated keys are ranked: ranking every row would sort
-- the whole load for the few repeated keys, if any.
create or replace temp table stage_repeated as
with src as (
    select * from read_parquet({rows}, hive_partitioning = false)
),
ranked as (
    select
        src.file_key,
        src.sheet_index,
        src.row_number,
        l.load_order,
        ({natural_key}) as natural_key,
        row_number() over in_file as key_rank,
        first_value(src.sheet) over in_file as first_sheet,
        first_value(src.row_number) over in_file as first_row_number
    from src
    join load_file l on l.file_key = src.file_key
    where ({natural_key}) in (select ({natural_key}) from src group by {natural_key} having count(*) > 1)
    window in_file as (partition by src.file_key, {natural_key} order by src.sheet_index, src.row_number)
)
select
    file_key, sheet_index, row_number, key_rank, first_sheet, first_row_number,
    key_rank = 1 and lag(file_key) over next_file is null as first_in_load,
    case when key_rank = 1 then lead(file_key) over next_file end as superseded_by
from ranked
window next_file as (partition by natural_key, key_rank = 1 order by load_order);

-- grain: one cleaned row of the load's files; key: file_key, sheet_index, row_number. A view over the lake, not a
-- copy: materialising a million wide rows cost more than reading the columns each statement needs from the parquet
-- again. The rows of a key written once are their key's first row, in the load's first file to write it, and
-- superseded by none of its files.
create or replace temp view stage_rows as
select
    src.*,
    coalesce(repeated.key_rank, 1) as key_rank,
    coalesce(repeated.first_sheet, src.sheet) as first_sheet,
    coalesce(repeated.first_row_number, src.row_number) as first_row_number,
    coalesce(repeated.first_in_load, true) as first_in_load,
    repeated.superseded_by,
    -- the row's place in the load as one number, for arg_min: an aggregate ordered by three columns cost ten times
    -- more. A load holds at most 32,767 files (Loads), a file 65,535 sheets
    (l.load_order::bigint << 48) | (src.sheet_index::bigint << 32) | src.row_number as file_order
from read_parquet({rows}, hive_partitioning = false) src
join load_file l on l.file_key = src.file_key
left join stage_repeated repeated
    on repeated.file_key = src.file_key
    and repeated.sheet_index = src.sheet_index
    and repeated.row_number = src.row_number;

-- grain: one finding of the load's files; key: file_key, sheet, row_number, column_name, reason_code.
create or replace temp view stage_rejects as
select cast(regexp_extract(filename, '/file_key=(\d+)/', 1) as integer) as file_key, * exclude (filename)
from read_parquet({rejects}, hive_partitioning = false, filename = true);

create or replace temp view stage_warnings as
select cast(regexp_extract(filename, '/file_key=(\d+)/', 1) as integer) as file_key, * exclude (filename)
from read_parquet({warnings}, hive_partitioning = false, filename = true);

-- grain: one non-data row of the load's files; key: file_key, sheet, row_number.
create or replace temp view stage_non_data as
select cast(regexp_extract(filename, '/file_key=(\d+)/', 1) as integer) as file_key, * exclude (filename)
from read_parquet({non_data}, hive_partitioning = false, filename = true);

-- writes, in the load's transaction:
-- none: staging only names what the load scripts read.
