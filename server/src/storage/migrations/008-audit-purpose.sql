-- Why a plan was read (access-purposes code list), recorded with every read of a plan view; null for audit records
-- written before this column and for operations that take no purpose.
ALTER TABLE audit_log ADD COLUMN purpose text;
