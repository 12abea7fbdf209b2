//! A vault in a PostgreSQL database: the connection string as libpq reads it (its password from
//! `PGPASSWORD` or a password file, never from the command line), TLS through rustls, the
//! schema and its check.
//!
//! The database is storage we do not trust: it holds what an SQLite vault file holds (names,
//! times, sealed values, wrapped keys, signed grants) and nothing more. Its tables live in the
//! schema `vault`; every connection sets `search_path` to it.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use tokio_postgres::config::Host;

use crate::{Error, Result};

/// The schema of format 2 on PostgreSQL.
pub const SCHEMA: &str = include_str!("pg_schema.sql");

/// How long connecting to one host may take, unless the URL says (`connect_timeout`).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Whether `s` names a PostgreSQL database rather than a file.
pub fn is_url(s: &str) -> bool {
    s.starts_with("postgres://") || s.starts_with("postgresql://")
}

/// How TLS is used, after libpq's `sslmode`. vault verifies a server's certificate and name
/// whenever it uses TLS: `require` and `verify-ca` are as strict as `verify-full`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tls {
    /// `disable`: plain TCP.
    Disable,
    /// `prefer` (libpq's default) and `allow`: TLS when the server offers it, verified.
    Prefer,
    /// `require`, `verify-ca`, `verify-full`: TLS, verified, or no connection.
    Require,
}

/// A PostgreSQL vault's connection settings (no password: that is read when connecting).
#[derive(Clone)]
pub struct PgTarget {
    config: tokio_postgres::Config,
    tls: Tls,
    root_cert: Option<PathBuf>,
    /// The URL as given, for messages (it holds no password: one in the URL is refused).
    shown: String,
}

impl fmt::Display for PgTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

impl fmt::Debug for PgTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PgTarget").field(&self.shown).finish()
    }
}

impl PartialEq for PgTarget {
    fn eq(&self, other: &Self) -> bool {
        self.shown == other.shown
    }
}

impl PgTarget {
    /// Reads a `postgres://` URL: libpq's form, several hosts allowed
    /// (`postgres://u@h1:5432,h2:5433/db?target_session_attrs=read-write`).
    pub fn parse(url: &str) -> Result<PgTarget> {
        let bad = |why: &str| Error::Usage(format!("vault database URL: {why}"));
        let rest = url.split_once("://").map(|(_, r)| r).ok_or_else(|| bad("it must start with postgres://"))?;
        let authority = rest.split(['/', '?']).next().unwrap_or("");
        if let Some((userinfo, _)) = authority.rsplit_once('@') {
            if userinfo.contains(':') {
                return Err(bad(
                    "it holds a password, which every process on this computer could read from the command \
                     line or the environment; put it in ~/.pgpass (or PGPASSFILE), or PGPASSWORD",
                ));
            }
        }
        let (base, query) = match url.split_once('?') {
            Some((b, q)) => (b, q),
            None => (url, ""),
        };
        let mut tls = Tls::Prefer;
        let mut root_cert = None;
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(v).ok_or_else(|| bad(&format!("the value of {k} is not valid UTF-8")))?;
            match k {
                "sslmode" => {
                    tls = match v.as_str() {
                        "disable" => Tls::Disable,
                        "allow" | "prefer" => Tls::Prefer,
                        "require" | "verify-ca" | "verify-full" => Tls::Require,
                        other => return Err(bad(&format!("unknown sslmode '{other}'"))),
                    }
                }
                "sslrootcert" => root_cert = Some(PathBuf::from(v)),
                "password" => {
                    return Err(bad("it holds a password; put it in ~/.pgpass (or PGPASSFILE), or PGPASSWORD"))
                }
                "sslcert" | "sslkey" | "sslpassword" | "passfile" => {
                    return Err(bad(&format!("{k} is not supported (client certificates are not)")))
                }
                _ => kept.push(pair),
            }
        }
        let cleaned = if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) };
        let mut config = tokio_postgres::Config::from_str(&cleaned).map_err(|e| bad(&e.to_string()))?;
        if config.get_hosts().is_empty() {
            return Err(bad("it names no host"));
        }
        if config.get_user().is_none() {
            let user = std::env::var("PGUSER")
                .ok()
                .or_else(crate::sys::account_name)
                .ok_or_else(|| bad("it names no user, and PGUSER is not set"))?;
            config.user(&user);
        }
        if config.get_dbname().is_none() {
            let db = std::env::var("PGDATABASE").unwrap_or_else(|_| config.get_user().unwrap_or_default().to_owned());
            config.dbname(&db);
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        let options = match config.get_options() {
            Some(o) if !o.is_empty() => format!("{o} -c search_path=vault"),
            _ => "-c search_path=vault".to_owned(),
        };
        config.options(&options);
        config.application_name("vault");
        config.ssl_mode(match tls {
            Tls::Disable => tokio_postgres::config::SslMode::Disable,
            Tls::Prefer => tokio_postgres::config::SslMode::Prefer,
            Tls::Require => tokio_postgres::config::SslMode::Require,
        });
        Ok(PgTarget { config, tls, root_cert, shown: url.to_owned() })
    }

    /// The hosts, as `host:port` joined by commas (for messages).
    pub fn hosts(&self) -> String {
        let ports = self.config.get_ports();
        self.config
            .get_hosts()
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
                match h {
                    Host::Tcp(name) => format!("{name}:{port}"),
                    Host::Unix(path) => format!("{}:{port}", path.display()),
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Connects (to the first host that answers and, with `target_session_attrs=read-write`,
    /// accepts writes). An unreachable or refusing server is [`Error::Server`] (exit 8).
    pub(crate) fn connect(&self) -> Result<super::db::PgClient> {
        let mut config = self.config.clone();
        if let Some(password) = self.password()? {
            config.password(password.as_bytes());
        }
        let result = match self.tls {
            Tls::Disable => {
                super::db::PgClient::connect(super::db::PgClient::runtime()?, &config, tokio_postgres::NoTls)
            }
            Tls::Prefer | Tls::Require => {
                super::db::PgClient::connect(super::db::PgClient::runtime()?, &config, self.tls_connector()?)
            }
        };
        result.map_err(|e| self.server_error(&e))
    }

    /// What an error of the server or the connection to it reads as.
    pub(super) fn server_error(&self, e: &postgres::Error) -> Error {
        Error::Server { hosts: self.hosts(), reason: describe(e) }
    }

    fn tls_connector(&self) -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
        let mut roots = rustls::RootCertStore::empty();
        let file = self.root_cert.clone().or_else(|| {
            let default = home()?.join(".postgresql/root.crt");
            default.exists().then_some(default)
        });
        match file {
            Some(path) if path.as_os_str() != "system" => {
                let pem = std::fs::read(&path)
                    .map_err(|e| Error::io(format!("cannot read sslrootcert {}", path.display()), e))?;
                let mut n = 0;
                for cert in rustls_pemfile::certs(&mut pem.as_slice()) {
                    let cert = cert.map_err(|e| Error::io(format!("cannot read sslrootcert {}", path.display()), e))?;
                    roots.add(cert).map_err(|e| {
                        Error::Usage(format!("sslrootcert {}: not a usable certificate: {e}", path.display()))
                    })?;
                    n += 1;
                }
                if n == 0 {
                    return Err(Error::Usage(format!("sslrootcert {} holds no PEM certificate", path.display())));
                }
            }
            _ => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
        }
        let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::Usage(format!("TLS: {e}")))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
    }

    /// The password, as libpq finds it: `PGPASSWORD`, else the first matching line of the
    /// password file (`PGPASSFILE`, default `~/.pgpass`), which is ignored, as by libpq, when
    /// others may read it.
    fn password(&self) -> Result<Option<zeroize::Zeroizing<String>>> {
        if let Ok(p) = std::env::var("PGPASSWORD") {
            return Ok(Some(zeroize::Zeroizing::new(p)));
        }
        let file = match std::env::var_os("PGPASSFILE") {
            Some(f) => PathBuf::from(f),
            None => match home() {
                Some(h) => h.join(".pgpass"),
                None => return Ok(None),
            },
        };
        let Ok(meta) = std::fs::metadata(&file) else { return Ok(None) };
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            crate::output::warn(format_args!(
                "password file {} has group or world access; ignoring it (chmod 0600 it)",
                file.display()
            ));
            return Ok(None);
        }
        let text = zeroize::Zeroizing::new(
            std::fs::read_to_string(&file).map_err(|e| Error::io(format!("cannot read {}", file.display()), e))?,
        );
        let user = self.config.get_user().unwrap_or_default();
        let db = self.config.get_dbname().unwrap_or_default();
        let ports = self.config.get_ports();
        for (i, host) in self.config.get_hosts().iter().enumerate() {
            let host = match host {
                Host::Tcp(h) => h.clone(),
                Host::Unix(_) => "localhost".to_owned(),
            };
            let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432).to_string();
            if let Some(p) = pgpass_lookup(&text, &host, &port, db, user) {
                return Ok(Some(p));
            }
        }
        Ok(None)
    }
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from)
}

/// The password of the first line of a `.pgpass` text that matches (`*` matches anything;
/// `\:` and `\\` are escapes; `#` starts a comment line).
pub(crate) fn pgpass_lookup(
    text: &str,
    host: &str,
    port: &str,
    db: &str,
    user: &str,
) -> Option<zeroize::Zeroizing<String>> {
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = Vec::with_capacity(5);
        let mut cur = zeroize::Zeroizing::new(String::new());
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    if let Some(n) = chars.next() {
                        cur.push(n);
                    }
                }
                ':' if fields.len() < 4 => fields.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            }
        }
        fields.push(cur);
        if fields.len() != 5 {
            continue;
        }
        let ok = |pat: &str, v: &str| pat == "*" || pat == v;
        if ok(&fields[0], host) && ok(&fields[1], port) && ok(&fields[2], db) && ok(&fields[3], user) {
            return fields.pop();
        }
    }
    None
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// One line for an error of the server or the connection: the server's message, or what
/// failed on the way (refused, timed out, TLS).
pub(super) fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{} ({})", db.message(), db.code().code());
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let more = s.to_string();
        if !text.contains(&more) {
            text = format!("{text}: {more}");
        }
        source = s.source();
    }
    text.strip_prefix("error connecting to server: ").map(str::to_owned).unwrap_or(text)
}

/// Where a vault is: a file, or a PostgreSQL database.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    File(PathBuf),
    Postgres(Box<PgTarget>),
}

impl Location {
    /// `postgres://...` or `postgresql://...` is a database; anything else a file path.
    pub fn parse(s: &std::ffi::OsStr) -> Result<Location> {
        match s.to_str() {
            Some(t) if is_url(t) => Ok(Location::Postgres(Box::new(PgTarget::parse(t)?))),
            _ => Ok(Location::File(PathBuf::from(s))),
        }
    }

    /// The file's path, for a file vault.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(p) => Some(p),
            Location::Postgres(_) => None,
        }
    }

    /// What errors and `vault status` call this vault (a path, or the URL without password).
    pub fn shown(&self) -> PathBuf {
        match self {
            Location::File(p) => p.clone(),
            Location::Postgres(t) => PathBuf::from(t.to_string()),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(p) => write!(f, "{}", p.display()),
            Location::Postgres(t) => write!(f, "{t}"),
        }
    }
}

/// Every object in the schema `vault` that could change what the database does with our rows,
/// one row each: (kind, name, definition), in order. Triggers (their definition and whether
/// they fire), rules, functions, and every relation with its kind, its number of columns and
/// row level security: a trigger that drops audit events, a rule that hides rows, a view or a
/// function slipped in, a column added. Column types and constraints are not listed: a changed
/// type fails our reads, and what a dropped constraint would let in is caught by the signed
/// lists. Kept small on purpose: each command opens a new connection, whose catalog caches
/// are cold, and the full catalog (columns, constraints, index definitions) cost ~130 ms there.
const CATALOG: &str = "SELECT kind, name, def FROM ( \
    SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'i' THEN 'index' \
             WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' \
             WHEN 'f' THEN 'foreign table' ELSE 'relation ' || c.relkind::text END AS kind, \
           c.relname::text AS name, \
           (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 \
              AND NOT a.attisdropped)::text || ' columns' \
             || CASE WHEN c.relrowsecurity OR c.relforcerowsecurity THEN ', row security' ELSE '' END AS def \
      FROM pg_class c WHERE c.relnamespace = 'vault'::regnamespace \
    UNION ALL \
    SELECT 'trigger', tgrelid::regclass::text || '.' || tgname, \
           pg_get_triggerdef(oid) || CASE WHEN tgenabled = 'O' THEN '' ELSE ' (enabled: ' || tgenabled::text || ')' END \
      FROM pg_trigger WHERE NOT tgisinternal \
       AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'vault'::regnamespace) \
    UNION ALL \
    SELECT 'function', p.oid::regprocedure::text, md5(p.prosrc) FROM pg_proc p \
      WHERE p.pronamespace = 'vault'::regnamespace \
    UNION ALL \
    SELECT 'rule', c.relname::text || '.' || r.rulename::text, '' FROM pg_rewrite r \
      JOIN pg_class c ON c.oid = r.ev_class WHERE c.relnamespace = 'vault'::regnamespace AND c.relkind <> 'v' \
  ) o ORDER BY kind COLLATE \"C\", name COLLATE \"C\"";

/// The objects of a PostgreSQL vault's schema, as [`CATALOG`] lists them.
fn catalog(store: &super::Store) -> Result<Vec<(String, String, String)>> {
    store.db.all(CATALOG, &[], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
}

/// The objects of the schema `vault` in the database at `url`, without any check: what the
/// test that keeps `expected_pg_schema.rs` up to date compares.
pub fn catalog_at(url: &str) -> Result<Vec<(String, String, String)>> {
    let target = PgTarget::parse(url)?;
    catalog(&super::Store::pg_conn(&target)?)
}

/// The format number as `meta` holds it.
pub(super) const FORMAT_KEY: &str = "format";

impl super::Store {
    fn pg_conn(target: &PgTarget) -> Result<super::Store> {
        let client = target.connect()?;
        let conn = super::db::PgConn::new(client, target.hosts());
        Ok(super::Store::new(super::db::Db::Pg(Box::new(conn)), Location::Postgres(Box::new(target.clone()))))
    }

    /// Creates the schema `vault` in the database, with the tables of this format, in one
    /// transaction: a database that already has one is [`Error::VaultExists`], unchanged.
    pub(super) fn create_pg(target: &PgTarget) -> Result<super::Store> {
        let store = Self::pg_conn(target)?;
        let super::db::Db::Pg(conn) = &store.db else { unreachable!("a database vault") };
        let sql = format!(
            "BEGIN; CREATE SCHEMA vault; {SCHEMA}; \
             INSERT INTO vault.meta(key, value) VALUES ('{FORMAT_KEY}', '\\x{:016x}'::bytea), \
             ('{}', '\\x{:016x}'::bytea); COMMIT",
            super::FORMAT_VERSION,
            super::AUDIT_SIGNED_FROM,
            1
        );
        let created = conn.client.batch_execute(&sql);
        if let Err(e) = created {
            let _ = conn.client.batch_execute("ROLLBACK");
            if e.code() == Some(&postgres::error::SqlState::DUPLICATE_SCHEMA) {
                return Err(Error::VaultExists { path: store.location.shown() });
            }
            return Err(conn.err(&e));
        }
        // What every later open checks: a build whose expected schema lags its SQL leaves no
        // vault behind.
        if let Err(e) = store.check_schema() {
            super::Store::discard_new(&store.location);
            return Err(e);
        }
        Ok(store)
    }

    /// Opens the vault in a database: its schema must exist, be of this format and be exactly
    /// this format's (see [`CATALOG`]). The checks go to the server with the first request
    /// that follows, in the same round trip, and are judged before any of its answers is used.
    pub(super) fn open_pg(target: &PgTarget) -> Result<super::Store> {
        let store = Self::pg_conn(target)?;
        let super::db::Db::Pg(conn) = &store.db else { unreachable!("a database vault") };
        let shown = store.location.shown();
        conn.defer_check(
            &format!("SELECT value FROM vault.meta WHERE key = '{FORMAT_KEY}'"),
            Box::new(move |conn, rows| check_format(conn, &shown, rows)),
        );
        conn.defer_check(CATALOG, catalog_check());
        Ok(store)
    }

    /// The database's schema `vault` must be exactly this format's: a trigger, rule or
    /// function someone added, or a changed table, is tampering (exit 7).
    pub(super) fn check_pg_schema(&self) -> Result<()> {
        compare_catalog(&catalog(self)?, &expected_catalog(None))
    }
}

/// The format number the schema's `meta` holds must be this build's.
fn check_format(
    conn: &super::db::PgConn,
    shown: &Path,
    rows: std::result::Result<Vec<postgres::Row>, postgres::Error>,
) -> Result<()> {
    let version = match rows {
        Ok(rows) => match rows.first() {
            Some(r) => {
                let v: Vec<u8> =
                    r.try_get(0).map_err(|_| Error::Corrupt("the format number is not a number".into()))?;
                i64::from_be_bytes(
                    v.try_into().map_err(|_| Error::Corrupt("the format number is not a number".into()))?,
                )
            }
            None => {
                return Err(Error::Damaged {
                    path: shown.to_owned(),
                    reason: "its schema vault has no format number".into(),
                })
            }
        },
        Err(e)
            if e.code() == Some(&postgres::error::SqlState::UNDEFINED_TABLE)
                || e.code() == Some(&postgres::error::SqlState::INVALID_SCHEMA_NAME) =>
        {
            return Err(Error::NoVault { path: shown.to_owned() })
        }
        Err(e) => return Err(conn.err(&e)),
    };
    if version > super::FORMAT_VERSION {
        return Err(Error::NewerFormat { path: shown.to_owned(), found: version, supported: super::FORMAT_VERSION });
    }
    if version < super::FORMAT_VERSION {
        // An older format this build upgrades: its catalog is not this format's, so the check
        // of it waits for the upgrade (see `PgConn::round_trip`).
        if PG_MIGRATIONS.iter().any(|(to, _)| *to == version + 1) {
            conn.older_format.set(Some(version));
            return Ok(());
        }
        return Err(Error::Damaged { path: shown.to_owned(), reason: format!("unknown format version {version}") });
    }
    Ok(())
}

/// The SQL that brings a database from the format before each to it.
const PG_MIGRATIONS: &[(i64, &str)] = &[(3, include_str!("pg_migrate_3.sql"))];

/// The catalog check every open makes (see `open_pg`): against this format's catalog, or,
/// for a database still of an older format, against that format's, so that nothing planted
/// in it (a trigger, a rule) runs during the upgrade.
fn catalog_check() -> super::db::Check {
    Box::new(|conn, rows| {
        let rows = rows.map_err(|e| conn.err(&e))?;
        compare_catalog(&found_catalog(&rows)?, &expected_catalog(conn.older_format.get()))
    })
}

fn found_catalog(rows: &[postgres::Row]) -> Result<Vec<(String, String, String)>> {
    rows.iter()
        .map(|r| {
            let row = super::db::Row::Pg(r);
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .collect()
}

/// The catalog of format `older` (`None`: this one). Format 2 had the same objects but for
/// the five OpenBao columns of providers that format 3 made one.
fn expected_catalog(older: Option<i64>) -> Vec<(&'static str, &'static str, &'static str)> {
    super::expected_pg_schema::EXPECTED_PG_SCHEMA
        .iter()
        .map(|&(k, n, d)| match (older, k, n) {
            (Some(2), "table", "providers") => (k, n, "10 columns"),
            _ => (k, n, d),
        })
        .collect()
}

/// Brings a database of format `from` to this one, in one transaction under the write lock
/// (another client may have done it meanwhile: then nothing is left to do), and queues the
/// catalog check again for the next round trip. A failure leaves the database as it was.
pub(super) fn upgrade(conn: &super::db::PgConn, from: i64) -> Result<()> {
    let c = &conn.client;
    let run = || -> std::result::Result<Result<()>, postgres::Error> {
        // What the first round trip began (a read snapshot) ends first.
        c.batch_execute("ROLLBACK")?;
        // READ COMMITTED whatever the server's default: after the lock, the format number
        // another client may just have raised is seen.
        c.batch_execute(&format!(
            "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({})",
            super::WRITE_LOCK
        ))?;
        let sql = format!("SELECT value FROM vault.meta WHERE key = '{FORMAT_KEY}'");
        let mut answers = c.pipeline(&[super::db::Req::Query(std::borrow::Cow::Borrowed(&sql), &[])]);
        let rows = answers.pop().expect("one answer per request")?.rows();
        let now: Option<Vec<u8>> = rows.first().and_then(|r| r.try_get(0).ok());
        let Some(start) = now.and_then(|v| v.try_into().ok()).map(i64::from_be_bytes) else {
            return Ok(Err(Error::Corrupt("the format number is not a number".into())));
        };
        if start > super::FORMAT_VERSION {
            // Upgraded past us meanwhile.
            return Ok(Err(Error::NewerFormat {
                path: conn.hosts.clone().into(),
                found: start,
                supported: super::FORMAT_VERSION,
            }));
        }
        if start < super::FORMAT_VERSION {
            // Checked again under the lock: nothing planted since the open runs in the upgrade.
            let mut answers = c.pipeline(&[super::db::Req::Query(std::borrow::Cow::Borrowed(CATALOG), &[])]);
            let rows = answers.pop().expect("one answer per request")?.rows();
            let found = match found_catalog(&rows) {
                Ok(f) => f,
                Err(e) => return Ok(Err(e)),
            };
            if let Err(e) = compare_catalog(&found, &expected_catalog(Some(start))) {
                return Ok(Err(e));
            }
        }
        let mut at = start;
        for (to, sql) in PG_MIGRATIONS.iter().filter(|(to, _)| *to > start) {
            c.batch_execute(sql)?;
            at = *to;
        }
        if at != start {
            c.batch_execute(&format!(
                "UPDATE vault.meta SET value = '\\x{at:016x}'::bytea WHERE key = '{FORMAT_KEY}'; \
                 INSERT INTO vault.meta(key, value) VALUES ('migrated_from_{start}', '\\x{:016x}'::bytea) \
                 ON CONFLICT (key) DO NOTHING",
                super::now()
            ))?;
        }
        c.batch_execute("COMMIT").map(Ok)
    };
    match run() {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            let _ = c.batch_execute("ROLLBACK");
            return Err(e);
        }
        // Changing tables is the schema owner's right, which the roles of users and CI jobs
        // do not have (see the README): the owner upgrades it, once.
        Err(e) if e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) => {
            let _ = c.batch_execute("ROLLBACK");
            return Err(Error::UpgradeRefused { hosts: conn.hosts.clone(), from, to: super::FORMAT_VERSION });
        }
        Err(e) => {
            let _ = c.batch_execute("ROLLBACK");
            return Err(conn.err(&e));
        }
    }
    conn.defer_check(CATALOG, catalog_check());
    Ok(())
}

/// The objects found must be exactly the expected ones ([`super::expected_pg_schema`]).
fn compare_catalog(found: &[(String, String, String)], expected: &[(&str, &str, &str)]) -> Result<()> {
    let same = found.len() == expected.len()
        && found.iter().zip(expected).all(|(f, e)| (f.0.as_str(), f.1.as_str(), f.2.as_str()) == *e);
    if same {
        return Ok(());
    }
    let key = |k: &str, n: &str| (k.to_owned(), n.to_owned());
    let what = if let Some(extra) = found.iter().find(|f| !expected.iter().any(|e| key(e.0, e.1) == key(&f.0, &f.1))) {
        format!("unknown {} '{}'", extra.0, crate::vault::names::printable(&extra.1))
    } else if let Some(missing) = expected.iter().find(|e| !found.iter().any(|f| key(e.0, e.1) == key(&f.0, &f.1))) {
        format!("missing {} '{}'", missing.0, missing.1)
    } else {
        match found.iter().zip(expected).find(|(f, e)| (f.0.as_str(), f.1.as_str(), f.2.as_str()) != **e) {
            Some((f, _)) => format!("changed {} '{}'", f.0, crate::vault::names::printable(&f.1)),
            None => "changed".into(),
        }
    };
    Err(Error::tampered(format!("the vault database's schema ({what})")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_in_the_url_is_refused() {
        for url in ["postgres://alice:hunter2@db/v", "postgres://db/v?password=hunter2"] {
            let e = PgTarget::parse(url).unwrap_err();
            assert!(e.to_string().contains("pgpass"), "{e}");
            assert!(!e.to_string().contains("hunter2"));
        }
    }

    #[test]
    fn libpq_urls_parse() {
        let t = PgTarget::parse(
            "postgres://alice@h1:5432,h2:5433/team?target_session_attrs=read-write&sslmode=verify-full&sslrootcert=/ca.pem",
        )
        .unwrap();
        assert_eq!(t.hosts(), "h1:5432,h2:5433");
        assert_eq!(t.tls, Tls::Require);
        assert_eq!(t.root_cert.as_deref(), Some(Path::new("/ca.pem")));
        assert_eq!(t.config.get_dbname(), Some("team"));
        assert!(PgTarget::parse("postgres://h/db?sslmode=bogus").is_err());
    }

    #[test]
    fn pgpass_matches_like_libpq() {
        let text = "# comment\nother:5432:*:alice:no\nh1:5432:team:alice:pa\\:ss\n*:*:*:*:fallback\n";
        assert_eq!(pgpass_lookup(text, "h1", "5432", "team", "alice").unwrap().as_str(), "pa:ss");
        assert_eq!(pgpass_lookup(text, "h2", "1", "x", "bob").unwrap().as_str(), "fallback");
        assert!(pgpass_lookup("h:1:d:u:p\n", "h", "2", "d", "u").is_none());
    }

    #[test]
    fn urls_and_paths() {
        assert!(matches!(Location::parse("postgresql://h/db".as_ref()).unwrap(), Location::Postgres(_)));
        assert!(matches!(Location::parse("/tmp/v.db".as_ref()).unwrap(), Location::File(_)));
    }
}
