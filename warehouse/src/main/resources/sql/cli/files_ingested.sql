-- grain: one file, the {files} received last, newest first; key: file_key. what `hhw demo` and `hhw ingest` show of
-- the files of their run.
select file_name as file, status, rows_read as read, rows_loaded as loaded, rows_rejected as rejected,
       rows_non_data as non_data, rows_warned as warned, coalesce(error_code, '') as problem
from etl_file order by file_key desc limit {files}
