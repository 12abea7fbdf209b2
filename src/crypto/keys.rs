//! Key types and the operations on them: 256-bit symmetric keys, a user's key pair set (age
//! X25519 identity for receiving keys, Ed25519 for signing what they grant), wrapping a key to a
//! recipient, and signatures.

use std::fmt;

use age::secrecy::ExposeSecret;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use zeroize::Zeroizing;

use super::{digest, random_bytes, CryptoError};

/// A 256-bit symmetric key (KEK, project, community or data key). No `Debug`, `Display` or
/// `Serialize`; zeroed on drop.
pub struct Key32(Zeroizing<[u8; 32]>);

impl Key32 {
    /// A fresh random key.
    pub fn generate() -> Self {
        let mut k = Zeroizing::new([0u8; 32]);
        random_bytes(&mut k[..]);
        Self(k)
    }

    /// Takes ownership of raw key bytes (the caller zeroes its copy).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// Copies a key out of a slice that must be 32 bytes long.
    pub fn from_slice(bytes: &[u8]) -> Result<Self, CryptoError> {
        let arr: [u8; 32] = bytes.try_into().map_err(|_| CryptoError)?;
        Ok(Self(Zeroizing::new(arr)))
    }

    /// The raw key bytes.
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for Key32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key32(<redacted>)")
    }
}

/// A user's public keys, stored in clear so others can grant keys to them.
#[derive(Clone)]
pub struct PublicKeys {
    /// age X25519 recipient (`age1...`).
    pub recipient: age::x25519::Recipient,
    /// Ed25519 verifying key.
    pub verifying: VerifyingKey,
}

impl PublicKeys {
    /// Parses the stored forms; a malformed one means the file was edited.
    pub fn parse(recipient: &str, verifying: &[u8]) -> Result<Self, CryptoError> {
        let recipient = recipient.parse().map_err(|_| CryptoError)?;
        let vk: [u8; 32] = verifying.try_into().map_err(|_| CryptoError)?;
        let verifying = VerifyingKey::from_bytes(&vk).map_err(|_| CryptoError)?;
        Ok(Self {
            recipient,
            verifying,
        })
    }
}

/// Everything a user's passphrase unlocks: their X25519 identity, their Ed25519 signing key, and
/// the vault admin's verifying key they trust (pinned, so it cannot be swapped in the file
/// without their passphrase).
pub struct UserKeys {
    identity: age::x25519::Identity,
    signing: SigningKey,
    /// The root of trust for the roster.
    pub admin_vk: VerifyingKey,
}

const ENVELOPE_VERSION: u8 = 1;

impl UserKeys {
    /// New random keys. `admin_vk` is `None` for the first user, who becomes the admin and pins
    /// their own verifying key.
    pub fn generate(admin_vk: Option<VerifyingKey>) -> Self {
        let identity = age::x25519::Identity::generate();
        let mut seed = Zeroizing::new([0u8; 32]);
        random_bytes(&mut seed[..]);
        let signing = SigningKey::from_bytes(&seed);
        let admin_vk = admin_vk.unwrap_or_else(|| signing.verifying_key());
        Self {
            identity,
            signing,
            admin_vk,
        }
    }

    /// The public half.
    pub fn public(&self) -> PublicKeys {
        PublicKeys {
            recipient: self.identity.to_public(),
            verifying: self.signing.verifying_key(),
        }
    }

    /// The identity, to unwrap keys granted to this user.
    pub fn identity(&self) -> &age::x25519::Identity {
        &self.identity
    }

    /// Signs `digest(domain, parts)`.
    pub fn sign(&self, domain: &str, parts: &[&[u8]]) -> Vec<u8> {
        self.signing
            .sign(&digest(domain, parts))
            .to_bytes()
            .to_vec()
    }

    /// Serializes the secret parts, to be sealed under a KEK or session key.
    pub fn to_plaintext(&self) -> Zeroizing<Vec<u8>> {
        let id = self.identity.to_string();
        let id = id.expose_secret().as_bytes();
        let mut out = Zeroizing::new(Vec::with_capacity(1 + 2 + id.len() + 64));
        out.push(ENVELOPE_VERSION);
        out.extend_from_slice(&(id.len() as u16).to_be_bytes());
        out.extend_from_slice(id);
        out.extend_from_slice(&self.signing.to_bytes());
        out.extend_from_slice(self.admin_vk.as_bytes());
        out
    }

    /// Parses what [`UserKeys::to_plaintext`] wrote.
    pub fn from_plaintext(pt: &[u8]) -> Result<Self, CryptoError> {
        let (&ver, rest) = pt.split_first().ok_or(CryptoError)?;
        if ver != ENVELOPE_VERSION || rest.len() < 2 {
            return Err(CryptoError);
        }
        let n = u16::from_be_bytes([rest[0], rest[1]]) as usize;
        let rest = &rest[2..];
        if rest.len() != n + 64 {
            return Err(CryptoError);
        }
        let id = std::str::from_utf8(&rest[..n]).map_err(|_| CryptoError)?;
        let identity: age::x25519::Identity = id.parse().map_err(|_| CryptoError)?;
        let mut seed = Zeroizing::new([0u8; 32]);
        seed.copy_from_slice(&rest[n..n + 32]);
        let signing = SigningKey::from_bytes(&seed);
        let admin: [u8; 32] = rest[n + 32..].try_into().map_err(|_| CryptoError)?;
        let admin_vk = VerifyingKey::from_bytes(&admin).map_err(|_| CryptoError)?;
        Ok(Self {
            identity,
            signing,
            admin_vk,
        })
    }
}

impl fmt::Debug for UserKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UserKeys(<redacted>)")
    }
}

/// Verifies an Ed25519 signature made by [`UserKeys::sign`].
pub fn verify(
    vk: &VerifyingKey,
    sig: &[u8],
    domain: &str,
    parts: &[&[u8]],
) -> Result<(), CryptoError> {
    let sig: [u8; 64] = sig.try_into().map_err(|_| CryptoError)?;
    vk.verify_strict(&digest(domain, parts), &Signature::from_bytes(&sig))
        .map_err(|_| CryptoError)
}

/// Wraps `key` to `recipient` with age (X25519), bound to the context `domain`/`parts`: the
/// wrapped plaintext is the context's digest followed by the key, and [`unwrap_key`] checks it.
pub fn wrap_key(
    recipient: &age::x25519::Recipient,
    key: &Key32,
    domain: &str,
    parts: &[&[u8]],
) -> Vec<u8> {
    let mut pt = Zeroizing::new([0u8; 64]);
    pt[..32].copy_from_slice(&digest(domain, parts));
    pt[32..].copy_from_slice(key.expose());
    // age encryption to a parsed X25519 recipient cannot fail.
    age::encrypt(recipient, &pt[..]).unwrap_or_default()
}

/// Unwraps a key made by [`wrap_key`] for the same context.
pub fn unwrap_key(
    identity: &age::x25519::Identity,
    blob: &[u8],
    domain: &str,
    parts: &[&[u8]],
) -> Result<Key32, CryptoError> {
    let pt = Zeroizing::new(age::decrypt(identity, blob).map_err(|_| CryptoError)?);
    if pt.len() != 64 {
        return Err(CryptoError);
    }
    let want = digest(domain, parts);
    // Constant time is not needed: the digest is public context, not a secret.
    if pt[..32] != want {
        return Err(CryptoError);
    }
    Key32::from_slice(&pt[32..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_round_trip() {
        let k = UserKeys::generate(None);
        let pt = k.to_plaintext();
        let k2 = UserKeys::from_plaintext(&pt).unwrap();
        assert_eq!(
            k2.public().recipient.to_string(),
            k.public().recipient.to_string()
        );
        assert_eq!(k2.public().verifying, k.public().verifying);
        assert_eq!(k2.admin_vk, k.public().verifying, "first user pins itself");
        assert!(UserKeys::from_plaintext(&pt[..pt.len() - 1]).is_err());
        assert!(UserKeys::from_plaintext(&[]).is_err());
    }

    #[test]
    fn wrap_unwrap_bound_to_context() {
        let alice = UserKeys::generate(None);
        let bob = UserKeys::generate(Some(alice.public().verifying));
        let key = Key32::generate();
        let blob = wrap_key(&bob.public().recipient, &key, "d", &[b"p1"]);
        let got = unwrap_key(bob.identity(), &blob, "d", &[b"p1"]).unwrap();
        assert_eq!(got.expose(), key.expose());
        // Wrong context, wrong identity, damaged blob: all fail.
        assert!(unwrap_key(bob.identity(), &blob, "d", &[b"p2"]).is_err());
        assert!(unwrap_key(alice.identity(), &blob, "d", &[b"p1"]).is_err());
        let mut bad = blob.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(unwrap_key(bob.identity(), &bad, "d", &[b"p1"]).is_err());
    }

    #[test]
    fn signatures_verify_only_for_signed_content() {
        let a = UserKeys::generate(None);
        let sig = a.sign("dom", &[b"x", b"y"]);
        let vk = a.public().verifying;
        assert!(verify(&vk, &sig, "dom", &[b"x", b"y"]).is_ok());
        assert!(verify(&vk, &sig, "dom", &[b"x", b"z"]).is_err());
        assert!(verify(&vk, &sig, "other", &[b"x", b"y"]).is_err());
        let b = UserKeys::generate(None);
        assert!(verify(&b.public().verifying, &sig, "dom", &[b"x", b"y"]).is_err());
        assert!(verify(&vk, &sig[..63], "dom", &[b"x", b"y"]).is_err());
    }
}
