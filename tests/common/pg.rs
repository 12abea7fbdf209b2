//! The PostgreSQL side of the harness: with `VAULT_TEST_PG` set (an admin URL of a throwaway
//! server, as `.ci/pg-server start` prints it), every test home's vault is a fresh database on
//! that server instead of a file, and the same tests run against the PostgreSQL backend.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The admin URL of the test server, if the suite runs against PostgreSQL.
pub fn admin_url() -> Option<String> {
    std::env::var("VAULT_TEST_PG").ok().filter(|u| !u.is_empty())
}

/// Whether the suite runs against PostgreSQL.
pub fn enabled() -> bool {
    admin_url().is_some()
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
    if !enabled() {
        assert!(std::env::var_os("CI").is_none(), "CI must run the PostgreSQL tests: set VAULT_TEST_PG");
        eprintln!("VAULT_TEST_PG is not set: no PostgreSQL server to test against");
        return None;
    }
    static N: AtomicUsize = AtomicUsize::new(0);
    let name = format!("v_{}_{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed));
    admin().batch_execute(&format!("CREATE DATABASE {name}")).unwrap_or_else(|e| panic!("CREATE DATABASE {name}: {e}"));
    Some(url_of(&name))
}

/// The vault URL of a test home: its own database, made at first use.
pub fn vault_url(home: &Path) -> String {
    static DBS: Mutex<Option<HashMap<PathBuf, String>>> = Mutex::new(None);
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
