-- grain: one file, the 20 received last, newest first; key: file_key. what `hhw status` shows of the published copy.
select file_key, source, file_name, status, rows_read as read, rows_loaded as loaded,
       rows_rejected as rejected, rows_non_data as non_data,
       strftime(received_at, '%Y-%m-%d %H:%M:%S') as received,
       round(epoch(loaded_at - received_at), 1) as seconds, coalesce(error_code, '') as problem
from etl_file order by file_key desc limit 20
