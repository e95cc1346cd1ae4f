-- The identifier index (GIN) takes each new entry straight into its tree instead of a "pending list".
-- Why: with fastupdate on, new entries wait in a list that every search must read through until VACUUM (or a 4 MB
-- list) merges them, and PGlite never runs autovacuum: searching by UPN (the receiving side of every transfer
-- matches the child this way) grew linearly with the number of records written, ~20 ms after a few thousand.
-- Entries already waiting are merged now.
ALTER INDEX resource_versions_identifiers SET (fastupdate = off);
SELECT gin_clean_pending_list('resource_versions_identifiers'::regclass);
-- Planner statistics (ANALYZE, run by the store on PGlite as data grows) are about the fact columns searches filter
-- on; a plan body or provenance is never filtered on, and reading sampled bodies would make each ANALYZE slow.
ALTER TABLE resource_versions ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE resource_versions ALTER COLUMN provenance SET STATISTICS 0;
