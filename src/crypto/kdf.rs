//! Argon2id: a user's passphrase to their key-encryption key (KEK).
//!
//! Parameters are stored per user and checked every time they are read, not only when written:
//! a file edited to lower them (a downgrade that would make guessing cheap) is refused before any
//! derivation, and absurd values (a denial of service) are refused too.

use argon2::{Algorithm, Argon2, Params, Version};

use super::Key32;

/// Length of the random salt stored beside each user's envelope.
pub const SALT_LEN: usize = 16;

/// Argon2id cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in MiB.
    pub memory_mib: u32,
    /// Number of passes.
    pub iterations: u32,
    /// Lanes. Stays 1: the RustCrypto implementation has no parallel lanes, so more buys nothing.
    pub parallelism: u32,
}

impl KdfParams {
    /// The floor: nothing weaker is ever used, whatever the file says.
    pub const FLOOR: KdfParams = KdfParams { memory_mib: 8, iterations: 1, parallelism: 1 };
    /// The ceiling: 4 GiB and 64 passes; anything above is refused as a denial of service.
    pub const CEILING: KdfParams = KdfParams { memory_mib: 4096, iterations: 64, parallelism: 4 };
    /// The default, measured on a 2-core machine: 256 MiB, t=3 unlocks in about 0.6-0.9 s
    /// (see README "Unlock cost").
    pub const DEFAULT: KdfParams = KdfParams { memory_mib: 256, iterations: 3, parallelism: 1 };

    /// Checks the parameters against the floor and ceiling; the error says which bound.
    pub fn check(&self) -> Result<(), String> {
        let (f, c) = (Self::FLOOR, Self::CEILING);
        if self.memory_mib < f.memory_mib || self.iterations < f.iterations || self.parallelism < 1 {
            return Err(format!(
                "below the floor ({} MiB, t={}): memory {} MiB, t={}, p={}",
                f.memory_mib, f.iterations, self.memory_mib, self.iterations, self.parallelism
            ));
        }
        if self.memory_mib > c.memory_mib || self.iterations > c.iterations || self.parallelism > c.parallelism {
            return Err(format!(
                "above the ceiling ({} MiB, t={}, p={}): memory {} MiB, t={}, p={}",
                c.memory_mib, c.iterations, c.parallelism, self.memory_mib, self.iterations, self.parallelism
            ));
        }
        Ok(())
    }

    /// Derives the 256-bit KEK. Call [`KdfParams::check`] first; this refuses unchecked values too.
    pub fn derive(&self, passphrase: &[u8], salt: &[u8]) -> Result<Key32, String> {
        self.check()?;
        let params = Params::new(self.memory_mib * 1024, self.iterations, self.parallelism, Some(32))
            .map_err(|e| e.to_string())?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let mut out = [0u8; 32];
        argon.hash_password_into(passphrase, salt, &mut out).map_err(|e| e.to_string())?;
        let key = Key32::from_bytes(out);
        zeroize::Zeroize::zeroize(&mut out);
        Ok(key)
    }

    /// The parameters as bytes for associated data.
    pub fn to_ad(self) -> [u8; 12] {
        let mut b = [0u8; 12];
        b[..4].copy_from_slice(&self.memory_mib.to_be_bytes());
        b[4..8].copy_from_slice(&self.iterations.to_be_bytes());
        b[8..].copy_from_slice(&self.parallelism.to_be_bytes());
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_and_ceiling_are_enforced() {
        assert!(KdfParams::FLOOR.check().is_ok());
        assert!(KdfParams::DEFAULT.check().is_ok());
        let weak = KdfParams { memory_mib: 4, ..KdfParams::FLOOR };
        assert!(weak.check().unwrap_err().contains("below the floor"));
        assert!(weak.derive(b"pw", &[0; 16]).is_err());
        let zero_t = KdfParams { iterations: 0, ..KdfParams::FLOOR };
        assert!(zero_t.check().is_err());
        let huge = KdfParams { memory_mib: 1 << 20, ..KdfParams::FLOOR };
        assert!(huge.check().unwrap_err().contains("above the ceiling"));
    }

    #[test]
    fn argon2id_known_answer() {
        // Argon2id v1.3, m=8 MiB, t=1, p=1, password "password", salt "somesaltsomesalt".
        // Pins the algorithm, version and parameter mapping: a change here locks users out.
        let k = KdfParams::FLOOR.derive(b"password", b"somesaltsomesalt").unwrap();
        let again = KdfParams::FLOOR.derive(b"password", b"somesaltsomesalt").unwrap();
        assert_eq!(k.expose(), again.expose());
        assert_eq!(hex::encode(k.expose()), KAT_FLOOR);
        let other = KdfParams::FLOOR.derive(b"passwore", b"somesaltsomesalt").unwrap();
        assert_ne!(k.expose(), other.expose());
    }

    // Computed independently with libargon2 (argon2-cffi `hash_secret_raw`, Type.ID).
    const KAT_FLOOR: &str = "84fb006bbc3cd69895722b64b5bf735251a9e8e9f3ecb93ff595b98aeb7accb7";
}
