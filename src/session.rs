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
//!
//! Whoever can write in the session folder could bring a locked session back (move its file
//! away before `vault lock`, back after) or hold the folder's lock so that commands wait. So
//! the folder must be ours and private, and is refused otherwise (see `SessionDir`); the
//! lock is waited for [`LOCK_WAIT`] at most; each session file read must be a regular file of
//! ours, mode 0600.

use std::fs::{DirBuilder, Metadata, OpenOptions};
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

/// How long a command waits for another's lock on the session folder before it gives up.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);
/// The pause between two tries for that lock.
const LOCK_RETRY: Duration = Duration::from_millis(50);

/// How to get out of a refused session folder; ends each refusal.
const DIR_HINT: &str = "set XDG_RUNTIME_DIR to a private folder of yours (mode 0700)";

/// The folder holding session files: `$XDG_RUNTIME_DIR/vault` when `XDG_RUNTIME_DIR` is an
/// absolute path, else `vault-<uid>` in the temporary folder (`std::env::temp_dir()`, that is
/// `$TMPDIR`, else `/tmp`). Where it would be, unchecked: `SessionDir` checks it before use.
pub fn dir() -> PathBuf {
    match runtime_dir() {
        Some(r) => r.join("vault"),
        None => std::env::temp_dir().join(format!("vault-{}", crate::sys::uid())),
    }
}

/// `$XDG_RUNTIME_DIR`, if set to an absolute path (the XDG spec has a relative one ignored).
fn runtime_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).filter(|p| p.is_absolute())
}

/// The session folder, checked to be ours and private, with an open handle on it.
///
/// It must be a folder, not a symbolic link, owned by our effective uid, with no permission
/// bit for group or others. Its parent must keep it in place: `$XDG_RUNTIME_DIR` must be a
/// folder (not a symbolic link) owned by us that group and others cannot write in; the
/// temporary folder must belong to root or to us and, if others may write in it, have the
/// sticky bit (as `/tmp` has), so that nobody else can rename or delete our folder. So the
/// folder checked here is the one the paths below it reach afterwards. A folder that fails is
/// refused (exit 5), never repaired or removed: it may be someone else's.
struct SessionDir {
    path: PathBuf,
    /// Opened with `O_NOFOLLOW`, checked to be the folder examined; the lock is taken on it.
    handle: std::fs::File,
}

impl SessionDir {
    /// The session folder, made first (mode 0700) if missing, and `$XDG_RUNTIME_DIR` too.
    fn create() -> Result<SessionDir> {
        Self::open(true)?.ok_or_else(|| {
            Error::io(format!("cannot create session folder {}", dir().display()), std::io::ErrorKind::NotFound.into())
        })
    }

    /// The session folder if it exists (`None` when it or its parent does not).
    fn existing() -> Result<Option<SessionDir>> {
        Self::open(false)
    }

    /// Checks the parent, makes the folder with `create`, then checks the folder by `lstat`
    /// and again through a handle opened without following a symbolic link, which must be
    /// the same folder (a folder raced in between is refused, not used).
    fn open(create: bool) -> Result<Option<SessionDir>> {
        let path = dir();
        let parent_exists = match runtime_dir() {
            Some(rt) => check_runtime_dir(&rt, create)?,
            None => check_temp_dir(&std::env::temp_dir())?,
        };
        if !parent_exists && !create {
            return Ok(None);
        }
        if create {
            // One mkdir with the mode (under our umask 077): never a moment with more open
            // permissions. Made by someone else since: the checks below refuse it.
            match DirBuilder::new().mode(0o700).create(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io(format!("cannot create session folder {}", path.display()), e)),
            }
        }
        let what = format!("folder {}", path.display());
        let Some(seen) = lstat(&path)? else { return Ok(None) };
        check_private(&what, &seen)?;
        let handle = match crate::sys::open_dir_nofollow(&path) {
            Ok(h) => h,
            Err(e) if crate::sys::is_symlink_refusal(&e) => return Err(refuse(&what, "is a symbolic link")),
            Err(e) => return Err(Error::io(format!("cannot open session folder {}", path.display()), e)),
        };
        let opened =
            handle.metadata().map_err(|e| Error::io(format!("cannot examine session folder {}", path.display()), e))?;
        if (opened.dev(), opened.ino()) != (seen.dev(), seen.ino()) {
            return Err(refuse(&what, "was replaced while it was being checked"));
        }
        check_private(&what, &opened)?;
        Ok(Some(SessionDir { path, handle }))
    }

    /// Where the session `id` is kept.
    fn file(&self, id: &str) -> PathBuf {
        self.path.join(format!("{id}.session"))
    }

    /// Takes an exclusive `flock` on the folder, held until this value is dropped; saving a
    /// memo and `vault lock` take it, so a save never puts back a session that was just
    /// locked. Waits [`LOCK_WAIT`] at most: `Ok(false)` when another process held it all
    /// that time.
    fn lock(&self) -> std::io::Result<bool> {
        let deadline = Instant::now() + LOCK_WAIT;
        loop {
            if crate::sys::try_flock_exclusive(self.handle.as_raw_fd())? {
                return Ok(true);
            }
            if Instant::now() >= deadline {
                return Ok(false);
            }
            std::thread::sleep(LOCK_RETRY);
        }
    }

    /// The error of a lock not had in [`LOCK_WAIT`].
    fn lock_timeout(&self) -> Error {
        Error::Session(format!(
            "lock on {} is held by another process (waited {} s); try again",
            self.path.display(),
            LOCK_WAIT.as_secs()
        ))
    }
}

/// A refused session folder: one line naming it, what is wrong, and the way out.
fn refuse(what: &str, problem: &str) -> Error {
    Error::Session(format!("{what} {problem}; refusing to use it: {DIR_HINT}"))
}

/// `symlink_metadata`, with `None` for a path that does not exist.
fn lstat(path: &Path) -> Result<Option<Metadata>> {
    match std::fs::symlink_metadata(path) {
        Ok(m) => Ok(Some(m)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(format!("cannot examine {}", path.display()), e)),
    }
}

/// Permission bits as `ls -l` would count them, in octal: `0777`, `1777`.
fn octal(m: &Metadata) -> String {
    format!("{:04o}", m.mode() & 0o7777)
}

/// Refuses what is not a real folder of ours: not a folder, a symbolic link, someone else's.
fn check_own_folder(what: &str, m: &Metadata) -> Result<()> {
    let me = crate::sys::euid();
    if m.file_type().is_symlink() {
        return Err(refuse(what, "is a symbolic link"));
    }
    if !m.is_dir() {
        return Err(refuse(what, "is not a folder"));
    }
    if m.uid() != me {
        return Err(refuse(what, &format!("is owned by uid {}, not by you (uid {me})", m.uid())));
    }
    Ok(())
}

/// The session folder's own check: a real folder of ours that group and others cannot use.
fn check_private(what: &str, m: &Metadata) -> Result<()> {
    check_own_folder(what, m)?;
    if m.mode() & 0o077 != 0 {
        return Err(refuse(what, &format!("has mode {}, open to group or others", octal(m))));
    }
    Ok(())
}

/// Checks `$XDG_RUNTIME_DIR` (made first, mode 0700, when missing and `create`): a real
/// folder of ours that group and others cannot write in. Whether it exists.
fn check_runtime_dir(rt: &Path, create: bool) -> Result<bool> {
    if create && lstat(rt)?.is_none() {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(rt)
            .map_err(|e| Error::io(format!("cannot create XDG_RUNTIME_DIR {}", rt.display()), e))?;
    }
    let Some(m) = lstat(rt)? else { return Ok(false) };
    let what = format!("runtime folder {} (XDG_RUNTIME_DIR)", rt.display());
    check_own_folder(&what, &m)?;
    if m.mode() & 0o022 != 0 {
        return Err(refuse(&what, &format!("is writable by group or others (mode {})", octal(&m))));
    }
    Ok(true)
}

/// Checks the temporary folder that holds `vault-<uid>`: root's or ours and, if others may
/// write in it, sticky. Followed if a symbolic link (`/tmp` is one on some systems): only
/// what it names can hold our folder. Whether it exists.
fn check_temp_dir(tmp: &Path) -> Result<bool> {
    let m = match std::fs::metadata(tmp) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(format!("cannot examine {}", tmp.display()), e)),
    };
    let what = format!("temporary folder {}", tmp.display());
    let me = crate::sys::euid();
    if !m.is_dir() {
        return Err(refuse(&what, "is not a folder"));
    }
    if m.uid() != me && m.uid() != 0 {
        return Err(refuse(&what, &format!("is owned by uid {}, neither root nor you (uid {me})", m.uid())));
    }
    if m.mode() & 0o022 != 0 && m.mode() & 0o1000 == 0 {
        return Err(refuse(&what, &format!("is writable by others but not sticky (mode {})", octal(&m))));
    }
    Ok(true)
}

/// Reads a session file; `None` when there is none. Opened without following a symbolic
/// link, and refused unless a regular file owned by us with mode 0600, as we write them.
fn read_session_file(path: &Path) -> Result<Option<Vec<u8>>> {
    let refused = |problem: &str| {
        Error::Session(format!("file {} {problem}; refusing it: run `vault unlock` again", path.display()))
    };
    let cannot = |e| Error::io(format!("cannot read session file {}", path.display()), e);
    let mut f = match crate::sys::open_file_nofollow(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if crate::sys::is_symlink_refusal(&e) => return Err(refused("is a symbolic link")),
        Err(e) => return Err(cannot(e)),
    };
    let m = f.metadata().map_err(cannot)?;
    let me = crate::sys::euid();
    if !m.is_file() {
        return Err(refused("is not a regular file"));
    }
    if m.uid() != me {
        return Err(refused(&format!("is owned by uid {}, not by you (uid {me})", m.uid())));
    }
    if m.mode() & 0o7777 != 0o600 {
        return Err(refused(&format!("has mode {}, not 0600", octal(&m))));
    }
    let mut blob = Vec::with_capacity(m.len() as usize);
    f.read_to_end(&mut blob).map_err(cannot)?;
    Ok(Some(blob))
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
    let dir = SessionDir::create()?;
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
    let path = dir.file(&id);
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
/// effort: a session that is gone (locked), expired or unreadable, or a folder refused, is
/// left alone; a lock held elsewhere past [`LOCK_WAIT`] gets a warning on stderr, not an error
/// (the command itself is done).
pub fn save_memo(token: &str, mut memo: crypto::memo::Memo) {
    let Ok(t) = parse_token(token) else { return };
    let Ok(Some(dir)) = SessionDir::existing() else { return };
    match dir.lock() {
        Ok(true) => {}
        Ok(false) => {
            crate::output::warn(format_args!(
                "the session memo was not saved: another process held the lock on {} for {} s",
                dir.path.display(),
                LOCK_WAIT.as_secs()
            ));
            return;
        }
        Err(_) => return,
    }
    let path = dir.file(&t.id);
    let Ok(Some(blob)) = read_session_file(&path) else { return };
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
    let tmp = tmp_path(&dir.path, &t.id);
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
fn tmp_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.session.tmp"))
}

/// Opens the session a token names. Expired: the file is deleted and the error says so.
pub fn load(token: &str) -> Result<Session> {
    let t = parse_token(token)?;
    let gone = || Error::Session("is locked or unknown; run `vault unlock` again".into());
    let dir = SessionDir::existing()?.ok_or_else(gone)?;
    let path = dir.file(&t.id);
    let blob = read_session_file(&path)?.ok_or_else(gone)?;
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

/// Deletes the session a token names. Returns whether a file was there. Fails, deleting
/// nothing, when the folder is refused or another process holds its lock past [`LOCK_WAIT`].
pub fn lock(token: &str) -> Result<bool> {
    let t = parse_token(token)?;
    let Some(dir) = SessionDir::existing()? else { return Ok(false) };
    let path = dir.file(&t.id);
    // Under the folder lock, so a command saving its memo cannot write the file back after.
    match dir.lock() {
        Ok(true) => {}
        Ok(false) => return Err(dir.lock_timeout()),
        Err(e) => return Err(Error::io(format!("cannot lock session folder {}", dir.path.display()), e)),
    }
    let _ = std::fs::remove_file(tmp_path(&dir.path, &t.id));
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
