//! Where a value lives when it is not in the vault file: OpenBao / HashiCorp Vault KV v2, over
//! blocking HTTP (`ureq`, rustls). This module owns the wire: URLs, headers, timeouts, TLS
//! roots, JSON bodies, and turning every failure into one [`Error::Provider`] line naming the
//! provider, the URL and the reason.
//!
//! It knows nothing of SQLite, keys or clap. It never puts a token or a value in an error: the
//! only server text that reaches a message is the `errors` array of a refusal, capped at
//! [`MAX_REASON`] characters (OpenBao does not echo request bodies there).

mod openbao;

use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use zeroize::Zeroizing;

pub(crate) use openbao::{last_was_unreachable, Client, Health};

use crate::{Error, Result};

/// The only kind for now; HashiCorp Vault speaks the same KV v2 API.
pub(crate) const KIND_OPENBAO: &str = "openbao";
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

/// How to reach one provider. Holds no token.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub name: String,
    /// `scheme://host[:port]`, no trailing slash; several nodes of one cluster are separated
    /// by commas and tried in order.
    pub address: String,
    /// The KV v2 mount, e.g. `secret`.
    pub mount: String,
    pub namespace: Option<String>,
    /// PEM certificates of a private CA, trusted instead of the public roots.
    pub ca_cert: Option<String>,
    /// Time allowed for a whole request.
    pub timeout: Duration,
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
