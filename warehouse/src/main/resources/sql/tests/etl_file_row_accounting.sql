-- data test: every loaded file accounts for every row it read (read = loaded + rejected + non-data), and its counts
-- agree with what it left in the warehouse: its rejected rows in etl_reject, its non-data rows in etl_non_data and,
-- for a department's file, one fact per loaded row (superseded facts are kept, so they still count).
-- scope: whole warehouse (every file's counts against all its facts, not the rows of the households a load changed)
with rejected as (
    select file_key, count(*) as rows
    from (select distinct file_key, sheet, row_number from etl_reject)
    group by file_key
),
non_data as (
    select file_key, count(*) as rows from etl_non_data group by file_key
),
facts as (
    select file_key, count(*) as rows from (
        select file_key from fact_education_aid
        union all select file_key from fact_medical_claim
        union all select file_key from fact_microloan
        union all select file_key from fact_training
    )
    group by file_key
)
select f.file_key, f.file_name, f.rows_read, f.rows_loaded, f.rows_rejected, f.rows_non_data,
       coalesce(r.rows, 0) as rejects_found, coalesce(n.rows, 0) as non_data_found, coalesce(x.rows, 0) as facts_found
from etl_file f
left join rejected r using (file_key)
left join non_data n using (file_key)
left join facts x using (file_key)
where f.status = 'LOADED'
  and (f.rows_read <> f.rows_loaded + f.rows_rejected + f.rows_non_data
       or f.rows_rejected <> coalesce(r.rows, 0)
       or f.rows_non_data <> coalesce(n.rows, 0)
       or (f.source <> 'registry' and f.rows_loaded <> coalesce(x.rows, 0)));
