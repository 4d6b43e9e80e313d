-- stage of one file's load, shared by every source: its cleaned rows ranked by natural key, and its findings.
-- grain: one cleaned row of the file; key: sheet_index, row_number. placeholders: {file_key}, {rows}, {rejects},
-- {warnings}, {non_data}, {natural_key}, {key_label}, {id_field}.
create or replace temp table stage_rows as
with src as (
    select * from read_parquet({rows})
)
select
    src.*,
    row_number() over by_key as key_rank,
    first_value(sheet) over by_key as first_sheet,
    first_value(row_number) over by_key as first_row_number
from src
window by_key as (partition by {natural_key} order by sheet_index, row_number);

insert into etl_reject
select
    {file_key},
    sheet,
    row_number,
    column_name,
    case
        when field = '{id_field}' and length(raw_value) >= 15
            then left(raw_value, 6) || repeat('*', length(raw_value) - 10) || right(raw_value, 4)
        else raw_value
    end,
    reason_code,
    message
from read_parquet({rejects});

insert into etl_reject
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

insert into etl_warning
with warned as (
    select * from read_parquet({warnings})
)
select
    {file_key},
    w.sheet,
    w.row_number,
    w.column_name,
    case
        when w.field = '{id_field}' and length(w.raw_value) >= 15
            then left(w.raw_value, 6) || repeat('*', length(w.raw_value) - 10) || right(w.raw_value, 4)
        else w.raw_value
    end,
    w.reason_code,
    w.message
from warned w
join stage_rows s on s.sheet = w.sheet and s.row_number = w.row_number and s.key_rank = 1;

insert into etl_non_data
select {file_key}, sheet, row_number, kind
from read_parquet({non_data});
