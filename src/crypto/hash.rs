//! Hashing and MACs: SHA-256 (one-shot and incremental), HMAC-SHA256, and the constant-time
//! comparison every MAC check goes through. The rest of the crate hashes only through here.

use hmac::{Hmac, Mac};
use sha2::Digest;

/// SHA-256 of `bytes`.
pub fn sha256(bytes: impl AsRef<[u8]>) -> [u8; 32] {
    sha2::Sha256::digest(bytes).into()
}

/// An incremental SHA-256: the hash of everything given to [`Sha256::update`], in order, as if
/// it were one buffer.
#[derive(Clone, Default)]
pub struct Sha256(sha2::Sha256);

impl Sha256 {
    /// An empty hash.
    pub fn new() -> Self {
        Self(sha2::Sha256::new())
    }

    /// Appends `bytes`.
    pub fn update(&mut self, bytes: impl AsRef<[u8]>) {
        self.0.update(bytes);
    }

    /// The hash of everything appended.
    pub fn finalize(self) -> [u8; 32] {
        self.0.finalize().into()
    }
}

/// HMAC-SHA256 of `msg` under `key` (any length).
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

/// Whether two MACs are equal, compared in constant time (for equal lengths; a length
/// difference, which is public, answers at once).
pub fn mac_eq(a: &[u8], b: &[u8]) -> bool {
    bool::from(subtle::ConstantTimeEq::ct_eq(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_known_answer_and_incremental_agrees() {
        let want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(hex::encode(sha256(b"abc")), want);
        let mut h = Sha256::new();
        h.update(b"a");
        h.update([b'b']);
        h.update(&b"c"[..]);
        assert_eq!(hex::encode(h.finalize()), want);
    }

    #[test]
    fn hmac_sha256_rfc4231_case_2() {
        assert_eq!(
            hex::encode(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn mac_eq_compares_whole_macs() {
        let m = hmac_sha256(&[7; 32], b"x");
        assert!(mac_eq(&m, &m));
        let mut other = m;
        other[31] ^= 1;
        assert!(!mac_eq(&m, &other));
        assert!(!mac_eq(&m, &m[..31]));
        assert!(mac_eq(&[], &[]));
    }
}
