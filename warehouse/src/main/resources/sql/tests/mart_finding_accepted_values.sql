-- data test: rule codes and severities are the documented ones; a programme is a known one or the microloan.
select finding_key, 'rule_code' as column_name, rule_code as value
from mart_finding
where rule_code not in ('EDU_GAP', 'SELF_PAY_OVER_CAP', 'LOAN_OVER_LIMIT', 'LOAN_TERM_OVER_LIMIT',
                        'TRAINEE_AGE_OUT_OF_RANGE', 'DUPLICATE_AID', 'BENEFICIARY_NOT_REGISTERED', 'TRAINING_GAP',
                        'LOAN_GAP', 'HIGH_MEDICAL_BURDEN')
union all
select finding_key, 'severity', severity
from mart_finding
where severity not in ('high', 'medium', 'low')
union all
select finding_key, 'programme', programme
from mart_finding
where programme is not null and programme <> 'microloan'
  and programme not in (select code from dim_programme);
