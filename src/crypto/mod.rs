//! Cryptography: Argon2id key derivation, XChaCha20-Poly1305 sealing with associated data, key
//! wrapping to a user's age X25519 recipient, Ed25519 signatures, SHA-256 and HMAC-SHA256, and
//! zeroizing key types. The rest of the crate reaches these primitives only through here.
//!
//! This module knows nothing of SQLite, clap or terminals. Every ciphertext is bound by its
//! associated data (built with [`ad`]) to the place it belongs; a blob moved, swapped or edited
//! fails to open and the caller reports tampering. Failures are opaque: [`CryptoError`] never says
//! which check failed.

mod aead;
mod hash;
mod kdf;
mod keys;
pub mod memo;

pub use aead::{open, seal, NONCE_LEN, TAG_LEN};
pub use hash::{hmac_sha256, mac_eq, sha256, Sha256};
pub use kdf::{KdfParams, SALT_LEN};
pub use keys::{
    parse_verifying_key, unwrap_key, verify, wrap_key, Envelope, Key32, PendingKeys, PublicKeys, SigningKey, UserKeys,
    VerifyingKey,
};

/// A decryption or verification failure. Deliberately says nothing more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("decryption failed")]
pub struct CryptoError;

/// Domain strings: each kind of ciphertext or signature has its own, so one can never be
/// presented as another.
pub mod domain {
    /// A user's sealed envelope (identity, signing key, pinned admin key) under their KEK.
    pub const USER_ENVELOPE: &str = "vault/v1/user-envelope";
    /// The vault admin's signature over a user's public keys and admin flag.
    pub const ROSTER: &str = "vault/v1/roster";
    /// A project key wrapped to a member's recipient.
    pub const PROJECT_GRANT: &str = "vault/v1/project-grant";
    /// The signature over a project grant (membership and role).
    pub const PROJECT_GRANT_SIG: &str = "vault/v1/project-grant-sig";
    /// A project id commits to its creator's verifying key.
    pub const PROJECT_ID: &str = "vault/v1/project-id";
    /// A secret's data key sealed under its project key.
    pub const DEK: &str = "vault/v1/dek";
    /// A secret value sealed under its data key.
    pub const VALUE: &str = "vault/v1/value";
    /// The signature over a project key wrapped to a member (by the owner who wrapped it).
    pub const PROJECT_KEY_SIG: &str = "vault/v1/project-key-sig";
    /// The signature over a community key wrapped to a member.
    pub const COMMUNITY_KEY_SIG: &str = "vault/v1/community-key-sig";
    /// The enrollment key's signature over a user's own keys.
    pub const ENROLL: &str = "vault/v1/enroll";
    /// A community key wrapped to a member.
    pub const COMMUNITY_GRANT: &str = "vault/v1/community-grant";
    /// The signature over a community membership.
    pub const COMMUNITY_GRANT_SIG: &str = "vault/v1/community-grant-sig";
    /// A community id commits to its creator's verifying key.
    pub const COMMUNITY_ID: &str = "vault/v1/community-id";
    /// A project owner's signature binding a project to a community.
    pub const PROJECT_COMMUNITY: &str = "vault/v1/project-community";
    /// A secret's data key sealed under a community key (a share).
    pub const SHARED_DEK: &str = "vault/v1/shared-dek";
    /// The signature over a share.
    pub const SHARE_SIG: &str = "vault/v1/share-sig";
    /// The audit log's MAC chain.
    pub const AUDIT: &str = "vault/v1/audit";
    /// A user's signature over an audit event and its MAC (format 2).
    pub const AUDIT_SIG: &str = "vault/v2/audit-sig";
    /// A secret's data key under its project key, bound to the secret's name too (format 2).
    pub const DEK_V2: &str = "vault/v2/dek";
    /// A secret's data key under a community key, bound to the secret's name too (format 2).
    pub const SHARED_DEK_V2: &str = "vault/v2/shared-dek";
    /// A share under a community key (format 3): the data key, and the token of the provider
    /// that keeps the value when there is one, bound to the name and the provider too.
    pub const SHARED_DEK_V3: &str = "vault/v3/shared-dek";
    /// A scope's signed list of current rows (roster, project or community members).
    pub const HEAD: &str = "vault/v2/head";
    /// One row's hash in such a list.
    pub const HEAD_ROW: &str = "vault/v2/head-row";
    /// A receiving project's acceptance of a shared secret.
    pub const ACCEPT_SIG: &str = "vault/v2/accept-sig";
    /// A session's copy of the user's envelope, sealed under the session key.
    pub const SESSION: &str = "vault/v1/session";
    /// A session's memo of verifications and unwraps, sealed under the session key.
    pub const SESSION_MEMO: &str = "vault/v1/session-memo";
    /// A provider's token sealed under a project key (a project's or the admin's personal one).
    pub const PROVIDER_TOKEN: &str = "vault/v1/provider-token";
    /// The vault admin's signature over a provider's settings.
    pub const PROVIDER_SIG: &str = "vault/v1/provider-sig";
    /// A version of a provider-backed secret: the KV version and path, sealed under the data
    /// key in place of a value (a different domain, so it can never open as a value).
    pub const PROVIDER_RECORD: &str = "vault/v1/provider-record";
    /// An offline copy of a provider value (`vault run --max-age`), bound to its secret,
    /// version and fetch time.
    pub const OFFLINE_COPY: &str = "vault/v1/offline-copy";
}

/// Builds associated data: the domain string, a zero byte, then each part length-prefixed
/// (u32 big-endian), so no two different lists of parts encode the same bytes.
pub fn ad(domain: &str, parts: &[&[u8]]) -> Vec<u8> {
    let len = domain.len() + 1 + parts.iter().map(|p| 4 + p.len()).sum::<usize>();
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(domain.as_bytes());
    out.push(0);
    for p in parts {
        out.extend_from_slice(&(p.len() as u32).to_be_bytes());
        out.extend_from_slice(p);
    }
    out
}

/// Fills `buf` from the operating system's CSPRNG.
///
/// The OS bytes are fetched 4 KiB at a time and handed out in order, each byte once, wiped as
/// soon as it is handed out: an import of 1,000 secrets needs 4,000 random ids, keys and nonces,
/// and one `getrandom` call each cost more than sealing them. No userspace generator stretches
/// them: every byte is the kernel's. (`vault run` starts its child with exec, never a bare fork,
/// so no copy of the pool is ever used twice.)
pub fn random_bytes(buf: &mut [u8]) {
    use rand::RngCore;
    use std::sync::Mutex;
    use zeroize::Zeroize;

    const POOL: usize = 4096;
    struct Pool {
        bytes: [u8; POOL],
        /// Bytes before this index were handed out (and wiped).
        used: usize,
    }
    static POOL_STATE: Mutex<Pool> = Mutex::new(Pool { bytes: [0; POOL], used: POOL });

    if buf.len() > POOL / 4 {
        rand::rngs::OsRng.fill_bytes(buf);
        return;
    }
    let mut pool = POOL_STATE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut filled = 0;
    while filled < buf.len() {
        if pool.used == POOL {
            rand::rngs::OsRng.fill_bytes(&mut pool.bytes);
            pool.used = 0;
        }
        let n = (buf.len() - filled).min(POOL - pool.used);
        let from = pool.used;
        buf[filled..filled + n].copy_from_slice(&pool.bytes[from..from + n]);
        pool.bytes[from..from + n].zeroize();
        pool.used += n;
        filled += n;
    }
}

/// A random 128-bit identifier as 32 lowercase hex characters.
pub fn random_id() -> String {
    let mut b = [0u8; 16];
    random_bytes(&mut b);
    hex::encode(b)
}

/// SHA-256 of the given parts' [`ad`] encoding under `domain`.
pub fn digest(domain: &str, parts: &[&[u8]]) -> [u8; 32] {
    sha256(ad(domain, parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ad_is_injective_over_part_boundaries() {
        assert_ne!(ad("d", &[b"ab", b"c"]), ad("d", &[b"a", b"bc"]));
        assert_ne!(ad("d", &[b"abc"]), ad("d", &[b"abc", b""]));
        assert_ne!(ad("d1", &[b"x"]), ad("d", &[b"1x"]));
    }

    #[test]
    fn ad_known_answer() {
        assert_eq!(ad("x", &[b"ab", b""]), vec![b'x', 0, 0, 0, 0, 2, b'a', b'b', 0, 0, 0, 0]);
    }

    #[test]
    fn random_bytes_never_repeat_across_pool_refills() {
        // 3 pool refills' worth of 24-byte nonces, all distinct, none all-zero (a wiped byte
        // handed out again would show up as zeros).
        let mut seen = std::collections::HashSet::new();
        for _ in 0..(3 * 4096 / 24 + 7) {
            let mut n = [0u8; 24];
            random_bytes(&mut n);
            assert_ne!(n, [0u8; 24]);
            assert!(seen.insert(n), "a nonce repeated");
        }
        let mut big = vec![0u8; 5000];
        random_bytes(&mut big);
        assert!(big.iter().any(|&b| b != 0));
    }

    #[test]
    fn random_ids_differ() {
        let a = random_id();
        assert_eq!(a.len(), 32);
        assert_ne!(a, random_id());
    }
}
