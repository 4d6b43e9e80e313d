-- grain: one calendar month in which anything happened (a department's event or a file received); key: year_month.
-- the months a monthly report can be made for, oldest first.
select distinct year_month from mart_township_month order by year_month
