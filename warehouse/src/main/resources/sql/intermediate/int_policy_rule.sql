-- grain: one version of one policy rule for what it applies to; key: rule, valid_from, applies_to.
-- ref_policy_rule with an open end written as 9999-12-31, so the finding rules find the version in force on a day
-- with between.
create or replace view int_policy_rule as
select rule, value, applies_to, valid_from, coalesce(valid_to, date '9999-12-31') as valid_to
from ref_policy_rule;
