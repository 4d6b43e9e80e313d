-- the county plan's yearly targets the warehouse can measure, seeded at every start from the sources module's
-- rules/plan_targets.csv like ref_policy_rule; the reports layer measures progress against them.

-- grain: one plan target in one year; key: target, valid_from, applies_to
create table ref_plan_target (
    target      varchar not null,
    value       decimal(18, 2) not null,
    unit        varchar not null,             -- persons, wan_yuan (万元, as the plan states the loan task)
    valid_from  date not null,
    valid_to    date,                         -- inclusive: the year's 31 december
    applies_to  varchar not null,             -- the department whose facts measure it: training, microloan
    source      varchar not null,             -- the plan's indicator table row, quoted
    primary key (target, valid_from, applies_to)
);
