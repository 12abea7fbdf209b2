//! The PostgreSQL side of the harness. `VAULT_TEST_PG` names a throwaway server (its admin URL,
//! as `.ci/pg-server start` prints it): the PostgreSQL-only tests use it. With
//! `VAULT_TEST_BACKEND=postgres` too, every test home's vault is a fresh database on that server
//! instead of a file, and the whole end-to-end suite runs against the PostgreSQL backend.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The admin URL of the test server (`VAULT_TEST_PG`), if there is one.
pub fn admin_url() -> Option<String> {
    std::env::var("VAULT_TEST_PG").ok().filter(|u| !u.is_empty())
}

/// Whether the end-to-end suite runs against PostgreSQL: the harness switch
/// `VAULT_TEST_BACKEND=postgres` (with `VAULT_TEST_PG` naming the server).
pub fn enabled() -> bool {
    match std::env::var("VAULT_TEST_BACKEND").as_deref() {
        Ok("postgres") => {
            assert!(admin_url().is_some(), "VAULT_TEST_BACKEND=postgres needs VAULT_TEST_PG (a server's admin URL)");
            true
        }
        Ok("file") | Ok("") | Err(_) => false,
        Ok(other) => panic!("VAULT_TEST_BACKEND={other}: use file or postgres"),
    }
}

/// A client on the test server's admin database.
pub fn admin() -> postgres::Client {
    let url = admin_url().expect("VAULT_TEST_PG");
    postgres::Client::connect(&url, postgres::NoTls).unwrap_or_else(|e| panic!("cannot connect to {url}: {e}"))
}

/// The URL of database `db` on the test server, as the admin role.
pub fn url_of(db: &str) -> String {
    let url = admin_url().expect("VAULT_TEST_PG");
    let base = url.rsplit_once('/').map_or(url.as_str(), |(b, _)| b);
    format!("{base}/{db}")
}

/// Creates a fresh, empty database and returns its URL. Without a test server: `None` outside
/// CI (the PostgreSQL tests have nothing to run against), a failure in CI, where `.ci/run`
/// always starts one.
pub fn database_url_for_new_db() -> Option<String> {
    if admin_url().is_none() {
        assert!(std::env::var_os("CI").is_none(), "CI must run the PostgreSQL tests: set VAULT_TEST_PG");
        eprintln!("VAULT_TEST_PG is not set: no PostgreSQL server to test against");
        return None;
    }
    static N: AtomicUsize = AtomicUsize::new(0);
    // CREATE DATABASE copies template1 and fails while another copy is under way: one at a
    // time in this process, and again after a moment when another test binary is copying.
    static CREATING: Mutex<()> = Mutex::new(());
    let _one = CREATING.lock().unwrap_or_else(|e| e.into_inner());
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let name = format!("v_{}_{}_{nanos}", std::process::id(), N.fetch_add(1, Ordering::Relaxed));
    let mut tries = 0;
    while let Err(e) = admin().batch_execute(&format!("CREATE DATABASE {name}")) {
        tries += 1;
        assert!(tries < 50, "CREATE DATABASE {name}: {e:?}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Some(url_of(&name))
}

/// The vault URL of a test home: its own database, made at first use.
static DBS: Mutex<Option<HashMap<PathBuf, String>>> = Mutex::new(None);

pub fn vault_url(home: &Path) -> String {
    let mut dbs = DBS.lock().unwrap_or_else(|e| e.into_inner());
    let map = dbs.get_or_insert_with(HashMap::new);
    if let Some(url) = map.get(home) {
        return url.clone();
    }
    let url = database_url_for_new_db().expect("VAULT_TEST_PG");
    map.insert(home.to_owned(), url.clone());
    url
}

/// Runs SQL as the database administrator on a test home's vault database (an attacker who
/// runs the server).
pub fn dba(home: &Path, sql: &str) {
    let url = vault_url(home);
    let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    c.batch_execute(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// Makes the schema of a vault in the database at `url`, as `vault init` does, without a user.
pub fn create_schema_only(url: &str) {
    let mut c = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    c.batch_execute(&format!("CREATE SCHEMA vault; {}", vault::store::pg::SCHEMA)).expect("schema");
}

/// A client on a test home's vault database, as its administrator, with the vault's tables
/// first on the search path and `public.hex(bytea)` (SQLite's `hex`) at hand.
fn client(home: &Path) -> postgres::Client {
    let url = vault_url(home);
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap_or_else(|e| panic!("connect {url}: {e}"));
    c.batch_execute(
        "SET search_path = vault, public; \
         CREATE OR REPLACE FUNCTION public.hex(bytea) RETURNS text LANGUAGE sql IMMUTABLE \
           AS 'SELECT upper(encode($1, ''hex''))'; \
         CREATE OR REPLACE FUNCTION public.gc_step(acc text, v text) RETURNS text LANGUAGE sql IMMUTABLE \
           AS 'SELECT CASE WHEN acc IS NULL THEN v WHEN v IS NULL THEN acc ELSE acc || '','' || v END'; \
         CREATE OR REPLACE AGGREGATE public.group_concat(text) (SFUNC = public.gc_step, STYPE = text); \
         CREATE OR REPLACE FUNCTION public.gc_step2(acc text, v text, sep text) RETURNS text LANGUAGE sql \
           IMMUTABLE AS 'SELECT CASE WHEN acc IS NULL THEN v WHEN v IS NULL THEN acc ELSE acc || sep || v END'; \
         CREATE OR REPLACE AGGREGATE public.group_concat(text, text) (SFUNC = public.gc_step2, STYPE = text)",
    )
    .expect("set up the DBA session");
    c
}

/// SQLite's dialect in the tests' attacker SQL, as PostgreSQL writes it: `X'..'` blobs, and
/// `; SELECT changes()` after a statement (its row count).
fn translate(sql: &str) -> (String, bool) {
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(at) = rest.find("X'") {
        let before_ok = at == 0 || !rest.as_bytes()[at - 1].is_ascii_alphanumeric();
        let hex_len = rest[at + 2..].find('\'').unwrap_or(0);
        let hex = &rest[at + 2..at + 2 + hex_len];
        if before_ok && hex.bytes().all(|b| b.is_ascii_hexdigit()) && rest[at + 2..].contains('\'') {
            out.push_str(&rest[..at]);
            out.push_str(&format!("'\\x{hex}'::bytea"));
            rest = &rest[at + 3 + hex_len..];
        } else {
            out.push_str(&rest[..at + 2]);
            rest = &rest[at + 2..];
        }
    }
    out.push_str(rest);
    match out.trim_end().strip_suffix("SELECT changes()") {
        Some(head) => (head.trim_end().trim_end_matches(';').to_owned(), true),
        None => (out, false),
    }
}

/// Runs SQL as the database administrator; rows as `a|b|c` lines (NULL as empty), like sqlite3.
pub fn query(home: &Path, sql: &str) -> String {
    let mut c = client(home);
    let (sql, changes) = translate(sql);
    let msgs = c.simple_query(&sql).unwrap_or_else(|e| panic!("{sql}: {e:?}"));
    let mut out = Vec::new();
    let mut last_count = 0;
    for m in msgs {
        match m {
            postgres::SimpleQueryMessage::Row(r) => {
                out.push((0..r.len()).map(|i| r.get(i).unwrap_or("").to_owned()).collect::<Vec<_>>().join("|"))
            }
            postgres::SimpleQueryMessage::CommandComplete(n) => last_count = n,
            _ => {}
        }
    }
    if changes {
        out.push(last_count.to_string());
    }
    out.join("\n").trim().to_owned()
}

/// Every table of the vault but the audit log, row by row as text: what "nothing changed"
/// means (see `vault_state`), and what `assert_absent` searches.
pub fn dump(home: &Path) -> String {
    dump_tables(home, "tablename <> 'audit'")
}

/// One table of the vault, row by row as text.
pub fn dump_table(home: &Path, table: &str) -> String {
    dump_tables(home, &format!("tablename = '{table}'"))
}

/// Makes `other` a second computer on `home`'s vault database (its own state and sessions).
pub fn share_database(home: &Path, other: &Path) {
    let url = vault_url(home);
    let mut dbs = DBS.lock().unwrap_or_else(|e| e.into_inner());
    dbs.get_or_insert_with(HashMap::new).insert(other.to_owned(), url);
}

/// Every table of the vault, the audit log included.
pub fn dump_all(home: &Path) -> String {
    dump_tables(home, "true")
}

fn dump_tables(home: &Path, filter: &str) -> String {
    let tables = query(
        home,
        &format!("SELECT tablename FROM pg_tables WHERE schemaname = 'vault' AND {filter} ORDER BY tablename"),
    );
    let mut c = client(home);
    let mut out = String::new();
    for t in tables.lines() {
        let rows = c
            .simple_query(&format!("SELECT t::text FROM vault.{t} t ORDER BY t::text COLLATE \"C\""))
            .unwrap_or_else(|e| panic!("dump {t}: {e}"));
        for m in rows {
            if let postgres::SimpleQueryMessage::Row(r) = m {
                out.push_str(&format!("{t}: {}\n", r.get(0).unwrap_or("")));
            }
        }
        if !out.contains(&format!("{t}:")) {
            out.push_str(&format!("{t}:\n"));
        }
    }
    out
}

/// A PostgreSQL server of a test's own (failover, TLS): initialised in a temporary folder,
/// listening on 127.0.0.1 and a free port, run as the `postgres` account when the tests run as
/// root, stopped (immediately) and removed when dropped.
pub struct Server {
    pub port: u16,
    pub dir: tempfile::TempDir,
    bin: PathBuf,
}

fn pg_bin() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL's server under /usr/lib/postgresql (Debian's postgresql package)")
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("postgres").exists())
        .collect();
    found.sort();
    found.pop().expect("a PostgreSQL server binary")
}

fn is_root() -> bool {
    // SAFETY: getuid has no preconditions and cannot fail.
    #[allow(unsafe_code)]
    unsafe {
        libc::getuid() == 0
    }
}

/// Runs a PostgreSQL program as the server's owner.
fn as_owner(bin: &Path, program: &str, args: &[&str]) -> std::process::Output {
    let mut cmd = if is_root() {
        let mut c = std::process::Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(bin.join(program));
        c
    } else {
        std::process::Command::new(bin.join(program))
    };
    let out = cmd.args(args).output().unwrap_or_else(|e| panic!("run {program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Server {
    /// A new server whose postgresql.conf ends with `conf`; `hba` lines come before trust for
    /// the test role on loopback.
    pub fn start(conf: &str, hba: &str) -> Server {
        let server = Server::init();
        server.configure(conf, hba);
        server.run();
        server
    }

    /// A server initialised but not started.
    pub fn init() -> Server {
        let bin = pg_bin();
        let dir = tempfile::Builder::new().prefix("vault-pg").tempdir().expect("temp dir");
        share_with_owner(dir.path());
        let data = dir.path().join("data");
        as_owner(
            &bin,
            "initdb",
            &["-D", data.to_str().unwrap(), "-U", "vault_test", "-A", "trust", "--no-sync", "-E", "UTF8"],
        );
        Server { port: free_port(), dir, bin }
    }

    /// A standby of `primary`, streaming from it (`pg_basebackup -R`), not started yet.
    pub fn standby_of(primary: &Server) -> Server {
        let bin = pg_bin();
        let dir = tempfile::Builder::new().prefix("vault-pg").tempdir().expect("temp dir");
        share_with_owner(dir.path());
        let data = dir.path().join("data");
        let port = primary.port.to_string();
        as_owner(
            &bin,
            "pg_basebackup",
            &["-h", "127.0.0.1", "-p", &port, "-U", "vault_test", "-D", data.to_str().unwrap(), "-R", "-X", "stream"],
        );
        Server { port: free_port(), dir, bin }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Appends to postgresql.conf and writes pg_hba.conf.
    pub fn configure(&self, conf: &str, hba: &str) {
        let data = self.data();
        let mut c = std::fs::read_to_string(data.join("postgresql.conf")).unwrap();
        c.push_str(&format!(
            "\nlisten_addresses = '127.0.0.1'\nport = {}\nunix_socket_directories = '{}'\n{conf}\n",
            self.port,
            self.dir.path().display()
        ));
        std::fs::write(data.join("postgresql.conf"), c).unwrap();
        std::fs::write(
            data.join("pg_hba.conf"),
            format!("{hba}\nhost all vault_test 127.0.0.1/32 trust\nhost replication vault_test 127.0.0.1/32 trust\nlocal all all trust\n"),
        )
        .unwrap();
    }

    /// Starts it and waits until it accepts connections.
    pub fn run(&self) {
        let data = self.data();
        let log = self.dir.path().join("server.log");
        as_owner(
            &self.bin,
            "pg_ctl",
            &["-D", data.to_str().unwrap(), "-l", log.to_str().unwrap(), "-w", "-t", "60", "start"],
        );
    }

    /// Stops it at once, as a crash would (no shutdown checkpoint).
    pub fn kill(&self) {
        let data = self.data();
        as_owner(&self.bin, "pg_ctl", &["-D", data.to_str().unwrap(), "-m", "immediate", "-w", "stop"]);
    }

    /// Promotes a standby to primary and waits for it.
    pub fn promote(&self) {
        let data = self.data();
        as_owner(&self.bin, "pg_ctl", &["-D", data.to_str().unwrap(), "-w", "promote"]);
    }

    /// The admin URL of database `db`.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://vault_test@127.0.0.1:{}/{db}", self.port)
    }

    /// Runs SQL as the admin on database `db`.
    pub fn sql(&self, db: &str, sql: &str) {
        let mut c = postgres::Client::connect(&self.url(db), postgres::NoTls).expect("connect");
        c.batch_execute(sql).unwrap_or_else(|e| panic!("{sql}: {e:?}"));
    }

    /// Files of the server, writable by its owner (for TLS keys and certificates).
    pub fn give_to_owner(&self, path: &Path) {
        if is_root() {
            let s = std::process::Command::new("chown").arg("postgres").arg(path).status().unwrap();
            assert!(s.success());
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let data = self.data();
        if data.join("postmaster.pid").exists() {
            let mut cmd = if is_root() {
                let mut c = std::process::Command::new("runuser");
                c.args(["-u", "postgres", "--"]).arg(self.bin.join("pg_ctl"));
                c
            } else {
                std::process::Command::new(self.bin.join("pg_ctl"))
            };
            let _ = cmd.args(["-D", data.to_str().unwrap(), "-m", "immediate", "-w", "stop"]).output();
        }
    }
}

/// Lets the server's owner use a folder we made (as root: hand it over).
fn share_with_owner(dir: &Path) {
    if is_root() {
        let s = std::process::Command::new("chown").arg("postgres").arg(dir).status().unwrap();
        assert!(s.success(), "chown postgres {}", dir.display());
    }
}

/// `vault` in `home` with its vault at `url` (not the harness's per-home database).
pub fn at(home: &Path, url: &str) -> assert_cmd::Command {
    let mut cmd = super::alice(home);
    cmd.env("VAULT_PATH", url);
    cmd
}

/// `vault init` at `url` as alice, with the test suite's low Argon2 cost.
pub fn init_at(home: &Path, url: &str) -> assert_cmd::Command {
    let mut cmd = at(home, url);
    cmd.args(["init", "--user", "alice", "--kdf-memory", "8", "--kdf-iterations", "1"]);
    cmd
}

/// The token of `vault unlock` (`export VAULT_SESSION='...'`).
pub fn token(out: &std::process::Output) -> String {
    let t = String::from_utf8_lossy(&out.stdout).into_owned();
    t.trim_end()
        .strip_prefix("export VAULT_SESSION='")
        .and_then(|s| s.strip_suffix('\''))
        .unwrap_or_else(|| panic!("no token in {t:?}"))
        .to_owned()
}
