-- vault format 2 on PostgreSQL: the same tables, columns and meaning as an SQLite vault file of
-- format 2 (schema.sql + migrate_2.sql), in the schema "vault" of the database. Integers are
-- BIGINT (booleans 0 and 1, as in the file), blobs BYTEA, and every text column sorts by bytes
-- (COLLATE "C", as SQLite's BINARY), so both backends list in one order. Names, descriptions and
-- times are clear text; every value, key and identity is a sealed or wrapped blob.
CREATE TABLE vault.meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value BYTEA NOT NULL
);

CREATE TABLE vault.users (
    id              TEXT COLLATE "C" PRIMARY KEY,
    name            TEXT COLLATE "C" NOT NULL UNIQUE,
    is_admin        BIGINT NOT NULL,
    recipient       TEXT COLLATE "C" NOT NULL,
    verifying_key   BYTEA NOT NULL,
    kdf_memory_mib  BIGINT NOT NULL,
    kdf_iterations  BIGINT NOT NULL,
    kdf_parallelism BIGINT NOT NULL,
    salt            BYTEA NOT NULL,
    envelope        BYTEA NOT NULL,
    roster_signer   TEXT COLLATE "C" NOT NULL,
    roster_sig      BYTEA NOT NULL,
    enroll_vk       BYTEA,
    enroll_sig      BYTEA,
    created_by      TEXT COLLATE "C" NOT NULL,
    created_at      BIGINT NOT NULL,
    modified_at     BIGINT NOT NULL
);

CREATE TABLE vault.communities (
    id          TEXT COLLATE "C" PRIMARY KEY,
    name        TEXT COLLATE "C" NOT NULL UNIQUE,
    description TEXT COLLATE "C" NOT NULL DEFAULT '',
    id_nonce    BYTEA NOT NULL,
    key_epoch   BIGINT NOT NULL DEFAULT 1,
    created_by  TEXT COLLATE "C" NOT NULL REFERENCES vault.users(id),
    created_at  BIGINT NOT NULL,
    modified_at BIGINT NOT NULL
);

CREATE TABLE vault.community_members (
    community_id TEXT COLLATE "C" NOT NULL REFERENCES vault.communities(id) ON DELETE CASCADE,
    user_id      TEXT COLLATE "C" NOT NULL REFERENCES vault.users(id) ON DELETE CASCADE,
    is_admin     BIGINT NOT NULL,
    granted_by   TEXT COLLATE "C" NOT NULL,
    sig          BYTEA NOT NULL,
    key_epoch    BIGINT NOT NULL,
    wrapped_key  BYTEA NOT NULL,
    key_signer   TEXT COLLATE "C" NOT NULL,
    key_sig      BYTEA NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (community_id, user_id)
);

CREATE TABLE vault.projects (
    id            TEXT COLLATE "C" PRIMARY KEY,
    name          TEXT COLLATE "C" NOT NULL UNIQUE,
    description   TEXT COLLATE "C" NOT NULL DEFAULT '',
    community_id  TEXT COLLATE "C" REFERENCES vault.communities(id) ON DELETE SET NULL,
    community_sig BYTEA,
    personal_of   TEXT COLLATE "C" REFERENCES vault.users(id) ON DELETE CASCADE,
    id_nonce      BYTEA NOT NULL,
    key_epoch     BIGINT NOT NULL DEFAULT 1,
    created_by    TEXT COLLATE "C" NOT NULL REFERENCES vault.users(id),
    created_at    BIGINT NOT NULL,
    modified_at   BIGINT NOT NULL
);

CREATE TABLE vault.project_members (
    project_id  TEXT COLLATE "C" NOT NULL REFERENCES vault.projects(id) ON DELETE CASCADE,
    user_id     TEXT COLLATE "C" NOT NULL REFERENCES vault.users(id) ON DELETE CASCADE,
    role        TEXT COLLATE "C" NOT NULL,
    granted_by  TEXT COLLATE "C" NOT NULL,
    sig         BYTEA NOT NULL,
    key_epoch   BIGINT NOT NULL,
    wrapped_key BYTEA NOT NULL,
    key_signer  TEXT COLLATE "C" NOT NULL,
    key_sig     BYTEA NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (project_id, user_id)
);

CREATE TABLE vault.secrets (
    id              TEXT COLLATE "C" PRIMARY KEY,
    project_id      TEXT COLLATE "C" NOT NULL REFERENCES vault.projects(id) ON DELETE CASCADE,
    name            TEXT COLLATE "C" NOT NULL,
    env_name        TEXT COLLATE "C" NOT NULL,
    description     TEXT COLLATE "C" NOT NULL DEFAULT '',
    provider        TEXT COLLATE "C",
    write_only      BIGINT NOT NULL DEFAULT 0,
    current_version BIGINT NOT NULL,
    key_epoch       BIGINT NOT NULL,
    wrapped_dek     BYTEA NOT NULL,
    created_by      TEXT COLLATE "C" NOT NULL REFERENCES vault.users(id),
    created_at      BIGINT NOT NULL,
    modified_by     TEXT COLLATE "C" NOT NULL REFERENCES vault.users(id),
    modified_at     BIGINT NOT NULL,
    bind            BIGINT NOT NULL DEFAULT 1,
    UNIQUE (project_id, name),
    UNIQUE (project_id, env_name)
);

CREATE TABLE vault.secret_versions (
    secret_id  TEXT COLLATE "C" NOT NULL REFERENCES vault.secrets(id) ON DELETE CASCADE,
    version    BIGINT NOT NULL,
    sealed     BYTEA NOT NULL,
    created_by TEXT COLLATE "C" NOT NULL REFERENCES vault.users(id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (secret_id, version)
);

CREATE TABLE vault.secret_shares (
    secret_id    TEXT COLLATE "C" NOT NULL REFERENCES vault.secrets(id) ON DELETE CASCADE,
    community_id TEXT COLLATE "C" NOT NULL REFERENCES vault.communities(id) ON DELETE CASCADE,
    key_epoch    BIGINT NOT NULL,
    wrapped_dek  BYTEA NOT NULL,
    shared_by    TEXT COLLATE "C" NOT NULL REFERENCES vault.users(id),
    sig          BYTEA NOT NULL,
    created_at   BIGINT NOT NULL,
    bind         BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (secret_id, community_id)
);
CREATE INDEX secret_shares_by_community ON vault.secret_shares(community_id);
CREATE INDEX projects_by_community ON vault.projects(community_id);
CREATE INDEX project_members_by_user ON vault.project_members(user_id);
CREATE INDEX community_members_by_user ON vault.community_members(user_id);
CREATE INDEX secrets_unbound ON vault.secrets(project_id) WHERE bind < 2;
CREATE INDEX secret_shares_unbound ON vault.secret_shares(community_id) WHERE bind < 2;

-- Append-only audit log: MAC chain under the vault's audit key, and each event signed by its
-- user. seq is written by vault (the next number, under the write lock), never a sequence.
CREATE TABLE vault.audit (
    seq       BIGINT PRIMARY KEY,
    at        BIGINT NOT NULL,
    user_name TEXT COLLATE "C" NOT NULL,
    action    TEXT COLLATE "C" NOT NULL,
    project   TEXT COLLATE "C" NOT NULL DEFAULT '',
    resource  TEXT COLLATE "C" NOT NULL DEFAULT '',
    outcome   TEXT COLLATE "C" NOT NULL,
    mac       BYTEA,
    sig       BYTEA
);
CREATE FUNCTION vault.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$BEGIN RAISE EXCEPTION 'audit is append-only'; END$$;
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON vault.audit
    FOR EACH ROW EXECUTE FUNCTION vault.audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON vault.audit
    FOR EACH STATEMENT EXECUTE FUNCTION vault.audit_append_only();

CREATE TABLE vault.providers (
    name         TEXT COLLATE "C" PRIMARY KEY,
    kind         TEXT COLLATE "C" NOT NULL,
    -- The kind's settings as JSON text (see provider::Settings).
    settings     TEXT COLLATE "C" NOT NULL,
    sig          BYTEA NOT NULL,
    created_by   TEXT COLLATE "C" NOT NULL REFERENCES vault.users(id),
    created_at   BIGINT NOT NULL
);

CREATE TABLE vault.provider_tokens (
    provider   TEXT COLLATE "C" NOT NULL REFERENCES vault.providers(name) ON DELETE CASCADE,
    project_id TEXT COLLATE "C" NOT NULL REFERENCES vault.projects(id) ON DELETE CASCADE,
    key_epoch  BIGINT NOT NULL,
    sealed     BYTEA NOT NULL,
    PRIMARY KEY (provider, project_id)
);

CREATE TABLE vault.secret_accepts (
    project_id    TEXT COLLATE "C" NOT NULL REFERENCES vault.projects(id) ON DELETE CASCADE,
    secret_id     TEXT COLLATE "C" NOT NULL REFERENCES vault.secrets(id) ON DELETE CASCADE,
    secret_name   TEXT COLLATE "C" NOT NULL,
    home_env_name TEXT COLLATE "C" NOT NULL,
    env_name      TEXT COLLATE "C" NOT NULL,
    accepted_by   TEXT COLLATE "C" NOT NULL REFERENCES vault.users(id),
    sig           BYTEA NOT NULL,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (project_id, secret_id),
    UNIQUE (project_id, env_name)
);

CREATE TABLE vault.heads (
    scope  TEXT COLLATE "C" PRIMARY KEY,
    seq    BIGINT NOT NULL,
    body   BYTEA NOT NULL,
    extra  BYTEA NOT NULL,
    signer TEXT COLLATE "C" NOT NULL,
    sig    BYTEA NOT NULL,
    prev   BYTEA NOT NULL
);
