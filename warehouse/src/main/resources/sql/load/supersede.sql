-- a later file's row with the same natural key supersedes the earlier fact (the lake keeps both); shared by every
-- fact. placeholders: {fact_table}, {natural_key} (a sql expression over the contract's output columns), {file_key}.
-- the key is written in the lake's names, which some fact columns do not keep (admitted is admitted_date): the facts
-- are matched on fact_in_lake_names, the fact under those names that each source's load prepares (fact_row: rowid).
update {fact_table} set is_current = false, superseded_by = {file_key}
where rowid in (
    select fact_row from fact_in_lake_names
    where is_current and ({natural_key}) in (select ({natural_key}) from stage_rows where key_rank = 1));
