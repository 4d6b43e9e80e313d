-- a later file's row with the same natural key supersedes the earlier fact (the lake keeps both); shared by every
-- fact. placeholders: {fact_table}, {natural_key} (a sql expression over the fact's columns), {file_key}.
update {fact_table} set is_current = false, superseded_by = {file_key}
where is_current
  and ({natural_key}) in (select ({natural_key}) from stage_rows where key_rank = 1);
