//! A memo of public-key results that are pure functions of their inputs: Ed25519 verifications,
//! age unwraps and the public keys of the user's own secret keys. An unlocked session carries it
//! (sealed in the session file with the session key), so a command repeats none of the
//! public-key operations an earlier command of the same session already made: they were most of
//! the cost of a read (DESIGN.md section 5, README "Performance").
//!
//! Why this is sound:
//! * Every entry is keyed by a SHA-256 of all the inputs of the operation (key, signature and
//!   signed digest; the user's keys, blob and context), and each of these operations is deterministic.
//!   A hit therefore means "this exact computation was done and had this result"; a row changed
//!   in any byte, a rotated key, another signer or identity all miss and are computed afresh.
//! * Only successes are kept: a failed verification or unwrap is never remembered, so a
//!   tampered row fails every time.
//! * The memo holds nothing its session does not already hold: the session seals the user's
//!   identity, which unwraps every key in the memo. It is sealed under the same session key, and
//!   `vault lock` deletes it with the session.
//!
//! Without a session (a passphrase unlock) no memo is installed and nothing is remembered.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use zeroize::Zeroizing;

use super::{Key32, Sha256};

/// At most this many entries are kept (a session file stays under ~200 KiB).
const MAX_ENTRIES: usize = 2048;
const FORMAT: u8 = 1;

static ACTIVE: AtomicBool = AtomicBool::new(false);
static MEMO: Mutex<Option<Memo>> = Mutex::new(None);

/// The remembered results. See the module documentation.
#[derive(Default)]
pub struct Memo {
    verified: HashSet<[u8; 32]>,
    /// Boxed, so growing the map moves pointers, never a key (each is wiped when dropped).
    unwrapped: HashMap<[u8; 32], Box<Key32>>,
    publics: HashMap<[u8; 32], Vec<u8>>,
    /// Entries were added since it was loaded.
    dirty: bool,
}

impl Memo {
    fn len(&self) -> usize {
        self.verified.len() + self.unwrapped.len() + self.publics.len()
    }

    /// Adds every entry of `other` (another process may have saved the session meanwhile).
    pub fn merge(&mut self, other: Memo) {
        let room = |m: &Memo| m.len() < MAX_ENTRIES;
        for k in other.verified {
            if room(self) {
                self.verified.insert(k);
            }
        }
        for (k, v) in other.unwrapped {
            if room(self) {
                self.unwrapped.insert(k, v);
            }
        }
        for (k, v) in other.publics {
            if room(self) {
                self.publics.insert(k, v);
            }
        }
    }

    /// Serializes the memo (to be sealed by the session).
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::with_capacity(1 + 12 + self.len() * 72));
        out.push(FORMAT);
        out.extend_from_slice(&(self.verified.len() as u32).to_be_bytes());
        for k in &self.verified {
            out.extend_from_slice(k);
        }
        out.extend_from_slice(&(self.unwrapped.len() as u32).to_be_bytes());
        for (k, v) in &self.unwrapped {
            out.extend_from_slice(k);
            out.extend_from_slice(v.expose());
        }
        out.extend_from_slice(&(self.publics.len() as u32).to_be_bytes());
        for (k, v) in &self.publics {
            out.extend_from_slice(k);
            out.extend_from_slice(&(v.len() as u32).to_be_bytes());
            out.extend_from_slice(v);
        }
        out
    }

    /// Parses [`Memo::to_bytes`]; `None` when malformed.
    pub fn from_bytes(b: &[u8]) -> Option<Memo> {
        let mut r = Reader(b);
        if r.take(1)? != [FORMAT] {
            return None;
        }
        let mut m = Memo::default();
        for _ in 0..r.count()? {
            m.verified.insert(r.key()?);
        }
        for _ in 0..r.count()? {
            let k = r.key()?;
            m.unwrapped.insert(k, Box::new(Key32::from_slice(r.take(32)?).ok()?));
        }
        for _ in 0..r.count()? {
            let k = r.key()?;
            let n = r.count()?;
            m.publics.insert(k, r.take(n)?.to_vec());
        }
        (r.0.is_empty() && m.len() <= MAX_ENTRIES).then_some(m)
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }
    fn count(&mut self) -> Option<usize> {
        let n = u32::from_be_bytes(self.take(4)?.try_into().ok()?) as usize;
        // Every entry takes at least 32 bytes: a count beyond what is left is malformed.
        (n <= self.0.len()).then_some(n)
    }
    fn key(&mut self) -> Option<[u8; 32]> {
        self.take(32)?.try_into().ok()
    }
}

/// Makes `memo` this process's memo: from now on results are looked up and remembered.
pub fn install(memo: Memo) {
    *lock() = Some(memo);
    ACTIVE.store(true, Ordering::Release);
}

/// Forgets the installed memo, if any: nothing is looked up or remembered until the next
/// [`install`]. A process that runs several commands (the library's callers) calls it after
/// each, so one command's memo never sees another's results.
pub fn uninstall() {
    let mut g = lock();
    ACTIVE.store(false, Ordering::Release);
    g.take();
}

/// The memo, if entries were added since it was installed (for saving back to the session).
pub fn take_if_changed() -> Option<Memo> {
    let mut g = lock();
    if g.as_ref().is_some_and(|m| m.dirty) {
        ACTIVE.store(false, Ordering::Release);
        return g.take();
    }
    None
}

fn lock() -> std::sync::MutexGuard<'static, Option<Memo>> {
    // A panic while holding the lock leaves a consistent map (inserts are atomic): keep going.
    MEMO.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn active() -> bool {
    ACTIVE.load(Ordering::Acquire)
}

/// The memo key of one operation: SHA-256 over a kind tag and every input, length-prefixed.
fn key(kind: &str, parts: &[&[u8]]) -> [u8; 32] {
    // The `ad` encoding, hashed as it goes: no copy of the inputs is made.
    let mut h = Sha256::new();
    h.update(kind.as_bytes());
    h.update([0]);
    for p in parts {
        h.update((p.len() as u32).to_be_bytes());
        h.update(p);
    }
    h.finalize()
}

/// Verifies through the memo: `check` runs only if this exact verification is not remembered,
/// and is remembered when it succeeds.
pub(super) fn verify<E>(parts: &[&[u8]], check: impl FnOnce() -> Result<(), E>) -> Result<(), E> {
    if !active() {
        return check();
    }
    let k = key("vault/memo/verify", parts);
    if lock().as_ref().is_some_and(|m| m.verified.contains(&k)) {
        return Ok(());
    }
    check()?;
    if let Some(m) = lock().as_mut().filter(|m| m.len() < MAX_ENTRIES) {
        m.dirty |= m.verified.insert(k);
    }
    Ok(())
}

/// Unwraps through the memo, as [`verify`].
pub(super) fn unwrap<E>(parts: &[&[u8]], compute: impl FnOnce() -> Result<Key32, E>) -> Result<Key32, E> {
    if !active() {
        return compute();
    }
    let k = key("vault/memo/unwrap", parts);
    if let Some(v) = lock().as_ref().and_then(|m| m.unwrapped.get(&k)) {
        return Ok(Key32::from_bytes(*v.expose()));
    }
    let v = compute()?;
    if let Some(m) = lock().as_mut().filter(|m| m.len() < MAX_ENTRIES) {
        m.dirty |= m.unwrapped.insert(k, Box::new(Key32::from_bytes(*v.expose()))).is_none();
    }
    Ok(v)
}

/// Public-key bytes derived from secret keys, through the memo, as [`verify`]. `compute`
/// returns the encoding, `parse` turns it back into the value.
pub(super) fn public<T>(
    parts: &[&[u8]],
    compute: impl FnOnce() -> (T, Vec<u8>),
    parse: impl Fn(&[u8]) -> Option<T>,
) -> T {
    if !active() {
        return compute().0;
    }
    let k = key("vault/memo/public", parts);
    if let Some(v) = lock().as_ref().and_then(|m| m.publics.get(&k)).and_then(|b| parse(b)) {
        return v;
    }
    let (v, bytes) = compute();
    if let Some(m) = lock().as_mut().filter(|m| m.len() < MAX_ENTRIES) {
        m.dirty |= m.publics.insert(k, bytes).is_none();
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_malformed() {
        let mut m = Memo::default();
        m.verified.insert([1; 32]);
        m.unwrapped.insert([2; 32], Box::new(Key32::from_bytes([3; 32])));
        m.publics.insert([4; 32], b"pub".to_vec());
        let b = m.to_bytes();
        let back = Memo::from_bytes(&b).unwrap();
        assert!(back.verified.contains(&[1; 32]));
        assert_eq!(back.unwrapped[&[2; 32]].expose(), &[3; 32]);
        assert_eq!(back.publics[&[4; 32]], b"pub");
        assert!(!back.dirty);
        for cut in 0..b.len() {
            assert!(Memo::from_bytes(&b[..cut]).is_none(), "truncated at {cut}");
        }
        let mut extra = b.to_vec();
        extra.push(0);
        assert!(Memo::from_bytes(&extra).is_none());
        assert!(Memo::from_bytes(&[FORMAT, 255, 255, 255, 255]).is_none());
    }

    #[test]
    fn merge_is_bounded() {
        let mut a = Memo::default();
        let mut b = Memo::default();
        for i in 0..MAX_ENTRIES as u32 + 10 {
            let mut k = [0u8; 32];
            k[..4].copy_from_slice(&i.to_be_bytes());
            b.verified.insert(k);
        }
        a.merge(b);
        assert_eq!(a.len(), MAX_ENTRIES);
    }
}
