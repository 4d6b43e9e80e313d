-- grain: one reason code among the rejects of the {files} files received last; key: reason_code. a row rejected for
-- one reason in several columns counts once.
select reason_code, count(*) as rows
from (select distinct file_key, sheet, row_number, reason_code from etl_reject
      where file_key in (select file_key from etl_file order by file_key desc limit {files}))
group by reason_code order by rows desc, reason_code
