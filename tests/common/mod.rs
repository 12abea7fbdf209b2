//! The one harness every end-to-end test uses: it runs the real `vault` binary in a throwaway
//! home with a clean environment, and checks what must never be written anywhere.
//!
//! Each test gets its own home (a `TempDir`): the vault file at `home/vault/vault.db`, sessions
//! under `home/run/vault`, nothing shared with the machine or with other tests. Inputs that hold a
//! value or a passphrase (for `--from-file`, `--passphrase-file`) go in a separate [`scratch`]
//! folder, so that [`assert_absent`] can demand the value is in no file under home at all.
//!
//! On failure assert_cmd prints the command (with its environment), stdin, stdout and stderr;
//! the helpers here name the file, query or offset that broke.
#![allow(dead_code)] // each test file uses a different subset of the helpers

pub mod pg;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

/// Alice's passphrase in every test vault.
pub const ALICE_PASS: &str = "correct horse battery staple 7f3a";

/// A table time, UTC: `November 23, 2026, 02:10`.
pub const TABLE_TIME: &str = r"[A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2}";

/// An RFC 3339 time in UTC, as JSON shows it.
pub const RFC3339_UTC: &str = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$";

/// Longest any single command may take before the test fails instead of hanging.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The vault file of a test home.
pub fn vault_path(home: &Path) -> PathBuf {
    home.join("vault").join("vault.db")
}

/// Where a test home's vault is: its file, or, when the suite runs against PostgreSQL
/// (`VAULT_TEST_PG`), its own database.
pub fn vault_location(home: &Path) -> std::ffi::OsString {
    if pg::enabled() {
        pg::vault_url(home).into()
    } else {
        vault_path(home).into()
    }
}

/// Whether this test is about the SQLite file itself (its bytes, mode, WAL, an attacker who
/// edits it with sqlite3): it then runs in the file suite only, and returns early with a note
/// when the suite runs against PostgreSQL, whose own attacker tests are in tests/postgres.rs.
pub fn file_backend_only() -> bool {
    if pg::enabled() {
        eprintln!("about the vault file: runs in the file suite only");
        return false;
    }
    true
}

/// The session folder of a test home (`$XDG_RUNTIME_DIR/vault`).
pub fn session_dir(home: &Path) -> PathBuf {
    home.join("run").join("vault")
}

/// `vault` with a clean environment pointing everything into `home`, acting as alice, with no
/// passphrase source and no controlling terminal.
pub fn vault(home: &Path) -> Command {
    let run = home.join("run");
    if !run.exists() {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&run)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", run.display()));
    }
    let mut std_cmd = std::process::Command::new(env!("CARGO_BIN_EXE_vault"));
    detach_from_terminal(&mut std_cmd);
    let mut cmd = Command::from_std(std_cmd);
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", &run)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("VAULT_PATH", vault_location(home))
        .env("VAULT_USER", "alice")
        .current_dir(home)
        .timeout(TIMEOUT);
    cmd
}

/// The environment [`alice`] runs with, for a `std::process::Command` that reaches vault
/// another way (a git hook, a child killed by hand): home's folders, the vault, alice and her
/// passphrase.
pub fn alice_env(home: &Path) -> Vec<(&'static str, std::ffi::OsString)> {
    vec![
        ("HOME", home.into()),
        ("XDG_RUNTIME_DIR", home.join("run").into()),
        ("XDG_DATA_HOME", home.join("data").into()),
        ("XDG_CONFIG_HOME", home.join("config").into()),
        ("VAULT_PATH", vault_location(home)),
        ("VAULT_USER", "alice".into()),
        ("VAULT_PASSPHRASE", ALICE_PASS.into()),
    ]
}

/// Runs the child in a new session, without a controlling terminal, so that "no terminal" paths
/// (no passphrase, delete without --yes) behave the same under `cargo test` in a terminal as in
/// CI, and a bug can never leave a test waiting on a hidden prompt.
#[allow(unsafe_code)]
fn detach_from_terminal(cmd: &mut std::process::Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: the closure runs in the forked child before exec and only calls setsid(2), which
    // is async-signal-safe and touches no memory shared with the parent.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// Sets alice's passphrase through `VAULT_PASSPHRASE`.
pub fn as_alice(mut cmd: Command) -> Command {
    cmd.env("VAULT_PASSPHRASE", ALICE_PASS);
    cmd
}

/// `vault` acting as alice with her passphrase.
pub fn alice(home: &Path) -> Command {
    as_alice(vault(home))
}

/// `vault init` at the KDF floor (the test cost; never weaken it any other way), as alice.
pub fn init_cmd(home: &Path) -> Command {
    let mut cmd = alice(home);
    cmd.args(["init", "--user", "alice", "--kdf-memory", "8", "--kdf-iterations", "1"]);
    cmd
}

/// A fresh home holding a vault whose admin is alice.
pub fn init_vault() -> TempDir {
    let home = tempfile::tempdir().expect("temp home");
    init_cmd(home.path()).assert().success();
    home
}

/// A folder outside home for input files (values, passphrases) that must not be counted as
/// leaks by [`assert_absent`].
pub fn scratch() -> TempDir {
    tempfile::tempdir().expect("scratch folder")
}

/// Creates a project as alice.
pub fn create_project(home: &Path, name: &str) {
    alice(home)
        .args(["project", "create", name])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!("created project '{name}'")));
}

/// Creates a secret as alice, piping `value` on stdin.
pub fn create_secret(home: &Path, project: &str, name: &str, value: impl AsRef<[u8]>) {
    alice(home)
        .args(["secret", "create", name, "--project", project])
        .write_stdin(value.as_ref())
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(format!("created secret '{name}' in project '{project}'")));
}

/// A secret's value as `secret get --reveal` prints it (asserting success).
pub fn reveal(home: &Path, project: &str, name: &str) -> Vec<u8> {
    alice(home)
        .args(["secret", "get", name, "--project", project, "--reveal"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone()
}

/// The vault file's bytes.
pub fn vault_bytes(home: &Path) -> Vec<u8> {
    let p = vault_path(home);
    std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// Every regular file under `dir`, recursively.
pub fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let entries = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("cannot list {}: {e}", d.display()));
        for entry in entries {
            let entry = entry.expect("directory entry");
            let ty = entry.file_type().expect("file type");
            if ty.is_dir() {
                todo.push(entry.path());
            } else if ty.is_file() {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    out
}

/// Where `needle` first occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Fails, naming the file and offset, if `needle` occurs in any file under `home`: the vault
/// file, its `-wal` and `-shm`, session files, anything. The vault file must be among them, so
/// the check is never vacuous.
pub fn assert_absent(home: &Path, needle: &[u8]) {
    assert!(needle.len() >= 4, "needle too short to be meaningful");
    let files = all_files(home);
    if pg::enabled() {
        // The database: every row of every table of the vault, as text (blobs as hex).
        let dump = pg::dump_all(home);
        assert!(dump.contains("users:"), "assert_absent: no users table in the dump");
        let hex: String = needle.iter().map(|b| format!("{b:02x}")).collect();
        for (what, pattern) in [("bytes", String::from_utf8_lossy(needle).into_owned()), ("hex", hex)] {
            if let Some(at) = find(dump.as_bytes(), pattern.as_bytes()) {
                panic!("the vault database holds the secret ({what}) at {at} of its dump");
            }
        }
    } else {
        assert!(files.contains(&vault_path(home)), "assert_absent: no vault file among {files:?}");
    }
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("cannot read {}: {e}", f.display()));
        if let Some(at) = find(&bytes, needle) {
            panic!(
                "{} contains the secret bytes {:?} at offset {at} (files checked: {files:?})",
                f.display(),
                String::from_utf8_lossy(&needle[..needle.len().min(64)]),
            );
        }
    }
}

/// Runs SQL on a test home's vault as someone who can write the store: sqlite3 on the file, or
/// the database administrator on PostgreSQL (rows as `a|b|c` lines either way; `hex(blob)`
/// works on both).
pub fn store_sql(home: &Path, query: &str) -> String {
    if pg::enabled() {
        pg::query(home, query)
    } else {
        sql(&vault_path(home), query)
    }
}

/// The row(s) of `table` matching `filter`, saved as an attacker who can write the store would
/// keep them, to put back later with [`put_back`] (an old grant, a removed user).
pub fn saved_rows(home: &Path, table: &str, filter: &str) -> String {
    if pg::enabled() {
        let json = pg::query(home, &format!("SELECT json_agg(t) FROM {table} t WHERE {filter}"));
        assert!(json.starts_with('['), "no {table} row where {filter}: {json:?}");
        return format!(
            "SET session_replication_role = replica; DELETE FROM {table} WHERE {filter}; \
             INSERT INTO {table} SELECT * FROM json_populate_recordset(NULL::{table}, '{}'); \
             SET session_replication_role = DEFAULT",
            json.replace('\'', "''")
        );
    }
    let out = std::process::Command::new("sqlite3")
        .args(["-batch", "-cmd", &format!(".mode insert {table}")])
        .arg(vault_path(home))
        .arg(format!("SELECT * FROM {table} WHERE {filter};"))
        .output()
        .expect("run sqlite3");
    let out = String::from_utf8(out.stdout).expect("sqlite3 output is UTF-8");
    assert!(out.starts_with("INSERT INTO"), "no {table} row where {filter}: {out:?}");
    out.replace("INSERT INTO", "INSERT OR REPLACE INTO")
}

/// Writes rows saved by [`saved_rows`] back over whatever is there now.
pub fn put_back(home: &Path, rows: &str) {
    store_sql(home, rows);
}

/// A second computer on `home`'s vault: a new home (its own sessions and memory of the vault)
/// whose vault is a copy of the file as it is now, or the same database.
pub fn second_computer(home: &Path) -> TempDir {
    let other = tempfile::tempdir().expect("temp home");
    if pg::enabled() {
        pg::share_database(home, other.path());
    } else {
        // The copy takes the WAL in.
        sql(&vault_path(home), "PRAGMA wal_checkpoint(TRUNCATE);");
        std::fs::create_dir_all(vault_path(other.path()).parent().unwrap()).unwrap();
        std::fs::copy(vault_path(home), vault_path(other.path())).unwrap();
    }
    other
}

/// What `vault` calls a test home's vault in messages: its path, or its URL.
pub fn vault_shown(home: &Path) -> String {
    vault_location(home).to_string_lossy().into_owned()
}

/// Slips a trigger that fails every insert into `table` into the store, as someone who can
/// change its schema would; returns how vault names it when it refuses the store.
pub fn inject_trigger(home: &Path, table: &str, name: &str) -> String {
    if pg::enabled() {
        pg::query(
            home,
            &format!(
                "CREATE FUNCTION public.{name}() RETURNS trigger LANGUAGE plpgsql AS \
                 $$BEGIN RAISE EXCEPTION 'injected'; END$$; \
                 CREATE TRIGGER {name} BEFORE INSERT ON vault.{table} FOR EACH ROW EXECUTE FUNCTION public.{name}()"
            ),
        );
        format!("the vault database's schema (unknown trigger '{table}.{name}')")
    } else {
        sql(
            &vault_path(home),
            &format!("CREATE TRIGGER {name} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'injected'); END;"),
        );
        format!("the vault file's schema (unknown trigger '{name}')")
    }
}

/// A blob literal for [`store_sql`]: `X'00ff'` in SQLite, `'\x00ff'::bytea` in PostgreSQL.
pub fn blob_sql(hex: &str) -> String {
    if pg::enabled() {
        format!("'\\x{hex}'::bytea")
    } else {
        format!("X'{hex}'")
    }
}

/// Runs SQL on a database file with the sqlite3 command-line tool; returns its trimmed stdout.
pub fn sql(db: &Path, query: &str) -> String {
    let out = std::process::Command::new("sqlite3")
        .args(["-batch", "-bail"])
        .arg(db)
        .arg(query)
        .output()
        .expect("run sqlite3 (is /usr/bin/sqlite3 installed?)");
    assert!(
        out.status.success(),
        "sqlite3 {} {query:?} failed: {}",
        db.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("sqlite3 output is UTF-8").trim().to_owned()
}

/// Parses a command's stdout as JSON.
pub fn json(stdout: &[u8]) -> serde_json::Value {
    serde_json::from_slice(stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", String::from_utf8_lossy(stdout)))
}

/// Whether `s` matches the regular expression `re`.
pub fn matches(re: &str, s: &str) -> bool {
    predicate::str::is_match(re).unwrap_or_else(|e| panic!("bad regex {re:?}: {e}")).eval(s)
}

/// A file's permission bits.
pub fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap_or_else(|e| panic!("cannot stat {}: {e}", p.display())).permissions().mode() & 0o777
}

/// Bytes as text, for messages and comparisons.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Stdout of an assertion as text.
pub fn stdout_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).expect("stdout is UTF-8")
}

/// Stderr of an assertion as text.
pub fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).expect("stderr is UTF-8")
}

/// Escapes regex metacharacters in `s`.
pub fn regex_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            let special = "\\.+*?()|[]{}^$#&-~".contains(c);
            special.then_some('\\').into_iter().chain(std::iter::once(c))
        })
        .collect()
}

/// The vault's contents as SQL, every table but the audit log (and SQLite's own bookkeeping):
/// what "nothing changed" means once a failed attempt may append an audit event (DESIGN.md 9).
pub fn vault_state(home: &Path) -> String {
    if pg::enabled() {
        return pg::dump(home);
    }
    let db = vault_path(home);
    let tables = sql(
        &db,
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%audit%' ORDER BY name",
    );
    assert!(tables.lines().any(|t| t == "users"), "no users table in {tables:?}");
    tables.lines().map(|t| sql(&db, &format!(".dump '{t}'"))).collect::<Vec<_>>().join("\n")
}

/// Fails, showing the rows that differ, if the vault's contents are not `before`
/// (from [`vault_state`]).
pub fn assert_unchanged(home: &Path, before: &str) {
    let after = vault_state(home);
    if after != before {
        let old: std::collections::HashSet<&str> = before.lines().collect();
        let new: std::collections::HashSet<&str> = after.lines().collect();
        let gone: Vec<&&str> = old.difference(&new).collect();
        let added: Vec<&&str> = new.difference(&old).collect();
        panic!("the vault's contents changed:\nremoved rows: {gone:#?}\nadded rows: {added:#?}");
    }
}

/// Checks a table's header line holds `columns` in this order (others may sit between them).
pub fn assert_columns(header: &str, columns: &[&str]) {
    let got: Vec<&str> = header.split_whitespace().collect();
    let mut rest = got.iter();
    for c in columns {
        assert!(rest.any(|g| g == c), "header {got:?} lacks {c:?} (in the order {columns:?})");
    }
}

/// Whether a table row holds cells matching the regexes `cells`, in this order (other columns
/// may sit between them).
pub fn row_matches(line: &str, cells: &[&str]) -> bool {
    matches(&format!(r"^\s*{}\s*$", cells.join(r"\s+(?:.*\s)?")), line)
}

pub mod team;

pub mod bao;

/// Edits the audit table as an attacker who can write the file would: lift the append-only
/// triggers, run `edit`, and put the triggers back exactly as they were (a file missing them
/// is refused on open, before any audit check).
pub fn edit_audit(home: &Path, edit: &str) {
    if pg::enabled() {
        pg::query(
            home,
            &format!("ALTER TABLE audit DISABLE TRIGGER USER; {edit}; ALTER TABLE audit ENABLE TRIGGER USER"),
        );
        return;
    }
    sql(
        &vault_path(home),
        &format!(
            "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; {edit}; \
             CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END; \
             CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;"
        ),
    );
}
