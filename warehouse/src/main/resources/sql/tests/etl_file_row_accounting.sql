-- data test: every loaded file accounts for every row it read (read = loaded + rejected + non-data).
select file_key, file_name, rows_read, rows_loaded, rows_rejected, rows_non_data
from etl_file
where status = 'LOADED'
  and rows_read <> rows_loaded + rows_rejected + rows_non_data;
