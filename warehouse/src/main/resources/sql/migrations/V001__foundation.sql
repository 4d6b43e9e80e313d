-- the warehouse's foundation: etl bookkeeping, conformed dimensions and the registry's scd2 dimensions.
-- migrations run once each, in name order, recorded in etl_migration.

-- grain: one file received (loaded, duplicate, rejected or failed); key: file_key
create table etl_file (
    file_key        integer primary key,
    source          varchar not null,
    file_name       varchar not null,
    sha256          varchar not null,
    status          varchar not null,       -- RUNNING, LOADED, DUPLICATE, REJECTED
    rows_read       bigint,
    rows_loaded     bigint,
    rows_rejected   bigint,
    rows_non_data   bigint,
    rows_warned     bigint,
    received_at     timestamp not null,
    loaded_at       timestamp,
    duplicate_of    integer,                -- the file_key that loaded this content first
    error_code      varchar,
    error           varchar,
    sheets_read     varchar,
    sheets_skipped  varchar,
    unknown_columns varchar
);

-- grain: one rejecting finding (a rejected row has one or more); key: file_key, sheet, row_number, column_name, reason_code
create table etl_reject (
    file_key     integer not null,
    sheet        varchar not null,
    row_number   integer not null,
    column_name  varchar,
    raw_value    varchar,                    -- resident ids masked
    reason_code  varchar not null,
    message      varchar not null
);

-- grain: one warning on a loaded row; key: file_key, sheet, row_number, column_name, reason_code
create table etl_warning (
    file_key     integer not null,
    sheet        varchar not null,
    row_number   integer not null,
    column_name  varchar,
    raw_value    varchar,
    reason_code  varchar not null,
    message      varchar not null
);

-- grain: one non-data row (blank, subtotal, footer, repeated header); key: file_key, sheet, row_number
create table etl_non_data (
    file_key    integer not null,
    sheet       varchar not null,
    row_number  integer not null,
    kind        varchar not null
);

-- grain: one failing data test of the latest run (empty = all pass); key: test
create table etl_data_test (
    test         varchar primary key,
    rows         bigint not null,            -- offending rows; -1 when the test itself failed to run
    sample       varchar,
    checked_at   timestamp not null
);

-- grain: one township of the gazetteer; key: township_key
create table dim_township (
    township_key  integer primary key,
    township      varchar not null unique,
    aliases       varchar
);

-- grain: one village within its township; key: village_key
create table dim_village (
    village_key   integer primary key,
    township_key  integer not null,
    township      varchar not null,
    village       varchar not null,
    aliases       varchar,
    unique (township_key, village)
);

-- grain: one calendar day; key: date_key (yyyymmdd)
create table dim_date (
    date_key     integer primary key,
    date         date not null unique,
    year         integer not null,
    quarter      integer not null,
    month        integer not null,
    day          integer not null,
    year_month   varchar not null,
    term         varchar not null              -- school term: yyyy-spring (feb-jul), yyyy-autumn (aug-jan, of the year it starts)
);

-- grain: one coded value of a contract's code list; key: domain, code
create table dim_code (
    domain    varchar not null,
    code      varchar not null,
    label_zh  varchar not null,
    primary key (domain, code)
);

-- grain: one version of a registered household (scd2); key: household_key; natural key household_id + valid_from
create table dim_household (
    household_key    integer primary key,
    household_id     varchar not null,
    township_key     integer,
    village_key      integer,
    township         varchar,
    village          varchar,
    poverty_status   varchar,
    main_cause       varchar,
    exit_status      varchar,
    exit_year        integer,
    relocated        boolean,
    members          integer not null,       -- persons listed in the registry file
    declared_size    integer,                -- 家庭人口数 as written on the head's row
    row_hash         varchar not null,
    valid_from       timestamp not null,
    valid_to         timestamp,
    is_current       boolean not null,
    file_key         integer not null,
    sheet            varchar not null,
    row_number       integer not null
);

-- grain: one version of a registered person (scd2); key: person_key; natural key person_id_hash + valid_from
create table dim_person (
    person_key       integer primary key,
    person_id_hash   varchar not null,
    id_masked        varchar not null,
    name             varchar,
    sex              varchar not null,
    birth_date       date not null,
    is_registered    boolean not null,
    household_id     varchar,
    township_key     integer,
    village_key      integer,
    relation         varchar,
    labour_capacity  varchar,
    health           varchar,
    schooling        varchar,
    row_hash         varchar not null,
    valid_from       timestamp not null,
    valid_to         timestamp,
    is_current       boolean not null,
    file_key         integer,
    sheet            varchar,
    row_number       integer
);
