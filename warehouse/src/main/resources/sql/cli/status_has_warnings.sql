-- grain: one row when the published copy has etl_data_warning (a copy published before data warnings existed has
-- not); key: none.
select 1 from information_schema.tables where table_name = 'etl_data_warning'
