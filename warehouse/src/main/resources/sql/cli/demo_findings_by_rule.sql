-- grain: one finding rule; key: rule_code. the demo's findings per rule, the commonest first.
select rule_code, rule_zh, severity, count(*) as findings, count(distinct household_id) as households
from mart_finding group by all order by findings desc, rule_code
