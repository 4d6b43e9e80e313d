-- one naming rule across the schema: a date column ends in _date (or _on), a boolean starts with is_ (timestamps end
-- in _at; scd2's valid_from and valid_to keep their names). the lake keeps the contracts' names: the loads map them.
-- duckdb renames a column under its table's primary key, unique and not null constraints, which keep holding (until
-- the file is reopened a violation's message names the column's old name), so no table needs recreating.
alter table fact_medical_claim rename column admitted to admitted_date;
alter table fact_medical_claim rename column discharged to discharged_date;
alter table fact_medical_claim rename column settled to settled_date;
alter table fact_microloan rename column as_of to as_of_date;
alter table fact_training rename column completed to is_completed;
alter table fact_training rename column employed to is_employed;
alter table dim_household rename column relocated to is_relocated;
alter table dim_date rename column date to calendar_date;
