//! Round trips to PostgreSQL of a steady-state read: `vault secret get NAME --reveal` with a
//! session makes at most 3 query turns after the connection start-up.
//!
//! The vault talks to the test server through a small TCP proxy started here, which records
//! every chunk of bytes each way in the order it saw them. Turns are counted as
//! benches/pg_turns.py counts them: a turn is a maximal run of client-to-server sends followed by
//! at least one server-to-client reply; the turns up to and including the one in which the server
//! first sends ReadyForQuery ('Z') are the start-up, the rest are query turns; the closing
//! Terminate ('X') that gets no answer is no turn.
//!
//! The same proxy can also play a hostile server that changes what it sends (see [`Rewrite`]).
//!
//! Without VAULT_TEST_PG these tests have no server: they pass outside CI and fail in it (see
//! `common::pg::database_url_for_new_db`).

mod common;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::pg::{at, init_at, token};
use predicates::str::contains;

/// The most query turns a `secret get` with a session may take.
const MAX_QUERY_TURNS: usize = 3;

/// How long a proxied connection may stay open after the vault process exited.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(10);

/// `vault` at `url` with a session and no passphrase.
fn with_session(home: &Path, url: &str, session: &str) -> assert_cmd::Command {
    let mut cmd = at(home, url);
    cmd.env_remove("VAULT_PASSPHRASE").env("VAULT_SESSION", session);
    cmd
}

/// The `host:port` of a single-host database URL, and the URL with its port replaced by `port`.
fn split_url(url: &str, port: u16) -> (String, String) {
    let start = url.find("://").map_or(0, |i| i + 3);
    let end = url[start..].find('/').map_or(url.len(), |i| start + i);
    let authority = &url[start..end];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, hp)| hp);
    let (host, _) = host_port.rsplit_once(':').unwrap_or_else(|| panic!("no port in {url}"));
    let prefix_end = end - host_port.len();
    let proxied = format!("{}{host}:{port}{}", &url[..prefix_end], &url[end..]);
    (host_port.to_owned(), proxied)
}

/// One chunk of bytes the proxy forwarded, in the order it saw them.
#[derive(Debug, Clone)]
enum Event {
    /// Client to server.
    Sent(Vec<u8>),
    /// Server to client.
    Received(Vec<u8>),
}

/// One proxied connection: its bytes both ways, and word when each direction is done.
struct Conn {
    events: Arc<Mutex<Vec<Event>>>,
    done: Mutex<mpsc::Receiver<()>>,
    /// With a [`Rewrite`]: how often its `old` came from the server (the bytes as sent, before
    /// any change), and how many of those were rewritten (0 or 1).
    found: AtomicUsize,
    rewritten: AtomicUsize,
}

impl Conn {
    /// Waits until both directions closed; false after `CLOSE_TIMEOUT` (a hang).
    fn wait_closed(&self) -> bool {
        let done = self.done.lock().unwrap();
        (0..2).all(|_| done.recv_timeout(CLOSE_TIMEOUT).is_ok())
    }

    fn events(&self) -> Vec<Event> {
        self.events.lock().unwrap().clone()
    }
}

/// A change a hostile server makes to what it sends: on each connection, the `nth` (from 1)
/// occurrence of `old` in the server's bytes becomes `new`, of the same length.
#[derive(Debug, Clone)]
struct Rewrite {
    old: Vec<u8>,
    new: Vec<u8>,
    nth: usize,
}

/// A TCP proxy on 127.0.0.1 to the test server that records every connection it forwards.
struct Proxy {
    port: u16,
    conns: Arc<Mutex<Vec<Arc<Conn>>>>,
    /// The rewrite applied to the connections accepted from now on (none: bytes pass as they
    /// are).
    rewrite: Arc<Mutex<Option<Rewrite>>>,
}

impl Proxy {
    fn start(server: String) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the proxy");
        let port = listener.local_addr().unwrap().port();
        let conns: Arc<Mutex<Vec<Arc<Conn>>>> = Arc::default();
        let rewrite: Arc<Mutex<Option<Rewrite>>> = Arc::default();
        let (list, rule) = (conns.clone(), rewrite.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let upstream = TcpStream::connect(&server).unwrap_or_else(|e| panic!("proxy: connect {server}: {e}"));
                let _ = client.set_nodelay(true);
                let _ = upstream.set_nodelay(true);
                let events: Arc<Mutex<Vec<Event>>> = Arc::default();
                let (tx, rx) = mpsc::channel();
                let conn = Arc::new(Conn {
                    events: events.clone(),
                    done: Mutex::new(rx),
                    found: AtomicUsize::new(0),
                    rewritten: AtomicUsize::new(0),
                });
                list.lock().unwrap().push(conn.clone());
                let rewrite = rule.lock().unwrap().clone().map(|r| (r, conn));
                let (c_in, s_out) = (client.try_clone().unwrap(), upstream.try_clone().unwrap());
                pump(c_in, s_out, events.clone(), Event::Sent, tx.clone(), None);
                pump(upstream, client, events, Event::Received, tx, rewrite);
            }
        });
        Proxy { port, conns, rewrite }
    }

    /// Rewrites what the server sends on every connection accepted from now on.
    fn rewrite_from_now(&self, rewrite: Rewrite) {
        assert_eq!(rewrite.old.len(), rewrite.new.len(), "a rewrite keeps the length");
        assert!(!rewrite.old.is_empty() && rewrite.nth >= 1);
        *self.rewrite.lock().unwrap() = Some(rewrite);
    }

    fn connections(&self) -> usize {
        self.conns.lock().unwrap().len()
    }

    /// The connections made since there were `before`.
    fn since(&self, before: usize) -> Vec<Arc<Conn>> {
        self.conns.lock().unwrap()[before..].to_vec()
    }
}

/// Forwards `from` to `to` on a thread, recording each chunk before it passes it on (so a reply
/// it provokes is always recorded after it); on end of stream shuts `to` for writing. With a
/// rewrite, changes each chunk first (see [`apply`]) and keeps its counts in the connection.
fn pump(
    mut from: TcpStream,
    mut to: TcpStream,
    events: Arc<Mutex<Vec<Event>>>,
    wrap: fn(Vec<u8>) -> Event,
    done: mpsc::Sender<()>,
    rewrite: Option<(Rewrite, Arc<Conn>)>,
) {
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        // The end of the bytes before this chunk, as they came: an occurrence split across two
        // chunks is counted (it can no longer be changed: the test sees it as not rewritten).
        let mut tail: Vec<u8> = Vec::new();
        loop {
            let n = match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if let Some((rule, conn)) = &rewrite {
                apply(rule, conn, &mut tail, &mut buf[..n]);
            }
            events.lock().unwrap().push(wrap(buf[..n].to_vec()));
            if to.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        let _ = to.shutdown(Shutdown::Write);
        let _ = from.shutdown(Shutdown::Read);
        let _ = done.send(());
    });
}

/// Counts the occurrences of `rule.old` that end in `chunk` (one begun in `tail`, the previous
/// bytes as they came, included) and replaces the `rule.nth` in place if it lies wholly in
/// `chunk`; then keeps the chunk's end as the next `tail`.
fn apply(rule: &Rewrite, conn: &Conn, tail: &mut Vec<u8>, chunk: &mut [u8]) {
    let len = rule.old.len();
    let mut joined = std::mem::take(tail);
    let offset = joined.len();
    joined.extend_from_slice(chunk);
    for start in 0..(joined.len() + 1).saturating_sub(len) {
        if joined[start..start + len] != rule.old[..] {
            continue;
        }
        let count = conn.found.fetch_add(1, Ordering::SeqCst) + 1;
        if count == rule.nth && start >= offset {
            chunk[start - offset..start - offset + len].copy_from_slice(&rule.new);
            conn.rewritten.fetch_add(1, Ordering::SeqCst);
        }
    }
    *tail = joined[joined.len().saturating_sub(len - 1)..].to_vec();
}

/// One turn: the client's messages, the server's, and whether it is part of the start-up.
#[derive(Debug, Default)]
struct Turn {
    client: Vec<String>,
    server: Vec<String>,
    replied: bool,
    startup: bool,
}

/// The turns of one connection, from its events (pg_turns.py's `analyse`).
fn turns(events: &[Event]) -> Vec<Turn> {
    let mut out: Vec<Turn> = Vec::new();
    let (mut cbuf, mut sbuf) = (Vec::new(), Vec::new());
    let mut untyped = true; // start-up packets (no type byte) still come from the client
    let mut ssl_reply_pending = false;
    let mut ready_seen = false;
    let mut sending = false;
    for e in events {
        match e {
            Event::Sent(data) => {
                if !sending {
                    out.push(Turn { startup: !ready_seen, ..Turn::default() });
                    sending = true;
                }
                cbuf.extend_from_slice(data);
                let msgs = client_msgs(&mut cbuf, &mut untyped, &mut ssl_reply_pending);
                out.last_mut().unwrap().client.extend(msgs);
            }
            Event::Received(data) => {
                let Some(turn) = out.last_mut() else { continue };
                sending = false;
                turn.replied = true;
                sbuf.extend_from_slice(data);
                let msgs = server_msgs(&mut sbuf, &mut ssl_reply_pending, &mut untyped);
                if msgs.iter().any(|m| m == "ReadyForQuery") {
                    ready_seen = true;
                }
                turn.server.extend(msgs);
            }
        }
    }
    out
}

fn be32(b: &[u8]) -> usize {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize
}

/// A NUL-terminated string at the start of `b`, shortened for display.
fn cstr(b: &[u8]) -> String {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    let s = String::from_utf8_lossy(&b[..end]).split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 80 {
        format!("{}...", s.chars().take(80).collect::<String>())
    } else {
        s
    }
}

/// The complete client messages at the front of `buf` (removed from it).
fn client_msgs(buf: &mut Vec<u8>, untyped: &mut bool, ssl_reply_pending: &mut bool) -> Vec<String> {
    let mut msgs = Vec::new();
    let mut i = 0;
    loop {
        if *untyped {
            if buf.len() - i < 8 {
                break;
            }
            let (n, code) = (be32(&buf[i..]), be32(&buf[i + 4..]));
            if buf.len() - i < n {
                break;
            }
            match code {
                80877103 => {
                    msgs.push("SSLRequest".to_owned());
                    *ssl_reply_pending = true;
                }
                80877104 => {
                    msgs.push("GSSENCRequest".to_owned());
                    *ssl_reply_pending = true;
                }
                _ => {
                    msgs.push("StartupMessage".to_owned());
                    *untyped = false;
                }
            }
            i += n.max(8);
            continue;
        }
        if buf.len() - i < 5 {
            break;
        }
        let n = be32(&buf[i + 1..]);
        if buf.len() - i < 1 + n {
            break;
        }
        let body = &buf[i + 5..i + 1 + n];
        msgs.push(match buf[i] {
            b'Q' => format!("Query: {}", cstr(body)),
            b'P' => {
                let name_end = body.iter().position(|&c| c == 0).map_or(body.len(), |p| p + 1);
                format!("Parse: {}", cstr(&body[name_end..]))
            }
            b'B' => "Bind".to_owned(),
            b'D' => "Describe".to_owned(),
            b'E' => "Execute".to_owned(),
            b'S' => "Sync".to_owned(),
            b'H' => "Flush".to_owned(),
            b'C' => "Close".to_owned(),
            b'X' => "Terminate".to_owned(),
            b'p' => "Password/SASL".to_owned(),
            t => format!("'{}'", t as char),
        });
        i += 1 + n;
    }
    buf.drain(..i);
    msgs
}

/// The complete server messages at the front of `buf` (removed from it). The answer to an
/// SSLRequest is one unframed byte ('N': the client sends its StartupMessage next, untyped).
fn server_msgs(buf: &mut Vec<u8>, ssl_reply_pending: &mut bool, client_untyped: &mut bool) -> Vec<String> {
    let mut msgs = Vec::new();
    let mut i = 0;
    if *ssl_reply_pending && !buf.is_empty() {
        msgs.push(format!("SSLResponse {}", buf[0] as char));
        assert_eq!(buf[0], b'N', "the test server answered the SSLRequest with {:?}: TLS is not proxied", buf[0]);
        *ssl_reply_pending = false;
        *client_untyped = true;
        i = 1;
    }
    while buf.len() - i >= 5 {
        let n = be32(&buf[i + 1..]);
        if buf.len() - i < 1 + n {
            break;
        }
        let body = &buf[i + 5..i + 1 + n];
        msgs.push(match buf[i] {
            b'C' => format!("CommandComplete: {}", cstr(body)),
            b'E' => {
                // Fields: type byte, NUL-terminated value; 'M' is the message.
                let mut j = 0;
                let mut m = String::new();
                while j < body.len() && body[j] != 0 {
                    let v = cstr(&body[j + 1..]);
                    let len = body[j + 1..].iter().position(|&c| c == 0).unwrap_or(body.len() - j - 1);
                    if body[j] == b'M' {
                        m = v;
                    }
                    j += len + 2;
                }
                format!("ErrorResponse: {m}")
            }
            b'R' => "Authentication".to_owned(),
            b'S' => "ParameterStatus".to_owned(),
            b'K' => "BackendKeyData".to_owned(),
            b'Z' => "ReadyForQuery".to_owned(),
            b'1' => "ParseComplete".to_owned(),
            b'2' => "BindComplete".to_owned(),
            b'3' => "CloseComplete".to_owned(),
            b'T' => "RowDescription".to_owned(),
            b'D' => "DataRow".to_owned(),
            b'n' => "NoData".to_owned(),
            b't' => "ParameterDescription".to_owned(),
            b'N' => "Notice".to_owned(),
            b'I' => "EmptyQuery".to_owned(),
            t => format!("'{}'", t as char),
        });
        i += 1 + n;
    }
    buf.drain(..i);
    msgs
}

/// Messages in short: those `keep` picks one a line, in order, then the others counted by type
/// (the part before ':') in the order they first came, on one line.
fn tally(msgs: &[String], keep: fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = msgs.iter().filter(|m| keep(m)).cloned().collect();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in msgs.iter().filter(|m| !keep(m)) {
        let kind = m.split(':').next().unwrap_or(m);
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    if !counts.is_empty() {
        let list: Vec<String> =
            counts.into_iter().map(|(k, n)| if n > 1 { format!("{k} x{n}") } else { k.to_owned() }).collect();
        out.push(list.join(", "));
    }
    out
}

/// The turns of a connection as text, one block per turn: the client's statements one a line
/// (`>`), its other messages and the server's (`<`) counted by type, server errors in full.
fn describe(turns: &[Turn]) -> String {
    let mut s = String::new();
    let (mut st, mut q) = (0, 0);
    for t in turns.iter().filter(|t| t.replied) {
        let label = if t.startup {
            st += 1;
            format!("start-up turn {st}")
        } else {
            q += 1;
            format!("query turn {q}")
        };
        s.push_str(&format!("{label}:\n"));
        for m in tally(&t.client, |m| m.starts_with("Query:") || m.starts_with("Parse:")) {
            s.push_str(&format!("   > {m}\n"));
        }
        for m in tally(&t.server, |m| m.starts_with("ErrorResponse")) {
            s.push_str(&format!("   < {m}\n"));
        }
    }
    let unanswered: Vec<String> = turns.iter().filter(|t| !t.replied).flat_map(|t| t.client.clone()).collect();
    if !unanswered.is_empty() {
        s.push_str(&format!("unanswered: {}\n", tally(&unanswered, |_| false).join(", ")));
    }
    s
}

/// The one connection a command made through the proxy since there were `before`, once it has
/// closed: its turns, `(start-up, query)` counts and description.
fn measure(proxy: &Proxy, before: usize, what: &str) -> (usize, usize, String) {
    let conns = proxy.since(before);
    assert_eq!(conns.len(), 1, "{what}: expected exactly one connection to the database, saw {}", conns.len());
    assert!(
        conns[0].wait_closed(),
        "{what}: the proxied connection was still open {CLOSE_TIMEOUT:?} after vault exited"
    );
    let turns = turns(&conns[0].events());
    let startup = turns.iter().filter(|t| t.replied && t.startup).count();
    let query = turns.iter().filter(|t| t.replied && !t.startup).count();
    let text = describe(&turns);
    eprintln!("{what}: {startup} start-up turns, {query} query turns\n{text}");
    (startup, query, text)
}

/// A vault at a fresh database with project `app` holding `API_KEY`, a session for alice, and
/// a proxy to the server: `(home, proxied url, session)`.
fn set_up(value: &str) -> Option<(tempfile::TempDir, Proxy, String, String)> {
    let url = common::pg::database_url_for_new_db()?;
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    init_at(h, &url).assert().success();
    at(h, &url).args(["project", "create", "app"]).assert().success();
    at(h, &url)
        .args(["secret", "create", "API_KEY", "--project", "app"])
        .write_stdin(value)
        .assert()
        .success()
        .stdout("")
        .stderr(contains("created secret 'API_KEY' in project 'app'"));
    let session = token(at(h, &url).args(["unlock", "--ttl", "1h"]).assert().success().get_output());
    let (server, _) = split_url(&url, 0);
    let proxy = Proxy::start(server);
    let (_, proxied) = split_url(&url, proxy.port);
    Some((home, proxy, proxied, session))
}

#[test]
fn a_secret_get_with_a_session_takes_at_most_three_query_turns() {
    let value = "s3cr3t-value-for-round-trips";
    let Some((home, proxy, url, session)) = set_up(value) else { return };
    let h = home.path();
    let get = || {
        let mut cmd = with_session(h, &url, &session);
        cmd.args(["secret", "get", "API_KEY", "--project", "app", "--reveal"]);
        cmd
    };

    // Warm-up, uncounted: vault remembers the vault id found at this URL.
    let before = proxy.connections();
    get().assert().success().stdout(value.to_owned());
    measure(&proxy, before, "warm-up secret get");

    let before = proxy.connections();
    let out = get().assert().success().get_output().clone();
    let (startup, query, text) = measure(&proxy, before, "counted secret get");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        value,
        "the value printed; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(startup >= 1, "no start-up turn seen (no ReadyForQuery?):\n{text}");
    assert!(
        query <= MAX_QUERY_TURNS,
        "`secret get --reveal` with a session took {query} query turns (at most {MAX_QUERY_TURNS}):\n{text}"
    );
}

#[test]
fn a_missing_secret_fails_cleanly_through_the_proxy() {
    let Some((home, proxy, url, session)) = set_up("some-value-1234") else { return };
    let h = home.path();
    let get = |name: &str| {
        let mut cmd = with_session(h, &url, &session);
        cmd.args(["secret", "get", name, "--project", "app", "--reveal"]);
        cmd
    };
    // Warm-up on the secret that exists, then the one that does not.
    let before = proxy.connections();
    get("API_KEY").assert().success();
    measure(&proxy, before, "warm-up secret get");

    let before = proxy.connections();
    get("NO_SUCH_SECRET")
        .assert()
        .code(3)
        .stdout("")
        .stderr(contains("vault: error: "))
        .stderr(contains("NO_SUCH_SECRET"));
    // One connection, closed once vault exited (no hang), and no server error on it.
    let (_, _, text) = measure(&proxy, before, "secret get of a missing secret");
    assert!(!text.contains("ErrorResponse"), "the server refused a statement:\n{text}");
}

/// `vault run` with a session: the same three query turns (the unlock, the project with every
/// secret and version, the audit event), and the program gets the value.
#[test]
fn a_run_with_a_session_takes_at_most_three_query_turns() {
    let value = "s3cr3t-value-for-a-run";
    let Some((home, proxy, url, session)) = set_up(value) else { return };
    let h = home.path();
    // The program reports a digest of what it got (the value stays out of every argv).
    let digest = hex::encode(vault::crypto::sha256(value.as_bytes()));
    let run = || {
        let mut cmd = with_session(h, &url, &session);
        cmd.args(["run", "--project", "app", "--", "sh", "-c", "printf %s \"$API_KEY\" | sha256sum | cut -c1-64"]);
        cmd
    };
    let before = proxy.connections();
    run().assert().success().stdout(format!("{digest}\n"));
    measure(&proxy, before, "warm-up run");

    let before = proxy.connections();
    run().assert().success().stdout(format!("{digest}\n"));
    let (_, query, text) = measure(&proxy, before, "counted run");
    assert!(
        query <= MAX_QUERY_TURNS,
        "`vault run` with a session took {query} query turns (at most {MAX_QUERY_TURNS}):\n{text}"
    );
}

/// Runs SQL on the database at `url` as the test server's admin (the attacker who runs the
/// server); the first column of each row.
fn sql_at(url: &str, sql: &str) -> Vec<String> {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap_or_else(|e| panic!("connect {url}: {e}"));
    let msgs = c.simple_query(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    msgs.into_iter()
        .filter_map(|m| match m {
            postgres::SimpleQueryMessage::Row(r) => Some(r.get(0).unwrap_or("").to_owned()),
            _ => None,
        })
        .collect()
}

/// A server that rolls the vault back to an older copy and gives, once per connection, another
/// vault id than its own (the `nth` time the id goes to the client, for each of the first
/// three) cannot make vault take the older copy: it picks what this computer saw of a vault by
/// the id it read, so the vault it unlocks must have that id. Every read is exit 7, the old value
/// never shows, and what this computer saw is not overwritten (a direct read after each is still
/// exit 7). Through a proxy at a new URL (vault asks the id before the snapshot and again in it),
/// and through one whose URL this computer already knows the vault id of (asked only in it).
#[test]
fn a_server_that_swaps_the_vault_id_cannot_hide_a_rollback() {
    const OLD: &str = "old-value-rolled-back-9c41";
    const NEW: &str = "new-value-after-the-edit-5e27";
    let Some(url) = common::pg::database_url_for_new_db() else { return };
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let (server, _) = split_url(&url, 0);
    let get = |url: &str| {
        let mut cmd = at(h, url);
        cmd.args(["secret", "get", "API_KEY", "--project", "app", "--reveal"]);
        cmd
    };
    init_at(h, &url).assert().success();
    at(h, &url).args(["project", "create", "app"]).assert().success();
    at(h, &url).args(["secret", "create", "API_KEY", "--project", "app"]).write_stdin(OLD).assert().success();

    // The attacker keeps a copy of every table of the vault.
    let tables = sql_at(&url, "SELECT tablename FROM pg_tables WHERE schemaname = 'vault' ORDER BY tablename");
    assert!(tables.iter().any(|t| t == "meta"), "the vault's tables: {tables:?}");
    for t in &tables {
        sql_at(&url, &format!("CREATE TABLE public.bk_{t} AS SELECT * FROM vault.{t}"));
    }
    at(h, &url)
        .args(["secret", "edit", "API_KEY", "--project", "app", "--value-stdin"])
        .write_stdin(NEW)
        .assert()
        .success();
    // This computer reads the newer vault, so it remembers where it stands; and through the
    // proxies of the second round, so it remembers the vault id at their URLs too.
    get(&url).assert().success().stdout(NEW);
    let known: Vec<Proxy> = (0..3).map(|_| Proxy::start(server.clone())).collect();
    for proxy in &known {
        let (_, proxied) = split_url(&url, proxy.port);
        get(&proxied).assert().success().stdout(NEW);
    }

    // The rollback: the tables put back to the copy.
    for t in &tables {
        sql_at(
            &url,
            &format!(
                "ALTER TABLE vault.{t} DISABLE TRIGGER ALL; DELETE FROM vault.{t}; \
                 INSERT INTO vault.{t} SELECT * FROM public.bk_{t}; ALTER TABLE vault.{t} ENABLE TRIGGER ALL"
            ),
        );
    }
    let refused = |what: &str, cmd: &mut assert_cmd::Command| {
        let out = cmd.output().unwrap();
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        eprintln!("{what}: exit {:?}, stderr: {}", out.status.code(), stderr.trim_end());
        assert!(!stdout.contains(OLD) && !stderr.contains(OLD), "{what}: the old value showed: {stdout}{stderr}");
        assert_eq!(out.status.code(), Some(7), "{what}: the rolled-back vault was not refused: {stdout}{stderr}");
        stderr.into_owned()
    };
    refused("direct, after the rollback", &mut get(&url));

    let id = sql_at(&url, "SELECT convert_from(value, 'UTF8') FROM vault.meta WHERE key = 'vault_id'").remove(0);
    assert!(!id.is_empty() && id.bytes().all(|b| b.is_ascii_hexdigit()), "vault id {id:?}");
    // Another id that looks like one: each hex digit one on.
    let fake: String =
        id.chars().map(|c| std::char::from_digit((c.to_digit(16).unwrap() + 1) % 16, 16).unwrap()).collect();
    assert_ne!(id, fake);

    let mut rewritten = Vec::new();
    for (round, proxies) in [("new URL", None), ("known URL", Some(&known))] {
        for nth in 1..=3 {
            let fresh;
            let proxy = match proxies {
                Some(known) => &known[nth - 1],
                None => {
                    fresh = Proxy::start(server.clone());
                    &fresh
                }
            };
            proxy.rewrite_from_now(Rewrite { old: id.clone().into_bytes(), new: fake.clone().into_bytes(), nth });
            let (_, proxied) = split_url(&url, proxy.port);
            let before = proxy.connections();
            let what = format!("{round}, the vault id swapped the {nth}. time");
            let stderr = refused(&what, &mut get(&proxied));
            let conns = proxy.since(before);
            for c in &conns {
                assert!(
                    c.wait_closed(),
                    "{what}: a proxied connection was still open {CLOSE_TIMEOUT:?} after vault exited"
                );
            }
            let found: usize = conns.iter().map(|c| c.found.load(Ordering::SeqCst)).sum();
            let swapped: usize = conns.iter().map(|c| c.rewritten.load(Ordering::SeqCst)).sum();
            eprintln!("{what}: {} connection(s), the id sent {found} time(s), {swapped} swapped", conns.len());
            if swapped > 0 {
                rewritten.push(what.clone());
            }
            assert!(
                swapped > 0 || stderr.contains("older than the one this computer last saw"),
                "{what}: nothing swapped, yet not refused as a rollback: {stderr}"
            );
            refused(&format!("direct, after {what}"), &mut get(&url));
        }
    }
    // The swaps that hid the rollback before vault checked the id it unlocked: the second time
    // at a new URL (the first is the id asked before the snapshot), the first at a known one.
    for must in ["new URL, the vault id swapped the 2. time", "known URL, the vault id swapped the 1. time"] {
        assert!(rewritten.iter().any(|w| w == must), "{must}: the proxy never swapped the id (swapped: {rewritten:?})");
    }
}
