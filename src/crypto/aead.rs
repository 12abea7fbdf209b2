//! XChaCha20-Poly1305 with a fresh random 24-byte nonce on every seal. A sealed blob is
//! `nonce || ciphertext || tag`.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use super::{random_bytes, CryptoError, Key32};

/// Length of the random nonce that starts every sealed blob.
pub const NONCE_LEN: usize = 24;
/// Length of the Poly1305 tag that ends every sealed blob.
pub const TAG_LEN: usize = 16;

/// Seals `plaintext` under `key`, bound to `ad`.
pub fn seal(key: &Key32, plaintext: &[u8], ad: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.expose().into());
    let mut nonce = [0u8; NONCE_LEN];
    random_bytes(&mut nonce);
    let ct = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plaintext, aad: ad })
        // Encryption fails only for messages over 256 GiB; values are capped at 1 MiB.
        .unwrap_or_default();
    let mut out = Vec::with_capacity(NONCE_LEN + ct.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ct);
    out
}

/// Opens a blob made by [`seal`] with the same key and associated data.
pub fn open(key: &Key32, blob: &[u8], ad: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    if blob.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError);
    }
    let (nonce, ct) = blob.split_at(NONCE_LEN);
    let cipher = XChaCha20Poly1305::new(key.expose().into());
    cipher.decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad: ad }).map(Zeroizing::new).map_err(|_| CryptoError)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(b: u8) -> Key32 {
        Key32::from_bytes([b; 32])
    }

    #[test]
    fn round_trip_and_fresh_nonce() {
        let k = key(7);
        let a = seal(&k, b"hunter2", b"ad");
        let b = seal(&k, b"hunter2", b"ad");
        assert_ne!(a, b, "each seal uses a fresh nonce");
        assert_eq!(&open(&k, &a, b"ad").unwrap()[..], b"hunter2");
        assert_eq!(a.len(), NONCE_LEN + 7 + TAG_LEN);
    }

    #[test]
    fn wrong_key_ad_or_truncation_fails() {
        let k = key(1);
        let blob = seal(&k, b"value", b"ad");
        assert_eq!(open(&key(2), &blob, b"ad"), Err(CryptoError));
        assert_eq!(open(&k, &blob, b"ad2"), Err(CryptoError));
        assert_eq!(open(&k, &blob[..blob.len() - 1], b"ad"), Err(CryptoError));
        assert_eq!(open(&k, &blob[..10], b"ad"), Err(CryptoError));
        assert_eq!(open(&k, &[], b"ad"), Err(CryptoError));
    }

    proptest! {
        #[test]
        fn seal_open_round_trip(pt in proptest::collection::vec(any::<u8>(), 0..512),
                                ad in proptest::collection::vec(any::<u8>(), 0..64),
                                k in any::<[u8; 32]>()) {
            let key = Key32::from_bytes(k);
            let blob = seal(&key, &pt, &ad);
            prop_assert_eq!(&open(&key, &blob, &ad).unwrap()[..], &pt[..]);
        }

        #[test]
        fn any_bit_flip_fails(pt in proptest::collection::vec(any::<u8>(), 0..128),
                              ad in proptest::collection::vec(any::<u8>(), 0..32),
                              pos in any::<proptest::sample::Index>(), bit in 0u8..8) {
            // Flips one bit anywhere in nonce, ciphertext or tag.
            let key = Key32::from_bytes([3; 32]);
            let mut blob = seal(&key, &pt, &ad);
            let i = pos.index(blob.len());
            blob[i] ^= 1 << bit;
            prop_assert_eq!(open(&key, &blob, &ad), Err(CryptoError));
        }

        #[test]
        fn any_ad_change_fails(pt in proptest::collection::vec(any::<u8>(), 0..64),
                               ad in proptest::collection::vec(any::<u8>(), 1..32),
                               pos in any::<proptest::sample::Index>(), bit in 0u8..8) {
            let key = Key32::from_bytes([4; 32]);
            let blob = seal(&key, &pt, &ad);
            let mut ad2 = ad.clone();
            let i = pos.index(ad2.len());
            ad2[i] ^= 1 << bit;
            prop_assert_eq!(open(&key, &blob, &ad2), Err(CryptoError));
        }
    }
}
