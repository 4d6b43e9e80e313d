-- data test: no raw resident id (18 characters of digits ending in a digit or X) in what analysts read.
select 'etl_reject' as model, file_key, sheet, row_number, raw_value
from etl_reject
where regexp_matches(raw_value, '\d{17}[\dXx]')
union all
select 'etl_warning', file_key, sheet, row_number, raw_value
from etl_warning
where regexp_matches(raw_value, '\d{17}[\dXx]')
union all
select 'dim_person', file_key, sheet, row_number, id_masked
from dim_person
where regexp_matches(id_masked, '\d{17}[\dXx]');
