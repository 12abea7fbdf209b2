-- vault file format 2, applied on top of format 1 both to new files and, once, to format 1 files
-- (so every format 2 file has the same schema text, which is checked on every open).
--
-- bind: which binding seals a secret's data key. 1 is format 1's (without the secret's name);
-- 2 binds the name too, so that swapping two rows' names fails to open. A row set back to 1
-- fails as well: the binding is in the seal, the column only says which one to try.
ALTER TABLE secrets ADD COLUMN bind INTEGER NOT NULL DEFAULT 1;
ALTER TABLE secret_shares ADD COLUMN bind INTEGER NOT NULL DEFAULT 1;

-- Each event is also signed by the user who acted (the MAC key is shared by every user, so
-- the MAC alone cannot say who wrote an event).
ALTER TABLE audit ADD COLUMN sig BLOB;

-- A secret shared into a community reaches a receiving project's programs (run, export) only
-- once an owner or editor of that project accepted it, under an env name they chose, for the
-- secret's name and env name at home as they were then: a change at home drops it.
CREATE TABLE secret_accepts (
    project_id    TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    secret_id     TEXT NOT NULL REFERENCES secrets(id) ON DELETE CASCADE,
    secret_name   TEXT NOT NULL,
    home_env_name TEXT NOT NULL,
    env_name      TEXT NOT NULL,
    accepted_by   TEXT NOT NULL REFERENCES users(id),
    sig           BLOB NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (project_id, secret_id),
    UNIQUE (project_id, env_name)
) STRICT;
