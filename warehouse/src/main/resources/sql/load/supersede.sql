-- a later file's row with the same natural key supersedes the earlier fact (the lake keeps both); shared by every
-- fact. placeholders: {fact_table}, {natural_key} (a sql expression over the contract's output columns).
-- the key is written in the lake's names, which some fact columns do not keep (admitted is admitted_date): the facts
-- are matched on fact_in_lake_names, the fact under those names that each source's load prepares (fact_row: rowid).
-- A current fact is superseded by the load's first file to write its key; the facts of the load's own files are
-- inserted superseded by the next file of the load to write theirs (stage_rows.superseded_by).
update {fact_table} set is_current = false, superseded_by = first_writer.file_key
from (
    select f.fact_row, s.file_key
    from (select fact_row, ({natural_key}) as natural_key from fact_in_lake_names where is_current) f
    join (
        select ({natural_key}) as natural_key, file_key from stage_rows where key_rank = 1 and first_in_load
    ) s on s.natural_key = f.natural_key
) first_writer
where {fact_table}.rowid = first_writer.fact_row;
