-- grain: one data warning that returned rows when the copy was last built; key: warning.
select warning, rows, sample from etl_data_warning order by warning
