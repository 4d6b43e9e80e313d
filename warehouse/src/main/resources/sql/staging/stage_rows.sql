-- staging: the views over one file's lake parts that every load reads. its cleaned rows ranked by natural key.
-- placeholders: {rows} (the file's rows parts), {natural_key} (columns, or one sql expression).

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
-- none: staging only names what the load scripts read.
