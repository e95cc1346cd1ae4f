-- Document bodies are kept as the JSON text the server wrote (type json), stored out of line without compression.
-- Why: the store never queries inside a body (search uses the fact columns extracted on write), yet every write paid
-- for jsonb's parse into its binary form and for pglz compression of a 10-20 KB plan, and every read paid for
-- turning jsonb back into text: together about two thirds of the cost of writing a version on PGlite. json still
-- refuses text that is not JSON. The price is disk: a plan takes its full size rather than about a third of it.
-- Versions written before this migration keep jsonb's text form (a space after each colon and comma) and their ETag:
-- the same JSON value, served with different whitespace than before the upgrade. New versions are stored as written.
-- The view that selects * is dropped and recreated because a column it exposes changes type.
DROP VIEW resource_current;
ALTER TABLE resource_versions ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE resource_versions ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE VIEW resource_current AS
  SELECT DISTINCT ON (kind, id) *
  FROM resource_versions
  ORDER BY kind, id, version DESC;
