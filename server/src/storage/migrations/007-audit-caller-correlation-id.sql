-- The caller's own X-Correlation-Id, kept apart from the server's. correlation_id is always an id the server made
-- for the request (unique, so it identifies one request in the log); a caller could send any well-formed value, for
-- instance another request's id, so its value is recorded here only, for joining traces across systems.
ALTER TABLE audit_log ADD COLUMN caller_correlation_id text;
