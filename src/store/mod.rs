//! Storage: an SQLite file (the default) or a PostgreSQL database, their schemas and migrations,
//! transactions, and the queries, written once for both (see `db`).
//!
//! The store moves rows and blobs; it knows no keys and decrypts nothing. Every SQLite
//! connection runs in WAL mode with `synchronous=FULL` (an acknowledged write survives power
//! loss), foreign keys on and a busy timeout, so several `vault` processes can write one file. A
//! PostgreSQL vault takes one transaction-scoped advisory lock per write transaction, as SQLite's
//! `BEGIN IMMEDIATE` takes the file's write lock: writers queue, none fails part-way for
//! another's sake, and readers see one snapshot.

mod copy;
pub(crate) mod db;
mod expected_pg_schema;
pub mod pg;
mod prefetch;
mod provider;
mod rows;
mod team;

use std::cell::Cell;
use std::fs::{DirBuilder, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

pub use copy::Copied;
use db::{args, Db};
pub use pg::{Location, PgTarget};
pub use prefetch::Ask;
pub use provider::*;
pub use rows::*;
pub use team::*;

use crate::{Error, Result};

/// The file format this build writes and understands (`PRAGMA user_version`).
pub const FORMAT_VERSION: i64 = 3;
/// The meta key listing, one per line, the scopes a file migrated from format 1 had no signed
/// list of members for (see `vault::heads`).
pub const LEGACY_LISTS: &str = "legacy_lists";
/// The meta key holding the first audit event that must be signed by its user (8 bytes, BE).
pub const AUDIT_SIGNED_FROM: &str = "audit_signed_from";
/// `PRAGMA application_id`: "VALT", so another SQLite file is recognised as not a vault.
pub const APPLICATION_ID: i64 = 0x5641_4C54;

/// `PRAGMA cache_size` in a read transaction (negative: KiB): B-tree interior pages and the
/// pages at hand fit; what a scan passes by is read again if ever needed, never kept.
const READ_CACHE: i64 = -256;
/// `PRAGMA cache_size` in a write transaction: SQLite's default (2 MiB).
const WRITE_CACHE: i64 = -2000;

/// The PostgreSQL advisory lock every write transaction takes ("VALT").
pub(super) const WRITE_LOCK: i64 = 0x5641_4C54;

/// WAL size past which closing checkpoints even after reads only (see `Drop for Store`).
const WAL_CHECKPOINT_BYTES: u64 = 256 * 1024;

const SCHEMA: &str = include_str!("schema.sql");

pub(crate) const META_SQL: &str = "SELECT value FROM meta WHERE key = ?1";
pub(crate) const NEXT_SEQ_SQL: &str = "SELECT coalesce(max(seq), 0) + 1 FROM audit";

/// The changes from each format to the next, in order: (format reached, SQL). A new file runs
/// the schema of format 1 and then every migration, exactly as an old file does when it is
/// opened, so that all files of one format have the same schema, checked on every open.
const MIGRATIONS: &[(i64, &str)] = &[(2, include_str!("migrate_2.sql")), (3, include_str!("migrate_3.sql"))];

/// The schema objects a file must have and nothing else: (type, name, table, SQL text).
/// SQLite's own tables (sqlite_sequence, statistics) and its automatic indexes are left out;
/// any trigger, view, index or table someone added, and any table or trigger changed, is not.
const SCHEMA_OBJECTS: &str = "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master \
     WHERE NOT (type = 'table' AND name IN ('sqlite_sequence', 'sqlite_stat1', 'sqlite_stat4')) \
       AND NOT (type = 'index' AND name LIKE 'sqlite_autoindex_%' AND sql IS NULL) \
     ORDER BY type, name";

type SchemaObject = (String, String, String, String);

fn schema_objects(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut st = conn.prepare(SCHEMA_OBJECTS)?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

mod expected_schema;

/// The schema of this build's format: what `SCHEMA` and `MIGRATIONS` make, as SQLite stores it.
/// Kept as a constant (src/store/expected_schema.rs) rather than made in an in-memory database
/// on every open, which cost more than the rest of opening the file. A unit test makes it from
/// the SQL and compares (`VAULT_BLESS_SCHEMA=1 cargo test --lib expected_schema` rewrites the
/// file after a schema change), and `Store::create` checks each new file against it.
use expected_schema::EXPECTED_SCHEMA;

/// The schema `SCHEMA` and `MIGRATIONS` make, built in memory (tests only: see
/// `EXPECTED_SCHEMA`).
#[cfg(test)]
fn built_schema() -> Result<Vec<SchemaObject>> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch(SCHEMA)?;
    for (_, sql) in MIGRATIONS {
        conn.execute_batch(sql)?;
    }
    Ok(schema_objects(&conn)?)
}

/// Whether a file's schema objects are exactly the expected ones, in the same order.
fn is_expected(found: &[SchemaObject]) -> bool {
    found.len() == EXPECTED_SCHEMA.len()
        && found
            .iter()
            .zip(EXPECTED_SCHEMA)
            .all(|(f, e)| (f.0.as_str(), f.1.as_str(), f.2.as_str(), f.3.as_str()) == *e)
}

/// How the first difference between a file's schema and the expected one reads in an error.
fn schema_difference(found: &[SchemaObject], expected: &[SchemaObject]) -> String {
    let key = |o: &SchemaObject| (o.0.clone(), o.1.clone());
    if let Some(extra) = found.iter().find(|f| !expected.iter().any(|e| key(e) == key(f))) {
        return format!("unknown {} '{}'", extra.0, crate::vault::names::printable(&extra.1));
    }
    if let Some(missing) = expected.iter().find(|e| !found.iter().any(|f| key(e) == key(f))) {
        return format!("missing {} '{}'", missing.0, missing.1);
    }
    match found.iter().zip(expected).find(|(f, e)| f != e) {
        Some((f, _)) => format!("changed {} '{}'", f.0, crate::vault::names::printable(&f.1)),
        None => "changed".into(),
    }
}

/// An open vault: a file or a database.
pub struct Store {
    db: Db,
    location: Location,
    /// A data write was committed: checkpoint the WAL into the file when closing, so the file
    /// alone (a backup copy of it, say) holds every change.
    dirty: Cell<bool>,
    /// Writes from now on are audit events only: no fsync, no checkpoint.
    light: Cell<bool>,
    /// A read transaction of ours is open (see `begin_read`).
    reading: Cell<bool>,
}

impl Drop for Store {
    fn drop(&mut self) {
        self.end_read();
        let Db::Lite(conn) = &self.db else { return };
        let Location::File(path) = &self.location else { return };
        // The first process to open the file rebuilds the WAL index by reading the whole WAL,
        // so a WAL that grew with each read's audit event would make every later open slower
        // (4 MiB, ~1 ms, before SQLite's own auto-checkpoint). Past WAL_CHECKPOINT_BYTES the
        // closing connection checkpoints it and removes it: one read in ~20 pays that.
        let mut wal = path.clone().into_os_string();
        wal.push("-wal");
        let wal_big = std::fs::metadata(wal).is_ok_and(|m| m.len() > WAL_CHECKPOINT_BYTES);
        if self.dirty.get() || wal_big {
            // Checkpoint on close after all: the connection closes right after this.
            let _ = conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false);
        }
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("location", &self.location).finish_non_exhaustive()
    }
}

impl Store {
    fn new(db: Db, location: Location) -> Store {
        Store { db, location, dirty: Cell::new(false), light: Cell::new(false), reading: Cell::new(false) }
    }

    /// The SQLite connection (a file vault's).
    fn lite(&self) -> Option<&Connection> {
        match &self.db {
            Db::Lite(c) => Some(c),
            Db::Pg(_) => None,
        }
    }

    /// Creates a new vault: a file, or the schema `vault` in a database.
    pub fn create(location: &Location) -> Result<Store> {
        match location {
            Location::File(path) => Store::create_file(path),
            Location::Postgres(target) => Store::create_pg(target),
        }
    }

    /// Removes what a `create` that failed half-way left (best effort): the file, or the schema
    /// it made in the database (no one else uses a vault that has no user yet).
    pub fn discard_new(location: &Location) {
        match location {
            Location::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Location::Postgres(target) => {
                if let Ok(client) = target.connect() {
                    let _ = client.batch_execute("DROP SCHEMA vault CASCADE");
                }
            }
        }
    }

    /// Opens an existing vault, checking that it is one and that we understand its format.
    pub fn open(location: &Location) -> Result<Store> {
        match location {
            Location::File(path) => Store::open_file(path),
            Location::Postgres(target) => Store::open_pg(target),
        }
    }

    /// Creates a new vault file (mode 0600; its folder 0700 if we create it) with the schema.
    fn create_file(path: &Path) -> Result<Store> {
        if path.exists() {
            return Err(Error::VaultExists { path: path.to_owned() });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.exists() {
                DirBuilder::new()
                    .recursive(true)
                    .mode(0o700)
                    .create(dir)
                    .map_err(|e| Error::io(format!("cannot create folder {}", dir.display()), e))?;
            }
        }
        // Create the file with its mode, never chmod later; create_new closes the race with a
        // concurrent init.
        OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Error::VaultExists { path: path.to_owned() },
            _ => Error::io(format!("cannot create {}", path.display()), e),
        })?;
        let result = (|| {
            let conn =
                Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
            conn.execute_batch("PRAGMA journal_mode=WAL;")?;
            let store = Store::new(Db::Lite(conn), Location::File(path.to_owned()));
            store.configure()?;
            store.write(|s| {
                let conn = s.lite().expect("a file vault");
                conn.execute_batch(SCHEMA)?;
                for (_, sql) in MIGRATIONS {
                    conn.execute_batch(sql)?;
                }
                // Every MACed event of a file made at format 2 is signed by its user.
                s.set_meta(AUDIT_SIGNED_FROM, &1i64.to_be_bytes())?;
                conn.pragma_update(None, "application_id", APPLICATION_ID)?;
                conn.pragma_update(None, "user_version", FORMAT_VERSION)?;
                Ok(())
            })?;
            // What every later open checks: a build whose EXPECTED_SCHEMA lags its SQL makes
            // no file at all.
            store.check_schema()?;
            Ok(store)
        })();
        if result.is_err() {
            // Leave nothing behind from a failed init.
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
        result
    }

    /// Opens an existing vault file, checking that it is one and that we understand its format.
    fn open_file(path: &Path) -> Result<Store> {
        match std::fs::metadata(path) {
            Ok(m) if m.is_file() => {}
            Ok(_) => return Err(Error::Damaged { path: path.to_owned(), reason: "not a regular file".into() }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Error::NoVault { path: path.to_owned() }),
            Err(e) => return Err(Error::io(format!("cannot read {}", path.display()), e)),
        }
        let damaged = |reason: String| Error::Damaged { path: path.to_owned(), reason };
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| damaged(e.to_string()))?;
        let (app_id, version) = conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version)",
                [],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
            )
            .map_err(|e| {
                if e.sqlite_error_code() == Some(ErrorCode::ReadOnly) {
                    read_only(path)
                } else {
                    damaged(describe_open_error(&e))
                }
            })?;
        if app_id != APPLICATION_ID {
            return Err(damaged("it is an SQLite file but not a vault".into()));
        }
        if version > FORMAT_VERSION {
            return Err(Error::NewerFormat { path: path.to_owned(), found: version, supported: FORMAT_VERSION });
        }
        if version < 1 {
            return Err(damaged(format!("unknown format version {version}")));
        }
        let store = Store::new(Db::Lite(conn), Location::File(path.to_owned()));
        store.configure()?;
        if version < FORMAT_VERSION {
            store.migrate().map_err(|e| match e {
                Error::Db(ref d) if d.sqlite_error_code() == Some(ErrorCode::ReadOnly) => read_only(path),
                other => other,
            })?;
        }
        store.check_schema()?;
        Ok(store)
    }

    /// Brings a file of an older format to this one, in one transaction (another process may
    /// have done it while we waited for the write lock: then nothing is left to do).
    fn migrate(&self) -> Result<()> {
        self.write(|s| {
            let conn = s.lite().expect("a file vault");
            let from: i64 = conn.query_row("SELECT user_version FROM pragma_user_version", [], |r| r.get(0))?;
            for (to, sql) in MIGRATIONS.iter().filter(|(to, _)| *to > from) {
                conn.execute_batch(sql)?;
                conn.pragma_update(None, "user_version", to)?;
            }
            if from < FORMAT_VERSION {
                s.set_meta(&format!("migrated_from_{from}"), &now().to_be_bytes())?;
            }
            if from < 2 {
                // Events from here on are signed, and every scope there is now has no signed
                // list yet; the roster's list binds both once a vault admin signs it.
                let next: i64 = conn.query_row("SELECT coalesce(max(seq), 0) + 1 FROM audit", [], |r| r.get(0))?;
                s.set_meta(AUDIT_SIGNED_FROM, &next.to_be_bytes())?;
                let scopes: Vec<String> = conn
                    .prepare(
                        "SELECT 'roster' UNION ALL SELECT 'project:' || id FROM projects \
                         UNION ALL SELECT 'community:' || id FROM communities",
                    )?
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                s.set_meta(LEGACY_LISTS, scopes.join("\n").as_bytes())?;
            }
            Ok(())
        })
    }

    /// The file's schema must be exactly this format's: a trigger that drops audit events, a
    /// view, an index or a changed table is tampering (exit 7), never something to run with.
    fn check_schema(&self) -> Result<()> {
        let Some(conn) = self.lite() else { return self.check_pg_schema() };
        let found = schema_objects(conn)?;
        if !is_expected(&found) {
            let expected: Vec<SchemaObject> = EXPECTED_SCHEMA
                .iter()
                .map(|e| (e.0.to_owned(), e.1.to_owned(), e.2.to_owned(), e.3.to_owned()))
                .collect();
            return Err(Error::tampered(format!("the vault file's schema ({})", schema_difference(&found, &expected))));
        }
        Ok(())
    }

    fn configure(&self) -> Result<()> {
        let Some(conn) = self.lite() else { return Ok(()) };
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;")?;
        // Closing the last connection would otherwise checkpoint the WAL into the file and fsync
        // it: every read would pay that. A command that changed data turns it back on before
        // closing (see Drop), so the file alone holds every change; the WAL between holds only
        // audit events of reads (sealed or clear metadata, never a value).
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        Ok(())
    }

    /// Runs one statement (on SQLite through the prepared-statement cache: an import of 1,000
    /// secrets compiles each statement once, not 2,000 times); the number of rows changed.
    pub(crate) fn exec(&self, sql: &str, args: &[db::Arg<'_>]) -> Result<usize> {
        self.db.exec(sql, args)
    }

    /// Where this vault is.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// A file vault's settings as SQLite reports them: (journal mode, synchronous, foreign
    /// keys); `None` for a database.
    pub fn file_settings(&self) -> Result<Option<(String, i64, i64)>> {
        let Some(conn) = self.lite() else { return Ok(None) };
        Ok(Some(conn.query_row(
            "SELECT (SELECT journal_mode FROM pragma_journal_mode), (SELECT synchronous FROM pragma_synchronous), \
             (SELECT foreign_keys FROM pragma_foreign_keys)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?))
    }

    /// The highest audit sequence number a file ever used (SQLite's AUTOINCREMENT keeps it in
    /// sqlite_sequence); `None` for a database, which keeps no such number.
    pub fn audit_high_water(&self) -> Result<Option<i64>> {
        let Some(conn) = self.lite() else { return Ok(None) };
        Ok(Some(conn.query_row(
            "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0)",
            [],
            |r| r.get(0),
        )?))
    }

    /// The number the next audit event gets.
    pub fn next_audit_seq(&self) -> Result<i64> {
        self.db.one(NEXT_SEQ_SQL, args![], |r| r.get(0))
    }

    /// From now on this connection only appends audit events: without an fsync of their own
    /// (in WAL mode they are consistent at once and durable with the next synced commit or
    /// checkpoint) and without a checkpoint on close. Keeps a read at a couple of milliseconds.
    pub fn light_writes(&self) {
        self.light.set(true);
        if let Some(conn) = self.lite() {
            let _ = conn.execute_batch("PRAGMA synchronous=NORMAL");
        }
    }

    /// Opens one read transaction for the reads that follow, until `end_read` or the first
    /// `write`: they then see one snapshot of the file, and SQLite takes its WAL read lock once
    /// instead of once per statement (a 10,000-row listing made 30,000 lock and stat calls).
    /// Writers are not blocked (WAL); a checkpoint cannot pass the snapshot while it is open.
    ///
    /// Reads keep a small page cache ([`READ_CACHE`]): a listing walks thousands of pages once
    /// each, and every page the default 2 MiB cache grew into was fresh memory to fault in (a
    /// 10,000-secret listing took ~500 page faults more, about 1 ms). Writes get the default
    /// back (see `write`), so a transaction's dirty pages stay in memory until it commits.
    ///
    /// On PostgreSQL the snapshot is a `REPEATABLE READ READ ONLY` transaction.
    pub fn begin_read(&self) -> Result<()> {
        if self.reading.get() {
            return Ok(());
        }
        match &self.db {
            Db::Lite(conn) if conn.is_autocommit() => {
                conn.execute_batch(&format!("PRAGMA cache_size={READ_CACHE}; BEGIN DEFERRED"))?;
                self.reading.set(true);
            }
            Db::Lite(_) => {}
            // Sent with the first query of the snapshot, in its round trip.
            Db::Pg(c) => {
                c.defer_batch("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                c.set_snapshot(true);
                self.reading.set(true);
            }
        }
        Ok(())
    }

    /// Ends the read transaction of `begin_read`, if one is open.
    pub fn end_read(&self) {
        if !self.reading.replace(false) {
            return;
        }
        // A read-only transaction: ending it cannot fail in a way that loses anything.
        match &self.db {
            Db::Lite(conn) if !conn.is_autocommit() => {
                let _ = conn.execute_batch("COMMIT");
            }
            Db::Lite(_) => {}
            // Sent with the next request, if any (a connection that closes ends it as well).
            Db::Pg(c) => {
                c.set_snapshot(false);
                c.defer_batch("COMMIT");
            }
        }
    }

    /// Runs `f` in one write transaction (`BEGIN IMMEDIATE`): all of it is committed or none.
    /// An open read snapshot is ended first, so the write sees (and checks) the newest data.
    ///
    /// On PostgreSQL the transaction first takes the vault's advisory lock ([`WRITE_LOCK`]):
    /// writers run one after another, as on SQLite, so no write fails a serialization check
    /// half-way and no two writers deadlock; each sees everything committed before it.
    pub fn write<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.end_read();
        match &self.db {
            Db::Lite(_) => self.db.batch(&format!("PRAGMA cache_size={WRITE_CACHE}; BEGIN IMMEDIATE"))?,
            // Sent with the transaction's first statement, in its round trip.
            Db::Pg(c) => c.defer_batch(&format!("BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})")),
        }
        let r = f(self);
        match r {
            Ok(v) => match self.db.batch("COMMIT") {
                Ok(()) => {
                    if !self.light.get() {
                        self.dirty.set(true);
                    }
                    Ok(v)
                }
                Err(e) => {
                    let _ = self.db.batch("ROLLBACK");
                    Err(e)
                }
            },
            Err(e) => {
                let _ = self.db.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Reads a `meta` value.
    pub fn meta(&self, key: &str) -> Result<Option<Vec<u8>>> {
        self.db.opt(META_SQL, args![key], |r| r.get(0))
    }

    /// Writes a `meta` value.
    pub fn set_meta(&self, key: &str, value: &[u8]) -> Result<()> {
        self.exec(
            "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            args![key, value],
        )?;
        Ok(())
    }
}

/// The file or its folder cannot be written: vault writes even to read (WAL index, audit).
fn read_only(path: &Path) -> Error {
    Error::io(
        format!("cannot use {}", path.display()),
        std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the vault file or its folder is read-only, and vault writes to it even to read (WAL index, audit log)",
        ),
    )
}

fn describe_open_error(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            "it is not an SQLite database (truncated, random or another kind of file)".into()
        }
        Some(ErrorCode::DatabaseCorrupt) => "SQLite reports it corrupt".into(),
        _ => e.to_string(),
    }
}

/// The current time as Unix seconds, UTC.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `EXPECTED_SCHEMA` as Rust source, one object per entry.
    fn render(objects: &[SchemaObject]) -> String {
        let mut out = String::from(
            "//! The schema objects of a format 2 vault file, exactly as SQLite stores them: (type, name,\n\
             //! table, SQL). Generated from schema.sql and the migrations by\n\
             //! `VAULT_BLESS_SCHEMA=1 cargo test --lib expected_schema`; the test fails while this file\n\
             //! and the SQL disagree. Every open compares the file's schema with it (`check_schema`).\n\n\
             #[rustfmt::skip]\n\
             pub(super) const EXPECTED_SCHEMA: &[(&str, &str, &str, &str)] = &[\n",
        );
        for (t, n, tbl, sql) in objects {
            out.push_str(&format!("    ({t:?}, {n:?}, {tbl:?}, {sql:?}),\n"));
        }
        out.push_str("];\n");
        out
    }

    #[test]
    fn expected_schema_is_what_the_sql_makes() {
        let built = built_schema().unwrap();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/store/expected_schema.rs");
        if std::env::var_os("VAULT_BLESS_SCHEMA").is_some() {
            // Compiled in at the next build: run the test again without the variable.
            std::fs::write(path, render(&built)).unwrap();
            return;
        }
        assert!(
            is_expected(&built),
            "src/store/expected_schema.rs differs from what schema.sql and the migrations make; \
             rewrite it with `VAULT_BLESS_SCHEMA=1 cargo test --lib expected_schema`"
        );
        assert_eq!(std::fs::read_to_string(path).unwrap(), render(&built));
    }

    #[test]
    fn any_other_schema_is_not_expected() {
        let built = built_schema().unwrap();
        assert!(!is_expected(&built[1..]));
        let mut changed = built.clone();
        changed[0].3.push(' ');
        assert!(!is_expected(&changed));
        let mut more = built.clone();
        more.push(("view".into(), "v".into(), "v".into(), "CREATE VIEW v AS SELECT 1".into()));
        assert!(!is_expected(&more));
    }
}
