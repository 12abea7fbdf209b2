-- vault file format 3, on top of format 2 (new files and, once, format 2 files).
--
-- Listing a project's secrets reads only this index, never the table: the columns a listing
-- shows (none of them sealed) in name order. 10,000 names cost one walk of the index instead of
-- a table lookup per name (about 100 bytes more per secret).
CREATE INDEX secrets_listing ON secrets(project_id, name, description, write_only, created_by, created_at, modified_at);

-- A provider's settings are its kind's own JSON (see provider::Settings): a new kind of
-- provider brings its settings without a new column. OpenBao's keep the same fields, and
-- their signature still covers the same values.
ALTER TABLE providers ADD COLUMN settings TEXT NOT NULL DEFAULT '';
UPDATE providers SET settings = json_object('address', address, 'mount', mount, 'namespace', namespace,
    'ca_cert', ca_cert, 'timeout_secs', timeout_secs);
ALTER TABLE providers DROP COLUMN address;
ALTER TABLE providers DROP COLUMN mount;
ALTER TABLE providers DROP COLUMN namespace;
ALTER TABLE providers DROP COLUMN ca_cert;
ALTER TABLE providers DROP COLUMN timeout_secs;
