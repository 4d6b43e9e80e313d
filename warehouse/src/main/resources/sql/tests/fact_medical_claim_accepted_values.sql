-- data test: coded columns of medical claims and hospitals hold codes of their list (dim_code domain hospital_level).
select 'fact_medical_claim' as model, claim_key as key, hospital_level
from fact_medical_claim
where hospital_level not in (select code from dim_code where domain = 'hospital_level')
union all
select 'dim_hospital', hospital_key, hospital_level
from dim_hospital
where hospital_level not in (select code from dim_code where domain = 'hospital_level');
