-- vault file format 3, on top of format 2 (new files and, once, format 2 files).
--
-- Listing a project's secrets reads only this index, never the table: the columns a listing
-- shows (none of them sealed) in name order. 10,000 names cost one walk of the index instead of
-- a table lookup per name (about 100 bytes more per secret).
CREATE INDEX secrets_listing ON secrets(project_id, name, description, write_only, created_by, created_at, modified_at);
