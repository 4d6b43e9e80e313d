-- microloans (扶贫小额信贷台账): the lending banks and the monthly ledger snapshot.

-- grain: one lending bank or institution, as the ledgers name it; key: bank_key; natural key bank_name
create table dim_bank (
    bank_key   integer primary key,
    bank_name  varchar not null unique
);

-- grain: one loan on one ledger date (periodic snapshot); key: microloan_key; natural key contract_number, as_of
create table fact_microloan (
    microloan_key     integer primary key,
    file_key          integer not null,
    sheet             varchar not null,
    row_number        integer not null,
    person_key        integer not null,
    household_key     integer not null,       -- 0: the borrower's household is unknown to the registry
    person_id_hash    varchar not null,
    is_registered     boolean not null,       -- false: the borrower is not in the registry
    bank_key          integer not null,
    contract_number   varchar not null,
    as_of             date not null,          -- the ledger's date, from its column or its title
    as_of_date_key    integer not null,       -- dim_date
    household_id      varchar,                -- as the ledger writes it; the link is household_key
    principal         decimal(18, 2) not null, -- yuan, 万元 columns converted
    issue_date        date not null,
    issue_date_key    integer not null,       -- dim_date
    due_date          date not null,
    term_months       integer,
    annual_rate       decimal(18, 6),         -- a fraction: 0.0435 for 4.35%
    purpose           varchar,
    interest_subsidy  decimal(18, 2),
    balance           decimal(18, 2),
    status            varchar,                -- dim_code domain loan_status: normal, overdue, settled
    days_overdue      integer,
    is_current        boolean not null,       -- false once a later ledger re-issues the same contract and date
    superseded_by     integer                 -- the file_key of that later ledger
);
