-- data test: no two files share a lake partition. every rows part of a partition source=s/file_key=n carries file_key
-- n only (the load takes a row's file from its partition, so a part copied into another's partition would load as
-- that file's), and the partition's manifest (file.parquet, the etl_file row a rebuild starts from) names key n,
-- source s, and the sha256 and source of the warehouse's etl_file row n; a loaded file has its manifest.
-- grain: one offending part, manifest or loaded file; key: part (the path below the lake).
-- the rows parts' keys come from their metadata alone: integer columns keep their min and max.
with rows_parts as (
    select
        regexp_extract(file_name, 'source=.*$') as part,
        regexp_extract(file_name, 'source=([^/\\]+)[/\\]file_key=(\d+)[/\\]', ['source', 'file_key']) as partition,
        min(cast(stats_min_value as integer)) as min_key,
        max(cast(stats_max_value as integer)) as max_key
    from parquet_metadata('{lake}/source=*/file_key=*/rows/*.parquet')
    where path_in_schema = 'file_key'
    group by file_name
),
manifests as (
    select
        regexp_extract(filename, 'source=.*$') as part,
        regexp_extract(filename, 'source=([^/\\]+)[/\\]file_key=(\d+)[/\\]', ['source', 'file_key']) as partition,
        file_key,
        source,
        sha256
    from read_parquet('{lake}/source=*/file_key=*/file.parquet', union_by_name = true, filename = true,
                      hive_partitioning = false)
)
select p.part, 'rows part of file_key ' || p.min_key || coalesce(' to ' || nullif(p.max_key, p.min_key), '')
    as problem
from rows_parts p
where p.min_key is distinct from cast(p.partition.file_key as integer)
   or p.max_key is distinct from cast(p.partition.file_key as integer)
union all
select m.part, 'manifest of ' || m.source || ' file_key ' || m.file_key || ' sha256 ' || m.sha256 || ', etl_file: '
    || coalesce(f.source || ' sha256 ' || f.sha256, 'none')
from manifests m
left join etl_file f on f.file_key = cast(m.partition.file_key as integer)
where m.file_key is distinct from cast(m.partition.file_key as integer)
   or m.source is distinct from m.partition.source
   or f.sha256 is distinct from m.sha256
   or f.source is distinct from m.source
union all
select 'source=' || f.source || '/file_key=' || f.file_key || '/file.parquet', 'loaded file without its manifest'
from etl_file f
where f.status = 'LOADED'
  and not exists (select 1 from manifests m
                  where m.partition.source = f.source and cast(m.partition.file_key as integer) = f.file_key)
order by 1;
