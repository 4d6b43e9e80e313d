-- what the loads changed since the models were last built, and which project the models were built from, so that the
-- publish gate brings the models up to date for what changed instead of rebuilding them from every fact (Models).

-- grain: one household a file's load may have changed (household_id null: the file itself, whatever it changed);
-- written in the load's transaction, emptied in the one that brings the models up to date.
create table etl_change (
    file_key      integer not null,
    household_id  varchar
);

-- grain: the one build the models are as of; key: none (at most one row).
create table etl_model_build (
    fingerprint   varchar not null,   -- sha-256 of the model project's sql and of the reference data it reads
    built_at      timestamp not null,
    whole         boolean not null    -- a whole rebuild, not an update for what changed
);
