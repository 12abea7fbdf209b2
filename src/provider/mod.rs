//! Where a value lives when it is not in the vault file: a provider, one kind per file behind
//! the [`Provider`] trait (today `openbao.rs`: OpenBao / HashiCorp Vault KV v2, over blocking
//! HTTP with `ureq` and rustls). A kind owns its wire: URLs, headers, timeouts, TLS roots,
//! bodies, and turning every failure into one [`Error::Provider`] line naming the provider,
//! the URL and the reason. It also owns its settings (stored as JSON under its kind name and
//! signed, see [`Settings`]) and its records (where one version of a value is, see
//! [`Record`]).
//!
//! Adding a kind: a new file implementing [`Provider`], one variant in [`Settings`] and in
//! [`Record`]'s decoding. Nothing else (store, schema, vault logic) names a kind.
//!
//! This module knows nothing of SQLite, keys or clap. It never puts a token or a value in an
//! error: the only server text that reaches a message is a refusal's reason, capped at
//! [`MAX_REASON`] characters (OpenBao does not echo request bodies there).

mod openbao;

use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use zeroize::Zeroizing;

pub(crate) use openbao::last_was_unreachable;

use crate::{Error, Result};

/// Time allowed to open a connection (TCP and TLS).
pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// Default time allowed for a whole request.
pub(crate) const DEFAULT_TIMEOUT_SECS: i64 = 10;
/// The longest request time one may configure.
pub(crate) const MAX_TIMEOUT_SECS: i64 = 300;
/// Longest server error text we repeat.
pub(crate) const MAX_REASON: usize = 200;
/// How many requests `vault run` and `list --reveal` keep in flight at once.
pub(crate) const MAX_PARALLEL: usize = 8;

/// A place that keeps the versions of values for the vault, reached with a token. Every
/// method fails with [`Error::Provider`] (exit 8) naming the provider, the URL and the reason.
pub(crate) trait Provider: Send + Sync + std::fmt::Debug {
    /// The provider's name in this vault.
    fn name(&self) -> &str;
    /// Its kind (`provider add --kind`).
    fn kind(&self) -> &'static str;
    /// Where `path` is on the server, for messages (never holds a token).
    fn url(&self, path: &str) -> String;
    /// Whether the server answers, and its state; sends no token.
    fn health(&self) -> Result<Health>;
    /// [`Provider::health`], failing when the server cannot serve (sealed, not initialized).
    fn ready(&self) -> Result<Health>;
    /// Checks the token is accepted.
    fn check_token(&self) -> Result<()>;
    /// Checks the storage the settings name exists and is usable; asked before writing.
    fn check_storage(&self) -> Result<()>;
    /// Writes `value` as a new version of `path`; its version number. With `cas`, only if
    /// the current version is `cas` (0: only if nothing is there yet).
    fn write(&self, path: &str, value: &str, cas: Option<i64>) -> Result<i64>;
    /// Version `version` of `path`; an error when it is missing, deleted or destroyed.
    fn read(&self, path: &str, version: i64) -> Result<Zeroizing<String>>;
    /// Version `version` of `path`; `None` when it is missing, deleted or destroyed.
    fn read_opt(&self, path: &str, version: i64) -> Result<Option<Zeroizing<String>>>;
    /// Every version kept for `path`, oldest first (none when nothing is there).
    fn versions(&self, path: &str) -> Result<Vec<VersionInfo>>;
    /// Removes one version's data for good (undoing a write the vault could not record).
    fn destroy(&self, path: &str, version: i64) -> Result<()>;
    /// Deletes `path` with every version.
    fn delete_all(&self, path: &str) -> Result<()>;
}

/// What a server says of its state.
#[derive(Debug, Clone, Default)]
pub struct Health {
    pub initialized: bool,
    pub sealed: bool,
    pub version: String,
}

/// One version of a value as the provider keeps it.
#[derive(Debug, Clone)]
pub(crate) struct VersionInfo {
    pub version: i64,
    /// RFC 3339, as the server gives it.
    pub created_time: String,
    pub deleted: bool,
    pub destroyed: bool,
}

/// What `provider add` is given, before a kind checks it.
#[derive(Debug, Clone)]
pub(crate) struct NewSettings {
    pub address: String,
    pub mount: String,
    pub namespace: Option<String>,
    /// PEM text of a private CA.
    pub ca_cert: Option<String>,
    pub timeout_secs: i64,
}

/// A provider's settings, by kind: how to reach it, never a token. Stored as the kind's name
/// and the kind's own JSON; signed over [`Settings::sig_parts`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Settings {
    /// OpenBao or HashiCorp Vault, KV v2.
    OpenBao(openbao::BaoSettings),
}

impl Settings {
    /// The kinds there are, as `--kind` names them.
    pub(crate) const KINDS: &'static [&'static str] = &[openbao::KIND];

    /// Checks what `provider add` was given for a kind.
    pub(crate) fn new(kind: &str, new: &NewSettings) -> Result<Settings> {
        match kind {
            openbao::KIND => Ok(Settings::OpenBao(openbao::BaoSettings::new(new)?)),
            other => Err(Error::Usage(format!(
                "unknown provider kind '{}'; use {}",
                crate::output::clean(other),
                Self::KINDS.join(", ")
            ))),
        }
    }

    /// Settings as stored: `None` for an unknown kind or text that is not that kind's.
    pub(crate) fn decode(kind: &str, text: &str) -> Option<Settings> {
        match kind {
            openbao::KIND => serde_json::from_str(text).ok().map(Settings::OpenBao),
            _ => None,
        }
    }

    /// The kind's name.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Settings::OpenBao(_) => openbao::KIND,
        }
    }

    /// The stored text.
    pub(crate) fn encode(&self) -> String {
        match self {
            Settings::OpenBao(s) => serde_json::to_string(s).expect("settings serialize"),
        }
    }

    /// What a vault admin signs of them (after the vault id, the name and the kind).
    pub(crate) fn sig_parts(&self) -> Vec<Vec<u8>> {
        match self {
            Settings::OpenBao(s) => s.sig_parts(),
        }
    }

    /// The server's address(es), for listings.
    pub(crate) fn address(&self) -> &str {
        match self {
            Settings::OpenBao(s) => &s.address,
        }
    }

    /// Where values go on the server, for listings (a mount, with its namespace).
    pub(crate) fn location(&self) -> String {
        match self {
            Settings::OpenBao(s) => match &s.namespace {
                Some(ns) => format!("{} (namespace {ns})", s.mount),
                None => s.mount.clone(),
            },
        }
    }

    /// The settings as `provider list --json` shows them (no token, no CA text).
    pub(crate) fn describe(&self) -> serde_json::Map<String, serde_json::Value> {
        match self {
            Settings::OpenBao(s) => s.describe(),
        }
    }

    /// A client of provider `name`; without a token it can only ask [`Provider::health`].
    pub(crate) fn connect(&self, name: &str, token: Option<Token>) -> Result<Arc<dyn Provider>> {
        match self {
            Settings::OpenBao(s) => Ok(Arc::new(openbao::Client::new(name, s, token)?)),
        }
    }
}

/// Where one version of a provider-backed value is: a path and the provider's version
/// number there. Sealed under the secret's data key in the vault (see `vault::remote`); its
/// text is tagged by kind (`kv:<version>:<path>` for OpenBao), so a record of one kind never
/// reads as another's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    /// The kind of provider that wrote it.
    pub kind: &'static str,
    pub version: i64,
    pub path: String,
}

impl Record {
    /// Each kind's record tag.
    const TAGS: &'static [(&'static str, &'static str)] = &[(openbao::KIND, openbao::RECORD_TAG)];

    /// The record's text.
    pub(crate) fn encode(&self) -> Zeroizing<Vec<u8>> {
        let tag =
            Self::TAGS.iter().find(|(k, _)| *k == self.kind).map(|(_, t)| *t).expect("every kind has a record tag");
        Zeroizing::new(format!("{tag}:{}:{}", self.version, self.path).into_bytes())
    }

    /// A record from its text; `None` if it is not one of a known kind.
    pub(crate) fn decode(pt: &[u8]) -> Option<Record> {
        let s = std::str::from_utf8(pt).ok()?;
        let (tag, rest) = s.split_once(':')?;
        let kind = Self::TAGS.iter().find(|(_, t)| *t == tag)?.0;
        let (version, path) = rest.split_once(':')?;
        Some(Record { kind, version: version.parse().ok().filter(|v| *v > 0)?, path: path.to_owned() })
    }
}

/// A provider token: one line of printable ASCII, zeroed on drop, never printed.
pub struct Token(Zeroizing<String>);

impl Token {
    /// Takes a token file's bytes: one trailing newline is the file's, not the token's.
    pub fn from_file_bytes(mut bytes: Zeroizing<Vec<u8>>) -> Result<Token> {
        if bytes.ends_with(b"\n") {
            bytes.pop();
            if bytes.ends_with(b"\r") {
                bytes.pop();
            }
        }
        if bytes.is_empty() {
            return Err(Error::Usage("the token file is empty".into()));
        }
        if bytes.len() > 8192 || !bytes.iter().all(|b| (0x21..=0x7e).contains(b)) {
            return Err(Error::Usage(
                "the token file must hold one token on one line (printable characters, no spaces)".into(),
            ));
        }
        let text = String::from_utf8(bytes.to_vec()).map_err(|_| Error::Usage("the token is not text".into()))?;
        Ok(Token(Zeroizing::new(text)))
    }

    /// Takes a token opened from its sealed copy.
    pub fn from_plaintext(pt: Zeroizing<Vec<u8>>) -> Option<Token> {
        let s = std::str::from_utf8(&pt).ok()?;
        Some(Token(Zeroizing::new(s.to_owned())))
    }

    /// The token's text.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A second copy, zeroed on drop like the first.
    pub fn duplicate(&self) -> Token {
        Token(self.0.clone())
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(***)")
    }
}

/// Most addresses one provider may list (the nodes of one cluster).
pub(crate) const MAX_ADDRESSES: usize = 9;

/// Checks and normalizes a provider's addresses: one, or several nodes of one cluster
/// separated by commas, tried in that order. Stored (and signed) as one comma-separated text.
pub(crate) fn check_addresses(addresses: &str) -> Result<String> {
    let list: Vec<&str> = addresses.split(',').map(str::trim).collect();
    if list.len() > MAX_ADDRESSES {
        return Err(Error::Usage(format!("at most {MAX_ADDRESSES} addresses per provider")));
    }
    let mut out: Vec<String> = Vec::new();
    for a in list {
        let a = check_address(a)?;
        if out.contains(&a) {
            return Err(Error::Usage(format!("provider address '{a}' is given twice")));
        }
        out.push(a);
    }
    Ok(out.join(","))
}

/// The addresses of a stored provider, in the order they are tried.
pub(crate) fn addresses(stored: &str) -> Vec<String> {
    stored.split(',').map(str::to_owned).collect()
}

/// Checks and normalizes a server address: `http(s)://host[:port]`. Plain http is accepted only
/// for loopback hosts, since the token travels in a header.
pub(crate) fn check_address(address: &str) -> Result<String> {
    let bad = |why: &str| Error::Usage(format!("invalid provider address '{}': {why}", crate::output::clean(address)));
    let uri: ureq::http::Uri = address.trim_end_matches('/').parse().map_err(|_| bad("not a URL"))?;
    let scheme = uri.scheme_str().ok_or_else(|| bad("it needs http:// or https://"))?;
    let host = uri.host().ok_or_else(|| bad("it names no host"))?;
    if !matches!(uri.path(), "" | "/") || uri.query().is_some() {
        return Err(bad("give only scheme, host and port, e.g. https://bao.example.com:8200"));
    }
    match scheme {
        "https" => {}
        "http" if is_loopback(host) => {}
        "http" => {
            return Err(bad("plain http would send the token in clear; use https:// (http is only for 127.0.0.1)"))
        }
        _ => return Err(bad("it needs http:// or https://")),
    }
    let authority = uri.authority().map(|a| a.as_str()).ok_or_else(|| bad("it names no host"))?;
    if authority.contains('@') {
        return Err(bad("credentials do not belong in the address; use --token-file"));
    }
    Ok(format!("{scheme}://{authority}"))
}

fn is_loopback(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost") || h.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Checks a mount or namespace path: letters, digits, `-`, `_`, `.` and inner `/`.
pub(crate) fn check_path(what: &str, path: &str) -> Result<String> {
    let p = path.trim_matches('/');
    let ok = !p.is_empty()
        && p.len() <= 200
        && p.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
        && !p.split('/').any(|seg| seg.is_empty() || seg == "." || seg == "..");
    if !ok {
        return Err(Error::Usage(format!(
            "invalid {what} '{}': use letters, digits, '-', '_', '.' and '/' between parts",
            crate::output::clean(path)
        )));
    }
    Ok(p.to_owned())
}

/// Checks that `pem` holds at least one certificate.
pub(crate) fn check_ca_pem(pem: &str) -> Result<()> {
    openbao::ca_certs(pem).map(|_| ()).map_err(|why| Error::Usage(format!("the CA certificate file {why}")))
}

/// Checks a request time limit.
pub(crate) fn check_timeout(secs: i64) -> Result<i64> {
    if !(1..=MAX_TIMEOUT_SECS).contains(&secs) {
        return Err(Error::Usage(format!("--timeout must be 1 to {MAX_TIMEOUT_SECS} seconds")));
    }
    Ok(secs)
}

/// The path of a secret's value inside the mount: `vault/<project>/<secret>`.
pub(crate) fn secret_path(project: &str, secret: &str) -> String {
    format!("vault/{project}/{secret}")
}

/// Maps `f` over `items` on up to [`MAX_PARALLEL`] threads, keeping the order: `vault run`
/// with 50 provider secrets makes 50 requests, but not one after another.
pub(crate) fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..items.len().min(MAX_PARALLEL) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
            });
        }
    });
    slots
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()).expect("every slot is filled before the scope ends"))
        .collect()
}

/// Server text fit for one error line: control characters escaped, at most [`MAX_REASON`] chars.
fn cap_reason(s: &str) -> String {
    let clean = crate::output::clean(s.trim());
    if clean.chars().count() <= MAX_REASON {
        return clean;
    }
    let mut out: String = clean.chars().take(MAX_REASON).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(check_address("http://127.0.0.1:8200/").unwrap(), "http://127.0.0.1:8200");
        assert_eq!(check_address("https://bao.example.com").unwrap(), "https://bao.example.com");
        assert_eq!(check_address("http://localhost:8200").unwrap(), "http://localhost:8200");
        assert_eq!(check_address("http://[::1]:8200").unwrap(), "http://[::1]:8200");
        assert_eq!(
            check_addresses("http://127.0.0.1:1/, http://127.0.0.1:2").unwrap(),
            "http://127.0.0.1:1,http://127.0.0.1:2"
        );
        assert!(check_addresses("http://127.0.0.1:1,http://127.0.0.1:1").is_err());
        assert!(check_addresses("http://127.0.0.1:1,http://example.com").is_err());
        assert!(check_addresses("http://127.0.0.1:1,").is_err());
        let ten: Vec<String> = (1..=10).map(|p| format!("http://127.0.0.1:{p}")).collect();
        assert!(check_addresses(&ten.join(",")).is_err());
        assert!(check_addresses(&ten[..9].join(",")).is_ok());
        for bad in ["http://bao.example.com", "ftp://x", "bao:8200", "https://x/v1", "https://u:p@x", "https://x?a"] {
            assert!(check_address(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn paths() {
        assert_eq!(check_path("mount", "/secret/").unwrap(), "secret");
        assert_eq!(check_path("mount", "team/kv").unwrap(), "team/kv");
        for bad in ["", "a//b", "../x", "a b", "a?b"] {
            assert!(check_path("mount", bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn token_file() {
        let t = Token::from_file_bytes(Zeroizing::new(b"s.abc\n".to_vec())).unwrap();
        assert_eq!(t.expose(), "s.abc");
        assert_eq!(format!("{t:?}"), "Token(***)");
        assert!(Token::from_file_bytes(Zeroizing::new(b"\n".to_vec())).is_err());
        assert!(Token::from_file_bytes(Zeroizing::new(b"a b".to_vec())).is_err());
        assert!(Token::from_file_bytes(Zeroizing::new(b"a\n\n".to_vec())).is_err());
    }

    #[test]
    fn reasons_are_capped_and_clean() {
        assert_eq!(cap_reason("permission denied"), "permission denied");
        assert_eq!(cap_reason(&"x".repeat(500)).chars().count(), MAX_REASON + 1);
        assert!(!cap_reason("a\u{1b}[31mb").contains('\u{1b}'));
    }

    #[test]
    fn parallel_map_keeps_order() {
        let items: Vec<usize> = (0..50).collect();
        assert_eq!(parallel_map(&items, |i| i * 2), items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert!(parallel_map(&[] as &[u8], |_| 1).is_empty());
    }
}
