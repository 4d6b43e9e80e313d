-- data test: no raw resident id (6-digit area, a 19xx/20xx birth date, sequence, check character) in what analysts
-- read: neither in a finding's value nor in its message, which quotes what the clerk wrote.
select 'etl_reject' as model, file_key, sheet, row_number, raw_value, message
from etl_reject
where regexp_matches(raw_value, '\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]')
   or regexp_matches(message, '\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]')
union all
select 'etl_warning', file_key, sheet, row_number, raw_value, message
from etl_warning
where regexp_matches(raw_value, '\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]')
   or regexp_matches(message, '\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]')
union all
select 'dim_person', file_key, sheet, row_number, id_masked, null
from dim_person
where regexp_matches(id_masked, '\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]');
