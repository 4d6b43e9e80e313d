-- stage of one file's load, shared by every source: its cleaned rows ranked by natural key, and its findings.
-- placeholders: {file_key}, {rows}, {rejects}, {warnings}, {non_data}, {natural_key} (columns, or one sql expression),
-- {key_label}. the findings' values and messages come from the lake with their resident ids masked already
-- (LakeChunkWriter): they are loaded as they are.

-- grain: one row of a natural key written on more than one row of the file; key: sheet_index, row_number.
-- key_rank numbers the rows of such a key in file order. Only repeated keys are ranked: ranking every row would sort
-- the whole file for the few repeated keys, if any.
create or replace temp table stage_repeated as
with src as (
    select * from read_parquet({rows})
)
select
    src.sheet_index,
    src.row_number,
    row_number() over by_key as key_rank,
    first_value(src.sheet) over by_key as first_sheet,
    first_value(src.row_number) over by_key as first_row_number
from src
where ({natural_key}) in (select ({natural_key}) from src group by {natural_key} having count(*) > 1)
window by_key as (partition by {natural_key} order by src.sheet_index, src.row_number);

-- grain: one cleaned row of the file; key: sheet_index, row_number. A view over the lake, not a copy: materialising
-- a million wide rows cost more than reading the columns each statement needs from the parquet again. The rows of a
-- key written once are their key's first row.
create or replace temp view stage_rows as
select
    src.*,
    coalesce(repeated.key_rank, 1) as key_rank,
    coalesce(repeated.first_sheet, src.sheet) as first_sheet,
    coalesce(repeated.first_row_number, src.row_number) as first_row_number,
    -- the row's place in the file as one number, for arg_min: an aggregate ordered by two columns cost ten times more
    (src.sheet_index::bigint << 32) | src.row_number as file_order
from read_parquet({rows}) src
left join stage_repeated repeated using (sheet_index, row_number);

-- writes, in the load's transaction:

insert into etl_reject (file_key, sheet, row_number, column_name, raw_value, reason_code, message)
select
    {file_key},
    sheet,
    row_number,
    column_name,
    raw_value,
    reason_code,
    message
from read_parquet({rejects});

insert into etl_reject (file_key, sheet, row_number, column_name, raw_value, reason_code, message)
select
    {file_key},
    sheet,
    row_number,
    '{key_label}',
    null,
    'DUPLICATE_IN_FILE',
    '与本文件工作表“' || first_sheet || '”第' || first_row_number || '行是同一人（同一{key_label}），重复的行未入库。请删除重复行，或核对{key_label}是否填错。'
from stage_rows
where key_rank > 1;

insert into etl_warning (file_key, sheet, row_number, column_name, raw_value, reason_code, message)
with warned as (
    select * from read_parquet({warnings})
)
select
    {file_key},
    w.sheet,
    w.row_number,
    w.column_name,
    w.raw_value,
    w.reason_code,
    w.message
from warned w
join stage_rows s on s.sheet = w.sheet and s.row_number = w.row_number and s.key_rank = 1;

insert into etl_non_data (file_key, sheet, row_number, kind)
select {file_key}, sheet, row_number, kind
from read_parquet({non_data});
