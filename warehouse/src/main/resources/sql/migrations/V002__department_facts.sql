-- shared by the department facts: the unknown household, programmes and the policy rules.

-- the unknown member of dim_household: facts of persons the registry does not know point here.
insert into dim_household (household_key, household_id, members, row_hash, valid_from, valid_to, is_current,
                           file_key, sheet, row_number)
values (0, 'UNKNOWN', 0, '', timestamp '1900-01-01 00:00:00', null, true, 0, '', 0);

-- grain: one programme of a department; key: programme_key; natural key department, code
create table dim_programme (
    programme_key  integer primary key,
    department     varchar not null,          -- the source: education, medical, microloan, training
    code           varchar not null,
    name_zh        varchar not null,
    unique (department, code)
);

-- grain: one policy standard or cap, effective-dated; key: rule, valid_from
create table ref_policy_rule (
    rule        varchar not null,
    value       decimal(18, 2) not null,
    unit        varchar not null,
    valid_from  date not null,
    valid_to    date,                         -- inclusive; null = open-ended
    applies_to  varchar,                      -- e.g. a programme code, a hospital level
    source      varchar not null,             -- where the county plan states it
    primary key (rule, valid_from, applies_to)
);
