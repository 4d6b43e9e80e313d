-- data test: every fact's lineage, and every dimension row's that has one (the row that first named it), names a row
-- of that file's lake rows parts: the row a rebuild would load it from. (the unknown household 0 has no row.)
-- grain: one fact or dimension row whose lineage the lake does not hold; key: model, key.
-- file_key of a lake row is its partition's (hive), as the load and a rebuild attribute it.
-- a publish checks the rows of the files its loads wrote, and reads those files' partitions alone ({file_scope}: the
-- other partitions' files are skipped unread); the full check, every row.
with lineage as (
    select 'fact_education_aid' as model, aid_key as key, file_key, sheet, row_number from fact_education_aid
    union all select 'fact_medical_claim', claim_key, file_key, sheet, row_number from fact_medical_claim
    union all select 'fact_microloan', microloan_key, file_key, sheet, row_number from fact_microloan
    union all select 'fact_training', training_key, file_key, sheet, row_number from fact_training
    union all select 'dim_person', person_key, file_key, sheet, row_number from dim_person
    union all select 'dim_household', household_key, file_key, sheet, row_number from dim_household
    where household_key <> 0
    union all select 'dim_school', school_key, file_key, sheet, row_number from dim_school
    union all select 'dim_hospital', hospital_key, file_key, sheet, row_number from dim_hospital
    union all select 'dim_training_school', school_key, file_key, sheet, row_number from dim_training_school
),
checked as (
    select * from lineage where {file_scope}
),
lake_rows as (
    select file_key, sheet, row_number
    from read_parquet('{lake}/source=*/file_key=*/rows/*.parquet', union_by_name = true, hive_partitioning = true)
    where {file_scope}
)
select l.model, l.key, l.file_key, l.sheet, l.row_number
from checked l
anti join lake_rows r on r.file_key = l.file_key and r.sheet = l.sheet and r.row_number = l.row_number
order by l.model, l.key;
