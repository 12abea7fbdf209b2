//! The OpenBao / HashiCorp Vault KV v2 client: `<mount>/data/<path>` holds versions of a
//! `{"value": ...}` map, `<mount>/metadata/<path>` their list, `sys/health` the server state and
//! `sys/internal/ui/mounts/<mount>` whether the mount is KV v2 (checked before every write: a
//! write to a KV v1 mount would succeed at the wrong path).
//!
//! Requests carry `X-Vault-Token` and, when set, `X-Vault-Namespace`; redirects are not followed,
//! so the token never goes to a host we were not configured with.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ureq::http::{self, Method};
use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};
use zeroize::Zeroizing;

use super::{cap_reason, Health, NewSettings, Provider, Token, VersionInfo, CONNECT_TIMEOUT};
use crate::{Error, Result};

/// The kind's name (`provider add --kind openbao`); HashiCorp Vault speaks the same KV v2 API.
pub(crate) const KIND: &str = "openbao";
/// The tag of this kind's records (`kv:<version>:<path>`).
pub(crate) const RECORD_TAG: &str = "kv";

/// An OpenBao / Vault provider's settings, stored as this JSON and signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BaoSettings {
    /// `scheme://host[:port]`, no trailing slash; several nodes of one cluster are separated
    /// by commas and tried in order.
    pub address: String,
    /// The KV v2 mount, e.g. `secret`.
    pub mount: String,
    pub namespace: Option<String>,
    /// PEM certificates of a private CA, trusted instead of the public roots.
    pub ca_cert: Option<String>,
    /// Time allowed for a whole request, in seconds.
    pub timeout_secs: i64,
}

impl BaoSettings {
    /// Checks and normalizes what `provider add` was given.
    pub(crate) fn new(new: &NewSettings) -> Result<BaoSettings> {
        let timeout_secs = super::check_timeout(new.timeout_secs)?;
        let address = super::check_addresses(&new.address)?;
        let mount = super::check_path("mount", &new.mount)?;
        let namespace = new.namespace.as_deref().map(|n| super::check_path("namespace", n)).transpose()?;
        if let Some(pem) = &new.ca_cert {
            super::check_ca_pem(pem)?;
        }
        Ok(BaoSettings { address, mount, namespace, ca_cert: new.ca_cert.clone(), timeout_secs })
    }

    /// The signed parts, in the order format 2 signed them (so its signatures still hold).
    pub(crate) fn sig_parts(&self) -> Vec<Vec<u8>> {
        vec![
            self.address.as_bytes().to_vec(),
            self.mount.as_bytes().to_vec(),
            self.namespace.as_deref().unwrap_or("").as_bytes().to_vec(),
            self.ca_cert.as_deref().unwrap_or("").as_bytes().to_vec(),
            self.timeout_secs.to_be_bytes().to_vec(),
        ]
    }

    /// As `provider list --json` shows them.
    pub(crate) fn describe(&self) -> serde_json::Map<String, serde_json::Value> {
        let mut m = serde_json::Map::new();
        m.insert("address".into(), self.address.clone().into());
        m.insert("mount".into(), self.mount.clone().into());
        m.insert("namespace".into(), self.namespace.clone().into());
        m.insert("private_ca".into(), self.ca_cert.is_some().into());
        m.insert("timeout_secs".into(), self.timeout_secs.into());
        m
    }
}

/// What a client keeps of its provider: its name and settings, the timeout as a duration.
#[derive(Debug, Clone)]
struct Conn {
    name: String,
    address: String,
    mount: String,
    namespace: Option<String>,
    ca_cert: Option<String>,
    timeout: std::time::Duration,
}

/// Responses larger than this are refused (a value is at most 1 MiB, JSON-escaped).
const MAX_BODY: u64 = 8 * 1024 * 1024;

/// A KV v2 client for one provider, with its token. Shared by the threads of a parallel fetch.
pub(crate) struct Client {
    settings: Conn,
    agent: ureq::Agent,
    /// `None` for a client that only asks `sys/health`.
    token: Option<Token>,
    /// The provider's addresses (the nodes of a cluster), in the order they are tried.
    nodes: Vec<String>,
    /// The node that answered last in this process (see [`preferred`]): requests go there
    /// first.
    current: AtomicUsize,
}

/// Per provider (name and addresses): the node that answered last in this process, and
/// whether the warning that it was not the first was given. Every client of the provider
/// starts there, and warns once per process.
fn preferred() -> &'static std::sync::Mutex<HashMap<String, (usize, bool)>> {
    static PREFERRED: std::sync::OnceLock<std::sync::Mutex<HashMap<String, (usize, bool)>>> =
        std::sync::OnceLock::new();
    PREFERRED.get_or_init(Default::default)
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("settings", &self.settings).finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    errors: Vec<String>,
}

#[derive(Deserialize)]
struct HealthBody {
    #[serde(default)]
    initialized: bool,
    #[serde(default)]
    sealed: bool,
    #[serde(default)]
    version: String,
}

#[derive(Deserialize)]
struct Envelope<T> {
    data: Option<T>,
}

#[derive(Deserialize)]
struct MountData {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    options: Option<MountOptions>,
}

#[derive(Deserialize)]
struct MountOptions {
    #[serde(default)]
    version: Option<String>,
}

#[derive(Deserialize)]
struct WriteData {
    version: i64,
}

#[derive(Deserialize)]
struct ReadData {
    data: Option<ValueMap>,
}

#[derive(Deserialize)]
struct ValueMap {
    value: Option<String>,
}

#[derive(Deserialize)]
struct MetadataData {
    #[serde(default)]
    versions: std::collections::BTreeMap<String, VersionMeta>,
}

#[derive(Deserialize)]
struct VersionMeta {
    #[serde(default)]
    created_time: String,
    #[serde(default)]
    deletion_time: String,
    #[serde(default)]
    destroyed: bool,
}

#[derive(Serialize)]
struct WriteBody<'a> {
    data: WriteValue<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<CasOption>,
}

#[derive(Serialize)]
struct WriteValue<'a> {
    value: &'a str,
}

#[derive(Serialize)]
struct CasOption {
    cas: i64,
}

/// The certificates in a PEM text, or why there are none.
pub(super) fn ca_certs(pem: &str) -> std::result::Result<Vec<Certificate<'static>>, String> {
    let mut certs = Vec::new();
    for item in ureq::tls::parse_pem(pem.as_bytes()) {
        match item {
            Ok(PemItem::Certificate(c)) => certs.push(c),
            Ok(_) => {}
            Err(_) => return Err("is not valid PEM".into()),
        }
    }
    if certs.is_empty() {
        return Err("holds no PEM certificate".into());
    }
    Ok(certs)
}

/// The server's own words from a refusal: its `errors` array, joined and capped.
fn server_reason(status: u16, body: &[u8]) -> String {
    let errors = serde_json::from_slice::<ErrorBody>(body).map(|b| b.errors).unwrap_or_default();
    let text = errors.join("; ");
    let what = match status {
        403 => "permission denied (wrong or expired token, or a policy without this path)",
        404 => "not found",
        503 => "server unavailable (sealed?)",
        _ => "",
    };
    match (text.is_empty(), what.is_empty()) {
        (true, true) => format!("HTTP {status}"),
        (true, false) => format!("HTTP {status}: {what}"),
        (false, _) => format!("HTTP {status}: {}", cap_reason(&text)),
    }
}

/// What one request to one node came to.
enum Attempt {
    /// The node answered (or the request failed after it may have reached the node).
    Sent(Result<(u16, Zeroizing<Vec<u8>>)>),
    /// The request never reached the node (connection refused or failed, host not found, no
    /// connection in time): any request may go to the next node.
    Unsent(Error),
    /// The node redirects: the next node may take it; alone, this error.
    Skip(Error),
    /// The node cannot take requests now (sealed, no active node): the next node may; alone,
    /// its answer as it is.
    SkipWith(String, u16, Zeroizing<Vec<u8>>),
}

impl Attempt {
    fn into_result(self) -> Result<(u16, Zeroizing<Vec<u8>>)> {
        match self {
            Attempt::Sent(r) => r,
            Attempt::Unsent(e) | Attempt::Skip(e) => Err(e),
            Attempt::SkipWith(_, status, bytes) => Ok((status, bytes)),
        }
    }
}

thread_local! {
    /// Whether this thread's last request found its provider unreachable (no connection, no
    /// answer in time, sealed, no active node) rather than refusing it: `run --max-age` may then
    /// use an offline copy. Per thread, as a parallel fetch runs one request per thread.
    static UNREACHABLE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the last request made on this thread found its provider unreachable.
pub(crate) fn last_was_unreachable() -> bool {
    UNREACHABLE.get()
}

/// Whether a transport error means the request was never sent: no connection was made. (A
/// connection reset may come after the node took the request, so it is not one of these.)
fn unsent(e: &ureq::Error) -> bool {
    match e {
        ureq::Error::Io(io) => {
            matches!(io.kind(), std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::AddrNotAvailable)
        }
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => true,
        ureq::Error::Timeout(t) => matches!(t, ureq::Timeout::Connect | ureq::Timeout::Resolve),
        _ => false,
    }
}

fn reason_of(e: &Error) -> String {
    match e {
        Error::Provider { reason, .. } => reason.clone(),
        other => other.to_string(),
    }
}

impl Client {
    /// A client for `settings`; TLS trusts the public (Mozilla) roots, or only the configured CA.
    /// Without a token it can only ask [`Client::health`].
    pub(crate) fn new(name: &str, s: &BaoSettings, token: Option<Token>) -> Result<Client> {
        let settings = Conn {
            name: name.to_owned(),
            address: s.address.clone(),
            mount: s.mount.clone(),
            namespace: s.namespace.clone(),
            ca_cert: s.ca_cert.clone(),
            timeout: std::time::Duration::from_secs(s.timeout_secs.clamp(1, super::MAX_TIMEOUT_SECS) as u64),
        };
        let roots = match &settings.ca_cert {
            Some(pem) => {
                let certs = ca_certs(pem).map_err(|why| Error::Provider {
                    name: settings.name.clone(),
                    url: settings.address.clone(),
                    reason: format!("the stored CA certificate {why}"),
                })?;
                RootCerts::Specific(Arc::new(certs))
            }
            None => RootCerts::WebPki,
        };
        let agent = ureq::Agent::config_builder()
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_global(Some(settings.timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .user_agent(concat!("vault/", env!("CARGO_PKG_VERSION")))
            .tls_config(TlsConfig::builder().root_certs(roots).build())
            .build()
            .new_agent();
        let nodes = super::addresses(&settings.address);
        let start = preferred()
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&Self::key(&settings))
            .map_or(0, |p| p.0);
        Ok(Client { settings, agent, token, nodes, current: AtomicUsize::new(start) })
    }

    fn key(settings: &Conn) -> String {
        format!("{}\n{}", settings.name, settings.address)
    }

    /// `url` (made by [`Client::url`] for any node) on the node that answered last: where an
    /// answer that is an error came from.
    fn answered(&self, url: &str) -> String {
        let now = &self.nodes[self.current.load(Ordering::Relaxed) % self.nodes.len()];
        match self.nodes.iter().find_map(|n| url.strip_prefix(n.as_str())) {
            Some(path) => format!("{now}{path}"),
            None => url.to_owned(),
        }
    }

    /// The URL of an API path on the node requests go to first.
    fn url(&self, api_path: &str) -> String {
        format!("{}/v1/{api_path}", self.nodes[self.current.load(Ordering::Relaxed) % self.nodes.len()])
    }

    fn data_path(&self, path: &str) -> String {
        format!("{}/data/{path}", self.settings.mount)
    }

    fn error(&self, url: &str, reason: impl Into<String>) -> Error {
        Error::Provider { name: self.settings.name.clone(), url: url.to_owned(), reason: reason.into() }
    }

    fn transport_reason(&self, e: &ureq::Error) -> String {
        match e {
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                "connection refused (is the server running?)".into()
            }
            ureq::Error::Timeout(t) => format!("no answer in time ({t})"),
            ureq::Error::HostNotFound => "host not found".into(),
            ureq::Error::ConnectionFailed => "connection failed".into(),
            ureq::Error::BodyExceedsLimit(_) => "the answer is too large".into(),
            other => cap_reason(&other.to_string()),
        }
    }

    /// Sends one request to the provider: to the node that answered last, and, while a node
    /// cannot take it (see [`Failover`]), to the next ones in order. Returns the status and the
    /// body (zeroed on drop: it may hold a value). `url` is one made by [`Client::url`].
    fn send(&self, method: Method, url: &str, body: Option<&[u8]>, auth: bool) -> Result<(u16, Zeroizing<Vec<u8>>)> {
        let first = self.current.load(Ordering::Relaxed) % self.nodes.len();
        let path = self.nodes.iter().find_map(|n| url.strip_prefix(n.as_str()).filter(|p| p.starts_with("/v1/")));
        let Some(path) = path.filter(|_| self.nodes.len() > 1) else {
            return self.send_to(method, url, body, auth).into_result();
        };
        let mut skipped = Vec::new();
        for k in 0..self.nodes.len() {
            let i = (first + k) % self.nodes.len();
            let node_url = format!("{}{path}", self.nodes[i]);
            let last = k + 1 == self.nodes.len();
            match self.send_to(method.clone(), &node_url, body, auth) {
                Attempt::Skip(e) | Attempt::Unsent(e) if !last => {
                    skipped.push(format!("{} ({})", self.nodes[i], reason_of(&e)))
                }
                Attempt::SkipWith(why, ..) if !last => skipped.push(format!("{} ({why})", self.nodes[i])),
                Attempt::Sent(Err(e)) if !last && method == Method::GET => {
                    // A read may go again; a write that may have reached a node may not.
                    skipped.push(format!("{} ({})", self.nodes[i], reason_of(&e)))
                }
                other => {
                    if k > 0 && matches!(other, Attempt::Sent(Ok(_))) {
                        self.current.store(i, Ordering::Relaxed);
                        let mut p = preferred().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                        let entry = p.entry(Self::key(&self.settings)).or_insert((0, false));
                        entry.0 = i;
                        if i != 0 && !std::mem::replace(&mut entry.1, true) {
                            crate::output::warn(format_args!(
                                "provider '{}': {} answered; skipped {}",
                                self.settings.name,
                                self.nodes[i],
                                skipped.join(", ")
                            ));
                        }
                    }
                    return other.into_result().map_err(|e| match e {
                        Error::Provider { name, url, reason } if !skipped.is_empty() => Error::Provider {
                            name,
                            url,
                            reason: format!("{reason}; tried before: {}", skipped.join(", ")),
                        },
                        e => e,
                    });
                }
            }
        }
        unreachable!("the last node's attempt always returns")
    }

    /// One request to one node.
    fn send_to(&self, method: Method, url: &str, body: Option<&[u8]>, auth: bool) -> Attempt {
        let attempt = self.attempt(method, url, body, auth);
        UNREACHABLE.set(match &attempt {
            Attempt::Unsent(_) | Attempt::SkipWith(..) => true,
            Attempt::Sent(Err(Error::Provider { reason, .. })) => {
                ["no answer in time", "connection", "host not found"].iter().any(|p| reason.starts_with(p))
            }
            _ => false,
        });
        attempt
    }

    fn attempt(&self, method: Method, url: &str, body: Option<&[u8]>, auth: bool) -> Attempt {
        let mut b = http::Request::builder().method(method).uri(url).header("Accept", "application/json");
        if auth {
            let Some(token) = self.token.as_ref() else {
                return Attempt::Sent(Err(self.error(url, "no token to send")));
            };
            b = b.header("X-Vault-Token", token.expose());
            if let Some(ns) = &self.settings.namespace {
                b = b.header("X-Vault-Namespace", ns.as_str());
            }
        }
        let built = match body {
            Some(bytes) => b.header("Content-Type", "application/json").body(bytes).map(|r| self.agent.run(r)),
            None => b.body(()).map(|r| self.agent.run(r)),
        };
        let mut resp = match built {
            Err(_) => return Attempt::Sent(Err(self.error(url, "cannot build the request (bad address or path)"))),
            Ok(Err(e)) if unsent(&e) => return Attempt::Unsent(self.error(url, self.transport_reason(&e))),
            Ok(Err(e)) => return Attempt::Sent(Err(self.error(url, self.transport_reason(&e)))),
            Ok(Ok(r)) => r,
        };
        let status = resp.status().as_u16();
        if (300..400).contains(&status) {
            // A standby that does not forward sends clients to the active node: the token is
            // never sent after a redirect, but another configured node may be the active one.
            return Attempt::Skip(
                self.error(url, format!("HTTP {status}: the server redirects; configure the address it redirects to")),
            );
        }
        let bytes = match resp.body_mut().with_config().limit(MAX_BODY).read_to_vec() {
            Ok(b) => Zeroizing::new(b),
            Err(e) => return Attempt::Sent(Err(self.error(url, self.transport_reason(&e)))),
        };
        // Sealed, or a standby that knows no active node (during an election): the request was
        // not carried out there.
        if status == 503 || (status == 500 && String::from_utf8_lossy(&bytes).contains("not active")) {
            let why = server_reason(status, &bytes);
            return Attempt::SkipWith(why, status, bytes);
        }
        Attempt::Sent(Ok((status, bytes)))
    }

    /// Sends a request and requires a 2xx status.
    fn call(&self, method: Method, url: &str, body: Option<&[u8]>) -> Result<Zeroizing<Vec<u8>>> {
        let (status, bytes) = self.send(method, url, body, true)?;
        if !(200..300).contains(&status) {
            return Err(self.error(&self.answered(url), server_reason(status, &bytes)));
        }
        Ok(bytes)
    }

    fn parse<T: for<'de> Deserialize<'de>>(&self, url: &str, bytes: &[u8]) -> Result<T> {
        // serde's message could quote the body, which may hold a value: keep our own words.
        serde_json::from_slice::<Envelope<T>>(bytes)
            .ok()
            .and_then(|e| e.data)
            .ok_or_else(|| self.error(url, "the server's answer is not what KV v2 returns"))
    }
}

impl Provider for Client {
    fn name(&self) -> &str {
        &self.settings.name
    }

    fn kind(&self) -> &'static str {
        KIND
    }

    fn url(&self, path: &str) -> String {
        Client::url(self, &self.data_path(path))
    }

    /// `sys/health`: reachable, initialized, sealed. Sends no token.
    fn health(&self) -> Result<Health> {
        let url = self.url("sys/health");
        let (status, bytes) = self.send(Method::GET, &url, None, false)?;
        let body: HealthBody = serde_json::from_slice(&bytes)
            .map_err(|_| self.error(&url, format!("HTTP {status}: not an OpenBao or Vault server")))?;
        Ok(Health { initialized: body.initialized, sealed: body.sealed, version: body.version })
    }

    /// Fails with the server's reason when it is sealed or not initialized.
    fn ready(&self) -> Result<Health> {
        let h = self.health()?;
        let url = Client::url(self, "sys/health");
        if !h.initialized {
            return Err(self.error(&url, "the server is not initialized"));
        }
        if h.sealed {
            return Err(self.error(&url, "the server is sealed; unseal it first"));
        }
        Ok(h)
    }

    /// Checks the token is accepted (`auth/token/lookup-self`).
    fn check_token(&self) -> Result<()> {
        let url = self.url("auth/token/lookup-self");
        self.call(Method::GET, &url, None).map(|_| ())
    }

    /// Checks the mount exists and is KV version 2.
    fn check_storage(&self) -> Result<()> {
        let url = self.url(&format!("sys/internal/ui/mounts/{}", self.settings.mount));
        let bytes = self.call(Method::GET, &url, None).map_err(|e| match e {
            Error::Provider { name, url, reason }
                if reason.contains("preflight") || reason.starts_with("HTTP 400") || reason.starts_with("HTTP 404") =>
            {
                Error::Provider {
                    name,
                    url,
                    reason: format!("mount '{}' not found or not readable: {reason}", self.settings.mount),
                }
            }
            e => e,
        })?;
        let m: MountData = self.parse(&url, &bytes)?;
        let version = m.options.and_then(|o| o.version).unwrap_or_default();
        if m.kind != "kv" || version != "2" {
            let what = if m.kind == "kv" {
                format!("KV version {}", if version.is_empty() { "1" } else { &version })
            } else {
                format!("a '{}' engine", m.kind)
            };
            return Err(self.error(&url, format!("mount '{}' is {what}, not KV v2", self.settings.mount)));
        }
        Ok(())
    }

    /// Writes `value` as a new version of `path`; returns its version number. With `cas`, the
    /// write happens only if the current version is `cas` (0: only if nothing is there yet).
    fn write(&self, path: &str, value: &str, cas: Option<i64>) -> Result<i64> {
        let url = self.url(&self.data_path(path));
        let body = WriteBody { data: WriteValue { value }, options: cas.map(|cas| CasOption { cas }) };
        let json = Zeroizing::new(serde_json::to_vec(&body).map_err(|_| self.error(&url, "cannot encode the value"))?);
        let bytes = self.call(Method::POST, &url, Some(&json)).map_err(|e| match (e, cas) {
            (Error::Provider { name, url, reason }, Some(0)) if reason.contains("check-and-set") => Error::Provider {
                name,
                url,
                reason: format!("a value already exists at {path}; vault will not overwrite it"),
            },
            (e, _) => e,
        })?;
        Ok(self.parse::<WriteData>(&url, &bytes)?.version)
    }

    /// Reads version `version` of `path`; an error when it is missing, deleted or destroyed.
    fn read(&self, path: &str, version: i64) -> Result<Zeroizing<String>> {
        // A cluster's standby nodes serve reads from their own copy, which may lag the active
        // node by a moment: a version just written elsewhere can be missing there. The version
        // is one the vault recorded, so a missing one is asked for again, for up to 2 s.
        if self.nodes.len() > 1 {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
            while std::time::Instant::now() < deadline {
                if let Some(v) = self.read_opt(path, version)? {
                    return Ok(v);
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        }
        self.read_opt(path, version)?.ok_or_else(|| {
            self.error(
                &self.url(&format!("{}?version={version}", self.data_path(path))),
                format!("version {version} of {path} is missing, deleted or destroyed in the provider"),
            )
        })
    }

    /// Reads version `version` of `path`; `None` when it is missing, deleted or destroyed.
    fn read_opt(&self, path: &str, version: i64) -> Result<Option<Zeroizing<String>>> {
        let url = self.url(&format!("{}?version={version}", self.data_path(path)));
        let (status, bytes) = self.send(Method::GET, &url, None, true)?;
        if status == 404 {
            return Ok(None);
        }
        if !(200..300).contains(&status) {
            return Err(self.error(&self.answered(&url), server_reason(status, &bytes)));
        }
        let data: ReadData = self.parse(&url, &bytes)?;
        data.data
            .and_then(|m| m.value)
            .map(|v| Some(Zeroizing::new(v)))
            .ok_or_else(|| self.error(&url, format!("version {version} of {path} has no text field 'value'")))
    }

    /// Every version KV keeps for `path`, oldest first (none when nothing is there).
    fn versions(&self, path: &str) -> Result<Vec<VersionInfo>> {
        let url = self.url(&format!("{}/metadata/{path}", self.settings.mount));
        let (status, bytes) = self.send(Method::GET, &url, None, true)?;
        if status == 404 {
            return Ok(Vec::new());
        }
        if !(200..300).contains(&status) {
            return Err(self.error(&self.answered(&url), server_reason(status, &bytes)));
        }
        let m: MetadataData = self.parse(&url, &bytes)?;
        let mut out: Vec<VersionInfo> = m
            .versions
            .into_iter()
            .filter_map(|(k, v)| {
                Some(VersionInfo {
                    version: k.parse().ok()?,
                    created_time: v.created_time,
                    deleted: !v.deletion_time.is_empty(),
                    destroyed: v.destroyed,
                })
            })
            .collect();
        out.sort_by_key(|v| v.version);
        Ok(out)
    }

    /// Permanently removes one version's data (undoing a write the vault could not record).
    fn destroy(&self, path: &str, version: i64) -> Result<()> {
        let url = self.url(&format!("{}/destroy/{path}", self.settings.mount));
        let body = format!("{{\"versions\":[{version}]}}");
        self.call(Method::PUT, &url, Some(body.as_bytes())).map(|_| ())
    }

    /// Deletes `path` with its metadata and every version.
    fn delete_all(&self, path: &str) -> Result<()> {
        let url = self.url(&format!("{}/metadata/{path}", self.settings.mount));
        self.call(Method::DELETE, &url, None).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_reasons() {
        assert_eq!(server_reason(403, br#"{"errors":["permission denied"]}"#), "HTTP 403: permission denied");
        assert_eq!(server_reason(503, br#"{"errors":["Vault is sealed"]}"#), "HTTP 503: Vault is sealed");
        assert!(server_reason(404, br#"{"errors":[]}"#).starts_with("HTTP 404: not found"));
        assert_eq!(server_reason(500, b"<html>"), "HTTP 500");
    }

    #[test]
    fn write_body_is_kv_v2() {
        let b = WriteBody { data: WriteValue { value: "a\"b" }, options: Some(CasOption { cas: 0 }) };
        assert_eq!(serde_json::to_string(&b).unwrap(), r#"{"data":{"value":"a\"b"},"options":{"cas":0}}"#);
    }

    #[test]
    fn ca_pem_must_hold_a_certificate() {
        assert!(ca_certs("not pem").is_err());
        assert!(ca_certs("").is_err());
    }
}
