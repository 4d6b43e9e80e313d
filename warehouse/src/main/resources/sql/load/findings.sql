-- the findings of a load's files, shared by every source: their rejects (with the repeated natural keys of
-- staging/stage_rows.sql), warnings and non-data rows, each under its file's key.
-- placeholders: {key_label}. the findings' values and messages come from the lake with their resident ids masked
-- already (LakeChunkWriter): they are loaded as they are.

-- writes, in the load's transaction:

insert into etl_reject (file_key, sheet, row_number, column_name, raw_value, reason_code, message)
select
    file_key,
    sheet,
    row_number,
    column_name,
    raw_value,
    reason_code,
    message
from stage_rejects;

insert into etl_reject (file_key, sheet, row_number, column_name, raw_value, reason_code, message)
select
    file_key,
    sheet,
    row_number,
    '{key_label}',
    null,
    'DUPLICATE_IN_FILE',
    '与本文件工作表“' || first_sheet || '”第' || first_row_number || '行是同一人（同一{key_label}），重复的行未入库。请删除重复行，或核对{key_label}是否填错。'
from stage_rows
where key_rank > 1;

insert into etl_warning (file_key, sheet, row_number, column_name, raw_value, reason_code, message)
select
    w.file_key,
    w.sheet,
    w.row_number,
    w.column_name,
    w.raw_value,
    w.reason_code,
    w.message
from stage_warnings w
join stage_rows s
    on s.file_key = w.file_key and s.sheet = w.sheet and s.row_number = w.row_number and s.key_rank = 1;

insert into etl_non_data (file_key, sheet, row_number, kind)
select file_key, sheet, row_number, kind
from stage_non_data;
