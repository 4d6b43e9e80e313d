-- grain: one source of the {files} files received last; key: source. their rows added up, in the order the sources'
-- files came.
select source, count(*) as files, sum(rows_read) as read, sum(rows_loaded) as loaded,
       sum(rows_rejected) as rejected, sum(rows_non_data) as non_data, sum(rows_warned) as warned
from (select * from etl_file order by file_key desc limit {files})
group by source order by min(file_key)
