-- data warnings (sql/warnings/*.sql): checks whose rows deserve a look but never fail a run, such as a department
-- silent for weeks or a file far smaller than its source's usual. recorded beside etl_data_test when the data tests run.

-- grain: one data warning that returned rows in the latest run (empty = none); key: warning
create table etl_data_warning (
    warning      varchar primary key,       -- the warning's file, e.g. warnings/file_volume.sql
    rows         bigint not null,           -- rows returned; -1 when the query itself failed to run
    sample       varchar,
    checked_at   timestamp not null
);
