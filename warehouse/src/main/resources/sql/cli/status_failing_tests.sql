-- grain: one data test that failed when the copy was last built; key: test.
select test, rows, sample from etl_data_test order by test
