-- data test: every finding has its lineage, each of whose rows names its file, sheet and row (the key being unique
-- and the rule, severity, year, household and text filled are the generic tests' of marts/mart_finding.yml).
select finding_key, 1 as rows
from mart_finding
where len(lineage) = 0
   or list_contains(list_transform(lineage, x -> x.file_key is null or x.sheet is null or x.row_number is null), true);
