-- grain: one household, 2019, the three that paid most themselves for hospital stays; key: household_id.
select household_id, township, sum(medical_stays) as stays, sum(medical_self_paid) as self_paid
from mart_household_year where year = 2019 group by all order by self_paid desc, household_id limit 3
