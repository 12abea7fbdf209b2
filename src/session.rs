//! Unlocked sessions for scripts (DESIGN.md section 5).
//!
//! `vault unlock` seals the user's keys under a fresh random session key and writes the sealed
//! blob to a file in the runtime folder (0600 in a 0700 folder). The token printed to the user
//! names the file and carries the key; the file alone opens nothing. The expiry is bound into the
//! seal's associated data, so editing it in the file breaks the seal. `vault lock` deletes the
//! file. With a session a command costs no key derivation.
//!
//! The file also carries the session's memo (see `crypto::memo`), sealed under the same key:
//! the signature checks and key unwraps earlier commands made, so later ones skip them. A
//! command that added to it writes the file again (a new file renamed over the old one, under
//! a lock on the folder that `vault lock` takes too, so a locked session never comes back).

use std::fs::{DirBuilder, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;

use base64::Engine;
use zeroize::Zeroizing;

use crate::crypto::{self, domain, Key32, UserKeys};
use crate::{Error, Result};

const TOKEN_PREFIX: &str = "vs1";
/// The first format: no memo.
const FILE_MAGIC_V1: &[u8; 4] = b"VSS1";
/// As the first, but the keys' seal is length-prefixed and the sealed memo (possibly empty)
/// follows it to the end.
const FILE_MAGIC: &[u8; 4] = b"VSS2";

/// What a session holds once opened.
pub struct Session {
    pub vault_id: String,
    pub user_id: String,
    pub expires_at: i64,
    pub keys: UserKeys,
    /// The memo of earlier commands (empty when there is none or it does not open).
    pub memo: crypto::memo::Memo,
}

/// The session token from `VAULT_SESSION`, removed from our environment once read so that
/// nothing we start inherits it.
pub fn token_from_env() -> Option<Zeroizing<String>> {
    let t = std::env::var("VAULT_SESSION").ok().filter(|t| !t.is_empty())?;
    std::env::remove_var("VAULT_SESSION");
    Some(Zeroizing::new(t))
}

/// The folder holding session files: `$XDG_RUNTIME_DIR/vault`, else `/tmp/vault-<uid>`.
pub fn dir() -> PathBuf {
    match directories::BaseDirs::new().and_then(|d| d.runtime_dir().map(|r| r.join("vault"))) {
        Some(d) => d,
        None => std::env::temp_dir().join(format!("vault-{}", crate::sys::uid())),
    }
}

/// A parsed session token: the session's id and the key that opens its file.
pub struct Token {
    id: String,
    key: Key32,
}

/// Parses a token as `vault unlock` prints it.
pub fn parse_token(token: &str) -> Result<Token> {
    let bad = || Error::Session("token is malformed; run `vault unlock` again".into());
    let mut parts = token.trim().splitn(3, '.');
    let (Some(TOKEN_PREFIX), Some(id), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad());
    };
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    let raw = Zeroizing::new(base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(key).map_err(|_| bad())?);
    let key = Key32::from_slice(&raw).map_err(|_| bad())?;
    Ok(Token { id: id.to_ascii_lowercase(), key })
}

fn session_ad(id: &str, vault_id: &str, user_id: &str, expires_at: i64) -> Vec<u8> {
    crypto::ad(domain::SESSION, &[id.as_bytes(), vault_id.as_bytes(), user_id.as_bytes(), &expires_at.to_be_bytes()])
}

/// Creates a session for `keys` lasting `ttl_secs`; returns the token.
pub fn create(vault_id: &str, user_id: &str, keys: &UserKeys, ttl_secs: i64) -> Result<Zeroizing<String>> {
    let dir = dir();
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(|e| Error::io(format!("cannot create session folder {}", dir.display()), e))?;
    let id = crypto::random_id();
    let key = Key32::generate();
    let expires_at = crate::store::now() + ttl_secs;
    let sealed = crypto::seal(&key, &keys.to_plaintext(), &session_ad(&id, vault_id, user_id, expires_at));
    let blob = file_bytes(&SessionFile {
        vault_id: vault_id.into(),
        user_id: user_id.into(),
        expires_at,
        sealed_keys: &sealed,
        sealed_memo: &[],
    });
    let path = dir.join(format!("{id}.session"));
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .and_then(|mut f| f.write_all(&blob))
        .map_err(|e| Error::io(format!("cannot write session file {}", path.display()), e))?;
    let token =
        format!("{TOKEN_PREFIX}.{id}.{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(key.expose()));
    Ok(Zeroizing::new(token))
}

/// A session file, parsed but not opened.
#[derive(Debug)]
pub struct SessionFile<'a> {
    pub vault_id: String,
    pub user_id: String,
    pub expires_at: i64,
    pub sealed_keys: &'a [u8],
    /// Empty when the file has no memo.
    pub sealed_memo: &'a [u8],
}

fn file_bytes(f: &SessionFile<'_>) -> Vec<u8> {
    let mut blob = Vec::with_capacity(64 + f.sealed_keys.len() + f.sealed_memo.len());
    blob.extend_from_slice(FILE_MAGIC);
    for field in [f.vault_id.as_bytes(), f.user_id.as_bytes()] {
        blob.extend_from_slice(&(field.len() as u32).to_be_bytes());
        blob.extend_from_slice(field);
    }
    blob.extend_from_slice(&f.expires_at.to_be_bytes());
    blob.extend_from_slice(&(f.sealed_keys.len() as u32).to_be_bytes());
    blob.extend_from_slice(f.sealed_keys);
    blob.extend_from_slice(f.sealed_memo);
    blob
}

/// Parses a session file's bytes (either format); `None` when malformed.
pub fn parse_file(blob: &[u8]) -> Option<SessionFile<'_>> {
    let (v1, mut rest) = match blob.split_at_checked(4)? {
        (m, rest) if m == FILE_MAGIC_V1 => (true, rest),
        (m, rest) if m == FILE_MAGIC => (false, rest),
        _ => return None,
    };
    let field = |rest: &mut &[u8]| -> Option<Vec<u8>> {
        let n = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let f = rest.get(4..4usize.checked_add(n)?)?.to_vec();
        *rest = &rest[4 + n..];
        Some(f)
    };
    let vault_id = String::from_utf8(field(&mut rest)?).ok()?;
    let user_id = String::from_utf8(field(&mut rest)?).ok()?;
    let expires_at = i64::from_be_bytes(rest.get(..8)?.try_into().ok()?);
    let rest = &rest[8..];
    if v1 {
        return Some(SessionFile { vault_id, user_id, expires_at, sealed_keys: rest, sealed_memo: &[] });
    }
    let n = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let sealed_keys = rest.get(4..4usize.checked_add(n)?)?;
    let sealed_memo = &rest[4 + n..];
    Some(SessionFile { vault_id, user_id, expires_at, sealed_keys, sealed_memo })
}

fn memo_ad(id: &str, f: &SessionFile<'_>) -> Vec<u8> {
    crypto::ad(
        domain::SESSION_MEMO,
        &[id.as_bytes(), f.vault_id.as_bytes(), f.user_id.as_bytes(), &f.expires_at.to_be_bytes()],
    )
}

fn open_memo(t: &Token, f: &SessionFile<'_>) -> Option<crypto::memo::Memo> {
    if f.sealed_memo.is_empty() {
        return None;
    }
    let pt = crypto::open(&t.key, f.sealed_memo, &memo_ad(&t.id, f)).ok()?;
    crypto::memo::Memo::from_bytes(&pt)
}

/// Saves `memo` into the session a token names, merged with what the file holds now. Best
/// effort: a session that is gone (locked), expired or unreadable is left alone.
pub fn save_memo(token: &str, mut memo: crypto::memo::Memo) {
    let Ok(t) = parse_token(token) else { return };
    let dir = dir();
    let Ok(_lock) = DirLock::take(&dir) else { return };
    let path = dir.join(format!("{}.session", t.id));
    let Ok(blob) = std::fs::read(&path) else { return };
    let Some(f) = parse_file(&blob) else { return };
    if crypto::open(&t.key, f.sealed_keys, &session_ad(&t.id, &f.vault_id, &f.user_id, f.expires_at)).is_err()
        || crate::store::now() >= f.expires_at
    {
        return;
    }
    if let Some(old) = open_memo(&t, &f) {
        memo.merge(old);
    }
    let sealed_memo = crypto::seal(&t.key, &memo.to_bytes(), &memo_ad(&t.id, &f));
    let new = file_bytes(&SessionFile { sealed_memo: &sealed_memo, ..f });
    // A fixed name, made and renamed under the folder lock: one left by a crash is replaced
    // here and removed by `vault lock`, so no copy of a locked session stays behind.
    let tmp = tmp_path(&dir, &t.id);
    let _ = std::fs::remove_file(&tmp);
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .and_then(|mut file| file.write_all(&new));
    if written.is_err() || std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Where a session file is written before it is renamed over the old one.
fn tmp_path(dir: &std::path::Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.session.tmp"))
}

/// An exclusive `flock` on the session folder: saving a memo and `vault lock` take it, so a
/// save never puts back a session that was just locked.
struct DirLock {
    _file: std::fs::File,
}

impl DirLock {
    fn take(dir: &std::path::Path) -> std::io::Result<DirLock> {
        use std::os::fd::AsRawFd;
        let f = std::fs::File::open(dir)?;
        crate::sys::flock_exclusive(f.as_raw_fd())?;
        Ok(DirLock { _file: f })
    }
}

/// Opens the session a token names. Expired: the file is deleted and the error says so.
pub fn load(token: &str) -> Result<Session> {
    let t = parse_token(token)?;
    let path = dir().join(format!("{}.session", t.id));
    let blob = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Session("is locked or unknown; run `vault unlock` again".into()))
        }
        Err(e) => return Err(Error::io(format!("cannot read session file {}", path.display()), e)),
    };
    let f = parse_file(&blob).ok_or_else(|| Error::Session("file is damaged; run `vault unlock` again".into()))?;
    let pt = crypto::open(&t.key, f.sealed_keys, &session_ad(&t.id, &f.vault_id, &f.user_id, f.expires_at)).map_err(
        |_| Error::Session("does not open with this token (edited or replaced); run `vault unlock` again".into()),
    )?;
    if crate::store::now() >= f.expires_at {
        let _ = std::fs::remove_file(&path);
        return Err(Error::Session("has expired; run `vault unlock` again".into()));
    }
    let keys = UserKeys::from_plaintext(&pt).map_err(|_| Error::Session("file is damaged".into()))?;
    // A memo that does not open is ignored: it only saves work, and is rebuilt.
    let memo = open_memo(&t, &f).unwrap_or_default();
    Ok(Session { vault_id: f.vault_id, user_id: f.user_id, expires_at: f.expires_at, keys, memo })
}

/// Deletes the session a token names. Returns whether a file was there.
pub fn lock(token: &str) -> Result<bool> {
    let t = parse_token(token)?;
    let dir = dir();
    let path = dir.join(format!("{}.session", t.id));
    // Under the folder lock, so a command saving its memo cannot write the file back after.
    let _lock = DirLock::take(&dir);
    let _ = std::fs::remove_file(tmp_path(&dir, &t.id));
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(format!("cannot delete session file {}", path.display()), e)),
    }
}

/// Parses a TTL such as `30s`, `15m`, `2h`, `1d` (a bare number is minutes).
pub fn parse_ttl(s: &str) -> std::result::Result<i64, String> {
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: i64 = num.parse().map_err(|_| format!("'{s}' is not a duration like 30s, 15m, 2h or 1d"))?;
    let mult = match unit {
        "s" => 1,
        "" | "m" => 60,
        "h" => 3600,
        "d" => 86400,
        _ => return Err(format!("'{s}' has an unknown unit; use s, m, h or d")),
    };
    let secs = n.checked_mul(mult).filter(|v| (1..=30 * 86400).contains(v));
    secs.ok_or_else(|| format!("'{s}' must be between 1 second and 30 days"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttl_parsing() {
        assert_eq!(parse_ttl("15m"), Ok(900));
        assert_eq!(parse_ttl("30s"), Ok(30));
        assert_eq!(parse_ttl("2h"), Ok(7200));
        assert_eq!(parse_ttl("5"), Ok(300));
        assert!(parse_ttl("0s").is_err());
        assert!(parse_ttl("31d").is_err());
        assert!(parse_ttl("5x").is_err());
        assert!(parse_ttl("").is_err());
        assert!(parse_ttl("99999999999999999999d").is_err());
    }

    #[test]
    fn tokens_are_checked() {
        assert!(parse_token("garbage").is_err());
        assert!(parse_token("vs1.zz.AAAA").is_err());
        let ok =
            format!("vs1.{}.{}", "a".repeat(32), base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([0u8; 32]));
        assert!(parse_token(&ok).is_ok());
        assert!(parse_file(b"").is_none());
        assert!(parse_file(b"VSS1\xff\xff\xff\xff").is_none());
        assert!(parse_file(b"VSS2\0\0\0\0\0\0\0\0\0\0\0\x08").is_none());
    }
}
