-- data test: every household's village is in the gazetteer, within its township.
select h.household_key, h.township_key, h.village_key
from dim_household h
left join dim_village v on v.village_key = h.village_key and v.township_key = h.township_key
where v.village_key is null
  and h.household_key <> 0;
