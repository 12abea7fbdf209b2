//! Key types and the operations on them: 256-bit symmetric keys, a user's key pair set (age
//! X25519 identity for receiving keys, Ed25519 for signing what they grant), wrapping a key to a
//! recipient, and signatures.

use std::fmt;

use age::secrecy::ExposeSecret;
use ed25519_dalek::{Signature, Signer};
use zeroize::Zeroizing;

use super::{digest, random_bytes, CryptoError, Sha256};

/// An Ed25519 verifying key (a user's, the pinned admin's, an enrollment key).
pub use ed25519_dalek::VerifyingKey;

/// Parses a stored Ed25519 verifying key (32 bytes, a valid point); anything else means the
/// file was edited.
pub fn parse_verifying_key(bytes: &[u8]) -> Result<VerifyingKey, CryptoError> {
    let vk: [u8; 32] = bytes.try_into().map_err(|_| CryptoError)?;
    VerifyingKey::from_bytes(&vk).map_err(|_| CryptoError)
}

/// An Ed25519 signing key. It signs only `digest(domain, parts)` ([`SigningKey::sign`]), so
/// [`verify`] checks its signatures. Its `Debug` prints only `<redacted>`; zeroed on drop.
#[derive(Clone)]
pub struct SigningKey(ed25519_dalek::SigningKey);

impl SigningKey {
    /// A fresh random key.
    fn generate() -> Self {
        let mut seed = Zeroizing::new([0u8; 32]);
        random_bytes(&mut seed[..]);
        Self::from_seed(&seed)
    }

    fn from_seed(seed: &[u8; 32]) -> Self {
        Self(ed25519_dalek::SigningKey::from_bytes(seed))
    }

    /// The seed, to be sealed.
    fn seed(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.0.to_bytes())
    }

    /// The public half.
    pub fn verifying_key(&self) -> VerifyingKey {
        self.0.verifying_key()
    }

    /// Signs `digest(domain, parts)`: a 64-byte Ed25519 signature.
    pub fn sign(&self, domain: &str, parts: &[&[u8]]) -> Vec<u8> {
        self.0.sign(&digest(domain, parts)).to_bytes().to_vec()
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

/// A 256-bit symmetric key (KEK, project, community or data key). Its `Debug` prints only
/// `<redacted>`; no `Display` or `Serialize`; zeroed on drop.
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
        let verifying = parse_verifying_key(verifying)?;
        Ok(Self { recipient, verifying })
    }
}

/// Everything a user's passphrase unlocks: their X25519 identity, their Ed25519 signing key,
/// the vault admin's verifying key they trust (pinned, so it cannot be swapped in the file
/// without their passphrase), and the vault's audit MAC key.
pub struct UserKeys {
    identity: age::x25519::Identity,
    signing: SigningKey,
    /// The root of trust for the roster.
    pub admin_vk: VerifyingKey,
    /// The key of the audit log's MAC chain.
    pub audit_key: Key32,
    /// A fingerprint of the secret keys (SHA-256 of both), computed once: what the session
    /// memo keys this user's unwraps and public keys by, so the identity is never encoded
    /// again per lookup.
    memo_id: [u8; 32],
}

/// The memo fingerprint of a key set: SHA-256 over a domain, the identity's encoding and the
/// signing seed.
fn memo_id(identity: &str, signing: &SigningKey) -> [u8; 32] {
    let seed = signing.seed();
    let mut h = Sha256::new();
    h.update(b"vault/v1/memo-id\0");
    h.update(identity.as_bytes());
    h.update(&seed[..]);
    h.finalize()
}

const ENVELOPE_VERSION: u8 = 1;

const PENDING_VERSION: u8 = 2;

/// What an admin seals for a user they add, under the passphrase the user will first unlock
/// with: a one-time enrollment signing key (its public half signed by the admin), the admin
/// key to pin and the audit key. At first unlock the user makes keys of their own, so nobody
/// else, the admin included, ever holds their identity.
pub struct PendingKeys {
    /// The enrollment key that signs the user's own keys.
    pub enroll: SigningKey,
    /// The admin key to pin.
    pub admin_vk: VerifyingKey,
    /// The audit MAC key.
    pub audit_key: Key32,
}

impl PendingKeys {
    /// Fresh enrollment keys for a user added by the admin holding `admin_vk` and `audit_key`.
    pub fn generate(admin_vk: VerifyingKey, audit_key: &Key32) -> Self {
        Self { enroll: SigningKey::generate(), admin_vk, audit_key: Key32::from_bytes(*audit_key.expose()) }
    }

    /// Serializes for sealing.
    pub fn to_plaintext(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::with_capacity(97));
        out.push(PENDING_VERSION);
        out.extend_from_slice(&self.enroll.seed()[..]);
        out.extend_from_slice(self.admin_vk.as_bytes());
        out.extend_from_slice(self.audit_key.expose());
        out
    }

    /// The user's own new keys, pinning the same admin and audit key.
    pub fn enroll(&self) -> UserKeys {
        UserKeys::generate(Some(self.admin_vk), Some(Key32::from_bytes(*self.audit_key.expose())))
    }
}

/// An opened envelope: a user's keys, or an enrollment still to be done.
pub enum Envelope {
    /// A user with keys of their own.
    Enrolled(UserKeys),
    /// A user added by an admin who has not unlocked yet.
    Pending(PendingKeys),
}

impl Envelope {
    /// Parses an opened envelope of either kind.
    pub fn parse(pt: &[u8]) -> Result<Envelope, CryptoError> {
        match pt.first() {
            Some(&ENVELOPE_VERSION) => UserKeys::from_plaintext(pt).map(Envelope::Enrolled),
            Some(&PENDING_VERSION) if pt.len() == 97 => {
                let seed: [u8; 32] = pt[1..33].try_into().map_err(|_| CryptoError)?;
                let admin: [u8; 32] = pt[33..65].try_into().map_err(|_| CryptoError)?;
                Ok(Envelope::Pending(PendingKeys {
                    enroll: SigningKey::from_seed(&seed),
                    admin_vk: VerifyingKey::from_bytes(&admin).map_err(|_| CryptoError)?,
                    audit_key: Key32::from_slice(&pt[65..97])?,
                }))
            }
            _ => Err(CryptoError),
        }
    }
}

impl UserKeys {
    /// New random keys. `admin_vk` is `None` for the first user, who becomes the admin and pins
    /// their own verifying key; `audit_key` is `None` for the first user, who makes it.
    pub fn generate(admin_vk: Option<VerifyingKey>, audit_key: Option<Key32>) -> Self {
        let identity = age::x25519::Identity::generate();
        let signing = SigningKey::generate();
        let admin_vk = admin_vk.unwrap_or_else(|| signing.verifying_key());
        let audit_key = audit_key.unwrap_or_else(Key32::generate);
        let memo_id = memo_id(identity.to_string().expose_secret(), &signing);
        Self { identity, signing, admin_vk, audit_key, memo_id }
    }

    /// The public half.
    pub fn public(&self) -> PublicKeys {
        let verifying = self.signing.verifying_key();
        // The X25519 base-point multiplication, through the session's memo.
        let recipient = super::memo::public(
            &[b"x25519", &self.memo_id],
            || {
                let r = self.identity.to_public();
                let s = r.to_string().into_bytes();
                (r, s)
            },
            |b| std::str::from_utf8(b).ok()?.parse().ok(),
        );
        PublicKeys { recipient, verifying }
    }

    /// Unwraps a key granted to this user ([`unwrap_key`] with our identity), through the
    /// session's memo.
    pub fn unwrap_key(&self, blob: &[u8], domain: &str, parts: &[&[u8]]) -> Result<Key32, CryptoError> {
        let want = digest(domain, parts);
        super::memo::unwrap(&[&self.memo_id, blob, &want], || unwrap_key(&self.identity, blob, domain, parts))
    }

    /// The identity, to unwrap keys granted to this user.
    pub fn identity(&self) -> &age::x25519::Identity {
        &self.identity
    }

    /// Signs `digest(domain, parts)`.
    pub fn sign(&self, domain: &str, parts: &[&[u8]]) -> Vec<u8> {
        self.signing.sign(domain, parts)
    }

    /// A copy of the signing key, for what signs after the vault handle is gone (the audit
    /// event of a command). Zeroized on drop like the original.
    pub(crate) fn signing_key(&self) -> SigningKey {
        self.signing.clone()
    }

    /// Serializes the secret parts, to be sealed under a KEK or session key.
    pub fn to_plaintext(&self) -> Zeroizing<Vec<u8>> {
        let id = self.identity.to_string();
        let id = id.expose_secret().as_bytes();
        let mut out = Zeroizing::new(Vec::with_capacity(1 + 2 + id.len() + 96));
        out.push(ENVELOPE_VERSION);
        out.extend_from_slice(&(id.len() as u16).to_be_bytes());
        out.extend_from_slice(id);
        out.extend_from_slice(&self.signing.seed()[..]);
        out.extend_from_slice(self.admin_vk.as_bytes());
        out.extend_from_slice(self.audit_key.expose());
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
        if rest.len() != n + 96 {
            return Err(CryptoError);
        }
        let id = std::str::from_utf8(&rest[..n]).map_err(|_| CryptoError)?;
        let identity: age::x25519::Identity = id.parse().map_err(|_| CryptoError)?;
        let mut seed = Zeroizing::new([0u8; 32]);
        seed.copy_from_slice(&rest[n..n + 32]);
        let signing = SigningKey::from_seed(&seed);
        let admin: [u8; 32] = rest[n + 32..n + 64].try_into().map_err(|_| CryptoError)?;
        let admin_vk = VerifyingKey::from_bytes(&admin).map_err(|_| CryptoError)?;
        let audit_key = Key32::from_slice(&rest[n + 64..])?;
        let memo_id = memo_id(id, &signing);
        Ok(Self { identity, signing, admin_vk, audit_key, memo_id })
    }
}

impl fmt::Debug for UserKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UserKeys(<redacted>)")
    }
}

/// Verifies an Ed25519 signature made by [`UserKeys::sign`].
pub fn verify(vk: &VerifyingKey, sig: &[u8], domain: &str, parts: &[&[u8]]) -> Result<(), CryptoError> {
    let sig: [u8; 64] = sig.try_into().map_err(|_| CryptoError)?;
    let msg = digest(domain, parts);
    super::memo::verify(&[vk.as_bytes(), &sig, &msg], || {
        vk.verify_strict(&msg, &Signature::from_bytes(&sig)).map_err(|_| CryptoError)
    })
}

/// Wraps `key` to `recipient` with age (X25519), bound to the context `domain`/`parts`: the
/// wrapped plaintext is the context's digest followed by the key, and [`unwrap_key`] checks it.
pub fn wrap_key(recipient: &age::x25519::Recipient, key: &Key32, domain: &str, parts: &[&[u8]]) -> Vec<u8> {
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
        let k = UserKeys::generate(None, None);
        let pt = k.to_plaintext();
        let k2 = UserKeys::from_plaintext(&pt).unwrap();
        assert_eq!(k2.public().recipient.to_string(), k.public().recipient.to_string());
        assert_eq!(k2.public().verifying, k.public().verifying);
        assert_eq!(k2.admin_vk, k.public().verifying, "first user pins itself");
        assert_eq!(k2.audit_key.expose(), k.audit_key.expose());
        assert!(matches!(Envelope::parse(&pt), Ok(Envelope::Enrolled(_))));
        assert!(UserKeys::from_plaintext(&pt[..pt.len() - 1]).is_err());
        assert!(UserKeys::from_plaintext(&[]).is_err());
    }

    #[test]
    fn pending_envelope_round_trip_and_enrollment() {
        let admin = UserKeys::generate(None, None);
        let p = PendingKeys::generate(admin.public().verifying, &admin.audit_key);
        let Ok(Envelope::Pending(p2)) = Envelope::parse(&p.to_plaintext()) else { panic!("not pending") };
        assert_eq!(p2.enroll.verifying_key(), p.enroll.verifying_key());
        let bob = p2.enroll();
        assert_eq!(bob.admin_vk, admin.public().verifying);
        assert_eq!(bob.audit_key.expose(), admin.audit_key.expose());
        assert!(Envelope::parse(&[3u8; 97]).is_err());
    }

    #[test]
    fn wrap_unwrap_bound_to_context() {
        let alice = UserKeys::generate(None, None);
        let bob = UserKeys::generate(Some(alice.public().verifying), None);
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
        let a = UserKeys::generate(None, None);
        let sig = a.sign("dom", &[b"x", b"y"]);
        let vk = a.public().verifying;
        assert!(verify(&vk, &sig, "dom", &[b"x", b"y"]).is_ok());
        assert!(verify(&vk, &sig, "dom", &[b"x", b"z"]).is_err());
        assert!(verify(&vk, &sig, "other", &[b"x", b"y"]).is_err());
        let b = UserKeys::generate(None, None);
        assert!(verify(&b.public().verifying, &sig, "dom", &[b"x", b"y"]).is_err());
        assert!(verify(&vk, &sig[..63], "dom", &[b"x", b"y"]).is_err());
    }
}
